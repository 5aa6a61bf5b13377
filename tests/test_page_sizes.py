from __future__ import annotations

from reportlab.lib import pagesizes

from handbook.page_sizes import KNOWN_PAPER, PAGE_SIZES


def test_page_sizes_are_reportlabs_to_the_last_bit():
    assert PAGE_SIZES == {"letter": pagesizes.LETTER, "a4": pagesizes.A4}


def test_preflight_knows_each_page_size_and_the_sheets_a_booklet_is_printed_on():
    assert KNOWN_PAPER[(612, 792)][0] == "Letter"
    assert KNOWN_PAPER[(595, 842)][0] == "A4"
    assert KNOWN_PAPER[(1224, 792)][0] == "Tabloid (two Letter pages)"
    assert KNOWN_PAPER[(842, 595)][0] == "A4 sideways (two A5 pages)"
