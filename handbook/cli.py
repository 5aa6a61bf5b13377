"""The `handbook` command line: parses options and calls one function per command.

Each command imports what it uses inside its function, so that `handbook --help` stays
quick and `handbook check` never loads ReportLab.
"""

from __future__ import annotations

from pathlib import Path

import click

from handbook import __version__
from handbook.page_sizes import PAGE_SIZES

MANIFEST_ARG = click.argument("manifest", type=click.Path(path_type=Path, dir_okay=False), default="handbook.yaml")


def _print_warnings(warnings) -> None:
    for warning in warnings:
        click.echo(str(warning), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handbook")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Derive everything afresh: no on-disk cache, no memo (the same as HANDBOOK_NO_CACHE=1). The output is the same.",
)
def main(no_cache: bool) -> None:
    """Turn career-guide YAML sections into a print-ready PDF handbook.

    \b
    Example:
      handbook build                      # ./handbook.yaml -> build/<title>.pdf
      handbook check handbook.yaml        # report every content problem
    """
    if no_cache:
        import os

        os.environ["HANDBOOK_NO_CACHE"] = "1"  # read by every cache and memo, in this process and its workers


SCHOOL_OPTION = click.option(
    "--school",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A school profile (schools/NAME.yaml); its base guide is the one it names.",
)


