"""Every setting of a manifest or a school profile, declared once: name, kind, default, one-line doc.

Validation takes its key lists and defaults from here, the model its field defaults,
`handbook explain` its list of settings, handbook/schema.py the JSON Schemas and
docs/format.md its key tables (`python -m handbook.schema` writes both). Plain data,
cheap to import (a fraction of a millisecond) for every `handbook check`.
"""

from __future__ import annotations

from handbook.fonts import FONT_FAMILIES
from handbook.page_sizes import PAGE_SIZES

# Where a setting may be written.
MANIFEST_ONLY, PROFILE_ONLY, BOTH = "manifest", "profile", "manifest and profile"


class Setting:
    """One key: what it holds, its default, where it may be written and what it does.

    `kind` is one of: text, choice, colour, number, keywords, files (a list of file
    names), file (one file name), mapping (keys of their own, declared in a group
    below), variables, names, list (items whose structure is checked by hand), language (a BCP 47 tag),
    languages (a list of them). A `translated` setting holds words a reader sees: an edition in another
    language takes it from the file's translation (validate/translations.py).
    Written out rather than as a dataclass, whose generated methods would be compiled
    at every start-up; treat it as read-only.
    """

    __slots__ = ("name", "kind", "doc", "default", "choices", "where", "required", "minimum", "translated")

    def __init__(
        self,
        name: str,
        kind: str,
        doc: str,
        default: object = None,  # None: no default (required, or nothing when left out)
        *,
        choices: tuple[str, ...] = (),
        where: str = MANIFEST_ONLY,
        required: bool = False,
        minimum: float | None = None,
        translated: bool = False,
    ) -> None:
        self.name, self.kind, self.doc, self.default = name, kind, doc, default
        self.choices, self.where, self.required, self.minimum = choices, where, required, minimum
        self.translated = translated


def _group(*settings: Setting) -> dict[str, Setting]:
    return {setting.name: setting for setting in settings}


MANIFEST = _group(
    Setting("title", "text", "The handbook's title: cover, every header and the PDF title.", required=True, where=BOTH, translated=True),
    Setting("subtitle", "text", "A line under the title on the cover; the PDF subject.", "", where=BOTH, translated=True),
    Setting("career", "text", "The career the guide is about: a small line above the title on the cover.", "", translated=True),
    Setting(
        "organisation",
        "text",
        "Who hands the guide out: cover, footer and PDF author (a school edition uses the school's name).",
        "",
        translated=True,
    ),
    Setting("edition", "text", "Which edition this is, such as Career fair edition: cover and footer.", "", where=BOTH, translated=True),
    # The names of the page-size table (handbook/page_sizes.py).
    Setting("page_size", "choice", "The paper the pages are laid out for.", "letter", choices=tuple(PAGE_SIZES), where=BOTH),
    Setting(
        "language",
        "language",
        "The language of the edition: in a manifest, the one its files are written in; the tool's own words, numbers and money "
        "follow it, and screen readers and the PDF's metadata are told it. An edition in another language prints the files' translations.",
        "en-US",
        where=BOTH,
    ),
    Setting(
        "translations",
        "languages",
        "The other languages the edition is also made in: make schools builds a profile's into build/schools/NAME.LANG.pdf, "
        "and handbook translations lists their state.",
        (),
        where=BOTH,
    ),
    Setting("keywords", "keywords", "PDF keywords: a list, or one line of words separated by commas.", (), translated=True),
    Setting("theme", "mapping", "Colours and font; a profile replaces only the keys it gives.", where=BOTH),
    Setting(
        "print",
        "mapping",
        "Office printing, or a print shop's bleed and crop marks; a profile replaces only the keys it gives.",
        where=BOTH,
    ),
    Setting(
        "salary_max_age_years",
        "number",
        "Warn when a salary table's period is older than this many years before the build date.",
        3,
        minimum=0,
    ),
    Setting("sections", "files", "The section files, relative to the manifest's folder, in order, each once.", required=True),
    Setting(
        "translation_fallback",
        "names",
        "Files, by name without .yaml (a section, or the manifest or profile itself), that an edition in another language may print "
        "as written when they have no translation (otherwise a missing translation is an error); a profile's add to the base guide's.",
        (),
        where=BOTH,
    ),
)

THEME = _group(
    Setting("primary", "colour", "Headings, the cover panel and table headers.", "#1d4e89", where=BOTH),
    Setting("accent", "colour", "Bars, bullets and tip boxes.", "#e07a1f", where=BOTH),
    Setting("font", "choice", "The font family (bundled, SIL Open Font License).", "Lato", choices=tuple(FONT_FAMILIES), where=BOTH),
)

PRINT = _group(
    Setting(
        "bleed",
        "flag",
        "For a print shop: colour that reaches the page edge runs on 0.125 in (3 mm on A4) past it, and every page has a TrimBox "
        "and a BleedBox (the same as handbook build --print-shop).",
        False,
        where=BOTH,
    ),
    Setting(
        "crop_marks",
        "flag",
        "For an offset printer: crop marks outside the bleed, on a larger sheet; implies bleed (the same as --crop-marks).",
        False,
        where=BOTH,
    ),
)

