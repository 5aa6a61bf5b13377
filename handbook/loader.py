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

import re
from pathlib import Path

from handbook import cache
from handbook.display import closest_file, display_path, folder_name
from handbook.node_cache import NodeCache
from handbook.nodes import NODES_FORMAT, Node, as_plain_data, from_plain_data
from handbook.problems import Problems, Where, os_problem

DERIVED_BY = ("loader.py", "yaml_events.py", "nodes.py")  # the code that makes a cached file's nodes

MAX_FILE_BYTES = 1_000_000
# What YAML 1.1 does not allow in a file (PyYAML's own rule), found before PyYAML would raise.
# Compiled when first needed: the character class takes ~9 ms to compile.
_NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def load_file(path: Path, problems: Problems, cache: NodeCache | None = None) -> Node | None:
    """Read and compose one YAML file; on failure record the problem and return None.

    With `cache`, a file whose bytes were parsed before in this process is not parsed again.
    """
    if cache is None:
        return _load_file(path, problems)
    own = Problems()
    data = _read(path, own)
    if data is None:
        problems.extend(own.errors)
        return None
    known = cache.parsed(path, data)
    if known is None:
        node = load_bytes(data, display_path(path), own)
        known = node, tuple(own.errors)
        cache.keep_parsed(path, data, *known)
    node, found = known
    problems.extend(found)
    return node


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
        folder = display_path(path.parent)
        typed = "" if folder in ("", ".") else folder.rstrip("/") + "/"  # suggest the file as the path was typed
        hint = closest_file(path.name, path.parent).replace("did you mean ", f"did you mean {typed}", 1)
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
    name = cache.key([data], f"nodes {NODES_FORMAT}", code=DERIVED_BY)
    stored = cache.fetch("yaml", name)
    if stored is not None:
        try:
            return from_plain_data(stored, shown)
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
        problems.add(
            Where(shown, line), f"contains the control character U+{ord(bad.group()):04X}, which YAML files cannot hold; remove it"
        )
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
        cache.store("yaml", name, as_plain_data(root))
    return root
