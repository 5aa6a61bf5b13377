"""Where a problem is, what it is, and the problems of one run collected to be reported at once.

Plain data, below every other part of the package (the model names places with `Where`);
turning problems into the command's failure is `errors.raise_problems`.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass

OS_REASONS = {
    errno.ENAMETOOLONG: ("this path is too long", "use a shorter file or folder name"),
    errno.ELOOP: ("it leads into a loop of symbolic links", "point the link at a real file"),
    errno.EACCES: ("permission denied", "make the file and the folders above it readable"),
    errno.EPERM: ("permission denied", "make the file and the folders above it readable"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "check the folder names in the path"),
}


def os_problem(exc: OSError) -> tuple[str, str]:
    """What an operating-system error on a path means, and what to do about it, in words."""
    reason = (exc.strerror or str(exc)).lower()
    return OS_REASONS.get(exc.errno, (reason, "check the path"))


def counted(number: int, noun: str, plural: str = "") -> str:
    """'1 page', '2 pages': a number with its noun in the singular or the plural."""
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


def shown_name(name: str) -> str:
    """A path as typed, shortened when it is too long to read in a message."""
    return name if len(name) <= 60 else f"{name[:30]}...{name[-20:]}"


@dataclass(frozen=True)
class Where:
    """A place in a source file: the path as shown to the user and a 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file  # line 0: not in a file (an option)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, at one place."""

    where: Where
    message: str
    warning: bool = False

    def __str__(self) -> str:
        label = "warning: " if self.warning else ""
        return f"{self.where}: {label}{self.message}"


class Problems:
    """Collects every problem of a run so they can be reported at once."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, where: Where, message: str) -> None:
        self._items.append(Problem(where, message))

    def warn(self, where: Where, message: str) -> None:
        self._items.append(Problem(where, message, warning=True))

    def extend(self, found: Iterable[Problem]) -> None:
        """Add problems found elsewhere (by an earlier run of the same check), as they are."""
        self._items.extend(found)

    @property
    def all(self) -> tuple[Problem, ...]:
        return tuple(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self._items if p.warning]
