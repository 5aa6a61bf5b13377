"""Shared fixtures: the default handbook built once, small projects in tmp folders, real PDF tools."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.build import build_handbook

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MANIFEST = ROOT / "handbook.yaml"
TOOL_PACKAGES = {"qpdf": "qpdf", "pdffonts": "poppler-utils", "pdftoppm": "poppler-utils", "pdftotext": "poppler-utils"}


def pytest_configure(config):
    """Keep handbook's on-disk cache (font metrics) in a folder of this run, not the user's."""
    import os

    config._handbook_cache = tempfile.mkdtemp(prefix="handbook-cache-")
    os.environ["XDG_CACHE_HOME"] = config._handbook_cache


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "_handbook_cache", ""), ignore_errors=True)


def tool(name: str) -> str:
    """The path of a PDF checking tool; a missing tool fails the test (CI installs them)."""
    path = shutil.which(name)
    assert path, f"{name} is not installed; run 'apt-get install {TOOL_PACKAGES[name]}' (.ci/run does this)"
    return path


def page_texts(pdf: Path) -> list[str]:
    """The text of each page as pypdf extracts it, without the space that ends each line of a paragraph."""
    return [re.sub(r" +\n", "\n", page.extract_text()) for page in PdfReader(pdf).pages]


def pdffonts_rows(pdf: Path) -> list[list[str]]:
    out = subprocess.run([tool("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def assert_fonts_embedded(pdf: Path) -> None:
    rows = pdffonts_rows(pdf)
    assert rows, "pdffonts found no fonts"
    for row in rows:
        # columns from the right: object ID (2), uni, sub, emb
        assert row[-5] == "yes", f"font {row[0]} is not embedded"


@pytest.fixture(scope="session")
def default_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("default") / "handbook.pdf"
    build_handbook(DEFAULT_MANIFEST, out)
    return out


class Project:
    """A handbook project in a temporary folder, which is also the working directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def manifest(self, *sections: str, extra: str = "") -> Path:
        listed = "".join(f"\n  - {name}" for name in sections)
        return self.write("handbook.yaml", f"title: Test Guide\n{extra}sections:{listed}\n")

    def section(self, name: str, body: str, title: str = "A Section") -> str:
        blocks = textwrap.indent(textwrap.dedent(body).strip("\n"), "  ")
        self.write(f"sections/{name}.yaml", f"title: {title}\nblocks:\n{blocks}\n")
        return f"sections/{name}.yaml"

    def image(self, name: str = "assets/picture.png", size=(40, 20)) -> Path:
        from PIL import Image

        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, (30, 80, 140)).save(path)
        return path


@pytest.fixture
def project(tmp_path, monkeypatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path)


def assert_text_inside_pages(pdf: Path, margin: float = 18) -> None:
    """Every word poppler finds lies at least `margin` points inside its page's edges."""
    import re

    out = subprocess.run([tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    page_size = None
    words = 0
    for line in out.splitlines():
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page:
            page_size = float(page.group(1)), float(page.group(2))
            continue
        box = re.search(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)</word>', line)
        if box:
            words += 1
            x0, y0, x1, y1 = map(float, box.groups()[:4])
            width, height = page_size
            assert margin <= x0 and x1 <= width - margin, f"{box.group(5)!r} runs off the page sideways ({x0}..{x1} of {width})"
            assert margin <= y0 and y1 <= height - margin, f"{box.group(5)!r} runs off the page vertically ({y0}..{y1} of {height})"
    assert words, "pdftotext found no words"


def ua_problems(pdf: Path) -> list[str]:
    """What the PDF/UA-1 checkers find wrong with `pdf`: every rule page-validation fails, every ERROR
    finding of pdfua, and every rule pdfua could not run on it; empty when both pass it."""
    import page
    import pdfua

    result = page.validate_pdf(str(pdf), profile=page.ValidationProfile.PDF_UA_1)
    found = [f"page-validation {f.rule_id}: {f.message}" for f in result.failures]
    report = pdfua.validate(str(pdf))
    found += [f"pdfua {f.rule_id}: {f.message}" for f in report.findings if f.severity == pdfua.Severity.ERROR]
    found += [f"pdfua could not run {skip}" for skip in report.skipped]
    return found


def pdf_problems(pdf: Path) -> list[str]:
    """What qpdf, pdffonts, pdftoppm and a strict pypdf find wrong with `pdf`; empty when it is clean."""
    found = []
    check = subprocess.run([tool("qpdf"), "--check", str(pdf)], capture_output=True, text=True)
    if check.returncode != 0 or check.stderr:
        found.append(f"qpdf --check: {check.stdout.strip()} {check.stderr.strip()}")
    for row in pdffonts_rows(pdf):
        if row[-5] != "yes":
            found.append(f"pdffonts: {row[0]} is not embedded")
    with tempfile.TemporaryDirectory() as scratch:
        render = subprocess.run([tool("pdftoppm"), "-r", "8", "-png", str(pdf), f"{scratch}/p"], capture_output=True, text=True)
        if render.returncode != 0 or render.stderr:
            found.append(f"pdftoppm: {render.stderr.strip()}")
    try:
        reader = PdfReader(pdf, strict=True)
        for page in reader.pages:
            page.extract_text()
    except Exception as exc:  # noqa: BLE001 - any failure to read is the finding
        found.append(f"pypdf (strict): {exc!r}")
    return found


@dataclass(frozen=True)
class Word:
    """A word as poppler finds it on a page: its text and box, in points from the page's top left corner."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class WordPage:
    width: float
    height: float
    words: list[Word]


def page_words(pdf: Path) -> list[WordPage]:
    """Every word of every page with its box, as `pdftotext -bbox` gives them."""
    import html

    out = subprocess.run([tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages: list[WordPage] = []
    for line in out.splitlines():
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page:
            pages.append(WordPage(float(page.group(1)), float(page.group(2)), []))
            continue
        box = re.search(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)</word>', line)
        if box:
            pages[-1].words.append(Word(html.unescape(box.group(5)), *map(float, box.groups()[:4])))
    return pages


def overlapping_words(words: list[Word]) -> list[tuple[Word, Word]]:
    """Pairs of words whose glyphs would touch: their boxes intersect, each trimmed of the room over and under
    its letters (a line's box is a little taller than the distance to the next line)."""
    found = []

    def trimmed(word: Word) -> tuple[float, float, float, float]:
        pad = (word.y1 - word.y0) * 0.15
        return word.x0 + 0.2, word.y0 + pad, word.x1 - 0.2, word.y1 - pad

    boxes = [trimmed(word) for word in words]
    for i, (a, first) in enumerate(zip(boxes, words, strict=True)):
        for b, second in zip(boxes[i + 1 :], words[i + 1 :], strict=True):
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                found.append((first, second))
    return found
