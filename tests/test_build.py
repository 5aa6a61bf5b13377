"""The build step: output names, dates from SOURCE_DATE_EPOCH, reproducible bytes."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from handbook.build import build_handbook, slugify
from handbook.errors import ContentError
from tests.conftest import page_texts


def test_slugify():
    assert slugify("Medical Coding Careers") == "medical-coding-careers"
    assert slugify("Café & Co: 2026!") == "cafe-co-2026"
    assert slugify("???") == "handbook"


def test_source_date_epoch_sets_the_dates(project, monkeypatch):
    project.manifest(project.section("one", "- paragraph: Hi."))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    out = build_handbook(project.root / "handbook.yaml", project.root / "a.pdf").output
    assert PdfReader(out).metadata["/CreationDate"].startswith("D:20260101")
    again = build_handbook(project.root / "handbook.yaml", project.root / "b.pdf").output
    assert out.read_bytes() == again.read_bytes()


def test_text_fields_print_exactly_what_was_typed(project):
    project.manifest(project.section("one", "- paragraph: Hi."), extra="edition: no\nsubtitle: 1.10\n")
    out = build_handbook(project.root / "handbook.yaml", project.root / "a.pdf").output
    cover = page_texts(out)[0]
    assert "no" in cover.split("\n") and "1.10" in cover


def test_same_project_in_two_folders_gives_identical_bytes(tmp_path):
    """Nothing of the folder a project sits in may end up in the PDF (images were once named by path)."""
    import shutil

    from tests.conftest import ROOT

    outputs = []
    for folder in ("one", "other-place"):
        project = tmp_path / folder
        project.mkdir()
        for name in ("handbook.yaml", "sections", "schools", "assets"):
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copyfile)(source, project / name)
        outputs.append(
            build_handbook(project / "handbook.yaml", tmp_path / f"{folder}.pdf", school=project / "schools/riverside.yaml").output
        )
    assert outputs[0].read_bytes() == outputs[1].read_bytes()


def test_pdf_in_its_default_place_gets_a_depfile_beside_it_and_elsewhere_only_when_asked(project):
    manifest = project.manifest(project.section("one", "- paragraph: Hi."))
    build_handbook(manifest)
    assert "sections/one.yaml" in (project.root / "build/test-guide.d").read_text()
    build_handbook(manifest, project.root / "elsewhere/guide.pdf")
    assert sorted(p.name for p in (project.root / "elsewhere").iterdir()) == ["guide.pdf"]
    build_handbook(manifest, project.root / "elsewhere/guide.pdf", depfile=project.root / "elsewhere/guide.d")
    assert (project.root / "elsewhere/guide.d").is_file()


def test_booklet_in_the_default_place_removes_the_depfile_so_make_rebuilds_the_flat_pdf(project):
    manifest = project.manifest(project.section("one", "- paragraph: Hi."))
    build_handbook(manifest)
    build_handbook(manifest, booklet=True)
    assert not (project.root / "build/test-guide.d").exists()


def test_build_warns_about_an_image_that_will_print_under_150_dpi(project):
    project.image("assets/small.png", size=(200, 100))
    project.image("assets/big.png", size=(2000, 1000))
    project.manifest(
        project.section(
            "pics",
            """
        - image:
            file: assets/small.png
            alt: Small
        - image: {file: assets/big.png, alt: Big}
    """,
        )
    )
    result = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf")
    assert [str(w) for w in result.warnings] == [
        "sections/pics.yaml:4: warning: image 'assets/small.png' will print at 29 dpi (200 x 100 pixels over 6.80 x 3.40 in); "
        "150 dpi or more prints sharply: use an image at least 1020 pixels wide, or print it smaller (width: 0.19)"
    ]
    with pytest.raises(ContentError, match="will print at 29 dpi"):
        build_handbook(project.root / "handbook.yaml", project.root / "strict.pdf", strict=True)
    assert not (project.root / "strict.pdf").exists()
