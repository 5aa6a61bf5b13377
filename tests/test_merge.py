"""School editions: the example profiles in schools/ laid over the default guide."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from handbook.build import build_handbook
from handbook.cli import main
from tests.conftest import ROOT, assert_fonts_embedded, page_texts, tool

SCHOOLS = ("riverside", "northgate", "lakeside")
PRIMARY = {"riverside": (0x0B, 0x6E, 0x4F), "northgate": (0x7A, 0x1F, 0x3D), "lakeside": (0x4B, 0x2E, 0x83)}


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("editions")
    return {
        name: build_handbook(ROOT / "handbook.yaml", out / f"{name}.pdf", school=ROOT / "schools" / f"{name}.yaml").output
        for name in SCHOOLS
    }


def render_page(pdf, page: int, folder, dpi: int = 30) -> Image.Image:
    stem = folder / f"{pdf.stem}-{page}"
    subprocess.run(
        [tool("pdftoppm"), "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)], check=True
    )
    return Image.open(f"{stem}.png").convert("RGB")


def decode_qr(image: Image.Image) -> list[str]:
    import zxingcpp

    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_school_name_and_contact_appear(editions):
    texts = page_texts(editions["riverside"])
    assert "Riverside High School" in texts[0]
    back = texts[-1]
    for line in ("400 River Road, Springfield", "(555) 010-4400", "careers@riverside.example.org", "https://riverside.example.org/careers"):
        assert line in back
    assert "Page" not in back


@pytest.mark.parametrize("name", SCHOOLS)
def test_cover_is_printed_in_the_school_colour(editions, name, tmp_path):
    cover = render_page(editions[name], 1, tmp_path)
    pixel = cover.getpixel((cover.width // 20, cover.height // 20))
    assert all(abs(a - b) <= 3 for a, b in zip(pixel, PRIMARY[name])), pixel


def test_added_section_follows_its_anchor_and_is_in_the_contents(editions):
    texts = page_texts(editions["riverside"])
    titles = [entry.title for entry in PdfReader(editions["riverside"]).outline]
    added = "Riverside High School's Health Careers Pathway"
    assert titles.index(added) == titles.index("Educational Requirements") + 1
    assert added in texts[1]
    assert "Grade 11:" in "\n".join(texts)


def test_override_replaces_one_block_and_fills_variables(editions):
    text = " ".join("\n".join(page_texts(editions["riverside"])).split())
    assert "come and talk to Ms. Dana Ortiz in Room 114" in text
    assert "This guide walks you through" not in text
    assert "{var." not in text and "{school." not in text


def test_excluded_section_is_absent(editions):
    northgate = [entry.title for entry in PdfReader(editions["northgate"]).outline]
    assert "Conclusion" not in northgate
    assert northgate.index("The Northgate Medical Coding Certificate") == northgate.index("How to Pursue a Career in Medical Coding") - 1
    lakeside = "\n".join(page_texts(editions["lakeside"]))
    assert "Benefits of a Career in Medical Coding" not in lakeside


def test_replaced_section_takes_the_place_of_the_base_one(editions):
    titles = [entry.title for entry in PdfReader(editions["lakeside"]).outline]
    assert titles[-1] == "Your Next Steps at Lakeside"
    assert "Conclusion" not in titles


def test_profile_page_size_applies(editions):
    box = PdfReader(editions["northgate"]).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.parametrize("name", ["riverside", "northgate"])
def test_back_cover_qr_code_scans_to_the_website(editions, name, tmp_path):
    reader = PdfReader(editions[name])
    back = render_page(editions[name], len(reader.pages), tmp_path, dpi=150)
    url = {"riverside": "https://riverside.example.org/careers", "northgate": "https://northgate.example.edu/medical-coding"}[name]
    assert decode_qr(back) == [url]
    uris = [a.get_object()["/A"]["/URI"] for a in reader.pages[-1].get("/Annots", [])]
    assert url in uris


def test_no_qr_code_without_a_website(editions, tmp_path):
    reader = PdfReader(editions["lakeside"])
    back = render_page(editions["lakeside"], len(reader.pages), tmp_path, dpi=150)
    assert decode_qr(back) == []
    uris = [a.get_object()["/A"]["/URI"] for a in reader.pages[-1].get("/Annots", [])]
    assert uris == ["mailto:counselling@lakeside.example.org"]  # the e-mail address is a link, and no web address is
    assert "counselling@lakeside.example.org" in page_texts(editions["lakeside"])[-1]


@pytest.mark.parametrize("name", SCHOOLS)
def test_editions_embed_every_font(editions, name):
    assert_fonts_embedded(editions[name])


def test_explain_names_the_file_of_each_setting_and_section(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["explain", "--school", "schools/riverside.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "theme.primary  #0b6e4f  <- profile schools/riverside.yaml:12" in lines
    assert "title  Medical Coding Careers  <- base handbook.yaml:3" in lines
    assert any(
        line.startswith(
            "section 1: introduction  Introduction  <- base sections/introduction.yaml; block 3 overridden (profile schools/riverside.yaml:"
        )
        for line in lines
    )
    assert any(
        line.startswith(
            "section 5: pathway  Riverside High School's Health Careers Pathway  <- profile schools/riverside/pathway.yaml (added after education"
        )
        for line in lines
    )


def test_school_and_manifest_together_is_a_usage_error(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["build", "handbook.yaml", "--school", "schools/riverside.yaml"])
    assert result.exit_code == 2


def test_editions_loaded_with_one_cache_share_plain_sections_and_keep_their_own_text(project):
    from handbook.build import validated
    from handbook.node_cache import NodeCache

    project.write(
        "sections/plain.yaml",
        "title: Plain\nblocks:\n  - salary_table:\n      period: '2001'\n      source: Survey\n      rows:\n        - {label: Median, annual: 40000}\n",
    )
    project.write("sections/named.yaml", "title: For {school.name}\nblocks:\n  - paragraph: Welcome, {school.name} students.\n")
    project.manifest("sections/plain.yaml", "sections/named.yaml")
    for name in ("Alpha", "Beta"):
        project.write(f"schools/{name.lower()}.yaml", f"handbook: ../handbook.yaml\nschool:\n  name: {name} High\n")
    cache = NodeCache()
    alpha = validated(project.root / "handbook.yaml", project.root / "schools/alpha.yaml", cache)
    beta = validated(project.root / "handbook.yaml", project.root / "schools/beta.yaml", cache)
    assert beta.handbook.sections[0] is alpha.handbook.sections[0]  # validated once
    assert [w.message for w in beta.warnings] == [w.message for w in alpha.warnings]
    assert any("2001" in w.message for w in beta.warnings)  # the warning is given again for the second edition
    assert alpha.handbook.sections[1].title == "For Alpha High"
    assert beta.handbook.sections[1].title == "For Beta High"
    again = validated(project.root / "handbook.yaml", project.root / "schools/alpha.yaml", cache)
    assert again.handbook.sections[1] is alpha.handbook.sections[1]  # one school's own text: validated once for its values
    assert again.handbook.sections[1].title == "For Alpha High"


@pytest.mark.parametrize("path", [f"schools/{name}.yaml" for name in SCHOOLS] + ["template/schools/example-school.yaml"])
def test_example_edition_lines_do_not_repeat_the_school_name(path):
    import yaml

    profile = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
    assert profile["school"]["name"].casefold() not in profile.get("edition", "").casefold()


def test_back_cover_breaks_a_long_address_only_after_a_slash_dot_or_hyphen(project):
    url = "https://www.riverside-high.example.org/student-services/guidance/careers-and-college"
    project.manifest(project.section("one", "- paragraph: Hello."))
    profile = project.write(
        "schools/river.yaml",
        f"""
        handbook: ../handbook.yaml
        school:
          name: Riverside High School
          website: {url}
        """,
    )
    out = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf", school=profile).output
    lines = [line.strip() for line in page_texts(out)[-1].splitlines()]
    for start in (lines.index("Scan for more, or visit") + 1, next(i for i, line in enumerate(lines) if line.startswith("Web"))):
        pieces = []
        for line in lines[start:]:
            pieces.append(line.removeprefix("Web").strip())
            if "".join(pieces) == url or not url.startswith("".join(pieces)):
                break
        assert "".join(pieces) == url, lines
        assert len(pieces) > 1, "the address is long enough to need a second line"
        assert all(piece[-1] in "/.-" for piece in pieces[:-1]), pieces


def test_riverside_checklist_starts_on_the_page_of_its_heading(editions):
    reader = PdfReader(editions["riverside"])
    entry = next(e for e in reader.outline if e.title == "How to Pursue a Career in Medical Coding")
    page = page_texts(editions["riverside"])[reader.get_destination_page_number(entry)]
    assert "Your five steps" in page and "Research educational programs" in page


def test_explain_says_which_settings_are_defaults_and_never_credits_an_unquoted_colour(project):
    project.section("intro", "- paragraph: Hello.")
    project.manifest("sections/intro.yaml")
    project.write("schools/a.yaml", 'school: {name: Alpha High}\ntheme: {accent: "#2ab7a9"}\n')
    project.write("schools/b.yaml", "school: {name: Beta High}\ntheme:\n  primary: #0f5e7a\n")
    shown = CliRunner().invoke(main, ["explain", "--school", "schools/a.yaml"])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert "theme.primary  #1d4e89  <- default; neither the profile nor the base guide gives one" in lines
    assert "theme.accent  #2ab7a9  <- profile schools/a.yaml:2" in lines
    assert "salary_max_age_years  3  <- default; the base guide does not give one" in lines
    hidden = CliRunner().invoke(main, ["explain", "--school", "schools/b.yaml"])
    assert hidden.exit_code == 1
    assert "#1d4e89" not in hidden.output
    assert (
        'schools/b.yaml:3: theme.primary: is empty, because YAML reads an unquoted # as the start of a comment; a value starting with # must be quoted: primary: "#0f5e7a"'
        in hidden.output
    )


def test_explain_of_a_guide_on_its_own_lists_every_declared_setting_then_the_sections(monkeypatch):
    from handbook import settings

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["explain"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "title  Medical Coding Careers  <- handbook.yaml:3" in lines
    assert "theme.primary  #1d4e89  <- handbook.yaml:12" in lines
    assert "salary_max_age_years  3  <- default; the guide does not give one" in lines
    assert [line.split("  ")[0] for line in lines[: len(settings.explained())]] == sorted(settings.explained())
    assert lines[len(settings.explained())] == "section 1: introduction  Introduction  <- sections/introduction.yaml"
