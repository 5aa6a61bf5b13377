"""Validate a manifest and its section files into a Handbook model, collecting every problem."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from handbook import l10n, languages, settings
from handbook.display import display_path
from handbook.fonts import FONT_FAMILIES
from handbook.loader import load_file
from handbook.model import Handbook, Print, Section, Theme
from handbook.node_cache import NodeCache, content_digest
from handbook.nodes import Mapping, Node, Scalar, Sequence
from handbook.page_sizes import PAGE_SIZES
from handbook.problems import Problems, Where
from handbook.validate import translated_texts, translations
from handbook.validate.blocks import BlockContext, read_block
from handbook.validate.contrast import check_contrast
from handbook.validate.fields import Reader
from handbook.validate.paths import find

MANIFEST_KEYS = settings.names(settings.MANIFEST)
DEFAULT_MAX_AGE_YEARS = settings.MANIFEST["salary_max_age_years"].default
SECTION_KEYS = ("title", "blocks")
THEME_KEYS = settings.names(settings.THEME)
PRINT_KEYS = settings.names(settings.PRINT)
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

Origins = dict[str, Where]


def read_handbook(
    manifest: Path,
    problems: Problems,
    *,
    variables: dict[str, str] | None = None,
    cache: NodeCache | None = None,
    origins: Origins | None = None,
    today: date | None = None,
    contrast: bool = True,
    language: str | None = None,
    translate: bool = True,
) -> Handbook | None:
    """Load and validate `manifest` and every section it lists; problems go to `problems`.

    `origins`, when given, receives the place each manifest setting was read from. Without
    `contrast`, the theme's colours are left for the caller to check (a school's edition
    checks the colours it ends up with). `language`, when given, is the edition's language over the
    manifest's; an edition in another language than English reads each section's translation
    (validate/translations.py), unless `translate` is False (to list the sections as written).
    """
    root = manifest.parent
    node = load_file(manifest, problems, cache)
    if node is None:
        return None
    if isinstance(node, Mapping) and node.get("school") is not None and node.get("sections") is None:
        problems.add(node.where, f"this is a school profile, not a handbook manifest; use --school {display_path(manifest)}")
        return None
    read = Reader(problems, variables)
    fields = read.mapping(node, "", MANIFEST_KEYS, required=settings.required(settings.MANIFEST))
    if fields is None:
        return None
    found = setting_origins(fields)
    if origins is not None:
        origins.update(found)
    theme = read_theme(read, fields.get("theme"), Theme())
    if contrast:
        check_contrast(theme, found, problems)
    read.use_font(theme.font)
    max_age = read.number(fields.get("salary_max_age_years"), "salary_max_age_years", minimum=0)
    tag = read_language(read, fields.get("language"), Handbook.language)
    fallback = _read_fallback(read, fields.get("translation_fallback"))
    edition = language or tag
    in_language = edition if translate and translations.needs_translation(edition, tag) else None
    allowed = frozenset(name for name, _ in fallback)
    if in_language is not None and _nothing_translated(read, manifest, fields, in_language, allowed):
        in_language = None  # said once for the whole guide: every file prints as written
    ctx = BlockContext(read, root, today, DEFAULT_MAX_AGE_YEARS if max_age is None else max_age, in_language, allowed)
    words, translated = fields, None
    if in_language is not None:
        words, translated = _translated_words(read, manifest, fields, in_language, allowed, cache)
        if origins is not None:
            origins.update({name: where for name, where in setting_origins(words).items() if name in MANIFEST_WORDS})
    sections = _read_sections(ctx, fields.get("sections"), cache)
    ids = [section.id for section in sections]
    for name, where in fallback:
        if name not in ids and name != manifest.stem and not read.problems.errors:
            read.error(where, "translation_fallback", f"no section '{name}' in this guide; expected one of {', '.join(ids)}")
    return Handbook(
        title=read.text(words.get("title"), "title", required=True),
        subtitle=read.text(words.get("subtitle"), "subtitle"),
        career=read.text(words.get("career"), "career"),
        organisation=read.text(words.get("organisation"), "organisation"),
        edition=read.text(words.get("edition"), "edition"),
        page_size=read.choice(fields.get("page_size"), "page_size", tuple(PAGE_SIZES), Handbook.page_size),
        language=tag,
        keywords=_read_keywords(read, words.get("keywords")),
        theme=theme,
        print=read_print(read, fields.get("print"), Print()),
        salary_max_age_years=ctx.stale_after_years,
        translation_fallback=tuple(name for name, _ in fallback),
        translations=read_languages(read, fields.get("translations")),
        sections=tuple(sections),
        inputs=(manifest.resolve(),) + ((translated.resolve(),) if translated else ()),
        places={**found, **setting_origins(words)} if translated else found,
    )


MANIFEST_WORDS = settings.translated(settings.MANIFEST)


def _nothing_translated(read: Reader, manifest: Path, fields: Mapping, edition: str, fallback: frozenset[str]) -> bool:
    """When no file of the guide has a translation into `edition`, one error says so (not one per file) and True is returned."""
    files = [manifest, *(manifest.parent / name for name in _listed(fields))]
    if any(translations.translation_of(file, edition) for file in files):
        return False
    stems = [file.stem for file in files if file.stem not in fallback]
    if not stems:
        return False
    folder = translations.folders(edition)[-1]
    read.problems.add(
        Where(display_path(manifest), 1),
        f"no file of this guide is translated into {edition} yet: there is no {folder}/ folder beside {display_path(manifest)} "
        f"or its sections; translate them there (docs/translating.md), or print them as written by listing them: "
        f"translation_fallback: [{', '.join(stems)}]",
    )
    return True


def listed_sections(manifest: Path, cache: NodeCache | None = None) -> list[str]:
    """The section files a manifest lists, as written, whether or not they can be read."""
    node = load_file(manifest, Problems(), cache)
    return _listed(node) if isinstance(node, Mapping) else []


def _listed(fields: Mapping) -> list[str]:
    listed = fields.get("sections")
    return [item.text for item in listed.items if isinstance(item, Scalar)] if isinstance(listed, Sequence) else []


def written_in(manifest: Path, cache: NodeCache | None = None) -> str:
    """The language a manifest's files are written in, its `language` (read_handbook reports a wrong one)."""
    node = load_file(manifest, Problems(), cache)
    value = node.get("language") if isinstance(node, Mapping) else None
    tag = languages.check_language(value.text)[0] if isinstance(value, Scalar) and not value.is_null else None
    return tag or Handbook.language


