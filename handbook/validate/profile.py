"""Validate a school profile: who the school is, and how its edition differs from the base guide."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from handbook import settings
from handbook.blocks import by_name
from handbook.display import closest_file, display_path, folder_name
from handbook.loader import load_file
from handbook.model import Block, Contact, School, Theme
from handbook.node_cache import NodeCache
from handbook.nodes import Mapping, Node, Scalar
from handbook.problems import Problems, Where, shown_name
from handbook.validate import translated_texts
from handbook.validate.assets import check_image
from handbook.validate.blocks import BlockContext, read_block
from handbook.validate.fields import Reader, join
from handbook.validate.paths import WINDOWS_PATH, find

PROFILE_KEYS = settings.names(settings.PROFILE)
SCHOOL_KEYS = settings.names(settings.SCHOOL)
PROFILE_WORDS = (*settings.translated(settings.PROFILE), "school")  # what a profile's translation gives
DEFAULT_BASE = settings.PROFILE["handbook"].default


@dataclass(frozen=True)
class Addition:
    file: Path
    anchor: str  # the id of the section it goes next to
    before: bool
    where: Where


@dataclass(frozen=True)
class Replacement:
    section: str
    file: Path
    where: Where


@dataclass(frozen=True)
class Override:
    section: str
    block: int  # 1-based position
    replacement: Block
    where: Where


@dataclass(frozen=True)
class Profile:
    """A school profile as plain data; section names are checked against the base guide later."""

    path: Path
    base: Path
    base_where: Where
    school: School
    school_where: Where
    variables: dict[str, str]
    school_places: dict[str, Where] = field(default_factory=dict)  # where each key of school: was written, as "school.name"
    settings: dict[str, tuple[Node, Where]] = field(default_factory=dict)  # the manifest settings it replaces
    exclude: tuple[tuple[str, Where], ...] = ()
    add: tuple[Addition, ...] = ()
    replace: tuple[Replacement, ...] = ()
    override: tuple[Override, ...] = ()

    @property
    def has_words(self) -> bool:
        """Whether an edition in another language needs the profile's translation: it has words of its own besides names."""
        return bool(
            self.override or any(k.startswith("var.") for k in self.variables) or self.settings.keys() & {"edition", "title", "subtitle"}
        )


def read_profile(path: Path, problems: Problems) -> Profile | None:
    """Load and validate the profile at `path`; None when it cannot be read at all."""
    # Each profile is read once per batch, so it is not kept in the cache of shared files.
    node = load_file(path, problems)
    if node is None:
        return None
    plain = Reader(problems)
    plain.use_font(Theme().font)
    fields = plain.mapping(node, "", PROFILE_KEYS, required=settings.required(settings.PROFILE))
    if fields is None:
        return None
    folder = path.parent
    base_name = plain.file_name(fields.get("handbook"), "handbook", default=DEFAULT_BASE)
    base_node = fields.get("handbook") or node
    base_where = base_node.where
    base = find(plain, base_node, "handbook", base_name, folder, what="base guide", expected="the path of a handbook.yaml")
    base = base or Path(os.path.realpath(folder / base_name))
    variables, school, school_places = _read_school(plain, fields.get("school"), folder, base.parent)
    variables.update(_read_variables(plain, fields.get("variables")))
    read = Reader(problems, variables)
    read.use_font(Theme().font)
    ctx = BlockContext(read, base.parent)
    replaced = {key: (fields.get(key), _key_where(fields, key)) for key in settings.profile_settings() if fields.get(key) is not None}
    return Profile(
        path=path.resolve(),
        base=base,
        base_where=base_where,
        school=school,
        school_where=_key_where(fields, "school"),
        variables=variables,
        school_places=school_places,
        settings=replaced,
        exclude=_read_names(read, fields.get("exclude"), "exclude"),
        add=tuple(a for a in read.items(fields.get("add"), "add", lambda n, p: _addition(read, n, p, folder), required=False) if a),
        replace=tuple(
            r for r in read.items(fields.get("replace"), "replace", lambda n, p: _replacement(read, n, p, folder), required=False) if r
        ),
        override=tuple(o for o in read.items(fields.get("override"), "override", lambda n, p: _override(ctx, n, p), required=False) if o),
    )


