"""Glyph widths, heights and characters read from PDF font dictionaries, simple and composite."""

from __future__ import annotations

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject
from reportlab.pdfgen.canvas import Canvas

from handbook.preflight_glyphs import font_metrics
from handbook.render.faces import register_family

CMAP = b"""/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0003> <0020>
<0010> <00660069>
endbfchar
2 beginbfrange
<0024> <0026> <0041>
<0030> <0031> [<00E9> <00DF>]
endbfrange
endcmap"""


def _name(value: str) -> NameObject:
    return NameObject(value)


def composite_font() -> DictionaryObject:
    unicode = DecodedStreamObject()
    unicode.set_data(CMAP)
    descriptor = DictionaryObject({_name("/Ascent"): NumberObject(900), _name("/Descent"): NumberObject(-200)})
    widths = ArrayObject([NumberObject(3), ArrayObject([NumberObject(250)]), NumberObject(36), NumberObject(38), NumberObject(600)])
    descendant = DictionaryObject(
        {
            _name("/Subtype"): _name("/CIDFontType2"),
            _name("/DW"): NumberObject(1000),
            _name("/W"): widths,
            _name("/FontDescriptor"): descriptor,
        }
    )
    return DictionaryObject(
        {
            _name("/Subtype"): _name("/Type0"),
            _name("/Encoding"): _name("/Identity-H"),
            _name("/DescendantFonts"): ArrayObject([descendant]),
            _name("/ToUnicode"): unicode,
        }
    )


def test_a_composite_font_reads_two_bytes_a_glyph():
    metrics = font_metrics(composite_font())
    glyphs = metrics.glyphs(bytes.fromhex("0024 0003 0026 0010 0031 0099".replace(" ", "")))
    assert glyphs == [
        (0.6, "A", False),
        (0.25, " ", False),
        (0.6, "C", False),
        (1.0, "fi", False),
        (1.0, "\u00df", False),
        (1.0, "", False),
    ]
    assert (metrics.ascent, metrics.descent) == (0.9, -0.2)


def test_a_simple_embedded_font_as_reportlab_writes_it(tmp_path):
    path = tmp_path / "lato.pdf"
    register_family("Lato")
    canvas = Canvas(str(path), initialFontName="Lato", initialFontSize=12)
    canvas.drawString(72, 700, "Wages •")
    canvas.save()
    font = next(iter(PdfReader(path).pages[0]["/Resources"]["/Font"].values()))
    metrics = font_metrics(font)
    glyphs = metrics.glyphs(b"W\x01")
    assert [characters for _, characters, _ in glyphs] == ["W", "\u2022"]
    assert round(sum(width for width, _, _ in glyphs) * 12, 2) == round(canvas.stringWidth("W•", "Lato", 12), 2)
    assert metrics.glyphs(b" ")[0][2] is True  # a space takes the word spacing


def test_a_standard_font_without_widths_is_measured_from_its_known_metrics():
    helvetica = DictionaryObject({_name("/Subtype"): _name("/Type1"), _name("/BaseFont"): _name("/Helvetica")})
    metrics = font_metrics(helvetica)
    assert metrics.glyphs(b"Hi") == [(0.722, "H", False), (0.222, "i", False)]


def test_a_type3_font_measures_in_its_own_matrix():
    matrix = ArrayObject([FloatObject(0.01), NumberObject(0), NumberObject(0), FloatObject(0.01), NumberObject(0), NumberObject(0)])
    font = DictionaryObject(
        {
            _name("/Subtype"): _name("/Type3"),
            _name("/FontMatrix"): matrix,
            _name("/FirstChar"): NumberObject(65),
            _name("/Widths"): ArrayObject([NumberObject(50), NumberObject(70)]),
            _name("/FontBBox"): ArrayObject([NumberObject(0), NumberObject(-20), NumberObject(100), NumberObject(80)]),
        }
    )
    metrics = font_metrics(font)
    assert [round(width, 6) for width, _, _ in metrics.glyphs(b"AB")] == [0.5, 0.7]
    assert (round(metrics.ascent, 6), round(metrics.descent, 6)) == (0.8, -0.2)