def _language_tag(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A --language value in its usual case (es-mx -> es-MX), or a usage error saying what a tag looks like."""
    if value is None:
        return None
    from handbook.languages import check_language

    tag, wrong = check_language(value)
    if tag is None:
        raise click.BadParameter(wrong)
    return tag


LANGUAGE_OPTION = click.option(
    "--language",
    metavar="TAG",
    callback=_language_tag,
    help="The edition's language, over the manifest's or profile's `language` (a BCP 47 tag such as es-US, es-MX or en-US): "
    "its files' translations are read, and the tool's own words, numbers and money follow it.",
)


STRICT_OPTION = click.option("--strict", is_flag=True, help="Treat warnings as errors.")

PRINT_SHOP_OPTION = click.option(
    "--print-shop",
    is_flag=True,
    help="For a print shop: colour at the page edge runs 0.125 in (3 mm on A4) into a bleed, with TrimBox and BleedBox (print: bleed: true).",
)
CROP_MARKS_OPTION = click.option(
    "--crop-marks", is_flag=True, help="For an offset printer: --print-shop with crop marks outside the bleed (print: crop_marks: true)."
)


def _manifest_or_school(ctx: click.Context, manifest: Path, school: Path | None) -> None:
    from click.core import ParameterSource

    given = ctx.get_parameter_source("manifest") is ParameterSource.COMMANDLINE
    if school is not None and given:
        raise click.UsageError("give either MANIFEST or --school: a school profile names its own base guide (handbook:)")
    if school is None and not given and not manifest.exists():
        from handbook.errors import HandbookError

        here = Path.cwd()
        above = next((folder for folder in here.parents if (folder / manifest).is_file()), None)
        if above is not None:
            raise HandbookError(
                f"no {manifest} in {here}, the folder this command was run in; the project is in a folder above, "
                f"{above}: run the command there, or give the manifest's path (handbook {ctx.info_name} {above / manifest})"
            )
        raise HandbookError(
            f"no {manifest} in {here}, the folder this command was run in; run it in a handbook project's folder, "
            f"give the manifest's path (handbook {ctx.info_name} path/to/handbook.yaml), or start a project with: handbook new DIR"
        )


@main.command()
@MANIFEST_ARG
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Where to write the PDF (default: build/<slug of title>.pdf, or build/schools/<profile>.pdf).",
)
@SCHOOL_OPTION
@click.option(
    "--depfile",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write a make dependency file listing every input of the PDF (a PDF in its default place gets one beside it anyway).",
)
@STRICT_OPTION
@click.option(
    "--booklet", is_flag=True, help="Impose for saddle stitching: two pages a side, print double-sided (flip on short edge), fold, staple."
)
@click.option(
    "--sheet",
    type=click.Choice(list(PAGE_SIZES)),
    help="With --booklet: scale two pages onto one sheet of this paper (a half-Letter or A5 booklet) instead of paper twice the page's size.",
)
@click.option(
    "--preflight",
    "check_after",
    is_flag=True,
    help="Check the PDF as handbook preflight does (a booklet for printing only) before it is saved; exit 1, keeping an earlier PDF, if it must be fixed.",
)
@PRINT_SHOP_OPTION
@CROP_MARKS_OPTION
@LANGUAGE_OPTION
@click.pass_context
def build(
    ctx: click.Context,
    manifest: Path,
    output: Path | None,
    school: Path | None,
    depfile: Path | None,
    strict: bool,
    booklet: bool,
    sheet: str | None,
    check_after: bool,
    print_shop: bool,
    crop_marks: bool,
    language: str | None,
) -> None:
    """Build the PDF handbook described by MANIFEST, or a school's edition with --school.

    \b
    Example:
      handbook build handbook.yaml -o build/fair.pdf
      handbook build --school schools/riverside.yaml
      handbook build --booklet -o build/fair-booklet.pdf
      handbook build --booklet --sheet letter -o build/half-letter-booklet.pdf
      handbook build --preflight
      handbook build --print-shop -o build/for-lulu.pdf
      handbook build --crop-marks -o build/for-the-printer.pdf
      handbook build --language es-US -o build/guia.pdf
    """
    from handbook.build import build_handbook
    from handbook.problems import counted

    _manifest_or_school(ctx, manifest, school)
    if sheet and not booklet:
        raise click.UsageError("--sheet is for booklets: add --booklet, or leave --sheet out")
    if sheet and (print_shop or crop_marks):
        given = "--crop-marks" if crop_marks else "--print-shop"
        raise click.UsageError(
            f"--sheet scales a booklet onto office paper, which has no room for bleed; for a print shop's booklet "
            f"(full size, bleed around each sheet) leave --sheet out, or leave {given} out to print it in the office"
        )
    reports: list[list[str]] = []  # the preflight's, shown once the PDF is saved

    def check(pdf: Path, target: Path) -> None:
        reports.append(_preflight_before_saving(pdf, target, print_only=booklet))

    result = build_handbook(
        manifest,
        output,
        school=school,
        depfile=depfile,
        strict=strict,
        booklet=booklet,
        sheet=sheet,
        print_shop=print_shop,
        crop_marks=crop_marks,
        check=check if check_after else None,
        language=language,
    )
    _print_warnings(result.warnings)
    unit = ("printed side", "printed sides") if booklet else ("page", "pages")
    click.echo(f"wrote {result.output} ({counted(result.pages, *unit)})")
    for lines in reports:
        for line in lines:
            click.echo(line)


@main.command()
@MANIFEST_ARG
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write the PDF (default: as handbook build).")
@SCHOOL_OPTION
@LANGUAGE_OPTION
@click.pass_context
def watch(ctx: click.Context, manifest: Path, output: Path | None, school: Path | None, language: str | None) -> None:
    """Build the handbook, then build it again each time one of its files changes, until Ctrl-C.

    Every file the edition is made from is watched: manifest or profile, sections, images,
    imported CSVs, fonts. A change that breaks the content prints the problems and leaves
    the last good PDF in place.

    \b
    Example:
      handbook watch
      handbook watch --school schools/riverside.yaml
      handbook watch --language es-US
    """
    from handbook.problems import counted
    from handbook.watch import Watcher

    _manifest_or_school(ctx, manifest, school)
    _stop_on_signals()
    watcher = Watcher(None if school else manifest, school, output, click.echo, language)
    click.echo(f"watching {school or manifest} and the files it names; Ctrl-C stops", err=True)
    try:
        watcher.run()
    except KeyboardInterrupt:
        pass
    click.echo(f"stopped after {counted(watcher.builds, 'build')}", err=True)


def _stop_on_signals() -> None:
    """Ctrl-C and `kill` stop a long-running command as KeyboardInterrupt, even where the shell started it ignoring Ctrl-C."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


@main.command()
@click.argument("profiles", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output-dir",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the PDFs, named after the profiles: NAME.pdf, or NAME.LANG.pdf in a language asked for.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of CPUs).")
@click.option("--depfiles", is_flag=True, help="Write a .d file beside each PDF for make.")
@PRINT_SHOP_OPTION
@CROP_MARKS_OPTION
@click.option(
    "--language",
    metavar="TAG",
    callback=_language_tag,
    help="Build every profile in this language (a BCP 47 tag such as es or es-MX), into NAME.LANG.pdf.",
)
@click.option(
    "--translations",
    "all_languages",
    is_flag=True,
    help="Also build each profile in every language it asks for under translations: (its own, or its base guide's).",
)
@click.option(
    "--edition",
    "editions",
    nargs=2,
    multiple=True,
    type=(click.Path(path_type=Path, dir_okay=False), str),
    metavar="PROFILE LANG",
    help="Also build PROFILE in LANG (repeatable): how make asks for just the editions that changed.",
)
@click.option("--list", "list_only", is_flag=True, help="Print the path of every PDF the batch would write, and build nothing.")
def batch(
    profiles: tuple[Path, ...],
    out_dir: Path,
    jobs: int | None,
    depfiles: bool,
    print_shop: bool,
    crop_marks: bool,
    language: str | None,
    all_languages: bool,
    editions: tuple[tuple[Path, str], ...],
    list_only: bool,
) -> None:
    """Build the edition of every school profile in PROFILES into OUT_DIR.

    Each profile is built in its own language into NAME.pdf; with --translations, also
    in each language it asks for, into NAME.LANG.pdf (riverside.es.pdf). One failing
    edition does not stop the others; the exit status is 1 if any failed.

    \b
    Example:
      handbook batch schools/*.yaml -o build/schools -j 2
      handbook batch schools/*.yaml -o build/schools --translations
      handbook batch schools/*.yaml -o build/schools --language es-US
    """
    import sys

    from handbook.batch import plan_outputs, run_batch
    from handbook.display import display_path
    from handbook.errors import HandbookError
    from handbook.validate.translated_texts import asked_languages

    if all_languages and language is not None:
        raise click.UsageError("give either --translations (each profile in every language it asks for) or --language TAG, not both")
    wanted: list[tuple[Path, str | None]] = []
    for profile in profiles:
        wanted.append((profile, language))
        if all_languages:
            wanted += [(profile, tag) for tag in asked_languages(profile)]
    for profile, tag in editions:
        checked = _language_tag(click.get_current_context(), None, tag)
        wanted.append((profile, checked))
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        raise click.UsageError("name the profiles to build, such as schools/*.yaml, or an --edition PROFILE LANG")
    if list_only:
        for target in plan_outputs(wanted, out_dir).values():
            click.echo(target.as_posix())
        return

    def progress(results):
        if not sys.stderr.isatty():
            yield from results
            return
        with click.progressbar(results, length=len(wanted), label="Building editions", file=sys.stderr) as bar:
            yield from bar

    summary = run_batch(wanted, out_dir, jobs, depfiles=depfiles, progress=progress, print_shop=print_shop, crop_marks=crop_marks)
    for warning in dict.fromkeys(line for result in summary.results for line in result.warnings):
        click.echo(warning, err=True)
    for result in summary.failed:
        language = f" ({result.language})" if result.language else ""
        click.echo(f"{display_path(result.profile)}{language}: edition not built:", err=True)
        click.echo(result.message, err=True)
    built = len(summary.results) - len(summary.failed)
    click.echo(f"built {built}, failed {len(summary.failed)} in {summary.seconds:.1f} s")
    if summary.failed:
        raise HandbookError(f"{len(summary.failed)} of {len(summary.results)} editions failed")


@main.command()
@SCHOOL_OPTION
@MANIFEST_ARG
@LANGUAGE_OPTION
@click.pass_context
def explain(ctx: click.Context, school: Path | None, manifest: Path, language: str | None) -> None:
    """Show where each setting and section of a handbook or school edition comes from.

    With --language, of the edition in that language: its words from their translations.

    \b
    Example:
      handbook explain --school schools/riverside.yaml
      handbook explain --school schools/riverside.yaml --language es-US
    """
    from handbook.build import validated

    _manifest_or_school(ctx, manifest, school)
    loaded = validated(manifest, school, explain=True, language=language)
    for origin in loaded.origins:
        value = f"  {origin.value}" if origin.value else ""
        source = f"  <- {origin.source}" if origin.source else ""
        click.echo(f"{origin.what}{value}{source}")


@main.command()
@MANIFEST_ARG
@SCHOOL_OPTION
@STRICT_OPTION
@LANGUAGE_OPTION
@click.pass_context
def check(ctx: click.Context, manifest: Path, school: Path | None, strict: bool, language: str | None) -> None:
    """Validate MANIFEST (or a school's edition) without rendering; report all problems at once.

    Warnings (salary figures without a source or period, or older than
    salary_max_age_years, a translation whose source has changed) are printed;
    with --strict they fail the check. Without --language, the edition is checked
    in its own language and in each one it asks for under translations:.

    \b
    Example:
      handbook check handbook.yaml
      handbook check --strict --school schools/riverside.yaml
      handbook check --language es-US
    """
    from handbook.build import validated, validated_in_every_language
    from handbook.problems import counted

    _manifest_or_school(ctx, manifest, school)
    if language is not None:
        loaded, tags = validated(manifest, school, strict=strict, language=language), ()
    else:
        loaded, tags = validated_in_every_language(manifest, school, strict=strict)
    _print_warnings(loaded.warnings)
    also = f", in {' and '.join([loaded.handbook.language, *tags])}" if tags else ""
    click.echo(f"{school or manifest}: ok ({counted(len(loaded.handbook.sections), 'section')}{also})")


@main.command()
@MANIFEST_ARG
@SCHOOL_OPTION
@click.pass_context
def sections(ctx: click.Context, manifest: Path, school: Path | None) -> None:
    """List the sections of MANIFEST (or of a school's edition) in order: number, title and file.

    \b
    Example:
      handbook sections handbook.yaml
      handbook sections --school schools/riverside.yaml
    """
    from handbook.build import validated
    from handbook.display import display_path

    _manifest_or_school(ctx, manifest, school)
    handbook = validated(manifest, school).handbook
    for number, section in enumerate(handbook.sections, start=1):
        click.echo(f"{number:>2}. {section.title}  ({display_path(section.source)})")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=False), metavar="[MANIFEST | FILE...]")
