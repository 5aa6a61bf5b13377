"""Bundled fonts: which characters every face can draw."""

from __future__ import annotations

from handbook.fonts import _cmap_code_points, covered_characters
from handbook.resources import fonts_dir


def test_coverage_is_every_code_point_of_every_face():
    expected = frozenset.intersection(*(_cmap_code_points(p.read_bytes()) for p in sorted(fonts_dir().glob("Lato-*.ttf"))))
    assert covered_characters("Lato") == expected
    assert {ord("A"), ord("\u2019"), ord("\u00e9")} <= expected
    assert 0x4E2D not in expected  # no CJK in Lato
