"""Lay out a Handbook model as a PDF: cover, contents, sections, outline, headers and footers."""

from __future__ import annotations

import math
from copy import copy
from dataclasses import replace
from functools import partial
from typing import BinaryIO

from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Spacer
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError

from handbook import __version__
from handbook.blocks import by_model
from handbook.blocks.image import Image, image_size
from handbook.display import display_path
from handbook.errors import ContentError, HandbookError
from handbook.l10n import _, speaking
from handbook.model import Handbook
from handbook.page_sizes import PAGE_SIZES
from handbook.problems import Problem
from handbook.render.back_cover import has_back_cover
from handbook.render.blocks import LEADS, render_block
from handbook.render.canvas import HandbookCanvas, sheet_border
from handbook.render.contents import ContentsEntry, SectionHeading, section_key
from handbook.render.context import RenderContext
from handbook.render.drawing import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP
from handbook.render.hyphenation import dictionary_for
from handbook.render.images import MIN_DPI, pixel_size
from handbook.render.keep import keep_heading_with_start
from handbook.render.metadata import add_metadata
from handbook.render.pages import PageDecor
from handbook.render.paragraphs import MemoParagraph
from handbook.render.print_shop import print_shop
from handbook.render.structure import document_root
from handbook.render.theme import Styles, styles_for
from handbook.style_sheet import LINK_COLOUR


class HandbookDoc(BaseDocTemplate):
    """A document template that records where sections start, for the contents, outline and headers."""

    def __init__(self, file, handbook: Handbook, styles: Styles, **kwargs) -> None:
        super().__init__(file, **kwargs)
        self.handbook = handbook
        self.section_pages: dict[int, int] = {}
        self._current: str = ""
        self._at_top: str = ""  # the section in force where the page begins
        self._page_blank = True  # nothing but space drawn on this page yet
        self.origin: str = ""

    def beforeDocument(self) -> None:
        add_metadata(self.canv, self.handbook.language)

    def handle_pageBegin(self) -> None:
        self._at_top = self._current
        self._page_blank = True
        super().handle_pageBegin()

    def handle_flowable(self, flowables) -> None:
        if flowables:
            self.origin = getattr(flowables[0], "_handbook_origin", self.origin)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable) -> None:
        if self._page_blank and isinstance(flowable, SectionHeading):
            self._at_top = flowable.title  # the page opens with this section (after space left over, if any)
        if not isinstance(flowable, (Spacer, ActionFlowable)):
            self._page_blank = False
        if isinstance(flowable, SectionHeading):
            page = self.canv.getPageNumber()
            self.section_pages[flowable.index] = page
            self._current = flowable.title
            key = section_key(flowable.index)
            top = self.frame._y + flowable.height + flowable.getSpaceBefore() + sheet_border(self.canv)
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
            self.canv.addOutlineEntry(flowable.title, key, level=0)

    def running_section(self) -> str:
        """The section a page's header names: the one the reader is in at the top of the page."""
        return self._at_top


class TextFrame(Frame):
    """The frame the text flows in.

    ReportLab copies the current frame deeply each time it measures a KeepTogether or a list, so
    that measuring cannot move it; a frame's state is numbers, so a shallow copy is the same copy.
    """

    def __deepcopy__(self, memo):
        return copy(self)


def text_frame(page_size: str) -> tuple[float, float]:
    """The width and height of the text on a page, in points."""
    width, height = PAGE_SIZES[page_size]
    return width - 2 * MARGIN_SIDE, height - MARGIN_TOP - MARGIN_BOTTOM


def layout_warnings(handbook: Handbook) -> list[Problem]:
    """What the layout can only print imperfectly: images under MIN_DPI, running texts shortened with an ellipsis."""
    from handbook.render.pages import shortened_running_texts

    return blurry_images(handbook) + shortened_running_texts(handbook, styles_for(handbook.theme))


def blurry_images(handbook: Handbook) -> list[Problem]:
    """A warning for each image block that will print under MIN_DPI at its size on the page."""
    frame = text_frame(handbook.page_size)
    found = []
    for section in handbook.sections:
        for block in section.blocks:
            if not isinstance(block, Image):
                continue
            width, height = image_size(block, *frame)
            pixels_wide, pixels_high = pixel_size(block.path, block.orientation)
            dpi = min(pixels_wide / (width / 72), pixels_high / (height / 72))
            if dpi < MIN_DPI:
                needed = math.ceil(pixels_wide * MIN_DPI / dpi)
                fraction = math.floor(pixels_wide * 72 / MIN_DPI / frame[0] * 100) / 100
                smaller = f", or print it smaller (width: {fraction:g})" if fraction >= 0.05 else ""
                found.append(
                    Problem(
                        block.where,
                        (
                            f"image '{display_path(block.path)}' will print at {math.floor(dpi)} dpi ({pixels_wide} x {pixels_high} pixels over "
                            f"{width / 72:.2f} x {height / 72:.2f} in); {MIN_DPI} dpi or more prints sharply: use an image at least "
                            f"{needed} pixels wide{smaller}"
                        ),
                        warning=True,
                    )
                )
    return found


