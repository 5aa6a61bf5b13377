"""`handbook watch`: build an edition, then build it again, in the same warm process, each time one of its files changes.

What is watched is what the edition was built from (the files its depfile lists), found
again after every build, so a section added to the manifest is watched from then on. The
folders that hold them are watched rather than the files, so an editor that saves by
writing a new file and renaming it over the old one, or a file deleted and made again, is
seen. Changes are grouped by watchfiles until the files are quiet for STEP_MS; a build that
fails while a file is still changing is not reported but made again once the files settle.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from handbook.errors import HandbookError
from handbook.problems import counted

STEP_MS = 50  # quiet this long after a change before building
READ_LIMIT = 1 << 20  # files up to this size are compared byte for byte
CHECK_MS = 250  # with no event this long, the inputs are compared with what the last build read
SETTLE_SECONDS = 0.1  # a failed build is reported only if no input changed for this long after it
# What a file not yet among the inputs must be to be worth a build while the last one failed:
# a section or profile the manifest names but that was missing, say.
INPUT_SUFFIXES = {".yaml", ".yml", ".csv", ".png", ".jpg", ".jpeg", ".ttf", ".otf"}


def _stamps(paths) -> dict[Path, object]:
    """What each file holds now: the bytes of a small one (YAML, CSV, a logo), size and time of a large one (a font).

    A file's time moves in the kernel's ticks, and two saves of a paragraph often have the same
    length, so the bytes of the files people edit are compared, not their size and time.
    """
    found: dict[Path, object] = {}
    for path in paths:
        try:
            status = path.stat()
            found[path] = path.read_bytes() if status.st_size <= READ_LIMIT else (status.st_mtime_ns, status.st_size)
        except OSError:
            found[path] = None
    return found


class Watcher:
    """Builds one edition again whenever what it is built from changes, and says what happened."""

    def __init__(
        self, manifest: Path | None, school: Path | None, output: Path | None, echo: Callable[..., None], language: str | None = None
    ) -> None:
        from handbook import cache
        from handbook.node_cache import NodeCache

        self.manifest, self.school, self.output, self.echo, self.language = manifest, school, output, echo, language
        self.source = Path(school or manifest).resolve()
        self.inputs: set[Path] = {self.source}
        self.failed = False
        self.cache = NodeCache() if cache.enabled() else None
        self.shown_warnings: tuple[str, ...] | None = None
        self.builds = 0
        self.written: Path | None = None  # the PDF the last good build wrote
        self.built_from: dict[Path, tuple[int, int] | None] = {}  # the inputs as the last build found them

    def build(self) -> None:
        """Build once; report the PDF written (and new warnings), or the problems found."""
        from handbook.build import build_handbook

        while True:
            before = self.built_from = _stamps(self.inputs)
            started = time.perf_counter()
            self.builds += 1
            try:
                result = build_handbook(self.manifest, self.output, school=self.school, cache=self.cache, language=self.language)
            except HandbookError as exc:
                time.sleep(SETTLE_SECONDS)
                if _stamps(self.inputs) != before:
                    continue  # a file was still being written: build what it settles to
                self.failed = True
                self.shown_warnings = None  # once it builds again, its warnings are news
                if not self.source.is_file():
                    raise  # nothing to watch: the manifest or profile itself is not there
                self.echo(exc.format_message(), err=True)
                self.echo(f"{self._kept()}; watching for the next save", err=True)
                return
            self.failed = False
            self.inputs = {Path(path) for path in result.inputs} | {self.source}
            self.built_from = {**_stamps(self.inputs), **before}
            warnings = tuple(str(warning) for warning in result.warnings)
            if warnings != self.shown_warnings:
                for warning in warnings:
                    self.echo(warning, err=True)
                self.shown_warnings = warnings
            took = (time.perf_counter() - started) * 1000
            self.echo(f"wrote {result.output} ({counted(result.pages, 'page')}) in {took:.0f} ms, at {time.strftime('%H:%M:%S')}")
            self.written = result.output
            return

    def _kept(self) -> str:
        """What is at the output now that a build failed."""
        if self.written is not None and self.written.exists():
            return f"{self.written} is kept as the last good build made it"
        return "no PDF is written until the content builds"

    def folders(self) -> list[Path]:
        return sorted({path.parent for path in self.inputs if path.parent.is_dir()})

    def concerns(self, change, path: str) -> bool:
        """Whether a change to `path` can change the PDF: it is an input, or might be one now that a build failed."""
        path_ = Path(path)
        if path_ in self.inputs:
            return True
        return self.failed and path_.suffix.lower() in INPUT_SUFFIXES and not path_.name.startswith(".")

    def run(self, stop_event=None) -> None:
        """Build, then build again on every change, until `stop_event` is set; Ctrl-C raises KeyboardInterrupt."""
        import watchfiles

        self.build()
        while True:
            folders = self.folders()
            changes = watchfiles.watch(
                *folders,
                watch_filter=self.concerns,
                step=STEP_MS,
                recursive=False,
                stop_event=stop_event,
                rust_timeout=CHECK_MS,
                yield_on_timeout=True,
            )
            for found in changes:
                if not found and _stamps(self.built_from) == self.built_from:
                    continue  # nothing changed, not even while the watch was being set up
                self.build()
                if self.folders() != folders:
                    break  # watch the folders of the new inputs
            else:
                return
