"""Properties over many generated inputs: valid documents always build with every word in them, and no
input, however broken, ever ends in a traceback."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.blocks import KINDS
from handbook.build import build_handbook
from handbook.cli import main
from tests.conftest import ROOT, page_texts, pdf_problems

pytestmark = pytest.mark.slow  # hundreds of generated inputs

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éèñüßøåçÉ"
SEPARATORS = [" ", " & ", " < ", " > ", " * ", ", ", "; ", " (", ") ", " — ", ' "', '" ', " R&D ", " a<b "]

PICTURE = "sample.png"  # copied into each generated project
words = st.text(alphabet=LETTERS, min_size=1, max_size=12)


@st.composite
def sentences(draw) -> tuple[str, list[str]]:
    """Text with markup characters between words, some words in **bold** or *italic*; and its words."""
    chosen = draw(st.lists(words, min_size=1, max_size=14))
    parts = []
    for word in chosen:
        style = draw(st.sampled_from(["", "", "**", "*"]))
        parts.append(f"{style}{word}{style}")
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts).strip(), chosen


def inline_list(kind: str):
    """A kind whose content is a list of texts with inline markup."""
    return st.lists(sentences(), min_size=1, max_size=5).map(
        lambda items: ({kind: [text for text, _ in items]}, [w for _, ws in items for w in ws])
    )


def inline_text(kind: str):
    """A kind whose content is one text with inline markup."""
    return sentences().map(lambda drawn: ({kind: drawn[0]}, drawn[1]))


@st.composite
def images(draw) -> tuple[dict, list[str]]:
    caption, found = draw(sentences())
    return {"image": {"file": PICTURE, "alt": "A picture", "caption": caption}}, found


@st.composite
def salary_tables(draw) -> tuple[dict, list[str]]:
    """Rows labelled with short words, which a label column never has to break."""
    labels = draw(st.lists(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=6), min_size=1, max_size=3), min_size=1, max_size=4))
    rows = [{"label": " ".join(label), "annual": draw(st.integers(20000, 200000))} for label in labels]
    return {"salary_table": {"source": "Survey", "period": "May 2025", "rows": rows}}, [w for label in labels for w in label]


# How to draw the content of each registered block kind, and the words it must put in the PDF.
CONTENT = {
    "paragraph": inline_text("paragraph"),
    "bullets": inline_list("bullets"),
    "steps": inline_list("steps"),
    "callout": inline_text("callout"),
    "quote": inline_text("quote"),
    "image": images(),
    "salary_table": salary_tables(),
    "checklist": inline_list("checklist"),
}


def test_every_registered_block_kind_is_drawn():
    missing = [kind.name for kind in KINDS if kind.name not in CONTENT]
    assert not missing, f"no content strategy in CONTENT for the block kinds {missing}"


@st.composite
def blocks(draw) -> tuple[str, list[str]]:
    kind = draw(st.sampled_from([kind.name for kind in KINDS]))
    block, found = draw(CONTENT[kind])
    return json.dumps(block), found


@st.composite
def documents(draw) -> tuple[list[str], list[str]]:
    sections, all_words = [], []
    for _ in range(draw(st.integers(1, 3))):
        content = draw(st.lists(blocks(), min_size=1, max_size=6))
        sections.append("title: Section\nblocks:\n" + "".join(f"  - {block}\n" for block, _ in content))
        all_words += [w for _, ws in content for w in ws]
    return sections, all_words


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_valid_documents_build_and_keep_every_word(tmp_path, document):
    sections, expected = document
    (tmp_path / "sections").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "assets/images/sample.png", tmp_path / PICTURE)
    names = []
    for i, text in enumerate(sections):
        (tmp_path / f"sections/s{i}.yaml").write_text(text, encoding="utf-8")
        names.append(f"sections/s{i}.yaml")
    (tmp_path / "handbook.yaml").write_text(f"title: Generated\nsections: {json.dumps(names)}\n")
    out = build_handbook(tmp_path / "handbook.yaml", tmp_path / "generated.pdf").output
    text = " ".join(" ".join(page_texts(out)).split())
    found = set(re.findall(rf"[{LETTERS}]+", text))
    missing = [w for w in expected if w not in found]
    assert not missing, f"words missing from the PDF: {missing[:10]}"
    assert pdf_problems(out) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300),
        st.lists(
            st.sampled_from(
                [
                    "title:",
                    " T\n",
                    "blocks:\n",
                    "  - ",
                    "paragraph: ",
                    "bullets: ",
                    "[",
                    "]",
                    "{",
                    "}",
                    "\n",
                    "*",
                    "**",
                    "&a ",
                    "*a",
                    "!!str ",
                    "---\n",
                    "\t",
                    "'",
                    '"',
                    "- ",
                    ": ",
                    "salary_table:",
                    "rows:",
                    "label:",
                    "annual:",
                    "checklist:",
                    "items:",
                    "image:",
                    "file:",
                    "~",
                    "yes",
                    "{school.name}",
                    "\\",
                    "? ",
                    "|",
                    ">",
                    "\x00",
                    "\u2028",
                    "医",
                    *(f"{kind.name}: " for kind in KINDS),
                ]
            ),
            max_size=40,
        ).map("".join),
    )
)
def test_no_input_ends_in_a_traceback(tmp_path, content):
    (tmp_path / "sections").mkdir(exist_ok=True)
    data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    (tmp_path / "sections/a.yaml").write_bytes(data)
    (tmp_path / "handbook.yaml").write_text("title: T\nsections: [sections/a.yaml]\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "handbook.yaml")])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