def _key_where(fields: Mapping, key: str) -> Where:
    for k, _ in fields.entries:
        if k.text == key:
            return k.where
    return fields.where


def _read_school(read: Reader, node: Node | None, folder: Path, project: Path) -> tuple[dict[str, str], School, dict[str, Where]]:
    fields = read.mapping(node, "school", SCHOOL_KEYS, required=settings.required(settings.SCHOOL)) if node is not None else None
    if fields is None:
        # Already reported: {school.*} placeholders stay as written rather than each being an error of its own.
        return {f"school.{key}": f"{{school.{key}}}" for key in SCHOOL_KEYS if key != "logo"}, School(name=""), {}
    values = {key: (read.file_name if key == "logo" else read.text)(fields.get(key), join("school", key)) for key in SCHOOL_KEYS}
    website = values["website"]
    if website and not website.startswith(("http://", "https://")):
        read.error(fields.get("website").where, "school.website", f"'{website}' is not a web address; expected one starting with https://")
        values["website"] = website = ""
    logo = None
    if values["logo"]:
        logo = _find_logo(read, fields.get("logo"), values["logo"], folder, project)
    variables = {f"school.{key}": value for key, value in values.items() if key != "logo"}
    contact = Contact(address=values["address"], phone=values["phone"], email=values["email"], website=website)
    places = {f"school.{key.text}": key.where for key, _ in fields.entries}
    return variables, School(name=values["name"], logo=logo, contact=contact), places


def _find_logo(read: Reader, node: Node, name: str, folder: Path, project: Path) -> Path | None:
    """The logo relative to the profile's folder, or else to the project folder."""
    if _there(folder / name):
        return check_image(read, node, "school.logo", name, folder)
    if not _there(project / name) and not WINDOWS_PATH.search(name) and not Path(name).is_absolute():
        shown = f"{folder_name(folder)} or {folder_name(project)}"
        read.error(
            node.where,
            "school.logo",
            f"file '{shown_name(name)}' not found in {shown}; expected an image file relative to one of them{closest_file(name, project)}",
        )
        return None
    return check_image(read, node, "school.logo", name, project)


