"""A small on-disk cache of facts derived from files: font metrics and coverage, parsed YAML.

Parsing the bundled TrueType faces and importing PyYAML cost more than the
rest of a build's set-up, and the files rarely change between runs. What is
derived from them is kept under $XDG_CACHE_HOME/handbook (else
~/.cache/handbook) in `marshal` form (plain data only, nothing is run when it
is read back), named by the files' bytes (`key`) or, where reading them would
cost what the cache saves, by their name, size and time (`stamp`). An entry
that is missing, unreadable or of another version is derived again; a cache
folder that cannot be written is simply not used. Output never depends on it.
"""

from __future__ import annotations

import binascii
import marshal
import os
import sys
from pathlib import Path
from typing import Iterable

FORMAT = 1  # raise when what is stored changes shape
ENTRIES_KEPT = 2000  # past this, storing an entry first removes the older half


def key(sources: Iterable[bytes], *versions: str) -> str:
    """A name for what is derived from the bytes of `sources` by code at `versions`.

    Each source counts by its length and CRC-32 (binascii is loaded anyway; hashlib's OpenSSL
    would cost 5 ms at start-up): enough to tell one version of a font file from another.
    """
    parts = [f"{len(data):x}-{binascii.crc32(data):08x}" for data in sources]
    label = "\0".join((str(FORMAT), sys.version.split()[0], *versions))
    return "-".join(parts) + f"-{binascii.crc32(label.encode()):08x}"


def stamp(path: Path) -> bytes:
    """What names a file without reading it: its name, size and modification time (for `key`)."""
    found = path.stat()
    return f"{path.name}:{found.st_size}:{found.st_mtime_ns}".encode()


def cache_dir() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder
            return None
    return Path(base) / "handbook"


def load(kind: str, name: str):
    """What was stored as `kind` under `name`, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return marshal.loads((folder / f"{kind}-{name}").read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def store(kind: str, name: str, value) -> None:
    """Keep `value` (plain data) as `kind` under `name`, if the cache folder can be written."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        data = marshal.dumps(value)
    except ValueError:  # not plain data: nothing to keep
        return
    target = folder / f"{kind}-{name}"
    partial = folder / f".{kind}-{name}.{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _make_room(folder)
        partial.write_bytes(data)
        os.replace(partial, target)  # readers see the whole entry or none
    except OSError:
        try:
            partial.unlink()
        except OSError:
            pass


def _make_room(folder: Path) -> None:
    """Remove the older half of the entries when there are more than ENTRIES_KEPT.

    Every edit of a file makes a new entry and leaves the old one behind; this keeps
    the folder from growing without end. Called only when something is stored.
    """
    with os.scandir(folder) as found:
        entries = [entry for entry in found if entry.is_file() and not entry.name.startswith(".")]
    if len(entries) <= ENTRIES_KEPT:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[: len(entries) - ENTRIES_KEPT // 2]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass  # another process removed it first
