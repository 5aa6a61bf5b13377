"""What a page draws, read from its content stream (forms included) in one pass, in the order it is
painted: each image, each rectangle and filled shape with its colour, and each piece of text with
the box of every glyph. The preflight's checks read it: `preflight` (images, shapes off the page)
and `preflight_text` (text over text, in the unprintable band, off its panel).

Positions are in the page's own units (points), read from the PDF itself: the current
transformation matrix, the text matrix and text state (font, size, spacing, scaling, rise,
rendering mode) and each glyph's advance from its font (`preflight_glyphs`).
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from functools import lru_cache

from handbook.preflight_glyphs import FontMetrics, font_metrics

IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
INVISIBLE_MODES = (3, 7)  # text rendering modes that paint nothing (7 only clips)
_STROKED_MODES = (1, 5)  # modes that stroke the glyphs without filling them
_OPAQUE = 0.5  # a shape fainter than this (its fill alpha) does not hide what is under it
_FILLS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_PATH_ENDS = _FILLS | {b"S", b"s", b"n"}
_SPACES = {"/DeviceGray": 1, "/CalGray": 1, "/DeviceRGB": 3, "/CalRGB": 3, "/DeviceCMYK": 4}


def multiply(m, n) -> tuple[float, ...]:
    """The matrix m then n, PDF style ([a b c d e f])."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(m, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


@lru_cache(maxsize=256)  # a page sets the same few colours again and again
def luminance(components: tuple[float, ...]) -> float | None:
    """The relative luminance of a gray, RGB or CMYK colour (0 black, 1 white); None when unknown."""
    from handbook.validate.contrast import relative_luminance

    if len(components) == 1:
        red = green = blue = components[0]
    elif len(components) == 3:
        red, green, blue = components
    elif len(components) == 4:
        cyan, magenta, yellow, black = components
        red, green, blue = ((1 - ink) * (1 - black) for ink in (cyan, magenta, yellow))
    else:
        return None
    channels = [round(min(1.0, max(0.0, value)) * 255) for value in (red, green, blue)]
    return relative_luminance("#" + "".join(f"{value:02x}" for value in channels))


@dataclass
class PlacedImage:
    """An image drawn on the page: its name in the PDF, its pixels, and the matrix that places its unit square."""

    name: str
    pixels: tuple[int, int]
    matrix: tuple[float, ...]


@dataclass
class Fill:
    """A painted area: its four corners on the page, its colour's luminance (None: unknown, an image), its place in the painting order."""

    corners: list[tuple[float, float]]
    luminance: float | None
    order: int


@dataclass
class ShownText:
    """What one text-showing operator draws.

    `spans` are the glyphs, each (start, end, characters) along the baseline of the operator's text
    space, which `matrix` maps onto the page; the glyphs reach from `rise + descent` to `rise + ascent`
    in it, and the next text would start at `end`. `size` is the font size in text space.
    """

    matrix: tuple[float, ...]
    spans: list[tuple[float, float, str]]
    end: float
    size: float
    rise: float
    ascent: float
    descent: float
    luminance: float | None
    invisible: bool
    order: int


@dataclass
class PageDrawing:
    """Everything a page draws that the preflight looks at, in painting order."""

    images: list[PlacedImage] = field(default_factory=list)
    rectangles: list[list[tuple[float, float]]] = field(default_factory=list)  # every `re`, painted or not
    fills: list[Fill] = field(default_factory=list)
    texts: list[ShownText] = field(default_factory=list)


@dataclass
class _State:
    """The graphics state the walker follows (text state included)."""

    ctm: tuple[float, ...] = IDENTITY
    fill: float | None = 0.0
    stroke: float | None = 0.0
    fill_components: int | None = 1
    stroke_components: int | None = 1
    fill_alpha: float = 1.0
    font: FontMetrics | None = None
    size: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0
    mode: int = 0


class DrawingReader:
    """Reads what pages draw; one reader for a document, so that each font is read once."""

    def __init__(self) -> None:
        self._fonts: dict[object, FontMetrics] = {}

    def page(self, page) -> PageDrawing:
        drawing = PageDrawing()
        _Walk(self, drawing).walk(page.get_contents(), page.get("/Resources"), _State(), 0)
        return drawing

    def font(self, reference) -> FontMetrics:
        key = (reference.idnum, reference.generation) if hasattr(reference, "idnum") else id(reference)
        metrics = self._fonts.get(key)
        if metrics is None:
            try:
                metrics = font_metrics(reference)
            except (KeyError, ValueError, TypeError, AttributeError, IndexError):
                metrics = FontMetrics()  # a font dictionary it cannot read: its glyphs are measured at a typical width
            self._fonts[key] = metrics
        return metrics


