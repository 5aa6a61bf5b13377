"""Typed reads of loaded nodes that record a problem instead of raising.

Every message names the field (`blocks[2].salary_table.rows[1].annual`), what
was found and what is expected. Positions in a list count from 1, as people
count: `blocks[1]` is the first block, here as in `override: block:`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from handbook.fonts import covered_characters
from handbook.markup import MarkupError, parse_inline
from handbook.model import Inline
from handbook.nodes import Mapping, Node, Scalar, Sequence, quoted
from handbook.problems import Problems, Where

T = TypeVar("T")

_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PLACEHOLDER = re.compile(r"\{((?:school|var)\.[A-Za-z_][A-Za-z0-9_]*)\}")
_MARKUP_CHARS = re.compile(r"([*\[\]\\])")


def describe(node: Node) -> str:
    """How a node looks to the person who wrote it, for 'got ...' in messages."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if node.is_null:
        return "nothing"
    shown = node.text if len(node.text) <= 40 else node.text[:37] + "..."
    return f"'{shown}'"


def split_by_colon(node: Node) -> str | None:
    """The text a list item was meant to be when an unquoted ': ' made it a one-key mapping
    (`- Note: bring your ID`); None for anything else."""
    if isinstance(node, Mapping) and len(node.entries) == 1:
        key, value = node.entries[0]
        if isinstance(value, Scalar) and not key.quoted and not value.quoted and not value.is_null and key.where.line == value.where.line:
            return f"{key.text}: {value.text}"
    return None


def became_mapping(text: str) -> str:
    """The message for an item that `split_by_colon` found."""
    return f"this item became a mapping because of the ': ' in it; quote the text: - {quoted(text)}"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt `word`, or None when nothing is close."""
    import difflib  # only when there is a mistake to suggest a fix for

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean ...?)' hint, or '' when nothing is close."""
    close = closest(word, choices)
    return f"; did you mean '{close}'?" if close else ""


def join(path: str, key: str | int) -> str:
    """The field `key` of `path`; an int is a list index (from 0), shown as a position counting from 1."""
    if isinstance(key, int):
        return f"{path}[{key + 1}]"
    return f"{path}.{key}" if path else key