def _translated_words(
    read: Reader, manifest: Path, fields: Mapping, edition: str, fallback: frozenset[str], cache: NodeCache | None
) -> tuple[Mapping, Path | None]:
    """The manifest's settings with its words in `edition`'s language, from its translation, and that translation's path."""
    has_words = any(fields.get(name) is not None for name in MANIFEST_WORDS)
    translated = translated_texts.find_translation(read, manifest, edition, fallback, has_words)
    if translated is None:
        return fields, None
    found = translated_texts.read_translation(read, translated, manifest, fields, MANIFEST_WORDS, manifest.parent, cache)
    if found is None:
        return fields, translated
    given = {key.text for key, _ in found.entries}
    entries = tuple((key, value) for key, value in fields.entries if key.text not in given)
    entries += tuple((key, value) for key, value in found.entries if key.text in MANIFEST_WORDS)
    return Mapping(entries, fields.where), translated


def read_languages(read: Reader, node: Node | None) -> tuple[str, ...]:
    """A list of BCP 47 tags (translations:), each checked, in their usual case."""

    def one(item: Node, path: str) -> str:
        value = read.text(item, path, required=True)
        if not value:
            return ""
        tag, wrong = languages.check_language(value)
        if tag is None:
            read.error(item.where, path, wrong)
            return ""
        return tag

    found = read.items(node, "translations", one, required=False)
    return tuple(dict.fromkeys(tag for tag in found if tag))


def setting_origins(fields: Mapping, prefix: str = "") -> Origins:
    """Where each scalar setting of a mapping was written, by dotted name (sections excluded)."""
    found: Origins = {}
    for key, value in fields.entries:
        if key.text == "sections" and not prefix:
            continue
        if isinstance(value, Mapping):
            found.update(setting_origins(value, f"{prefix}{key.text}."))
        else:
            found[f"{prefix}{key.text}"] = key.where
    return found


