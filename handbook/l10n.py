"""The tool's own words and numbers in the edition's language: message catalogs and CLDR formats, read with Babel.

Every word the tool itself prints in a PDF goes through `_()`; every sum of money and
count through `annual`, `hourly` and `decimal`. A build speaks one language while it
renders (`speaking(tag)`); outside it, and for a language without a catalog, they give
the English the code is written in. Catalogs are the gettext files
`handbook/locale/<language>/LC_MESSAGES/handbook.po`, read as they are (nothing compiled).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from handbook.problems import Problem, Where

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "handbook"


@dataclass(frozen=True)
class Speech:
    """A language's catalog (msgid -> msgstr) and the CLDR locale its numbers are written in ("" for English)."""

    tag: str
    messages: dict[str, str] = field(default_factory=dict)
    locale: str = ""


ENGLISH = Speech("en-US")
_speech: ContextVar[Speech] = ContextVar("speech", default=ENGLISH)


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_for(tag: str) -> str | None:
    """The catalog a BCP 47 tag is spoken with: its region's (es_MX), else its language's (es); None for English or none."""
    parts = tag.split("-")
    language = parts[0].lower()
    if language == "en":
        return None
    regions = [p for p in parts[1:] if len(p) == 2 or p.isdigit()]
    for name in ([f"{language}_{regions[0].upper()}"] if regions else []) + [language]:
        if catalog_path(name).is_file():
            return name
    return None


def has_catalog(tag: str) -> bool:
    """Whether the tool's words exist in `tag`'s language: English, or a catalog for its region or language."""
    return tag.split("-")[0].lower() == "en" or catalog_for(tag) is not None


def no_catalog(tag: str) -> str:
    """The warning for a language the tool's words are not translated into."""
    return (
        f"language '{tag}' has no catalog of the tool's own words (contents, page numbers, table headings) yet, so they print "
        f"in English; catalogs exist for {', '.join(['en', *available()])} (docs/translating.md tells how to add one)"
    )


def is_no_catalog(message: str) -> bool:
    """Whether `message` is the warning of `no_catalog`."""
    return message.startswith("language '") and "has no catalog of the tool's own words" in message


@dataclass(frozen=True)
class MissingWords(Problem):
    """The warning of `missing_words`: a run of many editions says it once, not once for each."""


def missing_words(tag: str) -> MissingWords | None:
    """A warning when `tag`'s catalog lacks some of the tool's words: a string of the template missing from it, empty or fuzzy.

    At the catalog, on the line of the first such entry in it (line 1 when none is in the file); None for English,
    for a language without a catalog (`no_catalog` says that) and for a catalog that has every word.
    """
    name = catalog_for(tag)
    if name is None:
        return None
    from handbook import cache
    from handbook.display import display_path

    path = catalog_path(name)
    sources = [(LOCALE_DIR / f"{DOMAIN}.pot").read_bytes(), path.read_bytes(), _babel_version()]
    key = cache.key(sources, f"missing words {name}", code=("l10n.py",))
    found = cache.fetch("catalog", key)
    if found is None:
        found = _missing_words(name, sources[0], sources[1])
        cache.store("catalog", key, found)
    line, message = found
    return MissingWords(Where(display_path(path), line), message, warning=True) if message else None


def _babel_version() -> bytes:
    """Babel's __init__.py, which names its version, found without importing it (reading its version from metadata costs 60 ms)."""
    from importlib.util import find_spec

    spec = find_spec("babel")
    return Path(spec.origin).read_bytes() if spec is not None and spec.origin else b""


def _missing_words(name: str, pot: bytes, po: bytes) -> tuple[int, str]:
    """The line of the first of catalog `name`'s words missing, empty or fuzzy, and the warning's words; (0, "") when none is."""
    from io import BytesIO

    from babel import Locale
    from babel.messages.pofile import read_po

    wanted = [m.id for m in read_po(BytesIO(pot), domain=DOMAIN) if m.id]
    found = {m.id: m for m in read_po(BytesIO(po), locale=name, domain=DOMAIN) if m.id}
    missing = [i for i in wanted if i not in found or not found[i].string or found[i].fuzzy]
    if not missing:
        return 0, ""
    lines = [found[i].lineno for i in missing if i in found and found[i].lineno]
    shown = ", ".join(f"'{i.replace('<br/>', ' ')}'" for i in missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    language = Locale.parse(name).get_display_name("en")
    they = ("has", "it prints", "it is") if len(missing) == 1 else ("have", "they print", "they are")
    message = (
        f"{len(missing)} of the tool's words {they[0]} no {language} in this catalog yet: {shown}; "
        f"{they[1]} in English until {they[2]} translated (docs/translating.md)"
    )
    return min(lines, default=1), message


def available() -> list[str]:
    """The languages with a catalog, besides English."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@lru_cache(maxsize=16)
def speech(tag: str) -> Speech:
    """How `tag` is spoken: English as written for English or a language without a catalog, else its catalog and CLDR locale."""
    name = catalog_for(tag)
    if name is None:
        return ENGLISH
    from babel import Locale
    from babel.messages.pofile import read_po

    with catalog_path(name).open("rb") as po:
        catalog = read_po(po, locale=name, domain=DOMAIN)
    messages = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    return Speech(tag, messages, str(Locale.parse(tag, sep="-")))


@contextmanager
def speaking(tag: str) -> Iterator[Speech]:
    """Within it, `_()` and the number formats follow `tag`."""
    token = _speech.set(speech(tag))
    try:
        yield _speech.get()
    finally:
        _speech.reset(token)


def _(message: str) -> str:
    """`message` in the language being spoken; the English itself where the catalog has no translation."""
    return _speech.get().messages.get(message, message)


def N_(message: str) -> str:
    """Marks `message` for the catalog where it is written; `_()` translates it where it is printed."""
    return message


def _whole(value: float, locale: str) -> str:
    from babel import Locale
    from babel.numbers import parse_pattern

    place = Locale.parse(locale)
    pattern = copy.copy(parse_pattern(place.currency_formats["standard"]))
    pattern.frac_prec = (0, 0)
    return pattern.apply(round(value), place, currency="USD", currency_digits=False)


# English keeps the formats written out here: Babel rounds the decimal text of a float where Python
# rounds the float itself, so a cent could differ from earlier editions (2.675 -> 2.68 against 2.67).


def annual(value: float) -> str:
    """Whole dollars: 42630 -> '$42,630' (en), '42.630 US$' (es), '$42,630' (es-US)."""
    locale = _speech.get().locale
    if not locale:
        return f"${round(value):,}"
    return _whole(value, locale)


def hourly(value: float) -> str:
    """Dollars and cents: 20.5 -> '$20.50' (en), '20,50 US$' (es)."""
    locale = _speech.get().locale
    if not locale:
        return f"${value:,.2f}"
    from babel.numbers import format_currency

    return format_currency(value, "USD", locale=locale)


def decimal(value: float) -> str:
    """A whole number with the locale's grouping: 186400 -> '186,400' (en), '186.400' (es)."""
    locale = _speech.get().locale
    if not locale:
        return f"{round(value):,}"
    from babel.numbers import format_decimal

    return format_decimal(round(value), locale=locale)
