"""Where the text on a page lies, as a reader and a printer see it: text drawn over other text, text
in the band along the edges that office printers cannot print (or past the trim box), and light text
that leaves the dark panel it is printed on.

It reads what `preflight_drawing` collected from the PDF itself, so it judges any PDF, not only ours.
Text is taken a line at a time: a run is the glyphs of text-showing operators that follow each other
along one baseline, each starting where the one before ended (give or take a quarter of an em back,
or up to two and a half ems on, as words placed one by one are). Two runs collide when the core of a glyph of one (from a tenth of an em below
the baseline to 0.65 em above it, a little narrower than its advance) meets the core of a glyph of
the other; so words and styled spans on one line, tight leading where descenders meet the next
line's capitals, invisible text and the same words drawn twice on one spot never count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.preflight_drawing import PageDrawing, ShownText, apply, extent

UNPRINTABLE = 18.0  # points: the band along each edge that office printers cannot print (0.25 in)
LIGHT = 0.6  # relative luminance above which text is light, and a background too light for it
TOLERANCE = 0.5  # points: rounding in a position
_CORE_BELOW, _CORE_ABOVE, _CORE_INSET = 0.1, 0.65, 0.02  # em: the part of a glyph that must not meet another's
_QUOTED = 50  # characters of a text quoted in a message


@dataclass(slots=True)
class _Glyph:
    """One visible glyph: its box on the page (and its corners when it is turned), the whole box, and whether it is light."""

    box: tuple[float, float, float, float]
    corners: list[tuple[float, float]] | None
    whole: tuple[float, float, float, float]
    light: bool
    order: int


@dataclass
class _Run:
    """Text shown one piece after another along one baseline; its glyphs are measured only when asked for."""

    start: tuple[float, float]
    end: tuple[float, float]
    direction: tuple[float, float]
    em: float
    order: int
    pieces: list[tuple[bool, ShownText]] = field(default_factory=list)  # (apart from the piece before, the piece)
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # holds every glyph's core box
    whole: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # holds every glyph's whole box
    light: bool = False
    _glyphs: list[_Glyph] | None = None

    @property
    def glyphs(self) -> list[_Glyph]:
        if self._glyphs is None:
            self._glyphs = [glyph for _, shown in self.pieces for glyph in _glyphs(shown)]
        return self._glyphs

    @property
    def text(self) -> str:
        text = ""
        for apart, shown in self.pieces:
            if apart and text and not text[-1].isspace():
                text += " "
            text += "".join(characters for _, _, characters in shown.spans)
        return text

    def quoted(self) -> str:
        words = " ".join(self.text.split())
        return words if len(words) <= _QUOTED else words[:_QUOTED].rstrip() + "\u2026"


def text_problems(number: int, drawing: PageDrawing, page) -> list[str]:
    """What is wrong with where the text on page `number` lies (`page` gives its trim box)."""
    box, media = (tuple(float(v) for v in (b.left, b.bottom, b.right, b.top)) for b in (page.trimbox, page.mediabox))
    edges = "the page" if box == media else "the trim box"
    runs = _runs(drawing.texts)
    found = _collisions(number, runs, box)
    found += [problem for run in runs if (problem := _edge(number, run, box, edges))]
    found += [problem for run in runs if run.light and (problem := _off_panel(number, run, drawing, box))]
    return list(dict.fromkeys(found))


def _where(point: tuple[float, float], box) -> str:
    return f"at {(point[0] - box[0]) / 72:.2f} in from the left, {(point[1] - box[1]) / 72:.2f} in from the bottom"


def _runs(texts: list[ShownText]) -> list[_Run]:
    runs: list[_Run] = []
    current: _Run | None = None
    for shown in texts:
        if shown.invisible or not shown.spans:
            continue
        m = shown.matrix
        wide, high = extent(m)
        if not wide or not high:
            continue
        start, end = apply(m, 0, 0), apply(m, shown.end, 0)
        direction = (m[0] / wide, m[1] / wide)
        em = abs(shown.size) * high
        core, whole = _extents(shown)
        if current is not None and _follows(current, start, direction, em):
            gap = (start[0] - current.end[0]) * direction[0] + (start[1] - current.end[1]) * direction[1]
            current.pieces.append((gap > 0.2 * em, shown))
            current.end = end
            current.box, current.whole = _union([current.box, core]), _union([current.whole, whole])
        else:
            current = _Run(start, end, direction, em, shown.order, [(False, shown)], core, whole)
            runs.append(current)
        current.light = current.light or (shown.luminance is not None and shown.luminance > LIGHT)
    return runs


def _extents(shown: ShownText) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
    """Boxes on the page that hold the core, and the whole, of every glyph `shown` draws."""
    size = abs(shown.size)
    left, right = min(shown.spans)[0], max(end for _, end, _ in shown.spans)
    core = (shown.rise + max(shown.descent, -_CORE_BELOW * size), shown.rise + min(shown.ascent, _CORE_ABOVE * size))
    whole = (shown.rise + shown.descent, shown.rise + shown.ascent)
    return tuple(_bounds([apply(shown.matrix, x, y) for x in (left, right) for y in ys]) for ys in (core, whole))


def _follows(run: _Run, start, direction, em: float) -> bool:
    """Whether text starting at `start` continues `run`'s line: the same direction and baseline, from where it ended."""
    if direction[0] * run.direction[0] + direction[1] * run.direction[1] < 0.999:
        return False
    dx, dy = start[0] - run.end[0], start[1] - run.end[1]
    along = dx * direction[0] + dy * direction[1]
    across = abs(dy * direction[0] - dx * direction[1])
    size = max(em, run.em)
    return across <= 0.1 * size and -0.25 * size <= along <= 2.5 * size


