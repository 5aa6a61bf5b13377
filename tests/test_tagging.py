"""Marking drawn content: everything on a page is structure content or an artifact, read from the content streams."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import LETTER

from handbook.build import build_handbook
from handbook.render.canvas import HandbookCanvas
from handbook.render.structure import Element, Marked, document_root
from handbook.render.structure_pdf import with_content
from tests.conftest import DEFAULT_MANIFEST, ROOT
from tests.test_validators import EVERY_BLOCK_KIND

PAINTING = {b"Tj", b"TJ", b"'", b'"', b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"Do", b"sh"}


def unmarked(pdf) -> list[tuple[int, bytes]]:
    """(page, operator) of each painting operator that is inside no marked-content sequence."""
    found = []
    reader = PdfReader(pdf)
    for number, page in enumerate(reader.pages, start=1):
        depth = 0
        for _, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"BMC", b"BDC"):
                depth += 1
            elif operator == b"EMC":
                depth -= 1
                assert depth >= 0, f"page {number}: EMC without a sequence to end"
            elif operator in PAINTING and depth == 0:
                found.append((number, operator))
        assert depth == 0, f"page {number}: {depth} marked-content sequences left open"
    return found


@pytest.mark.parametrize("school", [None, "riverside", "northgate", "lakeside"])
def test_nothing_on_a_page_is_left_unmarked(tmp_path, school):
    profile = ROOT / "schools" / f"{school}.yaml" if school else None
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "h.pdf", school=profile).output
    assert unmarked(out) == []


def test_nothing_of_any_block_kind_is_left_unmarked(project):
    project.image()
    out = build_handbook(project.manifest(project.section("all", EVERY_BLOCK_KIND)), project.root / "all.pdf").output
    assert unmarked(out) == []


def _canvas() -> HandbookCanvas:
    return HandbookCanvas(io.BytesIO(), pagesize=LETTER, structure=document_root())


def test_a_sequence_in_which_nothing_is_drawn_is_taken_out_again():
    canvas = _canvas()
    element = canvas.structure.add("P")
    with canvas.tags.content(element):
        pass
    assert element.kids == [] and canvas._code == ["/Artifact BMC"]
    with canvas.tags.content(element):
        canvas.rect(0, 0, 10, 10)
    assert element.kids == [Marked(1, 0)]
    # The page goes on as an artifact after the element's content.
    assert canvas._code[-4:] == ["/P <</MCID 0>> BDC", "n 0 0 10 10 re S", "EMC", "/Artifact BMC"]


def test_a_flowable_drawn_again_is_an_artifact_there():
    canvas = _canvas()
    element = canvas.structure.add("TH")

    class Heading:
        pass

    heading = Heading()
    for _ in range(2):
        with canvas.tags.content(element, heading):
            canvas.rect(0, 0, 10, 10)
    assert element.kids == [Marked(1, 0)]
    assert sum(code.startswith("/Artifact <</Type /Layout>>") for code in canvas._code) == 1


def test_elements_nothing_was_drawn_for_are_left_out_of_the_pdf():
    canvas = _canvas()
    kept, dropped = canvas.structure.add("P"), canvas.structure.add("Figure", alt="never drawn")
    with canvas.tags.content(kept):
        canvas.drawString(10, 10, "Hello")
    canvas.showPage()
    canvas.save()
    data = canvas._filename.getvalue()
    assert b"/StructTreeRoot" in data and b"never drawn" not in data
    assert isinstance(dropped, Element) and dropped not in with_content(canvas.structure)
