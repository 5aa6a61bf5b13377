"""What a print shop checks before it prints a PDF: page size, embedded fonts, image resolution,
nothing drawn off the page, and text that lies clear of other text, of the edges and on its panel
(`preflight_text`); and what a PDF posted online needs for screen readers
(`preflight_accessibility`), unless the file is only for the printer."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

from handbook.errors import HandbookError
from handbook.page_sizes import KNOWN_PAPER
from handbook.preflight_accessibility import check_accessibility
from handbook.preflight_drawing import DrawingReader, apply
from handbook.preflight_text import text_problems
from handbook.problems import counted, os_problem
from handbook.render.images import MIN_DPI

TOLERANCE = 0.5  # points a shape may overhang the page edge (rounding)


class DamagedPdf(HandbookError):
    """The file cannot be read as a whole PDF (cut short, or not a PDF at all)."""


@dataclass
class Report:
    """Findings of a preflight: facts, warnings (print anyway) and failures (fix first).

    `failures` and `warnings` are the printer's; `online_failures` and `online_warnings` are what
    the file lacks for screen readers, which are only warnings for a file that is `print_only`.
    """

    facts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    online_warnings: list[str] = field(default_factory=list)
    online_failures: list[str] = field(default_factory=list)
    print_only: bool = False

    @property
    def to_fix(self) -> list[str]:
        """Every failure that makes the preflight fail (exit 1)."""
        return self.failures + ([] if self.print_only else self.online_failures)

    @property
    def all_warnings(self) -> list[str]:
        return self.warnings + self.online_warnings + (self.online_failures if self.print_only else [])

    @property
    def fixing_before(self) -> str:
        """What the failures stand in the way of: 'printing', 'posting online' or both."""
        if self.print_only:
            return "printing"
        return "printing or posting online" if self.failures else "posting online"

    def verdict(self) -> str:
        if self.print_only:
            return "not ready to print" if self.failures else "ready to print"
        if self.failures:
            return "not ready to print or to post online"
        return "ready to print, not ready to post online" if self.online_failures else "ready to print and to post online"

    def lines(self) -> list[str]:
        out = [f"  {fact}" for fact in self.facts]
        out += [f"  warning: {w}" for w in self.all_warnings]
        if self.print_only and (self.online_failures or self.online_warnings):
            out.append(
                "  note: checked for printing only: this file is not for posting online, so what it lacks for screen readers is a warning here"
            )
        out += [f"  FAIL: {f}" for f in self.to_fix]
        out.append(f"{self.verdict()}: {counted(len(self.to_fix), 'failure')}, {counted(len(self.all_warnings), 'warning')}")
        return out


def preflight(path: Path, print_only: bool = False) -> Report:
    """Check the PDF at `path`; raise DamagedPdf when it cannot be read through.

    With `print_only` (a booklet, say) the file is checked for printing: what it lacks for
    screen readers is reported as warnings, since it is not the file to post online.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with open(path, "rb") as file:
            start = file.read(5)
    except OSError as exc:
        reason, fix = os_problem(exc)
        raise HandbookError(f"{path}: cannot be read: {reason}; {fix}") from None
    if start != b"%PDF-":
        raise DamagedPdf(f"{path}: this is not a PDF (it does not start with %PDF-); expected a PDF file such as handbook build writes")
    report = Report(print_only=print_only)
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pypdf's notes on what it repaired; what it cannot repair is raised
    try:
        reader = PdfReader(path)
        _page_sizes(reader, report)
        _fonts(reader, report)
        _placement(reader, report)
        found = check_accessibility(reader, print_only)
        report.facts.append(found.fact)
        report.online_failures += found.failures
        report.online_warnings += found.warnings
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # A damaged file breaks pypdf anywhere in its objects; none of it can be trusted.
        detail = str(exc).rstrip(".") or type(exc).__name__
        raise DamagedPdf(
            f"{path}: this PDF is damaged or incomplete: {detail[0].lower()}{detail[1:]}; it was probably cut short while being written or copied, so build or copy it again"
        ) from None
    finally:
        quiet.setLevel(level)
    return report


def _page_sizes(reader, report: Report) -> None:
    sizes: dict[tuple[int, int], list[int]] = {}
    exact: dict[tuple[int, int], tuple[float, float]] = {}
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        key = (round(width), round(height))
        sizes.setdefault(key, []).append(number)
        exact.setdefault(key, (width / 72, height / 72))
    described = []
    for size, pages in sizes.items():
        name, wide, high = KNOWN_PAPER.get(size, ("custom", *exact[size]))
        described.append(f"{name} {wide:.2f} x {high:.2f} in ({counted(len(pages), 'page')})")
    report.facts.append(f"pages: {len(reader.pages)}; size: {'; '.join(described)}")
    if len(sizes) > 1:
        report.warnings.append("pages differ in size; a print shop prints one paper size per job")


