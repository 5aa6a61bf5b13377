"""The back cover of a school's edition: a long name, address, e-mail, web address and edition each keep to their place."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from handbook.build import build_handbook
from handbook.render.back_cover import QR_SIZE
from handbook.render.drawing import MARGIN_SIDE
from tests.conftest import overlapping_words, page_texts, page_words, tool, ua_problems

TITLE = "Health Information Technology and Medical Coding Careers"
SCHOOL = {
    "name": "Northgate Community College of Allied Health and Technical Sciences",
    "address": "Building C, Room 214, 2 College Way, North Campus, Northgate Heights, NG 40321",
    "phone": "(555) 010-7788",
    "email": "health.information.admissions@northgate-community-college.example.edu",
    "website": "https://www.northgate-community-college.example.edu/programs/health-sciences/medical-coding-certificate",
}
EDITION = "Spring Open House Edition for Prospective Students and Their Families \u00b7 Health Sciences and Allied Health Division"


def edition_of(project, page_size: str, school: dict[str, str] = SCHOOL, edition: str = EDITION):
    section = project.section("only", "- paragraph: Text.")
    project.write("handbook.yaml", f"title: {TITLE}\npage_size: {page_size}\nsections: [{section}]\n")
    lines = "".join(f"  {key}: {value!r}\n".replace("'", '"') for key, value in school.items())
    profile = project.write("schools/long.yaml", f"handbook: ../handbook.yaml\nschool:\n{lines}edition: {edition}\n")
    return build_handbook(None, project.root / "school.pdf", school=profile).output


def band_top(pdf, tmp_path) -> float:
    """How far down the last page (points from its top) the coloured band at its foot begins, from the rendered page."""
    from PIL import Image

    pages = len(PdfReader(pdf).pages)
    subprocess.run([tool("pdftoppm"), "-r", "72", "-png", "-f", str(pages), "-l", str(pages), str(pdf), str(tmp_path / "b")], check=True)
    image = Image.open(next(tmp_path.glob("b*.png"))).convert("RGB")
    foot = image.getpixel((2, image.height - 2))
    row = image.height - 1
    while row > 0 and image.getpixel((2, row - 1)) == foot:
        row -= 1
    return row


def qr_box(pdf) -> tuple[float, float, float, float]:
    """The QR code's box on the last page (x0, top, x1, bottom, in points from the top left), from its link."""
    page = PdfReader(pdf).pages[-1]
    height = float(page.mediabox.height)
    for annotation in page.get("/Annots", []):
        annotation = annotation.get_object()
        x0, y0, x1, y1 = map(float, annotation["/Rect"])
        if annotation["/A"].get("/URI") == SCHOOL["website"] and abs((x1 - x0) - QR_SIZE) < 1 and abs((y1 - y0) - QR_SIZE) < 1:
            return x0, height - y1, x1, height - y0
    raise AssertionError("no QR code link")


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_the_schools_name_and_contacts_keep_left_of_the_qr_code_and_its_caption(project, page_size):
    pdf = edition_of(project, page_size)
    back = page_words(pdf)[-1]
    qr_x0, qr_top, _, qr_bottom = qr_box(pdf)
    column = qr_x0 - 0.3 * 72  # the caption under the code is this much wider on each side
    caption = [w for w in back.words if w.x0 >= column - 0.5 and w.y0 >= qr_bottom]
    beside = [w for w in back.words if w.y1 > qr_top and w not in caption and w.y1 < back.height - 1.2 * 72]
    assert [w for w in beside if w.x1 > column] == []
    assert not overlapping_words(back.words)
    text = re.sub(r"\s", "", page_texts(pdf)[-1])
    for value in SCHOOL.values():
        assert re.sub(r"\s", "", value) in text


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_the_title_and_edition_stay_in_the_band_and_inside_the_margins(project, tmp_path, page_size):
    pdf = edition_of(project, page_size)
    back = page_words(pdf)[-1]
    top = band_top(pdf, tmp_path)
    in_band = [w for w in back.words if w.y1 > top]
    assert " ".join(w.text for w in in_band) == f"{TITLE} {EDITION}"
    for word in in_band:
        assert top + 4 < word.y0 and word.y1 < back.height - 18, f"{word} leaves the band or enters the unprintable edge"
        assert MARGIN_SIDE - 0.5 <= word.x0 and word.x1 <= back.width - MARGIN_SIDE + 0.5, f"{word} runs into the margin"
    assert not ua_problems(pdf)


def test_a_long_address_wraps_in_the_contact_column(project):
    address = ", ".join(["Building C, Room 214, 2 College Way, North Campus, Northgate Heights, NG 40321"] * 4)
    pdf = edition_of(project, "letter", {**SCHOOL, "address": address})
    assert re.sub(r"\s", "", address) in re.sub(r"\s", "", page_texts(pdf)[-1])
    assert not overlapping_words(page_words(pdf)[-1].words)
