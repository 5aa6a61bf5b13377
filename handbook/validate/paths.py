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

from handbook.display import closest_file, display_path, folder_name
from handbook.nodes import Node
from handbook.problems import os_problem, shown_name
from handbook.validate.fields import Reader

WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]|\\")


def is_file(path: Path) -> bool:
    """Whether `path` is a file, False when the system cannot look (too long, a loop, no permission)."""
    try:
        return path.is_file()
    except OSError:
        return False


def find(
    read: Reader,
    node: Node,
    field: str,
    name: str,
    folder: Path,
    *,
    what: str = "file",
    expected: str = "a file",
    example: str = "sections/day.yaml",
) -> Path | None:
    """The file `name` names relative to `folder`, resolved; a problem at `node` when it cannot be used."""
    shown = shown_name(name)
    if WINDOWS_PATH.search(name):
        forward = name.replace("\\", "/")
        if not re.match(r"^[A-Za-z]:/", forward) and is_file(folder / forward):
            hint = f": {forward}"
        else:
            hint = f", such as {example}{closest_file(forward.rsplit('/', 1)[-1], folder)}"
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
    read.error(
        node.where,
        field,
        f"{what} '{shown}' not found in {folder_name(folder)}; expected {expected} relative to that folder{closest_file(name, folder)}",
    )
    return None


def _relative_to(folder: Path) -> str:
    shown = display_path(folder)
    return "the project folder" if shown in ("", ".") else f"the folder {shown}"