def _glyphs(shown: ShownText) -> list[_Glyph]:
    m, size = shown.matrix, abs(shown.size)
    low, high = shown.rise + max(shown.descent, -_CORE_BELOW * size), shown.rise + min(shown.ascent, _CORE_ABOVE * size)
    whole_low, whole_high = shown.rise + shown.descent, shown.rise + shown.ascent
    inset = _CORE_INSET * size
    light = shown.luminance is not None and shown.luminance > LIGHT
    order = shown.order
    found = []
    if abs(m[1]) < 1e-9 and abs(m[2]) < 1e-9:  # upright (or mirrored): boxes stay boxes
        a, e = m[0], m[4]
        bottom, top = sorted((m[3] * low + m[5], m[3] * high + m[5]))
        whole_bottom, whole_top = sorted((m[3] * whole_low + m[5], m[3] * whole_high + m[5]))
        for start, end, characters in shown.spans:
            if end - start <= 2 * inset or (characters and characters.isspace()):
                continue
            left, right, outer_left, outer_right = a * (start + inset) + e, a * (end - inset) + e, a * start + e, a * end + e
            if a < 0:
                left, right, outer_left, outer_right = right, left, outer_right, outer_left
            found.append(_Glyph((left, bottom, right, top), None, (outer_left, whole_bottom, outer_right, whole_top), light, order))
        return found
    for start, end, characters in shown.spans:
        if end - start <= 2 * inset or (characters and characters.isspace()):
            continue
        left, right = start + inset, end - inset
        corners = [apply(m, x, y) for x, y in ((left, low), (right, low), (right, high), (left, high))]
        whole = [apply(m, x, y) for x, y in ((start, whole_low), (end, whole_low), (end, whole_high), (start, whole_high))]
        found.append(_Glyph(_bounds(corners), corners, _bounds(whole), light, order))
    return found


def _bounds(points) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _union(boxes) -> tuple[float, float, float, float]:
    lefts, bottoms, rights, tops = zip(*boxes)
    return min(lefts), min(bottoms), max(rights), max(tops)


def _meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# Text over text ---------------------------------------------------------------------------------


def _collisions(number: int, runs: list[_Run], box) -> list[str]:
    found = []
    ordered = sorted(runs, key=lambda run: run.box[1])
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.box[1] >= first.box[3]:
                break
            if not _meet(first.box, second.box) or _same_words_on_one_spot(first, second):
                continue
            if _glyphs_meet(first, second):
                earlier, later = sorted((first, second), key=lambda run: run.order)
                found.append(
                    (
                        earlier.order,
                        f'page {number}: the text "{earlier.quoted()}" is drawn over "{later.quoted()}" ({_where(earlier.start, box)})',
                    )
                )
    return [message for _, message in sorted(found)]


def _same_words_on_one_spot(first: _Run, second: _Run) -> bool:
    """The same words drawn twice on one spot (a bolder look, or a fill then an outline) look as once."""
    apart = abs(first.start[0] - second.start[0]) + abs(first.start[1] - second.start[1])
    return apart <= TOLERANCE and first.text.strip() == second.text.strip()


