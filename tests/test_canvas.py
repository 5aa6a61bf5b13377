"""The canvas that holds pages back: deferred drawings land in their page, at their place, with no extra objects."""

from __future__ import annotations

import io

from pypdf import PdfReader

from handbook.render.canvas import HandbookCanvas


def test_deferred_drawings_know_the_total_and_land_where_they_were_deferred():
    out = io.BytesIO()
    canvas = HandbookCanvas(out, invariant=1)
    for number in range(1, 4):
        canvas.drawString(72, 700, f"start of {number}")
        canvas.saveState()
        canvas.translate(300, 400)
        canvas.defer(lambda c, n=number: c.drawString(0, 0, f"deferred {n} of {c.page_count}"))
        canvas.restoreState()
        canvas.drawString(72, 100, f"end of {number}")
        canvas.showPage()
    canvas.save()
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert text.splitlines() == [f"start of {number}", f"deferred {number} of 3", f"end of {number}"]
        found = []
        page.extract_text(
            visitor_text=lambda t, cm, tm, *_, found=found: found.append((t.strip(), cm[4] + tm[4], cm[5] + tm[5])) if t.strip() else None
        )
        assert (f"deferred {number} of 3", 300, 400) in found
    assert "/XObject" not in str(reader.pages[0].get("/Resources", {}))


def test_links_made_on_later_pages_point_at_those_pages():
    out = io.BytesIO()
    canvas = HandbookCanvas(out, invariant=1)
    for number in range(1, 4):
        canvas.bookmarkPage(f"p{number}")
        canvas.addOutlineEntry(f"Page {number}", f"p{number}")
        canvas.drawString(72, 700, f"page {number}")
        canvas.showPage()
    canvas.save()
    reader = PdfReader(out)
    assert [reader.get_destination_page_number(entry) for entry in reader.outline] == [0, 1, 2]
