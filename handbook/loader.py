"""Load YAML files into plain nodes that remember where they came from.

Values are kept as the text the person typed: nothing is turned into a
boolean, date or number here (YAML 1.1's implicit typing would turn `no`
into False and `2024-09-01` into a date). The validator decides what each
field means. Anchors, aliases, tags and several documents in one file are
refused, and so are duplicate keys, which PyYAML would silently drop
(`yaml_events.py` does the parsing). A file that parsed cleanly is kept in
handbook's cache as plain data, named by its bytes, so that unchanged files
are read back without importing PyYAML at all.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from handbook import cache
from handbook.errors import Problem, Problems, Where, os_problem

MAX_FILE_BYTES = 1_000_000
# What YAML 1.1 does not allow in a file (PyYAML's own rule), found before PyYAML would raise.
# Compiled when first needed: the character class takes ~9 ms to compile.
_NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]"
MAX_DEPTH = 40
NODES_FORMAT = 2  # raise when the plain form of nodes in the cache changes


@dataclass(frozen=True)
class Scalar:
    """A single value as typed; `quoted` is False for plain scalars.

    `comment` keeps a `# ...` comment that stands where an empty value should be
    (`primary: #0f5e7a` is a key with no value), so a message can show the fix.
    """

    text: str
    where: Where
    quoted: bool
    comment: str = ""

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


def quoted(text: str) -> str:
    """`text` written as a quoted YAML value, for messages that show the fix: in double
    quotes, or in single quotes when it holds double ones."""
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def display_path(path: Path) -> str:
    """The path as a user would want to read it: relative to the working directory when inside it."""
    try:
        # realpath, not resolve(): a loop of symbolic links or an over-long name must not raise here.
        return str(Path(os.path.realpath(path)).relative_to(os.path.realpath(Path.cwd())))
    except (ValueError, OSError):
        return str(path)


class NodeCache:
    """Loaded files by path and bytes, so a base guide shared by many editions is parsed once.

    It also keeps what was validated from files (`validated`/`remember`), for validators
    whose result depends only on a key they name and the bytes of the files they read.
    Every file is read again on each use: what is kept is used only while the bytes are
    the same, so a file edited between two editions is never served as it was.
    """

    VALIDATED_LIMIT = 256  # validated results kept; the store starts afresh when full
    FILES_LIMIT = 512  # parsed files kept; the store starts afresh when full

    def __init__(self) -> None:
        self._files: dict[Path, tuple[bytes, Node | None, tuple[Problem, ...]]] = {}
        self._validated: dict[tuple, tuple[object, tuple[Problem, ...], tuple]] = {}

    def validated(self, key: tuple) -> tuple[object, tuple[Problem, ...]] | None:
        """What was validated under `key` and the problems found doing it, while its files are unchanged."""
        known = self._validated.get(key)
        if known is None:
            return None
        value, found, contents = known
        if contents != _contents([path for path, _ in contents]):
            return None
        return value, found

    def remember(self, key: tuple, value: object, found: tuple[Problem, ...], files=()) -> None:
        """Keep `value` under `key` for as long as each of `files` keeps the bytes it has now."""
        if len(self._validated) >= self.VALIDATED_LIMIT:
            self._validated.clear()
        self._validated[key] = (value, found, _contents(files))

    def load(self, path: Path, problems: Problems) -> Node | None:
        own = Problems()
        data = _read(path, own)
        if data is None:
            problems.extend(own.errors)
            return None
        key = path.resolve()
        known = self._files.get(key)
        if known is None or known[0] != data:
            if len(self._files) >= self.FILES_LIMIT:
                self._files.clear()
            node = load_bytes(data, display_path(path), own)
            known = self._files[key] = (data, node, tuple(own.errors))
        _, node, found = known
        problems.extend(found)
        return node


def _contents(files) -> tuple[tuple[Path, str], ...]:
    """Each file with a digest of its bytes now ("" when it cannot be read)."""
    found = []
    for path in files:
        try:
            digest = cache.key([Path(path).read_bytes()])
        except OSError:
            digest = ""
        found.append((Path(path), digest))
    return tuple(found)


def load_file(path: Path, problems: Problems, cache: NodeCache | None = None) -> Node | None:
    """Read and compose one YAML file; on failure record the problem and return None."""
    if cache is not None:
        return cache.load(path, problems)
    return _load_file(path, problems)


def _load_file(path: Path, problems: Problems) -> Node | None:
    data = _read(path, problems)
    if data is None:
        return None
    return load_bytes(data, display_path(path), problems)


def _read(path: Path, problems: Problems) -> bytes | None:
    """The bytes of the YAML file at `path`; on failure record the problem and return None."""
    shown = display_path(path)
    try:
        return path.read_bytes()
    except IsADirectoryError:
        problems.add(Where(shown, 1), "this is a directory; expected a YAML file")
        return None
    except FileNotFoundError:
        from handbook.validate.paths import closest, folder_name

        folder = display_path(path.parent)
        typed = "" if folder in ("", ".") else folder.rstrip("/") + "/"  # suggest the file as the path was typed
        hint = closest(path.name, path.parent).replace("did you mean ", f"did you mean {typed}", 1)
        problems.add(Where(shown, 1), f"file not found in {folder_name(path.parent)}; expected a YAML file at this path{hint}")
        return None
    except OSError as exc:
        reason, fix = os_problem(exc)
        problems.add(Where(shown, 1), f"cannot be read: {reason}; {fix}")
        return None


def load_bytes(data: bytes, shown: str, problems: Problems) -> Node | None:
    """Compose YAML text given as bytes; `shown` names it in messages.

    A file that parsed without a problem before is rebuilt from the cache of parsed
    files, named by its bytes, without PyYAML (whose import alone costs ~20 ms).
    """
    if len(data) > MAX_FILE_BYTES:
        problems.add(Where(shown, 1), f"file is {len(data):,} bytes; a section file is expected to be under {MAX_FILE_BYTES:,} bytes")
        return None
    name = cache.key([data], f"nodes {NODES_FORMAT}")
    stored = cache.load("yaml", name)
    if stored is not None:
        try:
            return _rebuilt(stored, shown)
        except (TypeError, ValueError, IndexError):
            pass  # stored by another shape of code: parse again
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(Where(shown, line), f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8 text")
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = re.search(_NON_PRINTABLE, text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        problems.add(Where(shown, line), f"contains the control character U+{ord(bad.group()):04X}, which YAML files cannot hold; remove it")
        return None
    from handbook.yaml_events import parse  # PyYAML is imported only when a file must be parsed

    found_before = len(problems)
    root = parse(text, shown, problems)
    clean = len(problems) == found_before
    if root is None:
        if clean:
            problems.add(Where(shown, 1), "the file is empty; expected a YAML mapping")
        return None
    if clean:
        cache.store("yaml", name, _plain(root))
    return root


def _plain(node: Node):
    """A node as plain data (for the on-disk cache): its kind, line, and content."""
    if isinstance(node, Scalar):
        return ("s", node.where.line, node.text, node.quoted, node.comment)
    if isinstance(node, Sequence):
        return ("q", node.where.line, tuple(_plain(item) for item in node.items))
    return ("m", node.where.line, tuple((_plain(key), _plain(value)) for key, value in node.entries))


def _rebuilt(plain, shown: str) -> Node:
    """The node `_plain` was made from, its places shown as `shown`."""
    kind, line = plain[0], plain[1]
    if kind == "s":
        return Scalar(plain[2], Where(shown, line), plain[3], plain[4])
    if kind == "q":
        return Sequence(tuple(_rebuilt(item, shown) for item in plain[2]), Where(shown, line))
    if kind == "m":
        return Mapping(tuple((_rebuilt(key, shown), _rebuilt(value, shown)) for key, value in plain[2]), Where(shown, line))
    raise ValueError(kind)
