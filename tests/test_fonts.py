"""Bundled fonts: which characters every face can draw."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

from handbook.fonts import FONT_FAMILIES, covered_characters
from handbook.resources import fonts_dir


def test_coverage_is_every_code_point_of_every_face_as_reportlab_reads_it():
    faces = [TTFont("CoverageTest", str(fonts_dir() / name)).face for name in FONT_FAMILIES["Lato"].values()]
    expected = frozenset.intersection(*(frozenset(c for c, glyph in face.charToGlyph.items() if glyph) for face in faces))
    assert covered_characters("Lato") == expected
    assert {ord("A"), ord("\u2019"), ord("\u00e9")} <= expected
    assert 0x4E2D not in expected  # no CJK in Lato
