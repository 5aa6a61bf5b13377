"""Load YAML files into plain nodes that remember where they came from.

Values are kept as the text the person typed: nothing is turned into a
boolean, date or number here (YAML 1.1's implicit typing would turn `no`
into False and `2024-09-01` into a date). The validator decides what each
field means. Anchors, aliases, tags and several documents in one file are
refused, and so are duplicate keys, which PyYAML would silently drop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook.errors import Problem, Problems, Where

MAX_FILE_BYTES = 1_000_000
# What YAML 1.1 does not allow in a file (PyYAML's own rule), found before PyYAML would raise.
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
MAX_DEPTH = 40


@dataclass(frozen=True)
class Scalar:
    """A single value as typed; `quoted` is False for plain scalars."""

    text: str
    where: Where
    quoted: bool

    @property
    def is_null(self) -> bool:
        return not self.quoted and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True)
class Mapping:
    """Key/value pairs in source order; keys are scalars."""

    entries: tuple[tuple[Scalar, "Node"], ...]
    where: Where

    def get(self, key: str) -> "Node | None":
        for k, value in self.entries:
            if k.text == key:
                return value
        return None

    def keys(self) -> list[str]:
        return [k.text for k, _ in self.entries]


@dataclass(frozen=True)
class Sequence:
    """A list of nodes."""

    items: tuple["Node", ...]
    where: Where


Node = Scalar | Mapping | Sequence


_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML was built with it


class _Refused(Exception):
    def __init__(self, mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def _compose(text: str, shown: str, problems: Problems) -> Node | None:
    """Build nodes straight from parser events, refusing anchors, aliases, tags and extra documents.

    Iterative, so no nesting depth can exhaust the stack; deeper than MAX_DEPTH is refused.
    """
    root: Node | None = None
    stack: list[tuple[object, list]] = []  # (start event, children so far)
    documents = 0
    for event in yaml.parse(text, Loader=_Parser):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(event.start_mark, "YAML syntax error: a file holds one YAML document; remove the extra '---' separators")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, "aliases (*name) are not allowed; write the value out in full")
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.anchor is not None:
                raise _Refused(event.start_mark, "anchors (&name) are not allowed; write the value out in full")
            if event.tag is not None and event.tag != "!":
                tag = event.tag if not event.tag.startswith("!!") else "tag:yaml.org,2002:" + event.tag[2:]
                raise _Refused(event.start_mark, f"YAML tags such as {tag!r} are not allowed; write plain values")
        where = Where(shown, event.start_mark.line + 1) if hasattr(event, "start_mark") and event.start_mark else None
        if isinstance(event, yaml.ScalarEvent):
            node: Node | None = Scalar(event.value, where, quoted=bool(event.style))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise _Refused(event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels; a handbook needs far less")
            stack.append((event, []))
            continue
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            start, children = stack.pop()
            start_where = Where(shown, start.start_mark.line + 1)
            if isinstance(start, yaml.SequenceStartEvent):
                node = Sequence(tuple(children), start_where)
            else:
                node = _mapping(children, start_where, problems)
        else:
            continue
        if stack:
            stack[-1][1].append(node)
        else:
            root = node
    return root


def _mapping(children: list[Node], where: Where, problems: Problems) -> Mapping:
    entries: list[tuple[Scalar, Node]] = []
    seen: dict[str, Where] = {}
    for key, value in zip(children[0::2], children[1::2]):
        if not isinstance(key, Scalar):
            problems.add(key.where, "a key must be a plain word; expected `name: value`")
            continue
        if key.text in seen:
            problems.add(key.where, f"duplicate key '{key.text}' (first at line {seen[key.text].line}); each key may appear once")
            continue
        seen[key.text] = key.where
        entries.append((key, value))
    return Mapping(tuple(entries), where)


def display_path(path: Path) -> str:
    """The path as a user would want to read it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class NodeCache:
    """Loaded files by resolved path, so a base guide shared by many editions is parsed once.

    It also keeps what was validated from those files (`validated`/`remember`), for
    validators whose result depends only on a file and a key they name.
    """

    VALIDATED_LIMIT = 256  # validated results kept; the store starts afresh when full

    def __init__(self) -> None:
        self._files: dict[Path, tuple[Node | None, tuple[Problem, ...]]] = {}
        self._validated: dict[tuple, tuple[object, tuple[Problem, ...]]] = {}

    def validated(self, key: tuple) -> tuple[object, tuple[Problem, ...]] | None:
        """What was validated under `key`, and the problems found doing it; None if nothing was."""
        return self._validated.get(key)

    def remember(self, key: tuple, value: object, found: tuple[Problem, ...]) -> None:
        if len(self._validated) >= self.VALIDATED_LIMIT:
            self._validated.clear()
        self._validated[key] = (value, found)

    def load(self, path: Path, problems: Problems) -> Node | None:
        key = path.resolve()
        if key not in self._files:
            own = Problems()
            node = _load_file(path, own)
            self._files[key] = (node, tuple(own.errors))
        node, found = self._files[key]
        for problem in found:
            problems.add(problem.where, problem.message)
        return node


def load_file(path: Path, problems: Problems, cache: NodeCache | None = None) -> Node | None:
    """Read and compose one YAML file; on failure record the problem and return None."""
    if cache is not None:
        return cache.load(path, problems)
    return _load_file(path, problems)


def _load_file(path: Path, problems: Problems) -> Node | None:
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        problems.add(Where(shown, 1), "this is a directory; expected a YAML file")
        return None
    except FileNotFoundError:
        problems.add(Where(shown, 1), "file not found; expected a YAML file at this path")
        return None
    except OSError as exc:
        problems.add(Where(shown, 1), f"cannot be read ({exc.strerror}); expected a readable YAML file")
        return None
    return load_bytes(data, shown, problems)


def load_bytes(data: bytes, shown: str, problems: Problems) -> Node | None:
    """Compose YAML text given as bytes; `shown` names it in messages."""
    if len(data) > MAX_FILE_BYTES:
        problems.add(Where(shown, 1), f"file is {len(data):,} bytes; a section file is expected to be under {MAX_FILE_BYTES:,} bytes")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(Where(shown, line), f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8 text")
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = _NON_PRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        problems.add(Where(shown, line), f"contains the control character U+{ord(bad.group()):04X}, which YAML files cannot hold; remove it")
        return None
    try:
        root = _compose(text, shown, problems)
    except _Refused as exc:
        problems.add(Where(shown, exc.mark.line + 1), exc.message)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problems.add(Where(shown, line), f"YAML syntax error: {_syntax_message(exc, text)}")
        return None
    except yaml.YAMLError as exc:
        problems.add(Where(shown, 1), f"YAML error: {exc}")
        return None
    if root is None:
        problems.add(Where(shown, 1), "the file is empty; expected a YAML mapping")
        return None
    return root


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "tabs cannot indent YAML; use spaces"
    if "expected a single document" in (exc.context or ""):
        return "a file holds one YAML document; remove the extra '---' separators"
    if "\\t" in problem or "tab" in problem:
        return "tabs cannot indent YAML; use spaces"
    if exc.context:
        started = ""
        if exc.context_mark is not None and exc.problem_mark is not None and exc.context_mark.line != exc.problem_mark.line:
            started = f" that starts at line {exc.context_mark.line + 1}"
        return f"{problem} ({exc.context}{started})"
    return problem