def _glyphs_meet(first: _Run, second: _Run) -> bool:
    near_second = [glyph for glyph in first.glyphs if _meet(glyph.box, second.box)]
    near_first = [glyph for glyph in second.glyphs if _meet(glyph.box, first.box)]
    for one in near_second:
        for other in near_first:
            if _meet(one.box, other.box) and (one.corners is None and other.corners is None or _quads_meet(one, other)):
                return True
    return False


def _quads_meet(one: _Glyph, other: _Glyph) -> bool:
    """Whether two turned glyph boxes overlap (no line separates them: the separating axis test)."""
    shapes = [glyph.corners or _corners(glyph.box) for glyph in (one, other)]
    for shape in shapes:
        for index in range(4):
            (x1, y1), (x2, y2) = shape[index], shape[(index + 1) % 4]
            axis = (y1 - y2, x2 - x1)
            a = [axis[0] * x + axis[1] * y for x, y in shapes[0]]
            b = [axis[0] * x + axis[1] * y for x, y in shapes[1]]
            if max(a) <= min(b) or max(b) <= min(a):
                return False
    return True


def _corners(box) -> list[tuple[float, float]]:
    return [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]


# Text near or past the edges ---------------------------------------------------------------------


def _edge(number: int, run: _Run, box, edges: str) -> str | None:
    if _distance(run.whole, box)[1] >= UNPRINTABLE - 0.01 or not run.glyphs:
        return None
    side, distance = _distance(_union([glyph.whole for glyph in run.glyphs]), box)
    keep = f"keep text at least {UNPRINTABLE / 72:.2f} in inside the edges of {edges}"
    if distance < -TOLERANCE:
        return f'page {number}: the text "{run.quoted()}" runs {-distance / 72:.2f} in past the {side} edge of {edges}; {keep}'
    if distance < UNPRINTABLE - 0.01:
        return (
            f'page {number}: the text "{run.quoted()}" is {max(distance, 0) / 72:.2f} in from the {side} edge of {edges}, '
            f"inside the {UNPRINTABLE / 72:.2f} in band office printers cannot print; {keep}"
        )
    return None


def _distance(whole, box) -> tuple[str, float]:
    """The edge of `box` nearest to the box `whole` inside it, and how far in it lies (negative: past the edge)."""
    distances = {"left": whole[0] - box[0], "bottom": whole[1] - box[1], "right": box[2] - whole[2], "top": box[3] - whole[3]}
    return min(distances.items(), key=lambda item: item[1])


# Light text off its panel --------------------------------------------------------------------------


def _off_panel(number: int, run: _Run, drawing: PageDrawing, box) -> str | None:
    for glyph in run.glyphs:
        if not glyph.light:
            continue
        left, bottom, right, top = glyph.box
        points = [(left, bottom), (right, bottom), (right, top), (left, top), ((left + right) / 2, (bottom + top) / 2)]
        points = [point for point in points if _in_box(point, box)]  # past the trim, nothing is printed
        if any(_background_is_light(point, glyph.order, drawing) for point in points):
            return (
                f'page {number}: the light text "{run.quoted()}" runs off the dark panel it is printed on, onto a light background '
                f"({_where(run.start, box)}); keep light text inside its panel, or make the panel larger"
            )
    return None


def _background_is_light(point, order: int, drawing: PageDrawing) -> bool:
    """Whether the paper, or the last shape painted under `point` before `order`, is light."""
    for fill in reversed(drawing.fills):
        if fill.order < order and _in_box(point, _bounds(fill.corners)) and _contains(fill.corners, point):
            return fill.luminance is not None and fill.luminance > LIGHT
    return True  # the paper


def _in_box(point, box) -> bool:
    return box[0] - TOLERANCE <= point[0] <= box[2] + TOLERANCE and box[1] - TOLERANCE <= point[1] <= box[3] + TOLERANCE


def _contains(corners, point) -> bool:
    """Whether `point` lies in the convex four-sided shape `corners` (or on its edge, give or take rounding)."""
    x, y = point
    signs = set()
    for index in range(4):
        (x1, y1), (x2, y2) = corners[index], corners[(index + 1) % 4]
        length = max(abs(x2 - x1), abs(y2 - y1)) or 1.0
        cross = ((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)) / length
        if abs(cross) > TOLERANCE:
            signs.add(cross > 0)
    return len(signs) <= 1
