"""The stress corpus in tests/layout/: real-world long names must build into pages a print shop accepts.

Each folder there is a project (or a school profile on one) with the names districts and colleges
really have: long organisations, editions, titles, section titles, school names, addresses,
e-mails, web addresses, table and chart labels, checklist notes and captions. Every one is built
as a handout, a booklet, a print shop's PDF with bleed and crop marks and a print shop's booklet, and
`handbook build --preflight` must pass it: no text over other
text, nothing in the band office printers cannot print, no white text off its panel. A folder
with an `expect.txt` holds content too long to fit even at the smallest size: its build must fail
with that located message instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import main
from tests.conftest import ROOT, ua_problems

CORPUS = ROOT / "tests" / "layout"
MODES = {"handout": [], "booklet": ["--booklet"], "print-shop": ["--crop-marks"], "print-shop booklet": ["--booklet", "--print-shop"]}


def editions() -> list[tuple[str, list[str]]]:
    """Each manifest and school profile of the corpus, as the arguments that build it."""
    found = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        for source in sorted(folder.glob("*.yaml")):
            args = ["--school", str(source)] if source.name.startswith("school") else [str(source)]
            found.append((f"{folder.name}/{source.name}", args))
    return found


EDITIONS = editions()


def build(args: list[str], out: Path, *options: str):
    return CliRunner().invoke(main, ["build", *args, *options, "-o", str(out), "--preflight"], catch_exceptions=False)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("name", "args"), EDITIONS, ids=[name for name, _ in EDITIONS])
def test_corpus_builds_and_passes_preflight(name, args, mode, tmp_path):
    expect = CORPUS / Path(name).parent / "expect.txt"
    out = tmp_path / "out.pdf"
    result = build(args, out, *MODES[mode])
    if expect.exists():
        assert result.exit_code == 1, result.output
        assert expect.read_text().strip() in result.output
        assert "Traceback" not in result.output and not out.exists()
        return
    assert result.exit_code == 0, result.output
    booklet = "--booklet" in MODES[mode]
    verdict = "ready to print: 0 failures" if booklet else "ready to print and to post online: 0 failures, 0 warnings"
    assert verdict in result.output, result.output
    if not booklet:
        assert ua_problems(out) == []


def test_corpus_covers_what_the_layout_places():
    """The corpus holds a case for each kind of long text, on both paper sizes and in a school edition."""
    text = "\n".join(path.read_text() for path in CORPUS.rglob("*.yaml"))
    for key in ("organisation:", "edition:", "title:", "subtitle:", "career:", "name:", "address:", "email:", "website:"):
        assert key in text, f"no case in tests/layout/ sets {key}"
    for kind in ("salary_table:", "chart: bars", "chart: range", "due:", "note:", "caption:", "page_size: a4", "page_size: letter"):
        assert kind in text, f"no case in tests/layout/ has {kind}"
