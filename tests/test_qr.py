"""QR codes: the modules segno finds, drawn as squares, read back by an independent decoder."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from handbook.render.qr import QUIET_ZONE, dark_runs, draw_qr

URLS = [
    "https://riverside.example.org/careers",
    "https://www.greater-metropolitan-unified.example.org/schools/king-early-college/counselling/health-careers-pathway",
    "https://example.org/inscripción?año=2026",
]


def drawn(url: str) -> Image.Image:
    """The code as draw_qr draws it on a PDF page, rasterised by poppler."""
    import subprocess

    from reportlab.pdfgen.canvas import Canvas

    from tests.conftest import tool

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(200, 200), invariant=1)
    draw_qr(canvas, url, 20, 20, 160)
    canvas.save()
    png = subprocess.run([tool("pdftoppm"), "-r", "150", "-png", "-"], input=out.getvalue(), capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png))


@pytest.mark.parametrize("url", URLS)
def test_the_code_drawn_reads_as_its_url(url):
    import zxingcpp

    assert [found.text for found in zxingcpp.read_barcodes(drawn(url))] == [url]


def test_a_url_is_encoded_once():
    dark_runs.cache_clear()
    first = dark_runs(URLS[0])
    assert dark_runs(URLS[0]) is first
    assert dark_runs.cache_info().misses == 1


def test_runs_cover_the_finder_patterns():
    side, runs = dark_runs(URLS[0])
    assert side == 29  # version 3 at level M
    top_rows = [run for run in runs if run[0] == 0]
    assert top_rows[0] == (0, 0, 7) and top_rows[-1] == (0, side - 7, 7)  # the two top finder patterns' edges
    assert QUIET_ZONE == 4
