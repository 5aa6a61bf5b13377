"""The handbook as plain data: what the validator produces and the renderer reads.

No I/O and no ReportLab here. Paths are already resolved and checked. The
defaults of settings are the ones declared in handbook/settings.py.

Values (spans, figures, wages, themes, contacts) compare by value. Blocks,
sections, schools and handbooks are each one place in the content and compare
by identity (eq=False); they have no generated repr either. Each generated
method is compiled at every start-up, about 0.2 ms apiece.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from handbook.problems import Where
from handbook.settings import MANIFEST, PRINT, THEME


@dataclass(frozen=True)
class Span:
    """A run of inline text with its emphasis and an optional link target."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


Inline = tuple[Span, ...]


class Block:
    """What every block kind's model is: one place in a section's content, with where it was written.

    The kinds' dataclasses live with the rest of each kind in handbook/blocks/ (one module per
    kind), which builds on this module; the model does not know the kinds.
    """

    where: Where


MEASURES = ("value", "pct10", "pct25", "median", "pct75", "pct90", "mean")
HOURS_PER_YEAR = 2080  # 40 hours a week, 52 weeks: how BLS converts hourly and annual wages


@dataclass(frozen=True)
class Figure:
    """One number as published: given, derived (converted at 2,080 hours), top-coded or not available."""

    value: float | None
    status: str = "given"  # "given", "derived", "top_coded" (value is the bound) or "not_available"


@dataclass(frozen=True)
class Wage:
    """One measure of pay (a percentile, the mean, or a single unnamed value) in both units."""

    measure: str  # one of MEASURES
    annual: Figure | None = None
    hourly: Figure | None = None


@dataclass(frozen=True, eq=False, repr=False)
class SalaryRow:
    """One labelled row of a salary table: its wages and, when known, employment."""

    label: str
    wages: tuple[Wage, ...] = ()
    employment: Figure | None = None
    qualifier: str = ""  # e.g. "more than": the figures are a bound
    comparison: bool = False  # drawn muted, e.g. "All occupations"

    def wage(self, measure: str) -> Wage | None:
        return next((w for w in self.wages if w.measure == measure), None)


@dataclass(frozen=True, eq=False, repr=False)
class ChecklistItem:
    """One item to tick, with an optional note or due date and sub-items."""

    text: Inline
    note: str = ""
    due: str = ""
    items: tuple[ChecklistItem, ...] = ()


@dataclass(frozen=True, eq=False, repr=False)
class Section:
    """A section; `id` is its file name without `.yaml`, how profiles refer to it."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    source: Path
    where: Where
    translates: Path | None = None  # the file `source` translates, for an edition in another language


@dataclass(frozen=True)
class Theme:
    """The colours and font family a handbook is drawn in."""

    primary: str = THEME["primary"].default
    accent: str = THEME["accent"].default
    font: str = THEME["font"].default


@dataclass(frozen=True)
class Print:
    """How the PDF is made for printing: as it is for an office printer, or for a print shop."""

    bleed: bool = PRINT["bleed"].default
    crop_marks: bool = PRINT["crop_marks"].default

    @property
    def for_print_shop(self) -> bool:
        """Bleed, trim and bleed boxes; crop marks come with them."""
        return self.bleed or self.crop_marks


@dataclass(frozen=True)
class Contact:
    """A school's contact details for the back cover."""

    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""

    def __bool__(self) -> bool:
        return any((self.address, self.phone, self.email, self.website))


@dataclass(frozen=True, eq=False, repr=False)
class School:
    """The school an edition is made for: shown on the cover and the back cover."""

    name: str
    logo: Path | None = None
    contact: Contact = field(default_factory=Contact)


@dataclass(frozen=True, eq=False, repr=False)
class Handbook:
    """A whole handbook, ready to render."""

    title: str
    sections: tuple[Section, ...]
    subtitle: str = MANIFEST["subtitle"].default
    career: str = MANIFEST["career"].default
    organisation: str = MANIFEST["organisation"].default
    edition: str = MANIFEST["edition"].default
    page_size: str = MANIFEST["page_size"].default
    language: str = MANIFEST["language"].default  # a BCP 47 tag in its usual case
    keywords: tuple[str, ...] = MANIFEST["keywords"].default
    theme: Theme = field(default_factory=Theme)
    print: Print = field(default_factory=Print)
    school: School | None = None
    salary_max_age_years: float = MANIFEST["salary_max_age_years"].default  # older salary figures are a warning
    translation_fallback: tuple[str, ...] = MANIFEST["translation_fallback"].default  # files that may print untranslated
    translations: tuple[str, ...] = MANIFEST["translations"].default  # the other languages the edition is made in
    inputs: tuple[Path, ...] = ()  # every file the handbook was built from
    # Where each setting was written, by dotted name ("title", "school.address"), for messages about
    # its value that only drawing finds (a title too long for the cover).
    places: dict[str, Where] = field(default_factory=dict)

    def place(self, name: str) -> Where:
        """Where setting `name` was written; where the title was when it was not written anywhere."""
        return self.places.get(name) or self.places.get("title") or Where("handbook.yaml", 1)
