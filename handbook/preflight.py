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
from handbook.preflight_drawing import DrawingReader, PageDrawing, apply
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
        reading = DrawingReader()
        drawings = [reading.page(page) for page in reader.pages]  # one reading of each page's drawing, for every check
        _page_sizes(reader, drawings, report)
        _fonts(reader, report)
        _placement(reader, drawings, report)
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


Box = tuple[float, float, float, float]  # left, bottom, right, top
SIDES = ("left", "bottom", "right", "top")


def _box(rectangle) -> Box:
    return float(rectangle.left), float(rectangle.bottom), float(rectangle.right), float(rectangle.top)


def _given(page, name: str, default: Box) -> Box:
    """A page box the page gives, else `default` (what the PDF standard says the box then is)."""
    from pypdf.generic import RectangleObject

    return _box(RectangleObject(page[name])) if name in page else default


def _within(inner: Box, outer: Box) -> bool:
    left, bottom, right, top = outer
    return inner[0] >= left - TOLERANCE and inner[1] >= bottom - TOLERANCE and inner[2] <= right + TOLERANCE and inner[3] <= top + TOLERANCE


def _bleed_said(points: float) -> str:
    """A bleed as printers say it: 0.125 in, 3 mm, or in inches."""
    if abs(points - 9) < 0.05:
        return "0.125 in"
    if abs(points - 3 * 72 / 25.4) < 0.05:
        return "3 mm"
    return f"{points / 72:.3f} in"


def _pages(numbers: list[int]) -> str:
    return f"page {numbers[0]}" if len(numbers) == 1 else f"pages {', '.join(str(n) for n in numbers)}"


def _page_sizes(reader, drawings: list[PageDrawing], report: Report) -> None:
    """The paper size of every page, which is its trim size when it has a TrimBox (a print shop's
    file, whose sheet is larger), the bleed, and the page boxes checked against each other."""
    sizes: dict[tuple[int, int], list[int]] = {}
    exact: dict[tuple[int, int], tuple[float, float]] = {}
    bleeds: set[float] = set()
    outside: dict[str, list[int]] = {}
    trimmed = False
    sheets: set[tuple[float, float]] = set()
    for number, page in enumerate(reader.pages, start=1):
        # Read from the page's own entries: pypdf's accessors add a box they do not find to the page.
        media = _box(page.mediabox)
        crop = _given(page, "/CropBox", media)
        trim, bleed = _given(page, "/TrimBox", crop), _given(page, "/BleedBox", crop)
        if "/TrimBox" in page:
            trimmed = True
            bleeds.add(round(min(t - b if i < 2 else b - t for i, (t, b) in enumerate(zip(trim, bleed))), 2))
            sheets.add((media[2] - media[0], media[3] - media[1]))
            for inner, outer, name in ((trim, bleed, "BleedBox"), (trim, media, "MediaBox"), (bleed, media, "MediaBox")):
                if not _within(inner, outer):
                    what = "TrimBox" if inner is trim else "BleedBox"
                    outside.setdefault(f"the {what} reaches outside the {name}", []).append(number)
            _stops_at_trim(drawings[number - 1], number, trim, bleed, report)
        width, height = trim[2] - trim[0], trim[3] - trim[1]
        key = (round(width), round(height))
        sizes.setdefault(key, []).append(number)
        exact.setdefault(key, (width / 72, height / 72))
    described = []
    for size, pages in sizes.items():
        name, wide, high = KNOWN_PAPER.get(size, ("custom", *exact[size]))
        described.append(f"{name} {wide:.2f} x {high:.2f} in ({counted(len(pages), 'page')})")
    fact = f"pages: {len(reader.pages)}; size: {'; '.join(described)}"
    if trimmed:
        shown = sorted(bleeds)
        fact += "; " + ("no bleed" if shown == [0] else "bleed " + ", ".join(map(_bleed_said, shown)))
        if len(sheets) == 1:
            wide, high = next(iter(sheets))
            if (round(wide), round(high)) != next(iter(sizes)):
                fact += f"; sheet {wide / 72:.2f} x {high / 72:.2f} in"
    report.facts.append(fact)
    for problem, pages in outside.items():
        report.failures.append(
            f"{_pages(pages)}: {problem}; the sheet is cut at the TrimBox, which must lie inside the BleedBox, and both inside the MediaBox"
        )
    if len(sizes) > 1:
        if trimmed:
            report.failures.append("pages differ in trim size; a print shop cuts every page of a job to one size")
        else:
            report.warnings.append("pages differ in size; a print shop prints one paper size per job")


def _stops_at_trim(drawing: PageDrawing, number: int, trim: Box, bleed: Box, report: Report) -> None:
    """Fail a page on which a filled area reaches the trim but not past it, where the page has room for bleed:
    cut a little off the line, the sheet shows a white sliver there."""
    room = [trim[i] - bleed[i] if i < 2 else bleed[i] - trim[i] for i in range(4)]
    if max(room) <= TOLERANCE:
        return
    short: set[str] = set()
    for fill in drawing.fills:
        xs, ys = zip(*fill.corners)
        shape = (min(xs), min(ys), max(xs), max(ys))
        inward = [shape[2] > trim[0], shape[3] > trim[1], shape[0] < trim[2], shape[1] < trim[3]]
        for side in range(4):
            if room[side] > TOLERANCE and inward[side] and abs(shape[side] - trim[side]) <= 0.01:
                short.add(SIDES[side])
    if short:
        sides = [side for side in SIDES if side in short]
        said = sides[0] if len(sides) == 1 else f"{', '.join(sides[:-1])} and {sides[-1]}"
        report.failures.append(
            f"page {number}: colour stops at the trim on the {said} instead of running into the bleed; cut a little off the line, "
            "the sheet shows a white sliver there: draw it on to the BleedBox"
        )


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


def _placement(reader, drawings: list[PageDrawing], report: Report) -> None:
    """From each page's drawing: images and shapes off the page, image resolution, and where text lies."""
    images: list[tuple[float, str]] = []
    lowest_page = 0
    for number, page in enumerate(reader.pages, start=1):
        drawing = drawings[number - 1]
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
