"""The commands' work: load and validate a handbook (or a school's edition), then render and write it."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from handbook.errors import ContentError, raise_problems
from handbook.model import Handbook, Print
from handbook.node_cache import NodeCache
from handbook.page_sizes import PAGE_SIZES
from handbook.problems import Problem, Problems, Where
from handbook.validate.handbook import read_handbook


@dataclass(frozen=True, eq=False)
class BuildResult:
    """Where a build wrote its PDF, how many pages it has, what it warned about, and the files it was built from."""

    output: Path
    pages: int
    warnings: tuple[Problem, ...]
    inputs: tuple[Path, ...] = ()


@dataclass(frozen=True, eq=False)
class Loaded:
    """A validated handbook, its warnings, and where each part of it came from."""

    handbook: Handbook
    warnings: tuple[Problem, ...]
    origins: tuple = ()  # of validate.merge.Origin, for school editions and `explain`


def slugify(text: str) -> str:
    """A file-name-safe form of a title: 'Medical Coding Careers' -> 'medical-coding-careers'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "handbook"


def build_date() -> date:
    """The date a build is made on: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def validated(
    manifest: Path | None,
    school: Path | None = None,
    cache: NodeCache | None = None,
    *,
    strict: bool = False,
    explain: bool = False,
    language: str | None = None,
    translate: bool = True,
) -> Loaded:
    """Validate everything; raise ContentError listing every problem (and, if `strict`, every warning).

    A school edition is validated from its profile `school`, which names its base guide:
    `manifest` is then not read, and may be None. A school edition always says where each
    part came from; a guide on its own only when `explain` asks. `language`, a checked BCP 47 tag
    (handbook build --language), is the edition's language, whatever the files say. An edition in another
    language than English prints its sections' translations; without `translate`, the sections as written.
    """
    problems = Problems()
    today = build_date()
    if school is None:
        assert manifest is not None, "a manifest, or a school's profile"
        found: dict = {}
        handbook = read_handbook(
            manifest, problems, cache=cache, today=today, origins=found if explain else None, language=language, translate=translate
        )
        origins = []
        if explain and handbook is not None:
            from handbook.validate.merge import guide_origins

            origins = guide_origins(handbook, found)
    else:
        from handbook.validate.merge import read_edition  # only for a school edition

        handbook, origins = read_edition(school, problems, cache, today, language=language, translate=translate)
    if handbook is not None and language is not None:
        handbook = replace(handbook, language=language)
        origins = [replace(o, value=language, source="the command line (--language)") if o.what == "language" else o for o in origins]
    problems = _one_language_warning(problems, handbook, language)
    raise_problems(problems, strict=strict)
    assert handbook is not None
    return Loaded(handbook, tuple(problems.warnings), tuple(origins))


def validated_in_every_language(manifest: Path | None, school: Path | None, *, strict: bool = False) -> tuple[Loaded, tuple[str, ...]]:
    """The edition validated in its own language, and checked in each one it asks for (translations:) too, every problem at once.

    Returns its own language's result (with every language's warnings, each once) and the other languages checked.
    """
    from handbook import cache
    from handbook.validate.translated_texts import asked_languages

    tags = asked_languages(school or manifest)
    shared = NodeCache() if cache.enabled() else None  # the files every language reads are parsed once
    found: list[Loaded] = []
    problems: dict[str, Problem] = {}
    for tag in (None, *tags):
        try:
            found.append(validated(manifest, school, shared, strict=strict, language=tag))
        except ContentError as exc:
            problems.update((str(p), p) for p in exc.problems)
    if problems or not found:
        raise ContentError(list(problems.values()))
    warnings = {str(p): p for loaded in found for p in loaded.warnings}
    return replace(found[0], warnings=tuple(warnings.values())), tags


def _one_language_warning(problems: Problems, handbook: Handbook | None, language: str | None) -> Problems:
    """The problems with one warning for a language the tool's words are not translated into: where the edition's language was set;
    or, for a language they are, one for those of its catalog's words not translated yet (at the catalog).

    A school's profile may set the language its base guide set, and --language sets it over both.
    """
    from handbook import l10n

    final = handbook.language if handbook is not None else None
    said = [p for p in problems.warnings if l10n.is_no_catalog(p.message)]
    kept = Problems()
    kept.extend(p for p in problems.all if p not in said)
    if final is None:
        return kept
    if l10n.has_catalog(final):
        kept.extend(filter(None, [l10n.missing_words(final)]))
        return kept
    if language is not None:
        kept.warn(Where(f"--language {language}", 0), l10n.no_catalog(final))
    else:
        kept.extend([p for p in said if p.message == l10n.no_catalog(final)][-1:])
    return kept


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
    manifest: Path | None,
    output: Path | None = None,
    *,
    school: Path | None = None,
    depfile: Path | None = None,
    cache: NodeCache | None = None,
    strict: bool = False,
    booklet: bool = False,
    sheet: str | None = None,
    print_shop: bool = False,
    crop_marks: bool = False,
    check: Callable[[Path, Path], None] | None = None,
    language: str | None = None,
) -> BuildResult:
    """Build the PDF for `manifest` (or for the edition of profile `school`, whose guide the profile names) atomically.

    With `booklet`, the pages are imposed two-up for saddle stitching; `pages` counts printed sides.
    `sheet` ("letter" or "a4") scales them onto that paper instead of one twice the page's size.
    `print_shop` and `crop_marks` turn on what the manifest's `print:` section may also turn on: bleed
    and page boxes for a print shop, and crop marks (which need the bleed, and bring it).
    Without `depfile`, a PDF written to its default place gets one beside it (`default_depfile`);
    a booklet written there removes it instead, so that `make` rebuilds the flat edition.
    `check(pdf, target)` is called with the finished PDF before it takes the place of `target`
    (a preflight): when it raises, nothing is written and an earlier PDF there stays as it was.
    `language` (handbook build --language) is the edition's language, whatever the files say.
    """
    # Imported here, not at the top: `handbook check` loads this module and must not load ReportLab.
    from handbook.depfile import dependencies, write_depfile
    from handbook.write import check_target, write_atomically

    loaded = validated(manifest, school, cache, strict=strict, language=language)
    handbook = loaded.handbook
    if print_shop or crop_marks:
        setup = handbook.print
        handbook = replace(handbook, print=Print(bleed=setup.bleed or print_shop, crop_marks=setup.crop_marks or crop_marks))
    target = output or default_output(handbook, school)
    inputs = dependencies(handbook)
    check_target(target, inputs)
    from handbook.render.document import layout_warnings, render_pdf

    warnings = (*loaded.warnings, *layout_warnings(handbook))
    if strict and len(warnings) > len(loaded.warnings):
        raise ContentError(list(warnings))
    checked = (lambda pdf: check(pdf, target)) if check is not None else None
    if booklet:
        pages = write_atomically(target, lambda out: _booklet(handbook, out, sheet), checked)
    else:
        pages = write_atomically(target, lambda out: render_pdf(handbook, out), checked)
    beside = default_depfile(target, handbook, school)
    if depfile is None and beside is not None:
        if booklet:
            beside.unlink(missing_ok=True)
        else:
            depfile = beside
    if depfile is not None:
        write_depfile(depfile, target, inputs)
    return BuildResult(target, pages, warnings, tuple(inputs))


def _booklet(handbook: Handbook, out, sheet: str | None) -> int:
    """Impose the handbook's pages; a print shop's pages keep their bleed, and the sheet gets the crop marks.

    A booklet scaled onto office paper (`sheet`) is for an office printer, whatever `print:` says.
    """
    import io

    from handbook.booklet import impose
    from handbook.render.back_cover import has_back_cover
    from handbook.render.document import render_pdf

    shop = handbook.print.for_print_shop and sheet is None
    flat = io.BytesIO()
    render_pdf(replace(handbook, print=Print(bleed=shop)), flat)
    flat.seek(0)
    crop_marks = shop and handbook.print.crop_marks
    return impose(flat, out, keep_last=has_back_cover(handbook), sheet=PAGE_SIZES[sheet] if sheet else None, crop_marks=crop_marks)
