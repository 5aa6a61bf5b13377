"""The parts of ReportLab that are not its public interface and that handbook relies on.

`render/canvas.py` holds pages back by saving a canvas's attributes, `render/faces.py`
rebuilds a TrueType face from its attributes, and `render/paragraphs.py` shares a
paragraph's parsed fragments and lines. pyproject.toml pins ReportLab to the major version
these were written against; when a new version changes one of them, these tests say which
and where, before any output goes wrong.
"""

from __future__ import annotations

import io
from weakref import WeakKeyDictionary

import pytest
import reportlab
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from handbook.resources import fonts_dir

RELIED_ON = "ReportLab {version} changed {what}, which handbook/{module} relies on; adapt that module before allowing this version in pyproject.toml"


def fail_unless(condition: bool, what: str, module: str) -> None:
    if not condition:
        pytest.fail(RELIED_ON.format(version=reportlab.Version, what=what, module=module))


def test_the_major_version_is_the_one_pinned():
    import tomllib
    from pathlib import Path

    pinned = next(
        d
        for d in tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]["dependencies"]
        if d.startswith("reportlab")
    )
    major = int(reportlab.Version.split(".")[0])
    fail_unless(f"<{major + 1}" in pinned.replace(" ", ""), f"its major version ({pinned} is pinned)", "render/")


def test_a_canvas_keeps_its_page_in_attributes_the_held_pages_can_save():
    canvas = Canvas(io.BytesIO())
    canvas.drawString(10, 10, "x")
    fail_unless(isinstance(getattr(canvas, "_code", None), list), "Canvas._code (the page's operators as a list)", "render/canvas.py")
    fail_unless(isinstance(getattr(canvas._doc, "pageCounter", None), int), "PDFDocument.pageCounter", "render/canvas.py")
    fail_unless(callable(getattr(canvas, "_startPage", None)), "Canvas._startPage", "render/canvas.py")
    fail_unless(hasattr(canvas._doc, "_catalog"), "PDFDocument._catalog (where the form is attached)", "render/canvas.py")
    fail_unless(any("x" in op for op in canvas._code), "what Canvas._code holds (drawn text)", "render/canvas.py")


def test_a_truetype_face_is_the_plain_attributes_faces_rebuilds_it_from():
    font = TTFont("InternalsTest", str(fonts_dir() / "Lato-Regular.ttf"))
    face = font.face
    fail_unless(isinstance(face, TTFontFace), "TTFont.face (a TTFontFace)", "render/faces.py")
    for name in ("unitsPerEm", "charToGlyph", "glyphPos", "_ttf_data", "filename", "name"):
        fail_unless(name in vars(face), f"TTFontFace.{name}", "render/faces.py")
    fail_unless(isinstance(face.name, TTFNameBytes), "TTFontFace.name (a TTFNameBytes)", "render/faces.py")
    fail_unless(callable(getattr(face, "_pdfScale", None)), "TTFontFace._pdfScale", "render/faces.py")
    fail_unless(
        isinstance(font.encoding, TTEncoding) and isinstance(font.state, WeakKeyDictionary),
        "TTFont.encoding and TTFont.state",
        "render/faces.py",
    )
    fail_unless(callable(getattr(face, "makeSubset", None)), "TTFontFace.makeSubset", "render/faces.py")


def test_a_paragraph_exposes_the_fragments_and_lines_paragraphs_shares():
    paragraph = Paragraph("Some <b>bold</b> words", ParagraphStyle("internals", fontName="Helvetica"))
    fail_unless(isinstance(getattr(paragraph, "frags", None), list), "Paragraph.frags", "render/paragraphs.py")
    fail_unless(
        all(callable(getattr(fragment, "clone", None)) for fragment in paragraph.frags), "the fragments' clone()", "render/paragraphs.py"
    )
    paragraph.wrap(200, 100)
    fail_unless(hasattr(paragraph, "blPara"), "Paragraph.blPara (the lines made by wrap)", "render/paragraphs.py")