@SCHOOL_OPTION
@LANGUAGE_OPTION
@click.option(
    "--mark-current",
    "mark",
    is_flag=True,
    help="Record in each translated FILE (a section, es/handbook.yaml, schools/es/NAME.yaml) that it matches its source as it is now; "
    "the rest of each file is kept as it is.",
)
@click.pass_context
def translations(ctx: click.Context, paths: tuple[Path, ...], school: Path | None, language: str | None, mark: bool) -> None:
    """List the state of every translated file: up to date, stale, not marked, missing or extra.

    The manifest's and profile's own words (es/handbook.yaml, schools/es/NAME.yaml)
    come first, then each section's. The language is --language, else each one the
    manifest or profile lists under translations:. After bringing a translation up
    to date with its source, record it with --mark-current FILE...; run it in the
    project's folder (or give --school), since the translation names its source from there.

    \b
    Example:
      handbook translations --language es-US
      handbook translations --school schools/riverside.yaml --language es-US
      handbook translations --mark-current sections/es/introduction.yaml
    """
    from handbook import translation_status

    if mark:
        if not paths:
            raise click.UsageError("--mark-current needs the translated files to mark, such as sections/es/introduction.yaml")
        root = _base_folder(school) if school is not None else Path.cwd()
        for file in translation_status.mark_current(paths, root):
            click.echo(f"marked current: {file}")
        return
    if len(paths) > 1:
        raise click.UsageError("give one manifest; to record translations as current, use --mark-current FILE...")
    manifest = paths[0] if paths else Path("handbook.yaml")
    if school is not None and paths:
        raise click.UsageError("give either MANIFEST or --school: a school profile names its own base guide (handbook:)")
    for tag, found in translation_status.states(manifest, school, language):
        for state in found:
            click.echo(str(state))
        counts = ", ".join(f"{sum(s.state == name for s in found)} {name}" for name in translation_status.STATES)
        click.echo(f"{tag}: {counts}")