SCHOOL = _group(
    Setting(
        "name",
        "text",
        "The school's name: cover, footer, back cover and PDF author; {school.name}.",
        required=True,
        where=PROFILE_ONLY,
        translated=True,
    ),
    Setting(
        "logo", "file", "A PNG or JPEG, in the profile's folder or the project folder, for the cover and back cover.", where=PROFILE_ONLY
    ),
    Setting("address", "text", "Printed on the back cover; {school.address}.", "", where=PROFILE_ONLY, translated=True),
    Setting("phone", "text", "Printed on the back cover; {school.phone}.", "", where=PROFILE_ONLY),
    Setting("email", "text", "Printed on the back cover; {school.email}.", "", where=PROFILE_ONLY),
    Setting(
        "website",
        "text",
        "An address starting with https:// or http://, printed on the back cover with a QR code; {school.website}.",
        "",
        where=PROFILE_ONLY,
    ),
)


def _shared(*names: str) -> tuple[Setting, ...]:
    """Manifest settings a profile may replace, in the order the profile lists them."""
    return tuple(MANIFEST[name] for name in names)


PROFILE = _group(
    Setting("handbook", "file", "The base guide's manifest, relative to the profile.", "../handbook.yaml", where=PROFILE_ONLY),
    Setting("school", "mapping", "Who the edition is for.", required=True, where=PROFILE_ONLY),
    *_shared("edition", "title", "subtitle", "page_size", "language", "translations", "translation_fallback", "theme", "print"),
    Setting("variables", "variables", "Placeholders of the school's own, used in text as {var.NAME}.", where=PROFILE_ONLY, translated=True),
    Setting("exclude", "names", "Sections to leave out, by file name without .yaml.", where=PROFILE_ONLY),
    Setting("add", "list", "The school's own section files, each with after: or before: the section it goes next to.", where=PROFILE_ONLY),
    Setting("replace", "list", "Sections swapped for the school's version: section: name, file: its replacement.", where=PROFILE_ONLY),
    Setting(
        "override",
        "list",
        "One block replaced: section: name, block: its position from 1, and the new block as kind: content.",
        where=PROFILE_ONLY,
        translated=True,
    ),
)

# The keys of each mapping setting.
PARTS = {"theme": THEME, "school": SCHOOL, "print": PRINT}


def names(group: dict[str, Setting]) -> tuple[str, ...]:
    """The keys of a group, in the order messages list them."""
    return tuple(group)


def required(group: dict[str, Setting]) -> tuple[str, ...]:
    """The keys a group must have; a profile only replaces manifest settings, so it needs none of them."""
    return tuple(name for name, s in group.items() if s.required and not (group is PROFILE and s.where == BOTH))


def profile_settings() -> tuple[str, ...]:
    """The manifest settings a profile may replace."""
    return tuple(name for name, setting in PROFILE.items() if setting.where == BOTH)


def translated(group: dict[str, Setting]) -> tuple[str, ...]:
    """The keys of a group whose words a translation gives, in their order."""
    return tuple(name for name, setting in group.items() if setting.translated)


def explained() -> dict[str, Setting]:
    """The settings `handbook explain` lists, by dotted name: every manifest value but the section list."""
    found: dict[str, Setting] = {}
    for name, setting in MANIFEST.items():
        if name in PARTS:
            found.update({f"{name}.{part}": sub for part, sub in PARTS[name].items()})
        elif setting.kind != "files":
            found[name] = setting
    return found


def shown(value: object) -> str:
    """A setting's value as `explain` and the docs print it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


# docs/format.md: one table per group, between <!-- settings:NAME --> and <!-- /settings:NAME -->.
TABLES = {"manifest": MANIFEST, "theme": THEME, "print": PRINT, "profile": PROFILE, "school": SCHOOL}

_VALUES = {
    "text": "text",
    "colour": 'a quoted hex colour such as `"#1d4e89"`',
    "keywords": "a list of words, or one line `a, b, c`",
    "files": "a list of file paths",
    "file": "a file path",
    "mapping": "the keys below",
    "variables": "names, each with its text",
    "names": "a list of section names",
    "list": "a list of mappings",
    "language": "a BCP 47 language tag such as `en-US`, `es` or `zh-Hant-TW`",
    "languages": "a list of BCP 47 language tags such as `[es, vi]`",
    "flag": "`true` or `false`",
}


def _value(setting: Setting) -> str:
    if setting.kind == "choice":
        return " or ".join(f"`{choice}`" for choice in setting.choices)
    if setting.kind == "number":
        return "a number" + (f", at least {shown(setting.minimum)}" if setting.minimum is not None else "")
    return _VALUES[setting.kind]


def _default(setting: Setting, group: dict[str, Setting]) -> str:
    if group is PROFILE and setting.where == BOTH:
        return "the base guide's"
    if setting.required:
        return "required"
    if setting.kind == "mapping":
        return "each key's, below"
    value = shown(setting.default)
    return f"`{value}`" if value else "none"


def key_table(group: str) -> str:
    """The Markdown table of a group's keys, as docs/format.md shows it."""
    lines = ["| key | value | default | set in | what it does |", "| --- | --- | --- | --- | --- |"]
    for name, setting in TABLES[group].items():
        doc = setting.doc.replace("|", "\\|")
        lines.append(f"| `{name}` | {_value(setting)} | {_default(setting, TABLES[group])} | {setting.where} | {doc} |")
    return "\n".join(lines) + "\n"


def fill_tables(text: str) -> str:
    """`text` with every marked key table replaced by the one the declarations give."""
    for group in TABLES:
        start, end = f"<!-- settings:{group} -->\n", f"<!-- /settings:{group} -->"
        head, found, rest = text.partition(start)
        if not found:
            continue
        _, found, tail = rest.partition(end)
        if not found:
            raise ValueError(f"{start.strip()} has no {end}")
        text = head + start + key_table(group) + end + tail
    return text
