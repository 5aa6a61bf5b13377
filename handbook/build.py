"""The commands' work: load and validate a handbook (or a school's edition), then render and write it."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from handbook.errors import ContentError, Problem, Problems
from handbook.loader import NodeCache
from handbook.model import Handbook
from handbook.validate.handbook import read_handbook


@dataclass(frozen=True, eq=False)
class BuildResult:
    """Where a build wrote its PDF, how many pages it has, and what it warned about."""

    output: Path
    pages: int
    warnings: tuple[Problem, ...]


@dataclass(frozen=True, eq=False)
class Loaded:
    """A validated handbook, its warnings, and where each part of it came from."""

    handbook: Handbook
    warnings: tuple[Problem, ...]
    origins: tuple = ()  # of validate.edition.Origin: where each setting and section came from


def slugify(text: str) -> str:
    """A file-name-safe form of a title: 'Medical Coding Careers' -> 'medical-coding-careers'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "handbook"


def build_date() -> date:
    """The date a build is made on: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def load(manifest: Path, school: Path | None = None, cache: NodeCache | None = None, *, strict: bool = False) -> Loaded:
    """Validate everything; raise ContentError listing every problem (and, if `strict`, every warning)."""
    problems = Problems()
    today = build_date()
    if school is None:
        from handbook.validate.edition import guide_origins

        written: dict = {}
        handbook = read_handbook(manifest, problems, cache=cache, origins=written, today=today)
        origins = guide_origins(handbook, written) if handbook is not None else []
    else:
        from handbook.validate.edition import read_edition

        handbook, origins = read_edition(school, problems, cache, today)
    problems.raise_if_any(strict=strict)
    assert handbook is not None
    return Loaded(handbook, tuple(problems.warnings), tuple(origins))


def load_handbook(manifest: Path) -> tuple[Handbook, tuple[Problem, ...]]:
    loaded = load(manifest)
    return loaded.handbook, loaded.warnings


def default_output(handbook: Handbook, school: Path | None = None) -> Path:
    if school is not None:
        return Path("build") / "schools" / f"{school.stem}.pdf"
    return Path("build") / f"{slugify(handbook.title)}.pdf"


def default_depfile(target: Path, handbook: Handbook, school: Path | None) -> Path | None:
    """The depfile beside a PDF written to its default place (build/<slug>.d, build/schools/<profile>.d).

    `make` trusts a PDF in those places only with its depfile, so a PDF built there by hand
    names its inputs too; a PDF written anywhere else gets a depfile only when asked.
    """
    if target.resolve() == default_output(handbook, school).resolve():
        return target.with_suffix(".d")
    return None


def build_handbook(
    manifest: Path,
    output: Path | None = None,
    *,
    school: Path | None = None,
    depfile: Path | None = None,
    cache: NodeCache | None = None,
    strict: bool = False,
    booklet: bool = False,
    sheet: str | None = None,
) -> BuildResult:
    """Build the PDF for `manifest` (or for the edition of profile `school`) atomically.

    With `booklet`, the pages are imposed two-up for saddle stitching; `pages` counts printed sides.
    `sheet` ("letter" or "a4") scales them onto that paper instead of one twice the page's size.
    Without `depfile`, a PDF written to its default place gets one beside it (`default_depfile`);
    a booklet written there removes it instead, so that `make` rebuilds the flat edition.
    """
    from handbook.depfile import dependencies, write_depfile
    from handbook.write import check_target, write_atomically

    loaded = load(manifest, school, cache, strict=strict)
    handbook = loaded.handbook
    target = output or default_output(handbook, school)
    inputs = dependencies(handbook)
    check_target(target, inputs)
    from handbook.render.document import blurry_images, render_pdf

    warnings = (*loaded.warnings, *blurry_images(handbook))
    if strict and len(warnings) > len(loaded.warnings):
        raise ContentError(list(warnings))
    if booklet:
        pages = write_atomically(target, lambda out: _booklet(handbook, out, sheet))
    else:
        pages = write_atomically(target, lambda out: render_pdf(handbook, out))
    beside = default_depfile(target, handbook, school)
    if depfile is None and beside is not None:
        if booklet:
            beside.unlink(missing_ok=True)
        else:
            depfile = beside
    if depfile is not None:
        write_depfile(depfile, target, inputs)
    return BuildResult(target, pages, warnings)


def _booklet(handbook: Handbook, out, sheet: str | None) -> int:
    import io

    from handbook.booklet import impose
    from handbook.render.back_cover import has_back_cover
    from handbook.render.document import PAGE_SIZES, render_pdf

    flat = io.BytesIO()
    render_pdf(handbook, flat)
    flat.seek(0)
    return impose(flat, out, keep_last=has_back_cover(handbook), sheet=PAGE_SIZES[sheet] if sheet else None)
