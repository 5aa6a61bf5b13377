"""Find the files that content names, relative to a folder, and say plainly why one cannot be used.

A missing file names the folder it was looked for in and the closest file that
does exist; a Windows path is told to use forward slashes; a path the operating
system refuses (too long, a loop of symbolic links, no permission) is reported
in words, at the field that names it, instead of as a traceback.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from handbook.errors import os_problem, shown_name
from handbook.loader import Node, display_path
from handbook.validate.fields import Reader

WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]|\\")
# Extensions that name the same kind of file, for "did you mean ...?".
_KINDS = ({".yaml", ".yml"}, {".png", ".jpg", ".jpeg"})
_SKIP = {"build", "node_modules", "__pycache__"}
_DEPTH = 3  # folders below the lookup folder searched for a close name
_MAX_CANDIDATES = 2000

def folder_name(folder: Path) -> str:
    """A folder as a user would read it: relative to the working directory, or absolute; never '.'."""
    shown = display_path(folder)
    return shown if shown not in ("", ".") else os.path.realpath(folder)


def is_file(path: Path) -> bool:
    """Whether `path` is a file, False when the system cannot look (too long, a loop, no permission)."""
    try:
        return path.is_file()
    except OSError:
        return False


def find(
    read: Reader, node: Node, field: str, name: str, folder: Path, *, what: str = "file", expected: str = "a file", example: str = "sections/day.yaml"
) -> Path | None:
    """The file `name` names relative to `folder`, resolved; a problem at `node` when it cannot be used."""
    shown = shown_name(name)
    if WINDOWS_PATH.search(name):
        forward = name.replace("\\", "/")
        if not re.match(r"^[A-Za-z]:/", forward) and is_file(folder / forward):
            hint = f": {forward}"
        else:
            hint = f", such as {example}{closest(forward.rsplit('/', 1)[-1], folder)}"
        read.error(node.where, field, f"'{shown}' is a Windows path; use forward slashes, relative to {_relative_to(folder)}{hint}")
        return None
    path = folder / name
    try:
        if path.is_dir():
            read.error(node.where, field, f"{what} '{shown}' is a directory; expected {expected}")
            return None
        if path.is_file():
            return Path(os.path.realpath(path))
        os.stat(path)  # raises the reason an existing-looking path cannot be used
    except OSError as exc:
        if exc.errno != errno.ENOENT:
            reason, fix = os_problem(exc)
            read.error(node.where, field, f"{what} '{shown}' cannot be used: {reason}; {fix}")
            return None
    read.error(node.where, field, f"{what} '{shown}' not found in {folder_name(folder)}; expected {expected} relative to that folder{closest(name, folder)}")
    return None


def _relative_to(folder: Path) -> str:
    shown = display_path(folder)
    return "the project folder" if shown in ("", ".") else f"the folder {shown}"


def closest(name: str, folder: Path) -> str:
    """'; did you mean X?' naming the existing file of the same kind closest to `name` near `folder`, or ''."""
    import difflib

    up = ""
    while name.startswith("../"):  # ../sections/day.yaml is looked for among the files of ..
        up, name, folder = up + "../", name[3:], folder / ".."
    suffix = Path(name).suffix.lower()
    kind = next((k for k in _KINDS if suffix in k), {suffix})
    candidates = [up + c for c in _files(folder, kind)]
    name = up + name
    if not candidates:
        return ""
    wanted = name.casefold()
    base = wanted.rsplit("/", 1)[-1]
    same_name = [c for c in candidates if c.casefold() == wanted] or [c for c in candidates if c.rsplit("/", 1)[-1].casefold() == base]
    if same_name:
        # The file itself, written in other capitals or in another folder: sections/day.yaml for section/day.yaml.
        return f"; did you mean {same_name[0]}?"
    # A mistyped file name: the closest name, preferring files in the folder the path names.
    here = name.rsplit("/", 1)[0] if "/" in name else ""
    stems: dict[str, str] = {}
    for candidate in sorted(candidates, key=lambda c: (c.rsplit("/", 1)[0] if "/" in c else "") != here):
        stems.setdefault(Path(candidate).stem.casefold(), candidate)
    found = difflib.get_close_matches(Path(base).stem, list(stems), n=1, cutoff=0.6)
    return f"; did you mean {stems[found[0]]}?" if found else ""


def _files(folder: Path, kind: set[str]) -> list[str]:
    """Files with an extension in `kind` in `folder` and a few folders below, as paths relative to it."""
    found: list[str] = []
    try:
        for here, folders, files in os.walk(folder):
            depth = len(Path(here).relative_to(folder).parts)
            folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in _SKIP) if depth < _DEPTH else []
            for file in sorted(files):
                if Path(file).suffix.lower() in kind and not file.startswith("."):
                    found.append(Path(here, file).relative_to(folder).as_posix())
            if len(found) >= _MAX_CANDIDATES:
                break
    except (OSError, ValueError):
        pass
    return found