class Reader:
    """Reads typed values out of nodes, adding each problem to `problems`."""

    def __init__(self, problems: Problems, variables: dict[str, str] | None = None) -> None:
        self.problems = problems
        self.variables = variables or {}
        self.font = ""
        self.glyphs: frozenset[int] | None = None  # what the handbook's font can draw, once known
        self.placeholders_seen = False  # whether any text read so far had a {school.*} or {var.*}
        self.files_seen: list = []  # files (images, CSVs) that what was read refers to, as resolved paths
        self.digests_seen: dict = {}  # the digest of each of them, taken before it was read
        self._empty_reported: set[tuple[Where, str]] = set()

    def sharing(self, problems: Problems) -> Reader:
        """A reader with these variables and this font that adds its problems to `problems`."""
        other = Reader(problems, self.variables)
        other.font, other.glyphs = self.font, self.glyphs
        return other

    def saw(self, path) -> None:
        """Note a file that what is being read refers to, with a digest of its bytes before they are read."""
        from handbook.node_cache import content_digest

        self.files_seen.append(path)
        self.digests_seen.setdefault(path, content_digest(path))

    def use_font(self, family: str) -> None:
        """Check drawn text against what `family` can draw from now on."""
        self.font, self.glyphs = family, covered_characters(family)

    def error(self, where: Where, path: str, message: str) -> None:
        self.problems.add(where, f"{path}: {message}" if path else message)

    def empty(self, node: Node, path: str, expected: str) -> None:
        """Report a value that was required but left empty, once, with the fix when a `#` hid it."""
        if (node.where, path) in self._empty_reported:
            return
        self._empty_reported.add((node.where, path))
        hidden = node.comment if isinstance(node, Scalar) else ""
        hidden = re.split(r"\s+#", hidden, maxsplit=1)[0].rstrip()  # the value meant, without a comment after it
        if len(hidden) > 1 and not hidden[1].isspace():
            fix = f"- {quoted(hidden)}" if path.endswith("]") else f"{path.rsplit('.', 1)[-1]}: {quoted(hidden)}"
            self.error(
                node.where,
                path,
                f"is empty, because YAML reads an unquoted # as the start of a comment; a value starting with # must be quoted: {fix}",
            )
        else:
            self.error(node.where, path, f"is empty; {expected}")

    def mapping(self, node: Node, path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> Mapping | None:
        """Check that `node` is a mapping with only `allowed` keys and every `required` one.

        A misspelt key is reported once, then read as the key it is closest to, so that
        `scool:` does not also make `school:` missing and every {school.*} undefined.
        """
        if not isinstance(node, Mapping):
            self.error(node.where, path, f"expected a mapping of {', '.join(allowed)}; got {describe(node)}")
            return None
        allowed = list(allowed)
        meant: dict[str, str] = {}
        for key, _ in node.entries:
            if key.text not in allowed:
                close = closest(key.text, allowed)
                self.error(
                    key.where,
                    join(path, key.text),
                    f"unknown key; expected one of {', '.join(allowed)}" + (f"; did you mean '{close}'?" if close else ""),
                )
                if close and close not in node.keys() and close not in meant.values():
                    meant[key.text] = close
        if meant:
            node = Mapping(tuple((Scalar(meant.get(k.text, k.text), k.where, k.quoted), v) for k, v in node.entries), node.where)
        for key in required:
            value = node.get(key)
            if value is None:
                self.error(node.where, join(path, key), "is missing; this field is required")
            elif _is_null(value):
                self.empty(value, join(path, key), "this field is required")
        return node

    def text(self, node: Node | None, path: str, *, required: bool = False, default: str = "") -> str:
        """A single line of text, exactly as typed, with {school.*} and {var.*} placeholders filled in."""
        return self._text(node, path, required=required, default=default, markup=False)

    def file_name(self, node: Node | None, path: str, *, required: bool = False, default: str = "") -> str:
        """A path to a file: text that is never drawn, so any character may appear."""
        return self._text(node, path, required=required, default=default, markup=False, drawn=False)

    def inline(self, node: Node | None, path: str, *, required: bool = False) -> Inline:
        """Text with the documented inline markup, parsed into spans."""
        raw = self._text(node, path, required=required, default="", markup=True)
        if not raw:
            return ()
        try:
            return parse_inline(" ".join(raw.split()))
        except MarkupError as exc:
            self.error(node.where, path, str(exc))
            return ()

    def _text(self, node: Node | None, path: str, *, required: bool, default: str, markup: bool, drawn: bool = True) -> str:
        if node is None or _is_null(node):
            if required and node is not None:
                self.empty(node, path, "expected text")
            return default
        if not isinstance(node, Scalar):
            meant = split_by_colon(node)
            self.error(node.where, path, became_mapping(meant) if meant else f"expected text; got {describe(node)}")
            return default
        bad = _CONTROL.search(node.text)
        if bad:
            self.error(node.where, path, f"contains the control character U+{ord(bad.group()):04X}; expected printable text")
            return default
        text = self._fill(node, path, node.text.strip(), markup)
        if drawn and self.glyphs is not None:
            missing = sorted({c for c in text if ord(c) not in self.glyphs and not c.isspace()})
            if missing:
                shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:8]) + (" and more" if len(missing) > 8 else "")
                self.error(
                    node.where, path, f"the font {self.font} cannot draw {shown}; they would print as empty boxes, so use other characters"
                )
                return default
        return text

    def _fill(self, node: Scalar, path: str, text: str, markup: bool) -> str:
        """Replace each {school.x} / {var.x} with its value; an undefined one is a problem."""

        def value(match: re.Match) -> str:
            self.placeholders_seen = True
            name = match.group(1)
            if name not in self.variables:
                if not self.variables:
                    hint = "; placeholders are filled from a school profile (handbook build --school PROFILE)"
                else:
                    hint = f"; defined are {', '.join('{' + v + '}' for v in sorted(self.variables))}{suggest(name, self.variables)}"
                self.error(node.where, path, f"undefined variable {{{name}}}{hint}")
                return match.group(0)
            filled = self.variables[name]
            return _MARKUP_CHARS.sub(r"\\\1", filled) if markup else filled

        return PLACEHOLDER.sub(value, text)

    def number(self, node: Node | None, path: str, *, minimum: float = 0) -> float | None:
        """A number such as 42630, 42,630 or 20.50."""
        if node is None or _is_null(node):
            return None
        if not isinstance(node, Scalar) or not _NUMBER.fullmatch(node.text.strip().lstrip("$")):
            self.error(node.where, path, f"expected a number such as 42630 or 20.50; got {describe(node)}")
            return None
        value = float(node.text.strip().lstrip("$").replace(",", ""))
        if value < minimum:
            self.error(node.where, path, f"expected a number of at least {minimum:g}; got {describe(node)}")
            return None
        return value

    def choice(self, node: Node | None, path: str, choices: tuple[str, ...], default: str) -> str:
        """One word out of a fixed set."""
        value = self.text(node, path, default=default)
        if value not in choices:
            self.error(node.where, path, f"'{value}' is not one of {', '.join(choices)}{suggest(value, choices)}")
            return default
        return value

    def flag(self, node: Node | None, path: str, default: bool) -> bool:
        """true or false."""
        value = self.text(node, path, default="")
        if not value:
            return default
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        self.error(node.where, path, f"expected true or false; got {describe(node)}")
        return default

    def items(self, node: Node | None, path: str, read: Callable[[Node, str], T], *, required: bool = True) -> tuple[T, ...]:
        """A list whose every item is read with `read`; an empty list is a problem when `required`."""
        if node is None or _is_null(node):
            if required and node is not None:
                self.empty(node, path, "expected a list with at least one item")
            return ()
        if not isinstance(node, Sequence):
            self.error(node.where, path, f"expected a list (lines starting with '- '); got {describe(node)}")
            return ()
        if required and not node.items:
            self.error(node.where, path, "is an empty list; expected at least one item")
        return tuple(read(item, join(path, i)) for i, item in enumerate(node.items))


def _is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.is_null
