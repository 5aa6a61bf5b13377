"""Paragraphs reuse parsed markup and line breaks, and come out as ReportLab's own would."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from handbook.build import validated
from handbook.model import Theme
from handbook.render.document import render_pdf
from handbook.render.paragraphs import MemoParagraph, ParagraphMemo
from handbook.render.theme import build_styles, styles_for
from tests.conftest import DEFAULT_MANIFEST

MARKUP = 'Codes are <b>exact</b>, <i>checked</i> and <a href="https://example.org" color="#1d4e89"><u>documented</u></a>.'


def test_a_remembered_paragraph_has_the_lines_of_a_fresh_one():
    styles = build_styles(Theme())
    style = styles["body"]
    plain = Paragraph(MARKUP, style)
    first, second = MemoParagraph(MARKUP, style), MemoParagraph(MARKUP, style)
    assert len(style.memo) == 1  # parsed once
    assert first.frags is not second.frags and first.frags[0] is not second.frags[0]  # each has its own copies
    for paragraph in (plain, first, second):
        paragraph.wrap(120, 1000)
    lines = [
        [(word.text if hasattr(word, "text") else word) for line in p.blPara.lines for word in getattr(line, "words", [])]
        for p in (plain, first, second)
    ]
    assert lines[0] == lines[1] == lines[2]
    assert plain.height == first.height == second.height
    assert plain.getPlainText() == second.getPlainText()


def test_rewrapping_at_the_same_width_keeps_the_lines_and_another_width_breaks_again():
    paragraph = MemoParagraph(MARKUP, build_styles(Theme())["body"])
    paragraph.wrap(120, 1000)
    lines = paragraph.blPara
    assert paragraph.wrap(120, 50) == (120, paragraph.height)
    assert paragraph.blPara is lines
    wide = paragraph.wrap(400, 1000)
    assert paragraph.blPara is not lines and wide[1] < len(lines.lines) * 15.5 + 1


def test_clones_of_a_named_style_have_no_memo():
    style = build_styles(Theme())["body"]
    clone = style.clone("one_off", fontSize=14)
    assert clone.memo is None
    MemoParagraph(MARKUP, clone)
    assert len(style.memo) == 0


def test_the_memo_starts_afresh_when_full():
    style = build_styles(Theme())["body"]
    memo = ParagraphMemo(limit=3)
    for n in range(3):
        memo.fragments(f"paragraph {n}", style)
    memo.fragments("paragraph 0", style)
    assert len(memo) == 3  # full, and markup it holds is not added again
    memo.fragments("paragraph 3", style)
    assert len(memo) == 1  # the next one empties it and is kept
    assert [fragment.text for fragment in memo.fragments("paragraph 3", style)] == ["paragraph 3"]
    assert len(memo) == 1


def test_styles_are_built_once_per_theme():
    assert styles_for(Theme()) is styles_for(Theme())
    assert styles_for(Theme(primary="#000000")) is not styles_for(Theme())


def rendered(handbook, times: int) -> list[bytes]:
    """The bytes of `handbook` rendered `times` times in this process, one after another."""
    outputs = []
    for _ in range(times):
        out = io.BytesIO()
        render_pdf(handbook, out)
        outputs.append(out.getvalue())
    return outputs


def test_a_document_built_after_others_in_one_process_is_byte_for_byte_the_first():
    handbook = validated(DEFAULT_MANIFEST).handbook
    outputs = rendered(handbook, 3)
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(styles_for(handbook.theme)["body"].memo) > 10  # the later documents took their text from the memo


@pytest.mark.slow
def test_paragraphs_split_across_pages_come_out_the_same_from_the_memo(project, tmp_path, monkeypatch):
    """A fresh process (nothing remembered) and the second build in one process (all remembered) agree."""

    long_text = " ".join(f"Sentence {n} of a long paragraph that will not fit at the foot of a page." for n in range(40))
    body = "\n".join(f"- paragraph: {long_text} Part {k}." for k in range(6))
    body += f"\n- bullets: ['{long_text}', 'Short item']"
    project.manifest(project.section("long", body))
    manifest = project.root / "handbook.yaml"
    env = {"SOURCE_DATE_EPOCH": "1767225600", "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    fresh = tmp_path / "fresh.pdf"
    subprocess.run(
        [sys.executable, "-m", "handbook", "build", str(manifest), "-o", str(fresh)],
        check=True,
        env=env,
        capture_output=True,
        cwd=project.root,
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    outputs = rendered(validated(manifest).handbook, 2)
    assert len(PdfReader(fresh).pages) >= 4  # the paragraphs do split across pages
    assert outputs[0] == outputs[1] == fresh.read_bytes()


def test_a_paragraph_laid_out_from_the_memo_has_every_attribute_a_wrap_sets():
    """A wrap that leaves a value as it was (one line of a whole-number leading is the same int) still hands it on."""
    from reportlab.pdfgen.canvas import Canvas

    style = build_styles(Theme())["h2"]  # leading 16: one line is 16 points high at any width
    first = MemoParagraph("At a glance", style)
    first.wrap(300, 1000)
    first.wrap(200, 1000)
    second = MemoParagraph("At a glance", style)
    assert second.wrap(200, 1000) == first.wrap(200, 1000)
    fresh = Paragraph("At a glance", style)
    fresh.wrap(200, 1000)
    for name in ("width", "height", "blPara", "_wrapWidths"):
        assert hasattr(second, name), name
    assert (second.width, second.height) == (fresh.width, fresh.height)
    second.drawOn(Canvas(io.BytesIO()), 0, 0)


def test_a_document_once_built_is_not_kept_alive_by_the_memo(project):
    """The memo keeps lines, not the canvas a paragraph was measured on: a watch or batch process keeps no old document."""
    import gc

    from reportlab.pdfbase.pdfdoc import PDFDocument

    from handbook.build import build_handbook

    for text in ("First words.", "Second words.", "Third words."):
        project.manifest(project.section("one", f"- paragraph: {text}"))
        build_handbook(project.root / "handbook.yaml", project.root / "out.pdf")
    gc.collect()
    assert [obj for obj in gc.get_objects() if isinstance(obj, PDFDocument)] == []


def test_the_memo_keeps_what_the_last_two_documents_used_and_drops_the_rest():
    """A process that makes document after document of a changing text keeps the paragraphs in use, not every version."""
    from reportlab.lib.styles import ParagraphStyle

    from handbook.render.paragraphs import ParagraphMemo

    memo, style = ParagraphMemo(), ParagraphStyle("body")
    memo.new_document()
    memo.fragments("Kept in every document.", style)
    memo.fragments("Version 1 of an edited paragraph.", style)
    for version in range(2, 50):
        memo.new_document()
        memo.fragments("Kept in every document.", style)
        memo.fragments(f"Version {version} of an edited paragraph.", style)
    assert len(memo) == 3  # the kept one, and this document's and the last one's version of the edited one
    memo.new_document()
    assert memo.fragments("Kept in every document.", style)[0].text == "Kept in every document."
    assert list(memo._parsed_before) == [("Version 49 of an edited paragraph.", id(style))]  # to go, unless used now
