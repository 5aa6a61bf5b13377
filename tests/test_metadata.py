"""The document's identity: /Lang, the title shown in a viewer's window, and the XMP packet agreeing with the Info dictionary."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from pypdf import PdfReader

from handbook.build import build_handbook
from handbook.render.metadata import xmp_packet
from tests.conftest import ROOT, tool

NAMES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def identity(pdf: Path) -> dict[str, object]:
    """What a PDF says of itself: its catalog's /Lang and DisplayDocTitle, and each XMP property, parsed as XML."""
    catalog = PdfReader(pdf).trailer["/Root"]
    stream = catalog["/Metadata"].get_object()
    assert stream["/Subtype"] == "/XML" and "/Filter" not in stream
    description = ET.fromstring(stream.get_data()).find("rdf:RDF/rdf:Description", NAMES)
    found: dict[str, object] = {"lang": catalog["/Lang"], "display_title": catalog["/ViewerPreferences"]["/DisplayDocTitle"].value}
    for name in ("dc:title", "dc:creator", "dc:description", "dc:language"):
        found[name] = description.find(f"{name}//rdf:li", NAMES).text
    for name in ("pdf:Keywords", "xmp:CreatorTool", "xmp:CreateDate", "xmp:ModifyDate"):
        found[name] = description.find(name, NAMES).text
    return found


def test_default_handbook_says_its_language_and_title(default_pdf):
    found = identity(default_pdf)
    info = PdfReader(default_pdf).metadata
    assert found["lang"] == "en-US" and found["dc:language"] == "en-US"
    assert found["display_title"] is True
    assert found["dc:title"] == info.title == "Medical Coding Careers"
    assert found["dc:creator"] == info.author == "Career Guidance Office"
    assert found["dc:description"] == info.subject == "A Comprehensive Guide"
    assert found["pdf:Keywords"] == info["/Keywords"]
    assert found["xmp:CreatorTool"] == info.creator
    assert found["xmp:CreateDate"] == found["xmp:ModifyDate"] == "2000-01-01T00:00:00Z"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20000101000000+00'00'"


def test_pdfinfo_prints_the_packet(default_pdf):
    meta = subprocess.run([tool("pdfinfo"), "-meta", str(default_pdf)], capture_output=True, text=True, check=True).stdout
    assert '<rdf:li xml:lang="x-default">Medical Coding Careers</rdf:li>' in meta
    ET.fromstring(meta[meta.index("<x:xmpmeta") : meta.index("</x:xmpmeta>") + len("</x:xmpmeta>")])


def test_the_manifest_sets_the_language_and_a_profile_overrides_it(project):
    project.write("sections/intro.yaml", "title: Intro\nblocks:\n  - paragraph: Hola.\n")
    project.manifest("sections/intro.yaml", extra="language: es\ntranslation_fallback: [intro]\n")
    project.write("schools/sur.yaml", "school: {name: Escuela Sur}\ntitle: Guía & <más>\nlanguage: ES-mx\n")
    guide = identity(build_handbook(project.root / "handbook.yaml", project.root / "guide.pdf").output)
    assert (guide["lang"], guide["dc:language"], guide["dc:title"]) == ("es", "es", "Test Guide")
    edition = identity(build_handbook(None, project.root / "sur.pdf", school=project.root / "schools/sur.yaml").output)
    assert (edition["lang"], edition["dc:language"]) == ("es-MX", "es-MX")
    assert edition["dc:title"] == "Guía & <más>"
    assert edition["dc:creator"] == "Escuela Sur"


def test_a_school_edition_keeps_the_guide_language_and_names_its_title(tmp_path):
    out = build_handbook(ROOT / "handbook.yaml", tmp_path / "r.pdf", school=ROOT / "schools/riverside.yaml").output
    found = identity(out)
    assert found["lang"] == "en-US"
    assert found["dc:title"] == PdfReader(out).metadata.title
    assert found["dc:creator"] == "Riverside High School"


def test_dates_follow_source_date_epoch(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project.write("sections/intro.yaml", "title: Intro\nblocks:\n  - paragraph: Hello.\n")
    project.manifest("sections/intro.yaml")
    out = build_handbook(project.root / "handbook.yaml", project.root / "g.pdf").output
    assert identity(out)["xmp:CreateDate"] == "2023-11-14T22:13:20Z"
    assert PdfReader(out).metadata["/CreationDate"] == "D:20231114221320+00'00'"


def test_the_packet_is_xml_whatever_the_text():
    packet = xmp_packet(
        title="A & B <C> \x0c",
        author='"Q"',
        subject="s",
        keywords="",
        creator="c",
        language="en",
        date=(2024, 2, 3, 4, 5, 6),
        offset=(-5, 30),
    )
    description = ET.fromstring(packet).find("rdf:RDF/rdf:Description", NAMES)
    assert description.find("dc:title//rdf:li", NAMES).text == "A & B <C> "
    assert description.find("xmp:CreateDate", NAMES).text == "2024-02-03T04:05:06-05:30"
