"""Inline markup: only **bold**, *italic* and [links](https://...) are markup."""

from __future__ import annotations

import pytest

from handbook.markup import MarkupError, parse_inline, plain_text
from handbook.model import Span
from handbook.render.inline import to_markup


def test_plain_text_with_xml_characters_is_text():
    spans = parse_inline("R&D: a < b > c")
    assert spans == (Span("R&D: a < b > c"),)
    assert to_markup(spans) == "R&amp;D: a &lt; b &gt; c"


def test_bold_italic_and_links():
    spans = parse_inline("**Bold** and *it* see [AAPC](https://www.aapc.com)")
    assert spans == (
        Span("Bold", bold=True),
        Span(" and "),
        Span("it", italic=True),
        Span(" see "),
        Span("AAPC", link="https://www.aapc.com"),
    )


def test_lone_asterisks_and_escapes_are_literal():
    assert plain_text(parse_inline("5 * 3 = 15")) == "5 * 3 = 15"
    assert plain_text(parse_inline(r"\*not italic\*")) == "*not italic*"


def test_unclosed_markers_are_errors():
    with pytest.raises(MarkupError, match="never closed"):
        parse_inline("*open")


@pytest.mark.parametrize("target", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x"])
def test_only_web_and_mail_links(target):
    with pytest.raises(MarkupError, match="not allowed"):
        parse_inline(f"[x]({target})")


def test_mailto_link_is_allowed():
    assert parse_inline("[mail](mailto:careers@example.org)")[0].link == "mailto:careers@example.org"


def test_link_with_quotes_and_ampersands_is_valid_reportlab_markup():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    markup = to_markup(parse_inline('[x <y>](https://e.org/?a="b"&c) & more'))
    paragraph = Paragraph(markup, ParagraphStyle("t"))
    paragraph.wrap(300, 100)
    words = [getattr(frag, "text", "") for line in paragraph.blPara.lines for frag in getattr(line, "words", [])]
    assert "x <y>" in "".join(words)
    assert "& more" in "".join(words)


def test_url_lines_break_only_after_a_slash_dot_or_hyphen():
    from handbook.render.inline import url_lines

    url = "https://www.riverside-high.example.org/guidance/career-pathways"
    lines = url_lines(url, 90, "Helvetica", 9)
    assert "".join(lines) == url
    assert len(lines) > 2
    assert all(line[-1] in "/.-" for line in lines[:-1])
    assert url_lines("https://a.org/x", 90, "Helvetica", 9) == ["https://a.org/x"]