def _read_keywords(read: Reader, node: Node | None) -> tuple[str, ...]:
    if isinstance(node, Scalar):
        return tuple(word.strip() for word in read.text(node, "keywords").split(",") if word.strip())
    words = read.items(node, "keywords", lambda item, p: read.text(item, p, required=True), required=False)
    return tuple(word for word in words if word)


def _read_fallback(read: Reader, node: Node | None) -> tuple[tuple[str, Where], ...]:
    """The sections that may print untranslated, by file name without .yaml, each with where it was written."""

    def one(item: Node, path: str) -> tuple[str, Where]:
        return read.text(item, path, required=True), item.where

    return tuple((name, where) for name, where in read.items(node, "translation_fallback", one, required=False) if name)


def read_theme(read: Reader, node: Node | None, base: Theme) -> Theme:
    """A theme whose given keys replace those of `base`."""
    if node is None:
        return base
    fields = read.mapping(node, "theme", THEME_KEYS)
    if fields is None:
        return base
    font = fields.get("font")
    if isinstance(font, Scalar) and font.is_null:
        read.empty(font, "theme.font", f"expected one of {', '.join(FONT_FAMILIES)}; leave the key out to keep {base.font}")
    return Theme(
        primary=_colour(read, fields.get("primary"), "theme.primary", base.primary),
        accent=_colour(read, fields.get("accent"), "theme.accent", base.accent),
        font=read.choice(font, "theme.font", tuple(FONT_FAMILIES), base.font),
    )


def read_print(read: Reader, node: Node | None, base: Print) -> Print:
    """Print settings whose given keys replace those of `base`."""
    if node is None:
        return base
    fields = read.mapping(node, "print", PRINT_KEYS)
    if fields is None:
        return base
    return Print(
        bleed=read.flag(fields.get("bleed"), "print.bleed", base.bleed),
        crop_marks=read.flag(fields.get("crop_marks"), "print.crop_marks", base.crop_marks),
    )


def read_language(read: Reader, node: Node | None, default: str) -> str:
    """A BCP 47 tag such as en-US, in its usual case; a key written with no value is a mistake, not the default."""
    if isinstance(node, Scalar) and node.is_null:
        read.empty(node, "language", f"expected {languages.EXPECTED}; leave the key out to keep {default}")
        return default
    value = read.text(node, "language")
    if not value:
        return default
    tag, wrong = languages.check_language(value)
    if tag is None:
        read.error(node.where, "language", wrong)
        return default
    if not l10n.has_catalog(tag):
        read.problems.warn(node.where, l10n.no_catalog(tag))
    return tag


def _colour(read: Reader, node: Node | None, path: str, default: str) -> str:
    """A colour given as "#rrggbb"; a key written with no value is a mistake, not the default."""
    if isinstance(node, Scalar) and node.is_null:
        read.empty(node, path, f'expected a quoted hex colour such as "#1d4e89"; leave the key out to keep {default}')
        return default
    value = read.text(node, path)
    if not value:
        return default
    if not _COLOUR.fullmatch(value):
        read.error(node.where, path, f"'{value}' is not a colour; expected a quoted hex colour such as \"#1d4e89\"")
        return default
    return value.lower()


def _read_sections(ctx: BlockContext, node: Node | None, cache: NodeCache | None) -> list[Section]:
    """Each listed section file, loaded and validated, once each, in order."""
    read, root = ctx.read, ctx.root
    seen: dict[Path, Where] = {}
    ids: dict[str, Where] = {}
    sections: list[Section] = []

    def one(item: Node, path: str) -> None:
        name = read.file_name(item, path, required=True)
        if not name:
            return
        file = find(read, item, path, name, root, what="section file", expected="a YAML file")
        if file is None:
            return
        if file in seen:
            read.error(item.where, path, f"'{name}' is listed twice (first at line {seen[file].line}); list each section once")
            return
        seen[file] = item.where
        if file.stem in ids:
            read.error(
                item.where,
                path,
                f"'{name}' has the same file name as the section at line {ids[file.stem].line}; section file names must differ, as profiles refer to sections by them",
            )
            return
        ids[file.stem] = item.where
        section = read_listed_section(file, ctx, cache, item.where, path)
        if section is not None:
            sections.append(section)

    read.items(node, "sections", one)
    return sections


