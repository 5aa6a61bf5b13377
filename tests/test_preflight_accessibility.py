"""Preflight for posting online: what a screen reader needs fails when missing, unless the file is only for the printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject, NumberObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas

from handbook.cli import main
from handbook.preflight import preflight
from handbook.render.faces import register_family
from tests.conftest import DEFAULT_MANIFEST

UNTAGGED = (
    "the PDF is not tagged (it has no structure tree): a screen reader cannot tell its headings, lists, tables and pictures "
    "from body text, nor read them in order; post the PDF that handbook build writes, which is tagged"
)
TOLD_PRINT_ONLY = ", and check a file that is only for the printer (such as a booklet) with --print-only"
NO_LANGUAGE = (
    "the PDF does not say its language (no /Lang in its catalog): a screen reader cannot choose the voice to read it with "
    "and may mispronounce every word; set language: in handbook.yaml (a BCP 47 tag such as en-US) and build it again"
)
UNTITLED = (
    'the PDF\'s title is "untitled", which is what a PDF library writes when it is given none: a screen reader announces '
    '"untitled", which does not say what the document is; give it a real title and build it again'
)
NO_TITLE = (
    "the PDF has no title (neither /Title in its document information nor dc:title in its XMP metadata): a screen reader "
    "announces the file name instead, which does not say what the document is; give it a title and build it again"
)
TITLE_NOT_SHOWN = (
    "the PDF does not ask viewers to show its title (its catalog lacks /ViewerPreferences /DisplayDocTitle true): the "
    "window and a screen reader name the file, not the document; build it again with handbook build"
)
NOT_MARKED = (
    "the PDF has a structure tree but does not say it is tagged (its catalog lacks /MarkInfo /Marked true): a screen "
    "reader may ignore the tags and read the pages as drawn; build it again with handbook build"
)
NO_PARENT_TREE = (
    "the structure tree has no /ParentTree: a screen reader cannot find which heading, paragraph or figure the text on a "
    "page belongs to; build it again with handbook build"
)
NOTE = "  note: checked for printing only: this file is not for posting online, so what it lacks for screen readers is a warning here"


def untagged_pdf(path: Path) -> Path:
    """A page as ReportLab's canvas writes it: fonts embedded, but no tags, no language and no title of its own."""
    register_family("Lato")
    canvas = Canvas(str(path), pagesize=(612, 792), initialFontName="Lato")
    canvas.drawString(72, 700, "Medical coding careers")
    canvas.save()
    return path


