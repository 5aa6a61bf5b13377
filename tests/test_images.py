"""Images drawn as they are: one reader per file, reused while the file stays the same, with the same output."""

from __future__ import annotations

import os

import pytest
from PIL import Image
from pypdf import PdfReader

from handbook.build import build_handbook


def build(project, name: str):
    return build_handbook(project.root / "handbook.yaml", project.root / name).output


def test_the_same_pictures_drawn_in_documents_built_one_after_another_give_the_same_bytes(project):
    Image.new("RGB", (120, 80), (200, 40, 40)).save(project.root / "photo.jpg", "JPEG")
    project.image("logo.png", size=(90, 90))
    body = "- image: {file: photo.jpg, alt: A photo, width: 0.5}\n- image: {file: logo.png, alt: A logo, width: 0.3}\n- image: {file: photo.jpg, alt: Again, width: 0.2}"
    project.manifest(project.section("pics", body))
    first, second = build(project, "one.pdf"), build(project, "two.pdf")
    assert first.read_bytes() == second.read_bytes()
    images = [image for page in PdfReader(second).pages for image in page.images]
    assert len(images) == 2  # the photo drawn twice is stored once
    filters = [
        str(page["/Resources"]["/XObject"][name].get_object().get("/Filter"))
        for page in PdfReader(second).pages
        for name in page["/Resources"].get("/XObject", {})
    ]
    assert any("DCTDecode" in f for f in filters)  # the JPEG goes in byte for byte


def test_a_picture_replaced_between_builds_is_read_again(project):
    path = project.image("logo.png", size=(90, 90))
    project.manifest(project.section("pics", "- image: {file: logo.png, alt: A logo, width: 0.3}"))
    build(project, "one.pdf")
    Image.new("RGB", (90, 90), (250, 250, 0)).save(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    (image,) = [image for page in PdfReader(build(project, "two.pdf")).pages for image in page.images]
    assert image.image.convert("RGB").getpixel((45, 45)) == (250, 250, 0)


@pytest.mark.parametrize("mode", ["RGBA", "RGB", "JPEG"])
def test_an_image_drawn_from_what_was_prepared_gives_the_bytes_drawimage_gives(tmp_path, mode):
    """draw_image registers the image as ReportLab's drawImage does, from what it prepared once for the file's bytes."""
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from handbook.render.images import _prepared, draw_image

    path = tmp_path / ("logo.jpg" if mode == "JPEG" else "logo.png")
    picture = Image.new("RGBA" if mode == "RGBA" else "RGB", (60, 30), (20, 110, 80))
    picture.putpixel((3, 3), (255, 255, 255, 0) if mode == "RGBA" else (255, 255, 255))
    picture.save(path, "JPEG" if mode == "JPEG" else "PNG")

    def pdf(draw) -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1)
        for _page in range(2):
            draw(canvas, 72, 500)
            draw(canvas, 72, 300)  # twice on a page: stored once
            canvas.showPage()
        canvas.save()
        return out.getvalue()

    expected = pdf(lambda canvas, x, y: canvas.drawImage(ImageReader(io.BytesIO(path.read_bytes())), x, y, 60, 30, mask="auto"))
    _prepared.cache_clear()
    assert pdf(lambda canvas, x, y: draw_image(canvas, path, x, y, 60, 30)) == expected
    assert pdf(lambda canvas, x, y: draw_image(canvas, path, x, y, 60, 30)) == expected  # from what was prepared before
    assert _prepared.cache_info().hits >= 7 and _prepared.cache_info().misses == 1
