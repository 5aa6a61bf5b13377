"""A small on-disk cache of facts derived from files, named by a hash of the files' bytes.

Reading the metrics of the four bundled TrueType faces costs more than the
rest of a build's set-up, and they never change between runs. What is derived
from them is kept under $XDG_CACHE_HOME/handbook (else ~/.cache/handbook) in
`marshal` form: plain data only, nothing is run when it is read back. An entry
that is missing, unreadable or of another version is derived again; a cache
folder that cannot be written is simply not used. Output never depends on it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Iterable

FORMAT = 1  # raise when what is stored changes shape


def key(sources: Iterable[bytes], *versions: str) -> str:
    """A name for what is derived from the bytes of `sources` by code at `versions`."""
    digest = hashlib.sha1(usedforsecurity=False)  # a name, not a signature; the quickest hash here
    for data in sources:
        digest.update(hashlib.sha1(data, usedforsecurity=False).digest())
    for version in (str(FORMAT), sys.version.split()[0], *versions):
        digest.update(b"\0" + version.encode())
    return digest.hexdigest()


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
        partial.write_bytes(data)
        os.replace(partial, target)  # readers see the whole entry or none
    except OSError:
        try:
            partial.unlink()
        except OSError:
            pass
