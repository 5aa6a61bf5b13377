"""The errors a user can cause, reported as `file:line: message` lines.

A user's mistake is a `click.ClickException` (one clean message, exit 1);
anything else is a bug and keeps its traceback. The problems themselves are
plain data in `problems.py`, which the model and validation use without click.
"""

from __future__ import annotations

import click

from handbook.problems import Problem, Problems, counted


def raise_problems(problems: Problems, strict: bool = False) -> None:
    """Fail with every error; with `strict`, warnings count as errors too."""
    found = problems.all if strict else problems.errors
    if any(not p.warning for p in found) or (strict and found):
        raise ContentError(list(found))


class HandbookError(click.ClickException):
    """A problem the user can fix; printed without a traceback, exit 1."""

    def show(self, file=None) -> None:  # noqa: D102 - click's own signature
        click.echo(self.format_message(), err=True)


class ContentError(HandbookError):
    """One or more problems in the YAML content, each with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.where.file, p.where.line))
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{counted(count, 'problem')} found.")
        super().__init__("\n".join(lines))


class OutputError(HandbookError):
    """The PDF could not be written where it was asked for."""
