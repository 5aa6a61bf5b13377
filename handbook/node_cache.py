"""What one process keeps of the files it has loaded and validated, while their bytes are unchanged."""

from __future__ import annotations

from pathlib import Path

from handbook import cache
from handbook.nodes import Node
from handbook.problems import Problem


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

    def remember(self, key: tuple, value: object, found: tuple[Problem, ...], contents: tuple[tuple[Path, str], ...] = ()) -> None:
        """Keep `value` under `key` for as long as each file of `contents` has the digest beside it.

        Each digest must be taken before the file was read for `value` (`content_digest`): a file
        saved again while it was being validated then no longer matches, where a digest taken
        afterwards would tie what was read before the save to the bytes after it.
        """
        if len(self._validated) >= self.VALIDATED_LIMIT:
            self._validated.clear()
        self._validated[key] = (value, found, tuple(contents))

    def parsed(self, path: Path, data: bytes) -> tuple[Node | None, tuple[Problem, ...]] | None:
        """The node the file at `path` was parsed into and the problems found, if it was parsed from `data`."""
        known = self._files.get(path.resolve())
        if known is None or known[0] != data:
            return None
        return known[1], known[2]

    def keep_parsed(self, path: Path, data: bytes, node: Node | None, found: tuple[Problem, ...]) -> None:
        """Keep what the file at `path` was parsed into from `data`."""
        if len(self._files) >= self.FILES_LIMIT:
            self._files.clear()
        self._files[path.resolve()] = (data, node, found)


def content_digest(path: Path) -> str:
    """A digest of the bytes of the file at `path` now ("" when it cannot be read)."""
    try:
        return cache.key([Path(path).read_bytes()])
    except OSError:
        return ""


def _contents(files) -> tuple[tuple[Path, str], ...]:
    """Each file with a digest of its bytes now."""
    return tuple((Path(path), content_digest(path)) for path in files)