def _resource(resources, kind: str):
    found = resources.get(kind) if resources is not None else None
    return found.get_object() if found is not None else {}


def _bytes(operand) -> bytes:
    if isinstance(operand, bytes):
        return operand
    original = getattr(operand, "get_original_bytes", None)
    return original() if original is not None else str(operand).encode("latin-1", "replace")


class _Walk:
    """One pass over a content stream and the forms it draws, noting what `PageDrawing` holds."""

    def __init__(self, reader: DrawingReader, drawing: PageDrawing) -> None:
        self.reader = reader
        self.drawing = drawing
        self.order = 0
        self.path: list[tuple[float, float]] = []
        self.path_rectangles: list[list[tuple[float, float]]] = []
        self.path_has_lines = False

    def _next(self) -> int:
        self.order += 1
        return self.order

    def walk(self, content, resources, state: _State, depth: int) -> None:
        from pypdf.generic import ContentStream

        if depth > 8 or content is None:
            return
        resources = resources.get_object() if resources is not None else None
        xobjects, fonts = _resource(resources, "/XObject"), _resource(resources, "/Font")
        stack: list[_State] = []
        line = text = IDENTITY
        for operands, operator in ContentStream(content, None).operations:
            if operator == b"q":
                stack.append(copy.copy(state))
            elif operator == b"Q" and stack:
                state = stack.pop()
            elif operator == b"cm":
                state.ctm = multiply([float(v) for v in operands], state.ctm)
            elif operator == b"BT":
                line = text = IDENTITY
            elif operator == b"Tm":
                line = text = tuple(float(v) for v in operands)
            elif operator in (b"Td", b"TD"):
                if operator == b"TD":
                    state.leading = -float(operands[1])
                line = text = multiply((1, 0, 0, 1, float(operands[0]), float(operands[1])), line)
            elif operator == b"T*":
                line = text = multiply((1, 0, 0, 1, 0, -state.leading), line)
            elif operator == b"Tj":
                text = self._show(state, text, [_bytes(operands[0])])
            elif operator == b"TJ":
                text = self._show(state, text, [v if isinstance(v, (int, float)) else _bytes(v) for v in operands[0]])
            elif operator in (b"'", b'"'):
                if operator == b'"':
                    state.word_spacing, state.char_spacing = float(operands[0]), float(operands[1])
                line = text = multiply((1, 0, 0, 1, 0, -state.leading), line)
                text = self._show(state, text, [_bytes(operands[-1])])
            elif operator == b"Tf":
                reference = fonts.get(operands[0]) if hasattr(fonts, "get") else None
                state.font = self.reader.font(reference) if reference is not None else None
                state.size = float(operands[1])
            elif operator in _TEXT_STATE:
                setattr(state, _TEXT_STATE[operator], float(operands[0]) / (100 if operator == b"Tz" else 1))
            elif operator == b"Tr":
                state.mode = int(operands[0])
            elif operator in _COLOURS:
                self._colour(state, operator, operands, resources)
            elif operator == b"gs":
                found = _resource(resources, "/ExtGState").get(operands[0]) if operands else None
                if found is not None and "/ca" in found.get_object():
                    state.fill_alpha = float(found.get_object()["/ca"])
            elif operator in _PATH_ENDS:
                self._paint(state, operator in _FILLS)
            elif operator == b"re" and len(operands) == 4:
                x, y, w, h = (float(v) for v in operands)
                corners = [apply(state.ctm, u, v) for u, v in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
                self.drawing.rectangles.append(corners)
                self.path_rectangles.append(corners)
                self.path += corners
            elif operator in (b"m", b"l", b"c", b"v", b"y") and operands:
                values = [float(v) for v in operands]
                self.path += [apply(state.ctm, values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]
                self.path_has_lines = True
            elif operator == b"Do" and operands and operands[0] in xobjects:
                self._xobject(str(operands[0]), xobjects[operands[0]].get_object(), state, depth)
            elif operator == b"INLINE IMAGE":
                self._fill_unknown(state.ctm)

    def _show(self, state: _State, text, items: list) -> tuple[float, ...]:
        """Note the glyphs one text-showing operator draws; return the text matrix after them."""
        font = state.font or FontMetrics()
        size, scale = state.size, state.scale
        wide = size * scale
        after, after_space = state.char_spacing * scale, (state.char_spacing + state.word_spacing) * scale
        spans = []
        x = 0.0
        for item in items:
            if isinstance(item, bytes):
                for width, characters, space in font.glyphs(item):
                    glyph = width * wide
                    spans.append((x, x + glyph, characters))
                    x += glyph + (after_space if space else after)
            else:
                x -= float(item) / 1000 * wide
        stroked = state.mode in _STROKED_MODES
        self.drawing.texts.append(
            ShownText(
                matrix=multiply(text, state.ctm),
                spans=spans,
                end=x,
                size=size,
                rise=state.rise,
                ascent=font.ascent * size,
                descent=font.descent * size,
                luminance=state.stroke if stroked else state.fill,
                invisible=state.mode in INVISIBLE_MODES,
                order=self._next(),
            )
        )
        return multiply((1, 0, 0, 1, x, 0), text)

    def _colour(self, state: _State, operator: bytes, operands: list, resources) -> None:
        stroking = operator.isupper()
        kind = operator.lower()
        if kind in (b"cs",):
            name = operands[0]
            components = _SPACES.get(name)
            if components is None and name not in ("/Pattern",):
                space = _resource(resources, "/ColorSpace").get(name)
                space = space.get_object() if space is not None else None
                if isinstance(space, list) and space and space[0] == "/ICCBased":
                    components = int(space[1].get_object().get("/N", 0)) or None
                elif isinstance(space, list) and space and space[0] in _SPACES:
                    components = _SPACES[space[0]]
            value = {1: 0.0, 3: 0.0, 4: 0.0}.get(components)  # a new colour space starts at black
            self._set(state, stroking, components, value)
            return
        numbers = tuple(float(v) for v in operands if isinstance(v, (int, float)))
        if kind in (b"g", b"rg", b"k"):
            components = {b"g": 1, b"rg": 3, b"k": 4}[kind]
        else:  # sc, scn: in the current colour space
            components = state.stroke_components if stroking else state.fill_components
            if components is None or len(numbers) != components:
                self._set(state, stroking, components, None)
                return
        self._set(state, stroking, components, luminance(numbers))

    @staticmethod
    def _set(state: _State, stroking: bool, components: int | None, value: float | None) -> None:
        if stroking:
            state.stroke_components, state.stroke = components, value
        else:
            state.fill_components, state.fill = components, value

    def _paint(self, state: _State, filled: bool) -> None:
        if filled and self.path and state.fill_alpha >= _OPAQUE:
            shapes = self.path_rectangles if not self.path_has_lines else [_bounds(self.path)]
            for corners in shapes:
                self.drawing.fills.append(Fill(corners, state.fill, self._next()))
        self.path, self.path_rectangles, self.path_has_lines = [], [], False

    def _fill_unknown(self, matrix) -> None:
        """An image: what lies under text drawn over it cannot be told from its colour."""
        corners = [apply(matrix, u, v) for u, v in ((0, 0), (1, 0), (1, 1), (0, 1))]
        self.drawing.fills.append(Fill(corners, None, self._next()))

    def _xobject(self, name: str, xobject, state: _State, depth: int) -> None:
        if xobject.get("/Subtype") == "/Image":
            pixels = (int(xobject["/Width"]), int(xobject["/Height"]))
            self.drawing.images.append(PlacedImage(name, pixels, state.ctm))
            self._fill_unknown(state.ctm)
        elif xobject.get("/Subtype") == "/Form":
            inner = copy.copy(state)
            inner.ctm = multiply([float(v) for v in xobject.get("/Matrix", IDENTITY)], state.ctm)
            self.walk(xobject, xobject.get("/Resources"), inner, depth + 1)


def _bounds(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return [(min(xs), min(ys)), (max(xs), min(ys)), (max(xs), max(ys)), (min(xs), max(ys))]


def extent(matrix) -> tuple[float, float]:
    """How long a unit of x and of y in `matrix`'s space is on the page."""
    return math.hypot(matrix[0], matrix[1]), math.hypot(matrix[2], matrix[3])


_TEXT_STATE = {b"Tc": "char_spacing", b"Tw": "word_spacing", b"Tz": "scale", b"TL": "leading", b"Ts": "rise"}
_COLOURS = {b"g", b"G", b"rg", b"RG", b"k", b"K", b"cs", b"CS", b"sc", b"SC", b"scn", b"SCN"}
