"""Write a file atomically: into a temporary file beside the target, renamed into place on success.

A failed write leaves no partial file and never touches what was at the target before.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, TypeVar

from handbook.errors import OutputError

T = TypeVar("T")


def check_target(target: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse output paths that would overwrite an input or cannot hold a file."""
    resolved = target.resolve()
    if resolved in {Path(p).resolve() for p in inputs}:
        raise OutputError(f"{target}: the output would overwrite one of the handbook's input files; choose another output path")
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; expected a file path such as {target / 'handbook.pdf'}")
    if target.exists() and not target.is_file():
        # A device, pipe or socket: renaming a PDF over it would replace it, not write into it.
        raise OutputError(f"{target}: is not a regular file (a device, pipe or socket); expected a path for a PDF file")
    for parent in resolved.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"{target}: '{parent}' is a file, so no folder can be made there; choose another output path")
            break


def write_atomically(target: Path, produce: Callable[[BinaryIO], T]) -> T:
    """Call `produce` with a temporary file beside `target`, then rename it into place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here ({exc.strerror}); choose a folder you can write to") from None
    try:
        with os.fdopen(handle, "wb") as out:
            result = produce(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as exc:
        _remove(temporary)
        raise OutputError(f"{target}: writing failed ({exc.strerror}); the previous file, if any, is unchanged") from None
    except BaseException:
        _remove(temporary)
        raise
    return result


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
