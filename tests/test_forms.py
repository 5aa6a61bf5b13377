"""Form checkboxes: each look is drawn once per document, and every checkbox still has every state."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.pdfbase.acroform import AcroForm

from handbook.render.canvas import HandbookCanvas


def test_each_checkbox_look_is_made_once_per_document(monkeypatch):
    made = []
    original = AcroForm.checkboxAP
    monkeypatch.setattr(AcroForm, "checkboxAP", lambda self, *a, **k: made.append(a) or original(self, *a, **k))
    out = io.BytesIO()
    canvas = HandbookCanvas(out, invariant=1)
    for n in range(5):
        canvas.acroForm.checkbox(
            name=f"box{n}",
            x=72,
            y=700 - 30 * n,
            size=12,
            buttonStyle="check",
            borderWidth=0,
            fillColor=colors.white,
            textColor=colors.black,
        )
    canvas.showPage()
    canvas.save()
    assert len(made) == 6  # normal, down and rollover, each ticked and not: once, not five times
    assert len(PdfReader(out).get_fields()) == 5


def test_checkboxes_have_every_state_with_a_distinct_ticked_look(default_pdf):
    widgets = 0
    for page in PdfReader(default_pdf).pages:
        for annot in page.get("/Annots", []):
            widget = annot.get_object()
            if widget.get("/FT") != "/Btn":
                continue
            widgets += 1
            appearances = widget["/AP"]
            assert set(appearances) == {"/N", "/D", "/R"}
            for state in appearances.values():
                looks = state.get_object()
                assert set(looks) == {"/Yes", "/Off"}
                assert looks["/Yes"].get_object().get_data() != looks["/Off"].get_object().get_data()
    assert widgets == 5
