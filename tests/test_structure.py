"""The structure tree of a built handbook, read back as assistive technology reads it: poppler's
`pdfinfo -struct-text` for the elements and their words, pypdf for what poppler does not print
(alternative text, the annotations behind links and form fields, page references)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from handbook.blocks.paragraph import Paragraph
from handbook.build import build_handbook, validated
from tests.conftest import DEFAULT_MANIFEST, ROOT, tool, ua_problems
from tests.test_validators import EVERY_BLOCK_KIND


@dataclass
class Node:
    role: str
    attributes: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    objects: int = 0  # annotations (OBJR) it holds
    kids: list[Node] = field(default_factory=list)

    def all(self):
        yield self
        for kid in self.kids:
            yield from kid.all()

    def text(self) -> str:
        """All its words and its elements', in reading order, with runs of spaces made one."""
        words = " ".join(self.texts + [kid.text() for kid in self.kids])
        return " ".join(words.split())

    def find(self, role: str) -> list[Node]:
        return [node for node in self.all() if node.role == role]


def struct_tree(pdf: Path) -> Node:
    """The tree `pdfinfo -struct-text` prints, parsed."""
    out = subprocess.run([tool("pdfinfo"), "-struct-text", str(pdf)], check=True, capture_output=True, text=True).stdout
    root = Node("")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for line in out.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        while stack[-1][0] >= indent:
            stack.pop()
        owner = stack[-1][1]
        if body.startswith('"'):
            owner.texts.append(body[1:-1])
        elif body.startswith("/"):
            owner.attributes.append(body)
        elif re.fullmatch(r"Object \d+ \d+", body):
            owner.objects += 1
        else:
            node = Node(re.sub(r" \((block|inline)\)|:$", "", body))
            owner.kids.append(node)
            stack.append((indent, node))
    return root


def struct_elems(pdf: Path) -> list[DictionaryObject]:
    """Every structure element of `pdf`, in reading order, as pypdf reads them."""
    reader = PdfReader(pdf)
    found = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, DictionaryObject) and node.get("/Type") in (None, "/StructElem") and "/S" in node:
            found.append(node)
        kids = node.get("/K") if isinstance(node, DictionaryObject) else None
        if kids is None:
            return
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            kid = kid.get_object()
            if isinstance(kid, DictionaryObject) and kid.get("/Type") not in ("/MCR", "/OBJR"):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def plain(text: str) -> str:
    return " ".join(text.split())


def test_the_default_handbook_reads_cover_contents_and_sections_in_order(tmp_path):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "h.pdf").output
    handbook = validated(DEFAULT_MANIFEST).handbook
    tree = struct_tree(out)
    document = tree.kids[0]
    assert document.role == "Document"
    cover, contents_title, contents, *sections = document.kids
    assert cover.kids[0].role == "H1" and cover.kids[0].text() == handbook.title
    assert contents_title.text() == "Contents" and contents.role == "TOC"
    assert [entry.find("Link")[0].text() for entry in contents.kids] == [
        f"{number} {section.title} {page}"
        for number, (section, page) in enumerate(zip(handbook.sections, re.findall(r'"(\d+)"', _toc_pages(out))), start=1)
    ]
    assert [s.role for s in sections] == ["Sect"] * len(handbook.sections)
    assert [s.kids[0].role for s in sections] == ["H1"] * len(sections)
    assert [s.kids[0].text() for s in sections] == [section.title for section in handbook.sections]
    # Every paragraph block, in YAML order, is a P of its section.
    for section, part in zip(handbook.sections, sections):
        said = [plain("".join(span.text for span in block.text)) for block in section.blocks if isinstance(block, Paragraph)]
        ps = [kid.text() for kid in part.kids if kid.role == "P"]
        assert [p for p in ps if p in said] == said


def _toc_pages(pdf: Path) -> str:
    """The quoted page numbers of the contents, as pdfinfo prints them."""
    out = subprocess.run([tool("pdfinfo"), "-struct-text", str(pdf)], check=True, capture_output=True, text=True).stdout
    return "\n".join(line for line in out.splitlines() if re.fullmatch(r'\s*"\d+"', line))


def test_headers_footers_and_page_numbers_are_not_read(tmp_path):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "h.pdf").output
    handbook = validated(DEFAULT_MANIFEST).handbook
    words = struct_tree(out).text()
    pages = len(PdfReader(out).pages)
    assert "Page 2 of" not in words and f"of {pages}" not in words
    assert "Career Guidance Office \u00b7 Career fair edition" not in words  # the footer
    # The running header repeats the title and a section's name on each page: each is read where it belongs only.
    assert words.count(handbook.title) == 1
    assert words.count("Salary Potential") == 2  # its contents entry and its heading