def render_pdf(handbook: Handbook, out: BinaryIO) -> int:
    """Write `handbook` as a PDF to the binary stream `out`; return its page count."""
    from reportlab import rl_config

    # ReportLab's own settings, for this build only: binary compressed streams rather than ASCII85
    # text (a fifth smaller and quicker to write), and no check of each attribute a chart's shapes
    # are given (a help while writing chart code, a cost in every build).
    saved = rl_config.useA85, rl_config.shapeChecking
    rl_config.useA85 = rl_config.shapeChecking = 0
    try:
        with speaking(handbook.language):
            return _render_pdf(handbook, out)
    finally:
        rl_config.useA85, rl_config.shapeChecking = saved


def _render_pdf(handbook: Handbook, out: BinaryIO) -> int:
    styles = styles_for(handbook.theme)
    if styles.memo is not None:
        styles.memo.new_document()
    width, height = PAGE_SIZES[handbook.page_size]
    shop = print_shop(handbook.page_size, handbook.print)
    doc = HandbookDoc(
        out,
        handbook,
        styles,
        pagesize=(width, height),
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=handbook.title,
        author=handbook.organisation or "handbook",
        subject=handbook.subtitle or handbook.career or handbook.title,
        keywords=list(handbook.keywords),
        creator=f"handbook {__version__}",
        producer=f"handbook {__version__}",
        invariant=1,
        pageCompression=1,
        initialFontName=styles.fonts.regular,
        displayDocTitle=1,
        lang=handbook.language,
        **(shop.document_options(width, height) if shop else {}),
    )
    frame = TextFrame(
        MARGIN_SIDE, MARGIN_BOTTOM, *text_frame(handbook.page_size), id="text", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    # The structure tree, in reading order: the cover, the contents, each section, the back cover.
    root = document_root()
    cover = root.add("Div")
    ctx = RenderContext(
        styles, frame._width, frame._height, link_colour=getattr(handbook.theme, LINK_COLOUR), hyphenation=dictionary_for(handbook.language)
    )
    story = [NextPageTemplate("body"), PageBreak()]
    story.append(MemoParagraph(_("Contents"), styles["toc_title"], tag=root.add("H1")))
    contents = root.add("TOC")
    story += [ContentsEntry(i, section.title, styles, doc.section_pages, contents) for i, section in enumerate(handbook.sections)]
    story.append(PageBreak())
    for index, section in enumerate(handbook.sections):
        part = root.add("Sect")
        heading = SectionHeading(index, section.title, styles, part.add("H1"))
        heading._handbook_origin = f"{section.where}: section '{section.title}'"
        rendered = []
        for number, block in enumerate(section.blocks, start=1):
            flowables = render_block(block, replace(ctx, scope=f"{section.id}.block{number}", parent=part))
            for flowable in flowables:
                flowable._handbook_origin = f"{block.where}: the {by_model[type(block)].name} block in section '{section.title}'"
            rendered.append((block, flowables))
        story += keep_heading_with_start(heading, rendered, LEADS, ctx.height)
    back = None
    if has_back_cover(handbook):
        story += [NextPageTemplate("back"), PageBreak(), Spacer(1, 1)]
        back = root.add("Div")
    decor = PageDecor(handbook, styles, width, height, cover, back, bleed=shop.bleed if shop else 0)
    too_long = decor.problems()
    if too_long:
        raise ContentError(too_long)
    doc.addPageTemplates(
        [
            PageTemplate("cover", frames=[frame], onPage=decor.cover),
            PageTemplate("body", frames=[frame], onPageEnd=decor.running),
            PageTemplate("back", frames=[frame], onPage=decor.back),
        ]
    )
    try:
        doc.build(story, canvasmaker=partial(HandbookCanvas, structure=root))
    except LayoutError:
        raise HandbookError(
            f"{doc.origin or 'the handbook'} is taller than a page and cannot be split; shorten it or split it into smaller blocks"
        ) from None
    return doc.canv.page_count if hasattr(doc, "canv") else 0
