"""A small on-disk cache of facts derived from files: font metrics and coverage, parsed YAML.

Parsing the bundled TrueType faces and importing PyYAML cost more than the
rest of a build's set-up, and the files rarely change between runs. What is
derived from them is kept under $XDG_CACHE_HOME/handbook (else
~/.cache/handbook) in `marshal` form (plain data only, nothing is run when it
is read back).

Every entry is named by `key`: a BLAKE2b digest of the bytes it was derived
from, together with the versions of Python, handbook and the library that
derived it, and the source of handbook's own modules that derive it (so code
changed by a pull or an edit never reads what older code stored). Nothing else
names an entry (not a file's name, size or time), so an entry can only be found
by the very bytes it came from, and a file edited in any way, even with its
size and time kept, misses. What is kept:

- `yaml`: a YAML file that parsed without a problem, as plain nodes; named by
  the file's bytes.
- `face`: what ReportLab derives from a TrueType face; named by the SHA-256 of
  the font file (hashlib is loaded with ReportLab anyway and is quicker than
  BLAKE2b on a file this size), so metrics never come from other bytes than
  the ones embedded.
- `coverage`: the characters a face can draw; named by the bytes of the
  face's `cmap` table, the only part of the file they depend on.

An entry that is missing, unreadable or of another version is derived again;
a cache folder that cannot be written is simply not used. HANDBOOK_NO_CACHE=1
(`handbook --no-cache`) turns this cache and every in-process memo off, so a
build can be compared with one that derives everything afresh: the two give
the same bytes.
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
from _blake2 import blake2b  # hashlib would load OpenSSL first: 5 to 10 ms at start-up
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from handbook import __version__

T = TypeVar("T")

FORMAT = 2  # raise when what is stored changes shape
ENTRIES_KEPT = 2000  # past this, storing an entry first removes the older half


def enabled() -> bool:
    """False when HANDBOOK_NO_CACHE is set (to anything but 0): no on-disk cache, no memo."""
    return os.environ.get("HANDBOOK_NO_CACHE", "") in ("", "0")


def key(sources: Iterable[bytes], *versions: str, code: tuple[str, ...] = ()) -> str:
    """A name for what is derived from the bytes of `sources` by code at `versions`.

    A 160-bit BLAKE2b digest of each source's length and bytes, of the versions of the cache
    format, Python and handbook and those given, and of the source of the package's modules
    named in `code` (the ones that derive the entry): two different inputs never share a name,
    and a changed deriver (a `git pull`, an edit) never reads what older code stored.
    """
    digest = blake2b(digest_size=20)
    for label in (str(FORMAT), sys.version.split()[0], __version__, *versions, *(code_digest(name) for name in code)):
        digest.update(b"v%d:%s" % (len(label.encode()), label.encode()))
    for data in sources:
        digest.update(b"s%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


@functools.cache
def code_digest(module_file: str) -> str:
    """A digest of the source of one of the package's modules (a path relative to the package, such as 'loader.py').

    Read once per process: the code that runs does not change while it runs.
    """
    return blake2b((Path(__file__).parent / module_file).read_bytes(), digest_size=16).hexdigest()


def memo(maxsize: int | None = 8) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """functools.lru_cache, bypassed while the cache is turned off (`enabled()`).

    For work that depends only on its arguments, never on a file named by them.
    """

    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        remembered = functools.lru_cache(maxsize)(function)

        @functools.wraps(function)
        def call(*args, **kwargs):
            return remembered(*args, **kwargs) if enabled() else function(*args, **kwargs)

        call.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
        call.cache_info = remembered.cache_info  # type: ignore[attr-defined]
        return call

    return wrap


def cache_dir() -> Path | None:
    """The cache folder, or None when there is none to use (no home folder, or turned off)."""
    if not enabled():
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder
            return None
    return Path(base) / "handbook"


def fetch(kind: str, name: str):
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