def test_every_block_kind_has_its_structure(project):
    project.image()
    manifest = project.manifest(project.section("all", EVERY_BLOCK_KIND))
    out = build_handbook(manifest, project.root / "all.pdf").output
    tree = struct_tree(out)
    section = tree.find("Sect")[0]
    roles = [kid.role for kid in section.kids]
    # paragraph, bullets, steps, callout, quote, image and caption, salary table (title, table, two notes,
    # "At a glance", chart), a range chart and its two notes, checklist (title, list)
    assert roles == ["H1", "P", "L", "L", "Div", "BlockQuote", "Figure", "P"] + ["H2", "Table", "P", "P", "P", "Figure"] + [
        "Figure",
        "P",
        "P",
        "H2",
        "L",
    ]
    paragraph = section.kids[1]
    assert paragraph.text() == "Text with bold, italic and a link."
    assert [link.objects for link in paragraph.find("Link")] == [1]
    bullets, steps = section.kids[2], section.kids[3]
    assert bullets.attributes == ["/ListNumbering /Disc"] and steps.attributes == ["/ListNumbering /Decimal"]
    assert [(li.kids[0].role, li.kids[0].text(), li.kids[1].role, li.kids[1].text()) for li in bullets.kids] == [
        ("Lbl", "\u2022", "LBody", "One"),
        ("Lbl", "\u2022", "LBody", "Two"),
    ]
    assert [(li.kids[0].text(), li.kids[1].text()) for li in steps.kids] == [("1.", "First"), ("2.", "Second")]
    callout, quote = section.kids[4], section.kids[5]
    assert [(k.role, k.text()) for k in callout.kids] == [("H2", "Tip"), ("P", "A boxed tip.")]
    assert [(k.role, k.text()) for k in quote.kids] == [("P", "\u201cSomething worth saying.\u201d"), ("P", "\u2014 Someone")]
    table = section.kids[9]
    head, body = table.kids
    assert (head.role, body.role) == ("THead", "TBody")
    assert [(c.role, c.attributes, c.text()) for c in head.kids[0].kids] == [
        ("TH", ["/Scope /Column"], ""),
        ("TH", ["/Scope /Column"], "Per year"),
        ("TH", ["/Scope /Column"], "Per hour"),
    ]
    assert [[(c.role, c.text()) for c in row.kids] for row in body.kids] == [
        [("TH", "Median annual wage"), ("TD", "$42,630"), ("TD", "$20.50")],
        [("TH", "Top 10% of earners"), ("TD", "more than $73,370"), ("TD", "more than $35.27")],
    ]
    assert section.kids[10].text() == "Source: A survey, 2025."
    checklist = section.kids[-1]
    items = checklist.kids
    assert [li.find("LBody")[0].text() for li in items] == ["Compare programs Due March 1", "Ask about externships at the open day"]
    assert [form.objects for li in items for form in li.find("Form")] == [1, 1]


def test_figures_say_what_they_show_and_fields_name_their_item(project):
    project.image()
    manifest = project.manifest(project.section("all", EVERY_BLOCK_KIND))
    out = build_handbook(manifest, project.root / "all.pdf").output
    elems = struct_elems(out)
    figures = [str(e.get("/Alt")) for e in elems if e["/S"] == "/Figure"]
    assert figures == [
        "A blue box",
        "Bar chart of pay per year: Median annual wage, $42,630; Top 10% of earners, more than $73,370.",
        "Range chart of pay per year, from the 10th to the 90th percentile: Coders, $30,000 to $73,370, median $42,630.",
    ]
    widgets = [kid.get_object()["/Obj"].get_object() for e in elems if e["/S"] == "/Form" for kid in [e["/K"]]]
    assert [(w["/Subtype"], str(w["/TU"])) for w in widgets] == [("/Widget", "Compare programs"), ("/Widget", "Ask about externships")]
    links = [e["/K"] for e in elems if e["/S"] == "/Link"]
    objects = [k.get_object() for link in links for k in (link if isinstance(link, ArrayObject) else [link])]
    annotations = [k["/Obj"].get_object() for k in objects if isinstance(k, DictionaryObject) and "/Obj" in k]
    assert [str(a["/Contents"]) for a in annotations] == ["A Section", "https://example.org"]  # the contents entry, the link


def test_a_paragraph_split_across_pages_is_one_element_read_whole(project):
    long = "Words that fill the page one after another until the paragraph has to go on over the page. " * 60
    body = "\n".join(f"- paragraph: Paragraph {n}. {long if n == 1 else 'Short.'}" for n in range(4))
    manifest = project.manifest(project.section("one", body))
    out = build_handbook(manifest, project.root / "a.pdf").output
    elems = struct_elems(out)
    split = [
        e for e in elems if e["/S"] == "/P" and isinstance(e["/K"], ArrayObject) and any(isinstance(k, DictionaryObject) for k in e["/K"])
    ]
    assert len(split) == 1  # its content is on two pages: the second part is a marked-content reference
    ps = [p.text() for p in struct_tree(out).find("Sect")[0].kids if p.role == "P"]
    assert ps == [plain(f"Paragraph {n}. {long if n == 1 else 'Short.'}") for n in range(4)]
    assert ua_problems(out) == []


def test_a_table_heading_repeated_on_the_next_page_is_read_once(project):
    rows = "\n".join(f"      - {{label: Row {n}, annual: {40000 + n}}}" for n in range(70))
    manifest = project.manifest(project.section("pay", f"- salary_table:\n    source: A survey\n    period: '2025'\n    rows:\n{rows}"))
    out = build_handbook(manifest, project.root / "pay.pdf").output
    assert sum("Per year" in page.extract_text() for page in PdfReader(out).pages) >= 2
    table = struct_tree(out).find("Table")
    assert len(table) == 1
    assert [c.text() for c in table[0].find("TH") if c.attributes == ["/Scope /Column"]] == ["", "Per year", "Per hour"]
    assert [row.kids[0].text() for row in table[0].kids[1].kids] == [f"Row {n}" for n in range(70)]
    assert ua_problems(out) == []


def test_a_school_edition_reads_its_back_cover_last(tmp_path):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "r.pdf", school=ROOT / "schools" / "riverside.yaml").output
    document = struct_tree(out).kids[0]
    back = document.kids[-1]
    assert back.kids[0].text() == "Questions? We are here to help."
    assert any(f.role == "Figure" for f in back.all())
    qr = [e for e in struct_elems(out) if e["/S"] == "/Figure" and str(e.get("/Alt", "")).startswith("QR code linking to ")]
    assert len(qr) == 1
