"""How paths are shown in messages: as the user would read them, and the closest existing
file to one that is missing ("did you mean ...?")."""

from __future__ import annotations

import os
from pathlib import Path

# Extensions that name the same kind of file, for "did you mean ...?".
_KINDS = ({".yaml", ".yml"}, {".png", ".jpg", ".jpeg"})
_SKIP = {"build", "node_modules", "__pycache__"}
_DEPTH = 3  # folders below the lookup folder searched for a close name
_MAX_CANDIDATES = 2000


def display_path(path: Path) -> str:
    """The path as a user would want to read it: relative to the working directory when inside it."""
    try:
        # realpath, not resolve(): a loop of symbolic links or an over-long name must not raise here.
        return str(Path(os.path.realpath(path)).relative_to(os.path.realpath(Path.cwd())))
    except (ValueError, OSError):
        return str(path)


def folder_name(folder: Path) -> str:
    """A folder as a user would read it: relative to the working directory, or absolute; never '.'."""
    shown = display_path(folder)
    return shown if shown not in ("", ".") else os.path.realpath(folder)


def closest_file(name: str, folder: Path) -> str:
    """'; did you mean X?' naming the existing file of the same kind closest to `name` near `folder`, or ''."""
    import difflib  # only when a file is missing: not at start-up

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