def read_listed_section(file: Path, ctx: BlockContext, cache: NodeCache | None, listed: Where, path: str) -> Section | None:
    """A section listed at `listed`, in the edition's language: its translation, checked against its source.

    A section with no translation is an error at the line that lists it, unless translation_fallback names it.
    """
    if ctx.language is None:
        return read_section(file, ctx, cache)
    translated = translations.translation_of(file, ctx.language)
    if translated is None:
        if file.stem in ctx.fallback:
            return read_section(file, ctx, cache)
        expected = display_path(translations.expected_path(file, ctx.language))
        ctx.read.error(
            listed,
            path,
            f"'{display_path(file)}' has no translation into {ctx.language}: {expected} is not there; "
            f"translate it there, or list '{file.stem}' under translation_fallback to print it as written",
        )
        return None
    section = read_section(translated, ctx, cache)
    node = load_file(translated, Problems(), cache)
    source = load_file(file, Problems(), cache)
    stale = node is not None and translations.check_translation(translated, node, file, source, ctx.root, ctx.read.problems)
    if section is None:
        return None
    section = replace(section, id=file.stem, translates=file)
    if not stale and isinstance(node, Mapping) and source is not None:  # a stale one may differ: that is said already
        # The source is validated only for the facts it holds; its own problems are its edition's to say.
        original = read_section(file, replace(ctx, read=ctx.read.sharing(Problems())), cache) if translations.keeps_facts(source) else None
        translations.check_same_blocks(section, node, source, original, ctx.read.problems)
    return section


def read_section(file: Path, ctx: BlockContext, cache: NodeCache | None = None) -> Section | None:
    """Load and validate one section file; its images are found relative to `ctx.root`.

    With a cache, a section is validated once for a given project root, font, build date and age
    limit (and, when its text has placeholders, the values they are filled with), and kept while the
    section file and every file it refers to have the same bytes: every edition of a batch shares a
    guide's sections, and the editions of one school (a batch of copies, `handbook watch`) its own.
    """
    if cache is None:
        return _read_section(file, ctx, None)
    key = ("section", file.resolve(), ctx.root, ctx.read.font, ctx.today, ctx.stale_after_years)
    known = cache.validated(key)
    if known is not None and known[0] is _FILLED:
        known = cache.validated((*key, _filling(ctx.read.variables)))
    if known is not None:
        section, found = known
        ctx.read.problems.extend(found)
        return section
    own = Problems()
    reader = ctx.read.sharing(own)
    before = content_digest(file)  # taken before the file is read: a save while it is validated is not kept as its result
    section = _read_section(file, replace(ctx, read=reader), cache)
    ctx.read.problems.extend(own.all)
    contents = ((file, before), *reader.digests_seen.items())
    if reader.placeholders_seen:
        cache.remember(key, _FILLED, (), contents)
        key = (*key, _filling(ctx.read.variables))
    cache.remember(key, section, own.all, contents)
    return section


_FILLED = object()  # kept for a section whose text has placeholders: what it holds depends on their values too


def _filling(variables: dict[str, str]) -> tuple:
    return tuple(sorted(variables.items()))


def _read_section(file: Path, ctx: BlockContext, cache: NodeCache | None) -> Section | None:
    read = ctx.read
    node = load_file(file, read.problems, cache)
    if node is None:
        return None
    # A translation says which version of its source it translates (validate/translations.py checks it).
    allowed = (*SECTION_KEYS, "translates") if isinstance(node, Mapping) and node.get("translates") is not None else SECTION_KEYS
    fields = read.mapping(node, "", allowed, required=("title", "blocks"))
    if fields is None:
        return None
    title = read.text(fields.get("title"), "title", required=True)
    blocks = read.items(fields.get("blocks"), "blocks", lambda item, path: read_block(ctx, item, path))
    blocks = tuple(block for block in blocks if block is not None)
    if not title:
        return None
    return Section(file.stem, title, blocks, file, node.where)