def tagged_pdf(
    path: Path,
    *,
    pages: int = 2,
    figures: tuple[tuple[int, str | None], ...] = ((1, "A coder at a desk"),),
    role: str = "/Figure",
    links: dict[int, bool] | None = None,
    lang: str | None = "en-US",
    title: str | None = "Careers",
    xmp_title: str | None = None,
    marked: bool = True,
    parent_tree: bool = True,
) -> Path:
    """A small tagged PDF: a Document holding a paragraph on page 1 and a `role` element for each (page, alt) of `figures`.

    The tree maps the role /Picture to /Figure. `links` maps a page number to whether its
    link annotation comes with /Tabs /S.
    """
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    refs = [page.indirect_reference for page in writer.pages]
    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root[NameObject("/RoleMap")] = DictionaryObject({NameObject("/Picture"): NameObject("/Figure")})
    root_ref = writer._add_object(root)
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document")})
    document[NameObject("/P")] = root_ref
    document_ref = writer._add_object(document)
    kids = ArrayObject()
    paragraph = {"/S": NameObject("/P"), "/Pg": refs[0], "/K": NumberObject(0)}
    elements = [paragraph]
    for page, alt in figures:
        figure = {"/S": NameObject(role), "/Pg": refs[page - 1], "/K": NumberObject(1)}
        if alt is not None:
            figure["/Alt"] = TextStringObject(alt)
        elements.append(figure)
    for fields in elements:
        element = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/P"): document_ref})
        element.update({NameObject(key): value for key, value in fields.items()})
        kids.append(writer._add_object(element))
    document[NameObject("/K")] = kids
    root[NameObject("/K")] = document_ref
    if parent_tree:
        root[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): ArrayObject()}))
    for number, ordered in (links or {}).items():
        page = writer.pages[number - 1]
        link = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([NumberObject(v) for v in (72, 72, 144, 90)]),
                NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
            }
        )
        page[NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
        if ordered:
            page[NameObject("/Tabs")] = NameObject("/S")
    catalog = writer.root_object
    catalog[NameObject("/StructTreeRoot")] = root_ref
    if marked:
        catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    if lang is not None:
        catalog[NameObject("/Lang")] = TextStringObject(lang)
    catalog[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    if title is not None:
        writer.add_metadata({"/Title": title})
    if xmp_title is not None:
        from pypdf.xmp import XmpInformation

        xmp = XmpInformation.create()
        xmp.dc_title = {"x-default": xmp_title}
        writer.xmp_metadata = xmp
    with open(path, "wb") as out:
        writer.write(out)
    return path


def test_an_untagged_pdf_fails_for_posting_online(tmp_path):
    path = untagged_pdf(tmp_path / "untagged.pdf")
    report = preflight(path)
    assert report.failures == [] and report.warnings == []
    assert report.facts[-1] == 'untagged PDF: no language, title "untitled"'
    assert report.online_failures == [UNTAGGED + TOLD_PRINT_ONLY, NO_LANGUAGE, UNTITLED, TITLE_NOT_SHOWN]
    result = CliRunner().invoke(main, ["preflight", str(path)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert f"  FAIL: {UNTAGGED}{TOLD_PRINT_ONLY}\n" in result.output
    assert result.output.splitlines()[-2:] == [
        "ready to print, not ready to post online: 4 failures, 0 warnings",
        f"{path}: 4 problems to fix before posting online",
    ]


def test_print_only_turns_what_screen_readers_need_into_warnings(tmp_path):
    path = untagged_pdf(tmp_path / "untagged.pdf")
    result = CliRunner().invoke(main, ["preflight", "--print-only", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-6:] == [
        f"  warning: {UNTAGGED}",
        f"  warning: {NO_LANGUAGE}",
        f"  warning: {UNTITLED}",
        f"  warning: {TITLE_NOT_SHOWN}",
        NOTE,
        "ready to print: 0 failures, 4 warnings",
    ]
    assert not any("FAIL" in line for line in lines)


def test_a_tagged_pdf_with_language_title_and_described_figures_is_ready_to_post(tmp_path):
    path = tagged_pdf(tmp_path / "tagged.pdf", figures=((1, "A coder at a desk"), (2, "A salary chart")), links={2: True})
    report = preflight(path)
    assert report.facts[-1] == 'tagged PDF: 4 structure elements, language en-US, title "Careers", 2 figures with alternative text'
    assert report.to_fix == [] and report.all_warnings == []
    result = CliRunner().invoke(main, ["preflight", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "ready to print and to post online: 0 failures, 0 warnings"


def test_figures_without_alternative_text_are_counted_with_their_pages(tmp_path):
    figures = ((1, None), (2, "  "), (3, "A chart"), (3, None), (5, None), (6, "A map"))
    path = tagged_pdf(tmp_path / "figures.pdf", pages=6, figures=figures)
    report = preflight(path)
    assert report.facts[-1] == 'tagged PDF: 8 structure elements, language en-US, title "Careers", 6 figures (4 without alternative text)'
    assert report.online_failures == [
        "4 figures have no alternative text (/Alt), on pages 1-3 and 5: a screen reader cannot say what they show, so a "
        "reader who cannot see them misses it; describe each picture in its alt: and build it again"
    ]
    result = CliRunner().invoke(main, ["preflight", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [
        "ready to print, not ready to post online: 1 failure, 0 warnings",
        f"{path}: 1 problem to fix before posting online",
    ]


def test_a_role_mapped_to_figure_needs_alternative_text_too(tmp_path):
    report = preflight(tagged_pdf(tmp_path / "mapped.pdf", figures=((2, ""),), role="/Picture"))
    assert report.facts[-1].endswith(", 1 figure (1 without alternative text)")
    assert report.online_failures == [
        "1 figure has no alternative text (/Alt), on page 2: a screen reader cannot say what it shows, so a reader who "
        "cannot see it misses it; describe each picture in its alt: and build it again"
    ]
    other = preflight(tagged_pdf(tmp_path / "other.pdf", figures=((2, None),), role="/Diagram"))  # not mapped: not a figure
    assert other.online_failures == [] and other.facts[-1].endswith(", no figures")


def test_a_figure_without_its_own_page_is_found_on_the_page_of_the_content_it_marks(tmp_path):
    path = tagged_pdf(tmp_path / "marked.pdf", figures=((1, "A desk"),))
    writer = PdfWriter(clone_from=path)
    document = writer.root_object["/StructTreeRoot"]["/K"]
    figure = document["/K"][1].get_object()
    del figure["/Pg"]
    page = writer.pages[1].indirect_reference
    figure[NameObject("/K")] = DictionaryObject(
        {NameObject("/Type"): NameObject("/MCR"), NameObject("/Pg"): page, NameObject("/MCID"): NumberObject(0)}
    )
    figure[NameObject("/Alt")] = writer._add_object(TextStringObject(""))
    writer.write(path)
    assert preflight(path).online_failures == [
        "1 figure has no alternative text (/Alt), on page 2: a screen reader cannot say what it shows, so a reader who "
        "cannot see it misses it; describe each picture in its alt: and build it again"
    ]


def test_links_without_tab_order_warn(tmp_path):
    path = tagged_pdf(tmp_path / "links.pdf", pages=3, links={1: False, 2: True, 3: False})
    report = preflight(path)
    assert report.online_failures == []
    assert report.online_warnings == [
        "pages 1 and 3 have links or other annotations but no tab order (/Tabs /S): a keyboard or screen reader user may "
        "reach them out of reading order; build it again with handbook build"
    ]
    result = CliRunner().invoke(main, ["preflight", str(path)])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "ready to print and to post online: 0 failures, 1 warning"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"lang": None}, [NO_LANGUAGE]),
        ({"title": None}, [NO_TITLE]),
        ({"marked": False}, [NOT_MARKED]),
        ({"parent_tree": False}, [NO_PARENT_TREE]),
    ],
    ids=["no-language", "no-title", "not-marked", "no-parent-tree"],
)
def test_each_missing_part_of_a_tagged_pdf_fails(tmp_path, options, expected):
    report = preflight(tagged_pdf(tmp_path / "part.pdf", **options))
    assert report.online_failures == expected
    assert report.verdict() == "ready to print, not ready to post online"


def test_a_title_in_the_xmp_metadata_alone_is_a_title(tmp_path):
    report = preflight(tagged_pdf(tmp_path / "xmp.pdf", title=None, xmp_title="Careers in XMP"))
    assert report.online_failures == []
    assert 'title "Careers in XMP"' in report.facts[-1]


def test_booklet_built_with_preflight_is_checked_for_printing_only(tmp_path):
    out = tmp_path / "booklet.pdf"
    result = CliRunner().invoke(main, ["build", str(DEFAULT_MANIFEST), "--booklet", "-o", str(out), "--preflight"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"  warning: {UNTAGGED}" in lines and NOTE in lines
    assert lines[-1] == "ready to print: 0 failures, 1 warning"
    assert CliRunner().invoke(main, ["preflight", str(out)]).exit_code == 1  # the same file, to be posted: not tagged


def test_default_handbook_is_ready_to_print_and_to_post_online(tmp_path):
    result = CliRunner().invoke(main, ["build", str(DEFAULT_MANIFEST), "-o", str(tmp_path / "h.pdf"), "--preflight"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("ready to print and to post online: 0 failures")