def _base_folder(school: Path) -> Path:
    """The folder of the guide a school's profile is based on."""
    from handbook.build import validated

    return validated(None, school, translate=False).handbook.inputs[0].parent


@main.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--from-default", is_flag=True, help="Copy the full default guide (Medical Coding Careers) instead of the template.")
def new(directory: Path, from_default: bool) -> None:
    """Create DIRECTORY as a new handbook project, ready to build and to fill in.

    It holds a guide for any career with text to replace (handbook.yaml,
    sections/), a sample picture (assets/), an example school profile
    (schools/), a Makefile (make pdf, make schools, make check), the JSON
    Schemas its files name for editors (schema/) and the format reference
    (docs/format.md).

    \b
    Example:
      handbook new dental-assisting && cd dental-assisting && handbook build
      handbook new my-copy --from-default
    """
    from handbook.scaffold import new_project

    created = new_project(directory, from_default=from_default)
    click.echo(f"created {directory} with {len(created)} files; run 'handbook build' inside it")


PRINT_ONLY_HELP = "The file is only for the printer (a booklet): check printing, and report what it lacks for screen readers as warnings."


@main.command()
@click.argument("pdf", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--print-only", is_flag=True, help=PRINT_ONLY_HELP)
def preflight(pdf: Path, print_only: bool) -> None:
    """Check PDF for printing and for posting online, where screen readers read it.

    For printing: page size, fonts embedded, image resolution, nothing off the page, and no
    text drawn over other text, within 0.25 in of the edge or off the dark panel under it. For
    posting online: tagged, a language, a title, pictures described, links in reading order.
    Exits 1 when something must be fixed.

    --print-only checks a file that is only for the printer (a booklet): what it lacks for
    posting online is then a warning.

    \b
    Example:
      handbook preflight build/medical-coding-careers.pdf
      handbook preflight --print-only build/fair-booklet.pdf
    """
    _run_preflight(pdf, print_only)


def _preflight_before_saving(pdf: Path, target: Path, print_only: bool) -> list[str]:
    """The preflight report of a just-built `pdf` that is to become `target`; fail (exit 1) before it does when something must be fixed.

    A booklet is the printer's file, never posted online: it is checked for printing only.
    """
    from handbook.errors import HandbookError
    from handbook.preflight import preflight as run_preflight
    from handbook.problems import counted

    report = run_preflight(pdf, print_only=print_only)
    lines = [f"preflight {target}", *report.lines()]
    if report.to_fix:
        for line in lines:
            click.echo(line)
        earlier = f", so {target} is as it was before" if target.exists() else ""
        raise HandbookError(
            f"{target}: {counted(len(report.to_fix), 'problem')} to fix before {report.fixing_before}; "
            f"the new PDF was not saved{earlier} (build without --preflight to look at it)"
        )
    return lines


def _run_preflight(pdf: Path, print_only: bool) -> None:
    """Print the preflight report of `pdf`; fail (exit 1) when something must be fixed."""
    from handbook.errors import HandbookError
    from handbook.preflight import preflight as run_preflight
    from handbook.problems import counted

    report = run_preflight(pdf, print_only=print_only)
    click.echo(f"preflight {pdf}")
    for line in report.lines():
        click.echo(line)
    if report.to_fix:
        raise HandbookError(f"{pdf}: {counted(len(report.to_fix), 'problem')} to fix before {report.fixing_before}")


@main.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "-o", "--output", "directory", type=click.Path(path_type=Path, file_okay=False), default=Path("build/proofs"), show_default=True
)
@click.option("--dpi", type=click.IntRange(10, 600), default=50, show_default=True, help="Resolution of the page pictures.")
@click.option("--gray", is_flag=True, help="Render in greys, as a photocopier prints (files named NAME-gray-...).")
@click.option("--sheet-only", is_flag=True, help="Write the contact sheet only, not a picture of each page.")
@click.option(
    "--against",
    "old",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="An earlier edition: show which pages of PDF changed since it, marked in colour.",
)
def proof(pdfs: tuple[Path, ...], directory: Path, dpi: int, gray: bool, sheet_only: bool, old: Path | None) -> None:
    """Proof sheets of each PDF for signing off: a PNG of every page and a contact sheet of them all.

    With --against OLD.pdf, compare one PDF with an earlier edition instead: the pages
    that changed, were added or were removed, and a sheet of the changed pages, before
    beside now, with what changed marked in colour.

    \b
    Example:
      handbook proof build/medical-coding-careers.pdf
      handbook proof --gray --sheet-only build/schools/*.pdf -o build/proofs
      handbook proof --against last-year.pdf build/medical-coding-careers.pdf -o build/changes
    """
    if old is not None:
        from handbook.proof_changes import write_changes

        if len(pdfs) != 1:
            raise click.UsageError("--against compares one PDF with an earlier edition: give one PDF after it")
        changes, sheet = write_changes(old, pdfs[0], directory, dpi, gray)
        click.echo(f"compared {old} ({len(changes.old.pages)} pages) with {pdfs[0]} ({len(changes.new.pages)} pages)")
        for line in changes.lines():
            click.echo(f"  {line}")
        if sheet:
            click.echo(f"wrote {sheet}")
        return
    from handbook.errors import HandbookError
    from handbook.proof import write_proof

    failed = 0
    for pdf in pdfs:
        try:
            written = write_proof(pdf, directory, dpi, gray, pages=not sheet_only)
        except HandbookError as exc:  # one unreadable file does not stop the others
            failed += 1
            click.echo(exc.format_message(), err=True)
            continue
        pages = "" if sheet_only else f" and {len(written) - 1} page pictures"
        click.echo(f"wrote {written[-1]}{pages} ({'greys, ' if gray else ''}{dpi} dpi)")
    if failed:
        raise HandbookError(f"{failed} of {len(pdfs)} PDFs could not be proofed; the others were")
