"""Merge a school's profile into the base guide: the edition, and where each part of it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from handbook import settings
from handbook.model import Handbook, Section
from handbook.node_cache import NodeCache
from handbook.nodes import Mapping, Scalar
from handbook.problems import Problems, Where, counted
from handbook.validate import translated_texts, translations
from handbook.validate.blocks import BlockContext
from handbook.validate.contrast import check_contrast
from handbook.validate.fields import Reader, suggest
from handbook.validate.handbook import (
    listed_sections,
    read_handbook,
    read_language,
    read_languages,
    read_listed_section,
    read_print,
    read_theme,
    written_in,
)
from handbook.validate.paths import is_file
from handbook.validate.profile import Profile, read_profile, translate_profile


@dataclass(frozen=True)
class Origin:
    """One line of `handbook explain`: a setting or section, its value, and the file it came from."""

    what: str
    value: str
    source: str


def read_edition(
    profile_path: Path,
    problems: Problems,
    cache: NodeCache | None = None,
    today: date | None = None,
    *,
    language: str | None = None,
    translate: bool = True,
) -> tuple[Handbook | None, list[Origin]]:
    """Validate a profile and its base guide, and apply the profile to the guide.

    The edition's language is `language` (--language), else the profile's, else the base guide's; the
    base guide's sections and the school's own are read in it (see read_handbook).
    """
    profile = read_profile(profile_path, problems)
    if profile is None or not is_file(profile.base):
        return None, []
    source_language = written_in(profile.base, cache)
    edition = language or _profile_language(profile) or source_language
    in_language = edition if translate and translations.needs_translation(edition, source_language) else None
    translated = translations.translation_of(profile.path, in_language) if in_language else None
    if translated is not None:
        profile = translate_profile(profile, translated, problems, cache)
    base_origins: dict[str, Where] = {}
    base = read_handbook(
        profile.base,
        problems,
        variables=profile.variables,
        cache=cache,
        origins=base_origins,
        today=today,
        contrast=False,
        language=language or _profile_language(profile),
        translate=translate,
    )
    if base is None:
        return None, []
    read = Reader(problems, profile.variables)
    read.use_font(base.theme.font)
    origins = [Origin(name, "", f"base {where}") for name, where in base_origins.items()]
    handbook, replaced = _apply_settings(read, base, profile)
    check_contrast(handbook.theme, {**base_origins, **replaced}, problems)
    origins = [o for o in origins if o.what not in replaced] + [Origin(n, "", f"profile {w}") for n, w in replaced.items()]
    fallback = frozenset(handbook.translation_fallback)
    if in_language is not None and translated is None:
        translated_texts.find_translation(read, profile.path, in_language, fallback, profile.has_words)
    ctx = BlockContext(read, profile.base.parent, today, base.salary_max_age_years, in_language, fallback)
    sections, section_origins = _apply_sections(ctx, base.sections, profile, cache)
    # The school's name stands for the organisation: a message about either is at the name's line.
    places = {**base_origins, **replaced, **profile.school_places}
    places["organisation"] = profile.school_places.get("school.name", profile.school_where)
    inputs = (*base.inputs, profile.path, *((translated.resolve(),) if translated else ()))
    handbook = replace(handbook, sections=tuple(sections), inputs=inputs, places=places)

    def unset(setting: settings.Setting) -> str:
        if setting.where == settings.BOTH:
            return "neither the profile nor the base guide gives one"
        return "the base guide does not give one"

    return handbook, _with_values(handbook, origins, unset) + section_origins


def _profile_language(profile: Profile) -> str | None:
    """The language the profile sets, when it is a valid tag (the profile's settings report it when not)."""
    from handbook.languages import check_language

    node = profile.settings.get("language", (None, None))[0]
    if not isinstance(node, Scalar) or node.is_null:
        return None
    return check_language(node.text)[0]


def guide_origins(handbook: Handbook, found: dict[str, Where]) -> list[Origin]:
    """What `explain` says of a guide built on its own: each setting, from its line or by default, then each section."""
    origins = _with_values(
        handbook, [Origin(name, "", str(where)) for name, where in found.items()], lambda setting: "the guide does not give one"
    )
    return origins + [Origin(f"section {i}: {s.id}", s.title, s.where.file) for i, s in enumerate(handbook.sections, 1)]


def _with_values(handbook: Handbook, origins: list[Origin], why_default: Callable[[settings.Setting], str]) -> list[Origin]:
    """`origins` with their values, and a line for every declared setting none of them gives, by name, saying why."""
    values = _setting_values(handbook)
    origins = [replace(o, value=values.get(o.what, "")) for o in origins]
    given = {o.what for o in origins}
    origins += [
        Origin(name, settings.shown(setting.default), f"default; {why_default(setting)}")
        for name, setting in settings.explained().items()
        if name not in given
    ]
    return sorted(origins, key=lambda o: o.what)


def _apply_settings(read: Reader, base: Handbook, profile: Profile) -> tuple[Handbook, dict[str, Where]]:
    changed: dict[str, Where] = {"organisation": profile.school_where, "school": profile.school_where}
    updates = {"school": profile.school, "organisation": profile.school.name}
    for key, (node, where) in profile.settings.items():
        if key in ("theme", "print"):
            updates[key] = read_theme(read, node, base.theme) if key == "theme" else read_print(read, node, base.print)
            for sub, value in node.entries if isinstance(node, Mapping) else ():
                if not (isinstance(value, Scalar) and value.is_null):  # an empty value sets nothing
                    changed[f"{key}.{sub.text}"] = sub.where
        elif key == "language":
            updates[key] = read_language(read, node, base.language)
            changed[key] = where
        elif key == "translations":
            updates[key] = read_languages(read, node)
            changed[key] = where
        elif key == "translation_fallback":  # the school's own names, besides the base guide's
            names = read.items(node, key, lambda item, path: read.text(item, path, required=True), required=False)
            updates[key] = tuple(dict.fromkeys((*base.translation_fallback, *(name for name in names if name))))
            changed[key] = where
        elif settings.MANIFEST[key].kind == "choice":
            updates[key] = read.choice(node, key, settings.MANIFEST[key].choices, getattr(base, key))
            changed[key] = where
        else:
            updates[key] = read.text(node, key)
            changed[key] = where
    return replace(base, **updates), changed


def _setting_values(handbook: Handbook) -> dict[str, str]:
    """The value of every declared setting `explain` lists, by dotted name."""
    values = {}
    for name in settings.explained():
        value: object = handbook
        for part in name.split("."):
            value = getattr(value, part)
        values[name] = settings.shown(value)
    if handbook.school:
        values["school"] = handbook.school.name
    return values


def _apply_sections(
    ctx: BlockContext, base: tuple[Section, ...], profile: Profile, cache: NodeCache | None
) -> tuple[list[Section], list[Origin]]:
    """Exclude, replace, add and override sections as the profile says, checking every name it uses."""
    read = ctx.read
    ids = [s.id for s in base]
    listed = {Path(name).stem for name in listed_sections(profile.base, cache)}
    sections = {s.id: s for s in base}
    origin = {s.id: f"base {s.where.file}" for s in base}
    order = list(ids)
    notes: dict[str, list[str]] = {}

    def known(name: str, where: Where, what: str) -> bool:
        if name in sections:
            return True
        if name in listed:  # listed, but it could not be read: what is wrong with it is said already
            return False
        read.error(where, what, f"no section '{name}' in the base guide; expected one of {', '.join(ids)}{suggest(name, ids)}")
        return False

    for name, where in profile.exclude:
        if known(name, where, "exclude") and name in order:
            order.remove(name)
            notes.setdefault("excluded", []).append(f"{name} (profile {where})")
    for item in profile.replace:
        if known(item.section, item.where, "replace"):
            new = read_listed_section(item.file, ctx, cache, item.where, "replace")
            if new is not None:
                sections[item.section] = replace(new, id=item.section)
                origin[item.section] = f"profile {new.where.file} (replaces the base section, profile {item.where})"
    for item in profile.override:
        if known(item.section, item.where, "override"):
            section = sections[item.section]
            if not 1 <= item.block <= len(section.blocks):
                read.error(
                    item.where,
                    "override",
                    f"section '{item.section}' has {counted(len(section.blocks), 'block')}; expected a block number from 1 to {len(section.blocks)}",
                )
                continue
            blocks = list(section.blocks)
            blocks[item.block - 1] = item.replacement
            sections[item.section] = replace(section, blocks=tuple(blocks))
            notes.setdefault(item.section, []).append(f"block {item.block} overridden (profile {item.where})")
    for item in profile.add:
        if not known(item.anchor, item.where, "add"):
            continue
        new = read_listed_section(item.file, ctx, cache, item.where, "add")
        if new is None:
            continue
        if new.id in sections:
            read.error(item.where, "add", f"the added section's file name '{new.id}' is already used by a section; rename the file")
            continue
        if item.anchor not in order:
            read.error(item.where, "add", f"section '{item.anchor}' is excluded, so nothing can be added next to it")
            continue
        sections[new.id] = new
        origin[new.id] = f"profile {new.where.file} (added {'before' if item.before else 'after'} {item.anchor}, profile {item.where})"
        position = order.index(item.anchor) + (0 if item.before else 1)
        while not item.before and position < len(order) and order[position] in {a.file.stem for a in profile.add}:
            position += 1
        order.insert(position, new.id)
    result = [sections[name] for name in order]
    lines = [
        Origin(f"section {i}: {s.id}", s.title, origin[s.id] + "".join(f"; {n}" for n in notes.get(s.id, [])))
        for i, s in enumerate(result, 1)
    ]
    lines += [Origin("excluded", note, "") for note in notes.get("excluded", [])]
    return result, lines
