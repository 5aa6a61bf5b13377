"""Proof sheets for signing off a PDF: one picture per page, and a contact sheet of them all.

Pages are rasterised with PDFium (pypdfium2: Apache-2.0/BSD, its wheels carry PDFium, so no
system package is needed) and the sheets composed with Pillow. `gray` renders the pages in
greys, as a photocopier prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from handbook.errors import HandbookError
from handbook.resources import fonts_dir
from handbook.write import write_atomically

SHEET_DPI = 50  # the largest a page is shown at on a contact sheet
SHEET_COLUMNS = 4
SHEET_BACKGROUND = (226, 228, 232)
INK = (30, 34, 40)
MUTED = (90, 96, 104)
PAD = 24  # pixels around and between the pages of a sheet


@dataclass
class Proof:
    """A PDF rasterised: its file, the edition it is (title and author), and one image per page."""

    path: Path
    title: str
    pages: list[Image.Image]
    dpi: int


def rasterise(path: Path, dpi: int = SHEET_DPI, gray: bool = False) -> Proof:
    """Every page of the PDF at `path` as an image at `dpi`; greys only with `gray`."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError) as exc:
        reason = str(exc).removeprefix("Failed to load document").strip(" ().").removeprefix("PDFium: ").lower()
        raise HandbookError(
            f"{path}: cannot be read as a PDF ({reason}): it is damaged, cut short or not a PDF at all; "
            "expected a PDF such as handbook build writes"
        ) from None
    try:
        metadata = document.get_metadata_dict()
        title = " \u00b7 ".join(part for part in (metadata.get(key, "").strip() for key in ("Title", "Author")) if part)
        pages = []
        for page in document:
            # Greys are made from the colour picture: PDFium's own grey rendering places glyphs
            # differently at low resolution, so that words seem to run together.
            left, bottom, right, top = page.get_trimbox()
            width, height = page.get_size()
            crop = (left, bottom, width - right, height - top)  # what the reader holds: a print shop's bleed and marks cut off
            bitmap = page.render(scale=dpi / 72, crop=crop, may_draw_forms=True)
            pages.append(bitmap.to_pil().convert("L" if gray else "RGB"))
            page.close()
    finally:
        document.close()
    return Proof(path, title or path.stem, pages, dpi)


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The bundled Lato at `size` pixels, for the words on a sheet."""
    return ImageFont.truetype(str(fonts_dir() / ("Lato-Bold.ttf" if bold else "Lato-Regular.ttf")), size)


def thumbnail(page: Image.Image, dpi: int) -> Image.Image:
    """`page` at most SHEET_DPI."""
    if dpi <= SHEET_DPI:
        return page
    scale = SHEET_DPI / dpi
    return page.resize((max(1, round(page.width * scale)), max(1, round(page.height * scale))), Image.Resampling.LANCZOS)


def contact_sheet(proof: Proof) -> Image.Image:
    """All pages of `proof` in a grid, each with its number under it, the title and file on top."""
    thumbs = [thumbnail(page, proof.dpi) for page in proof.pages]
    gray = proof.pages[0].mode == "L" if proof.pages else False
    shade = ", in greys as a photocopier prints" if gray else ""
    heading = (f"{proof.title}", f"{proof.path.name}: {len(thumbs)} page{'s' if len(thumbs) != 1 else ''}{shade}")
    cells = [(thumb, f"{number}") for number, thumb in enumerate(thumbs, start=1)]
    return grid(heading, cells, SHEET_COLUMNS, gray=gray)


def grid(heading: tuple[str, str], cells: list[tuple[Image.Image, str]], columns: int, gray: bool = False) -> Image.Image:
    """A sheet with a two-line heading and `cells` (an image and the words under it) in rows of `columns`."""
    title_font, line_font, label_font = font(20, bold=True), font(13), font(13)
    columns = max(1, min(columns, len(cells)))
    cell_width = max([image.width for image, _ in cells] + [1])
    cell_height = max([image.height for image, _ in cells] + [1])
    label_height = 22
    top = PAD + 26 + 20 + PAD // 2
    rows = -(-len(cells) // columns)
    width = max(PAD + columns * (cell_width + PAD), PAD * 2 + int(title_font.getlength(heading[0])))
    height = top + rows * (cell_height + label_height + PAD)
    sheet = Image.new("RGB", (width, height), SHEET_BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    draw.text((PAD, PAD), heading[0], font=title_font, fill=INK)
    draw.text((PAD, PAD + 28), heading[1], font=line_font, fill=MUTED)
    for index, (image, label) in enumerate(cells):
        row, column = divmod(index, columns)
        x = PAD + column * (cell_width + PAD) + (cell_width - image.width) // 2
        y = top + row * (cell_height + label_height + PAD)
        draw.rectangle((x - 1, y - 1, x + image.width, y + image.height), outline=(150, 154, 160))
        sheet.paste(image.convert("RGB"), (x, y))
        words = label_font.getlength(label)
        draw.text((x + (image.width - words) / 2, y + image.height + 5), label, font=label_font, fill=INK)
    return sheet.convert("L") if gray else sheet


def save_png(image: Image.Image, target: Path) -> Path:
    """Write `image` to `target` as a PNG, atomically (a failed write leaves what was there)."""
    write_atomically(target, lambda out: image.save(out, format="PNG", optimize=False))
    return target


def proof_name(path: Path, gray: bool) -> str:
    """The stem the pictures of `path` are named by: `riverside` or `riverside-gray`."""
    return f"{path.stem}-gray" if gray else path.stem


def write_proof(path: Path, directory: Path, dpi: int = SHEET_DPI, gray: bool = False, pages: bool = True) -> list[Path]:
    """The contact sheet of the PDF at `path` (and with `pages` a PNG of each page) in `directory`."""
    proof = rasterise(path, dpi, gray)
    stem = proof_name(path, gray)
    written = []
    if pages:
        digits = len(str(len(proof.pages)))
        for number, page in enumerate(proof.pages, start=1):
            written.append(save_png(page, directory / f"{stem}-page-{number:0{digits}d}.png"))
    written.append(save_png(contact_sheet(proof), directory / f"{stem}-sheet.png"))
    return written