def _there(path: Path) -> bool:
    """Whether something is at `path`; True also when the system cannot tell, so that the reason is reported."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True


def _read_variables(read: Reader, node: Node | None) -> dict[str, str]:
    if node is None:
        return {}
    if not isinstance(node, Mapping):
        read.error(node.where, "variables", "expected a mapping of names to text, such as fair_date: March 14")
        return {}
    return {f"var.{key.text}": read.text(value, join("variables", key.text)) for key, value in node.entries}


def _read_names(read: Reader, node: Node | None, path: str) -> tuple[tuple[str, Where], ...]:
    items = read.items(node, path, lambda n, p: (read.text(n, p, required=True), n.where), required=False)
    return tuple((name, where) for name, where in items if name)


def _section_file(read: Reader, node: Node | None, path: str, folder: Path) -> Path | None:
    name = read.file_name(node, path, required=True)
    if not name:
        return None
    return find(read, node, path, name, folder, what="section file", expected="a YAML file", example="my-school/extra.yaml")


def _addition(read: Reader, node: Node, path: str, folder: Path) -> Addition | None:
    fields = read.mapping(node, path, ("file", "after", "before"), required=("file",))
    if fields is None:
        return None
    after, before = fields.get("after"), fields.get("before")
    if (after is None) == (before is None):
        read.error(node.where, path, "expected exactly one of after: or before: naming the section it goes next to")
        return None
    anchor = read.text(after or before, join(path, "after" if after else "before"), required=True)
    file = _section_file(read, fields.get("file"), join(path, "file"), folder)
    return Addition(file, anchor, before is not None, (after or before).where) if file and anchor else None


def _replacement(read: Reader, node: Node, path: str, folder: Path) -> Replacement | None:
    fields = read.mapping(node, path, ("section", "file"), required=("section", "file"))
    if fields is None:
        return None
    section = read.text(fields.get("section"), join(path, "section"), required=True)
    file = _section_file(read, fields.get("file"), join(path, "file"), folder)
    return Replacement(section, file, fields.get("section").where) if file and section else None


def _override(ctx: BlockContext, node: Node, path: str) -> Override | None:
    read = ctx.read
    fields = read.mapping(node, path, ("section", "block", *by_name), required=("section", "block"))
    if fields is None:
        return None
    kinds = [key for key in fields.keys() if key in by_name]  # after a misspelt kind is read as the one it is closest to
    if len(kinds) != 1:
        read.error(node.where, path, f"expected exactly one new block, written as one of {', '.join(by_name)}: content")
        return None
    section = read.text(fields.get("section"), join(path, "section"), required=True)
    block_node = fields.get("block")
    position = read.text(block_node, join(path, "block"), required=True)
    if position and not position.isdigit():
        read.error(
            block_node.where, join(path, "block"), f"expected the block's position in its section, counting from 1; got '{position}'"
        )
        return None
    block = read_block(ctx, Mapping(((Scalar(kinds[0], node.where, False), fields.get(kinds[0])),), node.where), path)
    if not section or not position or block is None:
        return None
    return Override(section, int(position), block, fields.get("section").where)


def translate_profile(profile: Profile, translated: Path, problems: Problems, cache: NodeCache | None = None) -> Profile:
    """The profile with its words as its translation gives them: school name and address, edition, title, subtitle, variables, overrides."""
    source = load_file(profile.path, Problems())
    if not isinstance(source, Mapping):
        return profile
    plain = Reader(problems)
    plain.use_font(Theme().font)
    root = profile.base.parent
    fields = translated_texts.read_translation(plain, translated, profile.path, source, PROFILE_WORDS, root, cache)
    if fields is None:
        return profile
    school, variables, places = profile.school, dict(profile.variables), dict(profile.school_places)
    given = fields.get("school")
    if given is not None:
        school_fields = plain.mapping(given, "school", settings.translated(settings.SCHOOL))
        for key, value in school_fields.entries if school_fields is not None else ():
            text = plain.text(value, join("school", key.text), required=key.text == "name")
            variables[f"school.{key.text}"] = text
            places[f"school.{key.text}"] = key.where
        contact = replace(school.contact, address=variables["school.address"])
        school = replace(school, name=variables["school.name"], contact=contact)
    if fields.get("variables") is not None:
        given = fields.get("variables")
        translated_texts.check_same_names(plain, given, "variables", _key_where(fields, "variables"), source.get("variables"), profile.path)
        variables.update(_read_variables(plain, fields.get("variables")))
    replaced = dict(profile.settings)
    for key in ("edition", "title", "subtitle"):
        if fields.get(key) is not None:
            replaced[key] = (fields.get(key), _key_where(fields, key))
    override = profile.override
    if fields.get("override") is not None:
        read = Reader(problems, variables)
        read.use_font(Theme().font)
        ctx = BlockContext(read, root)
        found = read.items(fields.get("override"), "override", lambda n, p: _override(ctx, n, p), required=False)
        override = tuple(o for o in found if o)
        if len(override) != len(found) or not _same_overrides(plain, fields, override, profile):
            override = profile.override  # what is wrong is said; the source's stand in, so nothing is said twice
    return replace(profile, school=school, variables=variables, school_places=places, settings=replaced, override=override)


def _same_overrides(read: Reader, fields: Mapping, override: tuple[Override, ...], profile: Profile) -> bool:
    """Whether a translation overrides the blocks its profile overrides, in its order; each one that does not is an error."""
    source = display_path(profile.path)
    count = len(read.problems.errors)
    for number, (got, wanted) in enumerate(zip(override, profile.override), 1):
        if (got.section, got.block) != (wanted.section, wanted.block):
            read.error(
                got.where,
                f"override[{number}]",
                f"replaces section {got.section} block {got.block}, but override {number} of {source} replaces section "
                f"{wanted.section} block {wanted.block}; a translation replaces the same blocks, in the same order",
            )
    if len(override) != len(profile.override):
        read.error(
            _key_where(fields, "override"),
            "override",
            f"gives {len(override)} where {source} gives {len(profile.override)}; a translation replaces the same blocks, in the same order",
        )
    return len(read.problems.errors) == count