def _font_dicts(resources, seen: set[int]):
    """Every font dictionary reachable from a resources dictionary, forms included."""
    if resources is None:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for font in fonts.get_object().values():
            yield font.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            xobject = ref.get_object()
            key = id(xobject)
            if xobject.get("/Subtype") == "/Form" and key not in seen:
                seen.add(key)
                yield from _font_dicts(xobject.get("/Resources"), seen)


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _appearance_streams(annotation) -> list:
    """The appearance streams of an annotation: /AP entries are streams or dictionaries of states."""
    from pypdf.generic import StreamObject

    found = []
    for entry in (annotation.get("/AP") or {}).values():
        entry = entry.get_object()
        states = [entry] if isinstance(entry, StreamObject) else [state.get_object() for state in entry.values()]
        found += [state for state in states if isinstance(state, StreamObject)]
    return found


def _fonts(reader, report: Report) -> None:
    names: dict[str, bool] = {}
    seen: set[int] = set()
    for page in reader.pages:
        sources = [page.get("/Resources")]
        for annotation in page.get("/Annots", []) or []:
            for appearance in _appearance_streams(annotation.get_object()):
                sources.append(appearance.get("/Resources"))
        for resources in sources:
            for font in _font_dicts(resources, seen):
                name = str(font.get("/BaseFont", "unnamed")).lstrip("/")
                names[name] = names.get(name, True) and _embedded(font)
    missing = sorted(name for name, ok in names.items() if not ok)
    report.facts.append(f"fonts: {len(names)}, {'all embedded' if not missing else f'{len(missing)} not embedded'}")
    for name in missing:
        report.failures.append(f"font {name} is not embedded; the print shop would substitute another")


def _placement(reader, report: Report) -> None:
    """One reading of each page's drawing: images and shapes off the page, image resolution, and where text lies."""
    images: list[tuple[float, str]] = []
    lowest_page = 0
    drawings = DrawingReader()
    for number, page in enumerate(reader.pages, start=1):
        drawing = drawings.page(page)
        box = page.mediabox
        media = tuple(float(v) for v in (box.left, box.bottom, box.right, box.top))
        found = [placed for placed in (_image(number, image) for image in drawing.images) if placed is not None]
        outside = {f"a shape on page {number} reaches past the page edge" for corners in drawing.rectangles if not _inside(corners, media)}
        outside |= {
            f"an image on page {number} reaches past the page edge"
            for image in drawing.images
            if not _inside([apply(image.matrix, u, v) for u in (0, 1) for v in (0, 1)], media)
        }
        report.failures += sorted(outside)
        report.failures += text_problems(number, drawing, page)
        if found and (not images or min(found)[0] < min(images)[0]):
            lowest_page = number
        images += found
    if not images:
        report.facts.append("images: none")
        return
    report.facts.append(f"images: {len(images)}; lowest effective resolution {min(images)[0]:.0f} dpi (page {lowest_page})")
    for dpi, found in dict.fromkeys((math.floor(dpi), found) for dpi, found in images if dpi < MIN_DPI):
        report.warnings.append(f"{found} prints at {dpi} dpi; {MIN_DPI} dpi or more prints sharply")


def _inside(points, box: tuple[float, ...]) -> bool:
    left, bottom, right, top = box
    return all(left - TOLERANCE <= x <= right + TOLERANCE and bottom - TOLERANCE <= y <= top + TOLERANCE for x, y in points)


def _image(number: int, image) -> tuple[float, str] | None:
    """The effective resolution of a placed image, and words that find it (a PDF does not keep the file it came from)."""
    ctm = image.matrix
    wide, high = math.hypot(ctm[0], ctm[1]), math.hypot(ctm[2], ctm[3])
    if not (wide and high):
        return None
    left, bottom = (min(v) / 72 for v in zip(*(apply(ctm, u, v) for u in (0, 1) for v in (0, 1))))
    shown = image.name.lstrip("/")
    shown = shown if len(shown) <= 24 else shown[:16] + "..."
    found = f"the image {shown} on page {number} ({wide / 72:.2f} x {high / 72:.2f} in, {left:.2f} in from the left and {bottom:.2f} in from the bottom)"
    return min(image.pixels[0] / (wide / 72), image.pixels[1] / (high / 72)), found