def test_a_document_exposes_the_info_and_time_stamp_metadata_repeats():
    canvas = Canvas(io.BytesIO(), invariant=1)
    canvas.setTitle("T")
    document = canvas._doc
    fail_unless(getattr(document.info, "title", None) == "T", "PDFDocument.info (the Info dictionary's values)", "render/metadata.py")
    for name in ("author", "subject", "keywords", "creator"):
        fail_unless(isinstance(getattr(document.info, name, None), str), f"PDFInfo.{name}", "render/metadata.py")
    stamp = getattr(document, "_timeStamp", None)
    fail_unless(
        len(getattr(stamp, "YMDhms", ())) == 6 and hasattr(stamp, "dhh") and hasattr(stamp, "dmm"),
        "PDFDocument._timeStamp (the Info dictionary's dates)",
        "render/metadata.py",
    )
    fail_unless("Metadata" in type(document.Catalog).__NoDefault__, "PDFCatalog's Metadata entry", "render/metadata.py")


def test_the_hooks_tagging_uses_are_where_canvas_tagging_and_lists_use_them():
    import inspect

    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import makeToUnicodeCMap
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus import ListFlowable, flowables, paragraph

    page = pdfdoc.PDFPage()
    page.__NoDefault__ = [*pdfdoc.PDFPage.__NoDefault__, "Tabs"]
    page.Tabs = pdfdoc.PDFName("S")
    fail_unless("__NoDefault__" in inspect.getsource(pdfdoc.PDFCatalog.format), "how a page dictionary picks its keys", "render/canvas.py")
    fail_unless("self._setAnnotations(page)" in inspect.getsource(Canvas.showPage), "where a page gets its annotations", "render/canvas.py")
    fail_unless("_addAnnotation" in inspect.getsource(Canvas.linkURL), "how links are added", "render/canvas.py")
    fail_unless("PDFTextObject(" in inspect.getsource(Canvas.beginText), "how a text object is made", "render/canvas.py")
    fail_unless("tx._textOut(" in inspect.getsource(paragraph), "how a paragraph writes its lines", "render/canvas.py")
    fail_unless(hasattr(PDFTextObject, "_textOut"), "the text object's line writer", "render/canvas.py")
    fail_unless("_makeLIIndenter" in inspect.getsource(ListFlowable._getContent), "how a list item gets its bullet", "render/lists.py")
    fail_unless(
        list(inspect.signature(flowables._listWrapOn).parameters)[:3] == ["F", "availWidth", "canv"], "_listWrapOn", "render/lists.py"
    )
    fail_unless("<00> <0000>" in makeToUnicodeCMap("F", [0, 65]), "the ToUnicode map of a subset", "render/faces.py")
    fail_unless(
        "idToObjectNumberAndVersion" in inspect.getsource(pdfdoc.PDFDocument.Reference), "object numbering", "render/structure_pdf.py"
    )


def test_crop_marks_come_after_the_page_drawing_where_canvas_marks_them_as_artifacts():
    from handbook.render.print_shop import CropMarks

    canvas = Canvas(io.BytesIO(), pagesize=(100, 100), cropMarks=CropMarks(36, 18))
    code = canvas._code
    canvas.rect(0, 0, 10, 10)
    drawn = len(code)
    canvas.showPage()
    where = "where showPage puts the sheet's offset and the crop marks in a page's code"
    fail_unless(code[:2] == ["q", "1 0 0 1 36 36 cm"] and code[drawn + 2] == "Q", where, "render/canvas.py")
    fail_unless(code[drawn + 3] == "q" and code[drawn + 4] == "0 0 0 RG" and code[-2:] == ["Q", " "], where, "render/canvas.py")
    fail_unless(canvas._getCmShift() == 36, "how far the page is moved onto its sheet", "render/canvas.py")
    fail_unless("\n".join(code[drawn + 3 : -1]) in canvas._doc.Pages.pages[-1].stream, "the page's stream", "render/canvas.py")
