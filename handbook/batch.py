"""Build many school editions in one process: shared set-up once, then N worker processes.

Modules, fonts and the base guide's parsed files are loaded before the workers
start, so forked workers inherit them instead of paying for them again. Each
worker keeps that cache for all its jobs (what it validates joins it), rather
than receiving a copy with every job.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from handbook.errors import HandbookError
from handbook.loader import NodeCache, display_path


@dataclass(frozen=True)
class EditionResult:
    profile: Path
    output: Path
    ok: bool
    message: str  # "N pages" or the problems, one per line


@dataclass(frozen=True)
class BatchSummary:
    results: tuple[EditionResult, ...]
    seconds: float

    @property
    def failed(self) -> list[EditionResult]:
        return [r for r in self.results if not r.ok]


def plan_outputs(profiles: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Each profile's PDF path in `out_dir`; two profiles writing one file is an error before anything is built."""
    outputs: dict[Path, Path] = {}
    claimed: dict[Path, Path] = {}
    clashes = []
    for profile in profiles:
        target = out_dir / f"{profile.stem}.pdf"
        if target in claimed:
            clashes.append(f"{display_path(profile)}:1: would write {display_path(target)}, as {display_path(claimed[target])} does; rename one of the profiles")
        claimed[target] = profile
        outputs[profile] = target
    if clashes:
        raise HandbookError("\n".join(clashes))
    return outputs


class _Worker:
    """The cache one process shares between the editions it builds."""

    cache: NodeCache | None = None

    @classmethod
    def start(cls, cache: NodeCache | None) -> None:
        cls.cache = cache


def _build_one(job: tuple[Path, Path, bool]) -> EditionResult:
    from handbook.build import build_handbook

    profile, output, depfile = job
    try:
        result = build_handbook(Path("handbook.yaml"), output, school=profile, depfile=output.with_suffix(".d") if depfile else None, cache=_Worker.cache)
    except HandbookError as exc:
        return EditionResult(profile, output, False, exc.format_message())
    return EditionResult(profile, output, True, f"{result.pages} pages")


def _warm_up(profiles: list[Path]) -> NodeCache:
    """Load what every edition shares (modules, fonts, parsed base guide) before workers fork."""
    from handbook.build import load
    from handbook.render import document  # noqa: F401 - import once, before the fork
    from handbook.theme import styles_for

    cache = NodeCache()
    for profile in profiles:
        try:
            styles_for(load(Path("handbook.yaml"), profile, cache).handbook.theme)
            break
        except HandbookError:
            continue
    return cache


def run_batch(
    profiles: list[Path],
    out_dir: Path,
    jobs: int | None = None,
    *,
    depfiles: bool = False,
    progress: Callable[[Iterator[EditionResult]], Iterator[EditionResult]] = lambda it: it,
) -> BatchSummary:
    """Build every profile's edition into `out_dir`; failures are collected, not raised.

    The workers are forked after the warm-up, so modules, fonts and the parsed base
    guide are loaded once for all of them.
    """
    outputs = plan_outputs(profiles, out_dir)
    started = time.perf_counter()
    cache = _warm_up(profiles)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(profiles)))
    work = [(profile, outputs[profile], depfiles) for profile in profiles]
    if jobs == 1:
        _Worker.start(cache)
        try:
            results = list(progress(map(_build_one, work)))
        finally:
            _Worker.start(None)  # let the cache go with the batch
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_Worker.start, initargs=(cache,)) as pool:
            results = list(progress(pool.map(_build_one, work)))
    return BatchSummary(tuple(results), time.perf_counter() - started)
