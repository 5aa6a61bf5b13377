"""Write a file atomically: into a temporary file beside the target, renamed into place on success.

A failed write leaves no partial file and never touches what was at the target before.
A writer killed mid-write (kill -9, power loss) cannot clean up after itself, so each
temporary file is named `.<target>.<pid>-<boot>.<random>.tmp` after its writer (its
process id and the machine's boot) and locked while it is written; the next write of
the same target removes those whose writer is gone, never one still being written.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

from handbook.errors import OutputError
from handbook.problems import os_problem, shown_name

T = TypeVar("T")


def check_target(target: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse output paths that would overwrite an input or cannot hold a file."""
    try:
        _check_target(target, inputs)
    except OSError as exc:
        reason, fix = os_problem(exc)
        raise OutputError(f"{shown_name(str(target))}: cannot write the PDF there: {reason}; {fix}") from None


def _check_target(target: Path, inputs: Iterable[Path]) -> None:
    resolved = Path(os.path.realpath(target))
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


def write_atomically(target: Path, produce: Callable[[BinaryIO], T], check: Callable[[Path], None] | None = None) -> T:
    """Call `produce` with a temporary file beside `target`, then rename it into place.

    `check`, if given, is called with the finished temporary file before the rename; when it
    raises, the file is removed and whatever was at `target` stays as it was.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f"{_prefix(target)}{os.getpid()}-{_boot()}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{shown_name(str(target))}: cannot write here ({exc.strerror}); choose a folder you can write to") from None
    try:
        with os.fdopen(handle, "wb") as out:
            _lock(out.fileno())  # held until the file is in place: a later build sees a live writer
            result = produce(out)
            out.flush()
            os.fsync(out.fileno())
            os.chmod(temporary, 0o644)
            if check is not None:
                check(Path(temporary))
            os.replace(temporary, target)
    except OSError as exc:
        _remove(temporary)
        raise OutputError(f"{target}: writing failed ({exc.strerror}); the previous file, if any, is unchanged") from None
    except BaseException:
        _remove(temporary)
        raise
    return result


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files of earlier writes of `target` whose writer is gone; return them.

    A file is stale when no process holds its lock and its writer is not a live process of
    this boot of this machine (a process id is only known to be gone on the machine that made it).
    """
    if os.name != "posix":
        return []
    pattern = re.compile(re.escape(_prefix(target)) + r"(\d+)-([0-9a-f]*)\.[A-Za-z0-9_]+\.tmp")
    removed = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    for name in names:
        found = pattern.fullmatch(name)
        if found is None:
            continue
        pid, boot = int(found.group(1)), found.group(2)
        if boot == _boot() and _alive(pid):
            continue
        path = target.parent / name
        if _remove_unlocked(path):
            removed.append(path)
    return removed


def _prefix(target: Path) -> str:
    # Short enough that a long target name still leaves room for the rest of the temporary name.
    return f".{target.name[:180]}."


def _boot() -> str:
    """This boot of this machine, so that a process id from before a restart is known to be gone."""
    try:
        with open("/proc/sys/kernel/random/boot_id", "rb") as file:  # bytes: no codec module to import
            return file.read().decode().strip().replace("-", "")[:12]
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _lock(fd: int) -> None:
    """Take the file's lock, or raise OSError if another process holds it (no locks where there is no flock)."""
    if os.name != "posix":
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _remove_unlocked(path: Path) -> bool:
    """Remove `path` if no process holds its lock; False when one does or it cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        try:
            _lock(fd)
        except OSError:
            return False
        _remove(str(path))
        return True
    finally:
        os.close(fd)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
