"""Rendering one block: a model block in, ReportLab flowables out, by the renderer its kind registers."""

from __future__ import annotations

from reportlab.platypus import Flowable

from handbook.blocks import KINDS, by_model
from handbook.model import Block
from handbook.render.context import RenderContext


def render_block(block: Block, ctx: RenderContext) -> list[Flowable]:
    return by_model[type(block)].render(block, ctx)


# Substantial blocks: a section's heading stays on one page with the start of the first of these
# and the paragraphs that introduce it, not only with its first paragraph.
LEADS: tuple[type, ...] = tuple(kind.model for kind in KINDS if kind.leads)
