"""Checklists: form checkboxes when fillable, plain squares for print, sub-items and due dates."""

from __future__ import annotations

from pypdf import PdfReader

from handbook.build import build_handbook
from tests.conftest import page_texts

PRINT_FLAG = 4


def build(project, body: str):
    project.manifest(project.section("steps", body))
    return build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output


def checkbox_widgets(pdf) -> list:
    widgets = []
    for page in PdfReader(pdf).pages:
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Widget" and annot.get("/FT") == "/Btn":
                widgets.append(annot)
    return widgets


def test_fillable_checklist_has_one_printing_checkbox_per_item(project):
    out = build(
        project,
        """
        - checklist:
            title: Steps
            fillable: true
            items:
              - text: Parent step
                items: [Child one, Child two]
              - Second step
        """,
    )
    widgets = checkbox_widgets(out)
    names = [w["/T"] for w in widgets]
    assert len(widgets) == 4
    assert len(set(names)) == 4
    assert names[0] == "steps.block1.item1"
    for widget in widgets:
        assert int(widget["/F"]) & PRINT_FLAG
        assert set(widget["/AP"]["/N"]) == {"/Off", "/Yes"}  # an appearance for the ticked state
        assert widget["/AS"] == "/Off"  # prints empty until ticked
    fields = PdfReader(out).get_fields()
    assert set(fields) == set(names)


def test_print_checklist_has_no_form_fields(project):
    out = build(project, "- checklist: {title: Steps, items: [One, Two]}")
    assert checkbox_widgets(out) == []
    assert not PdfReader(out).get_fields()
    assert "One" in page_texts(out)[2]


def test_default_handbook_checklist_is_fillable(default_pdf):
    widgets = checkbox_widgets(default_pdf)
    assert len(widgets) == 5
    assert all(w["/T"].startswith("how-to-pursue.") for w in widgets)


def test_due_column_and_sub_items_are_printed(project):
    out = build(
        project,
        """
        - checklist:
            title: Plan
            items:
              - text: Apply
                due: March 1
                items: [Write essay]
              - {text: Visit, due: April}
        """,
    )
    text = page_texts(out)[2]
    for expected in ("Due", "Apply", "March 1", "Write essay", "Visit", "April"):
        assert expected in text


def test_column_beside_mixed_due_dates_and_notes_is_headed_note(project):
    out = build(
        project,
        """
        - checklist:
            title: Plan
            items:
              - {text: Apply, due: March 1}
              - {text: Visit, note: Bring a friend}
        """,
    )
    lines = [line.strip() for line in page_texts(out)[2].splitlines()]
    assert "Note" in lines
    assert "Due" not in lines
    assert "Due March 1" in lines
    assert "Bring a friend" in lines


def test_note_and_due_together_is_an_error(project):
    from click.testing import CliRunner

    from handbook.cli import main

    project.manifest(project.section("steps", "- checklist: [{text: A, note: x, due: y}]"))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "sections/steps.yaml:3: blocks[1].checklist[1]: has both note: and due:; give one of them" in result.output


def test_each_checkbox_names_the_page_it_is_on(default_pdf):
    reader = PdfReader(default_pdf)
    checked = 0
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []):
            widget = annot.get_object()
            if widget.get("/Subtype") == "/Widget":
                assert widget["/P"].get_object() == page.get_object(), f"a checkbox on page {number + 1} names another page"
                checked += 1
    assert checked == 5
