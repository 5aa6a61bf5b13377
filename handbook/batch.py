"""Build many school editions in one process: shared set-up once, then N worker processes.

The first edition is built before the workers start, so forked workers inherit
the modules, fonts, parsed base guide and everything remembered while building
it, instead of paying for them again. Each worker keeps that cache for all its
jobs (what it validates joins it), rather than receiving a copy with every job.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from handbook import cache
from handbook.build import build_handbook
from handbook.display import display_path
from handbook.errors import HandbookError
from handbook.node_cache import NodeCache
from handbook.problems import counted


@dataclass(frozen=True)
class EditionResult:
    profile: Path
    output: Path
    ok: bool
    message: str  # "N pages" or the problems, one per line
    language: str | None = None  # the language asked for; None: the profile's own
    warnings: tuple[str, ...] = ()  # said once for the whole batch: most are about files every edition shares


@dataclass(frozen=True)
class BatchSummary:
    results: tuple[EditionResult, ...]
    seconds: float

    @property
    def failed(self) -> list[EditionResult]:
        return [r for r in self.results if not r.ok]


Edition = tuple[Path, str | None]  # a profile, and the language asked for (None: its own)


def output_name(profile: Path, language: str | None) -> str:
    """An edition's PDF name: the profile's name, with the language when one was asked for (riverside.pdf, riverside.es.pdf)."""
    return f"{profile.stem}.{language}.pdf" if language else f"{profile.stem}.pdf"


def plan_outputs(editions: list[Edition], out_dir: Path) -> dict[Edition, Path]:
    """Each edition's PDF path in `out_dir`; two editions writing one file is an error before anything is built."""
    outputs: dict[Edition, Path] = {}
    claimed: dict[Path, Path] = {}
    clashes = []
    for edition in editions:
        profile = edition[0]
        target = out_dir / output_name(*edition)
        if target in claimed and claimed[target] != profile:
            clashes.append(
                f"{display_path(profile)}:1: would write {display_path(target)}, as {display_path(claimed[target])} does; rename one of the profiles"
            )
        claimed[target] = profile
        outputs[edition] = target
    if clashes:
        raise HandbookError("\n".join(clashes))
    return outputs


class _Worker:
    """The cache one process shares between the editions it builds."""

    cache: NodeCache | None = None

    @classmethod
    def start(cls, cache: NodeCache | None) -> None:
        cls.cache = cache


def _build_one(job: tuple[Path, Path, bool, bool, bool, str | None]) -> EditionResult:
    """Build one edition: its profile, output, whether to write its depfile, print-shop options and language."""
    profile, output, depfile, print_shop, crop_marks, language = job
    try:
        result = build_handbook(
            None,
            output,
            school=profile,
            depfile=output.with_suffix(".d") if depfile else None,
            cache=_Worker.cache,
            print_shop=print_shop,
            crop_marks=crop_marks,
            language=language,
        )
    except HandbookError as exc:
        return EditionResult(profile, output, False, exc.format_message(), language)
    said = tuple(str(warning) for warning in result.warnings)
    return EditionResult(profile, output, True, counted(result.pages, "page"), language, said)


def _results(work: list[tuple[Path, Path, bool, bool, bool, str | None]], jobs: int) -> Iterator[EditionResult]:
    """Each job's result, in order: the first built here, the rest by `jobs` forked workers.

    The first edition is built before any worker starts, so that every worker inherits the
    modules, fonts, parsed base guide and all that was remembered while building it.
    """
    yield _build_one(work[0])
    rest = work[1:]
    if jobs == 1 or not rest:
        yield from map(_build_one, rest)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_Worker.start, initargs=(_Worker.cache,)) as pool:
        yield from pool.map(_build_one, rest)


def run_batch(
    editions: list[Edition],
    out_dir: Path,
    jobs: int | None = None,
    *,
    depfiles: bool = False,
    progress: Callable[[Iterator[EditionResult]], Iterator[EditionResult]] = lambda it: it,
    print_shop: bool = False,
    crop_marks: bool = False,
) -> BatchSummary:
    """Build every edition (a profile, in its own language or the one asked for) into `out_dir`; failures are collected, not raised.

    `print_shop` and `crop_marks` make every edition for a print shop, as `handbook build` does.
    The workers are forked after the first edition is built, so modules, fonts and the
    parsed base guide are loaded once for all of them.
    """
    outputs = plan_outputs(editions, out_dir)
    started = time.perf_counter()
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(editions)))
    work = [(profile, outputs[(profile, language)], depfiles, print_shop, crop_marks, language) for profile, language in editions]
    _Worker.start(NodeCache() if cache.enabled() else None)
    try:
        results = tuple(progress(_results(work, jobs)))
    finally:
        _Worker.start(None)  # let the cache go with the batch
    return BatchSummary(results, time.perf_counter() - started)
