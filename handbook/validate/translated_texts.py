"""The words of a manifest or profile in an edition's language: read from its translation, beside it in a language folder.

`es/handbook.yaml` gives the Spanish of `handbook.yaml`'s title, subtitle, career, organisation, edition
and keywords; `schools/es/riverside.yaml` the Spanish of the profile's edition, title, subtitle, school
name and address, variables and overrides (the settings declared `translated` in handbook/settings.py).
A translation gives every one of them its source gives, and nothing else but its `translates:` mapping;
what it gives is checked against its source like a section's (validate/translations.py).
"""

from __future__ import annotations

from pathlib import Path

from handbook import settings
from handbook.display import display_path
from handbook.languages import check_language
from handbook.loader import load_file
from handbook.node_cache import NodeCache
from handbook.nodes import Mapping, Node, Scalar, Sequence
from handbook.problems import Problems, Where
from handbook.validate import translations
from handbook.validate.fields import Reader, join, suggest


def asked_languages(path: Path) -> tuple[str, ...]:
    """The languages a manifest or profile asks its edition to be made in besides its own: its `translations:`, else (a profile's)
    its base guide's.

    Read without validating (validation reports a wrong value); a language that is the edition's own is left out.
    """
    own = _mapping(path)
    base = None
    if own is not None and own.get("sections") is None:  # a profile: its base guide says what it does not
        name = own.get("handbook")
        base = _mapping(
            path.parent / (name.text if isinstance(name, Scalar) and not name.is_null else settings.PROFILE["handbook"].default)
        )
    asked = _tags(own, "translations")
    asked = _tags(base, "translations") if asked is None else asked
    language = (_tags(own, "language") or _tags(base, "language") or (settings.PROFILE["language"].default,))[0]
    return tuple(dict.fromkeys(tag for tag in asked or () if not translations.same_language(tag, language)))


def _mapping(path: Path) -> Mapping | None:
    node = load_file(path, Problems())
    return node if isinstance(node, Mapping) else None


def _tags(node: Mapping | None, key: str) -> tuple[str, ...] | None:
    """The checked tags of a one-tag or list setting; None when it is not given."""
    value = node.get(key) if node is not None else None
    if isinstance(value, Scalar) and not value.is_null:
        value = Sequence((value,), value.where)
    if not isinstance(value, Sequence):
        return None
    return tuple(tag for item in value.items if isinstance(item, Scalar) for tag in [check_language(item.text)[0]] if tag)


def find_translation(read: Reader, source: Path, edition: str, fallback: frozenset[str], has_words: bool) -> Path | None:
    """The translation of a manifest or profile into `edition`; a missing one is an error at its first line, unless it may fall back."""
    translated = translations.translation_of(source, edition)
    if translated is None and has_words and source.stem not in fallback:
        expected = display_path(translations.expected_path(source, edition))
        read.problems.add(
            Where(display_path(source), 1),
            f"'{display_path(source)}' has no translation into {edition}: {expected} is not there; translate its {_listed(source)} "
            f"into {edition} there, or list '{source.stem}' under translation_fallback to print them as written",
        )
    return translated


def _listed(source: Path) -> str:
    return "title, subtitle, career, organisation, edition and keywords" if source.name == "handbook.yaml" else "words"


def read_translation(
    read: Reader, translated: Path, source: Path, source_fields: Mapping, allowed: tuple[str, ...], root: Path, cache: NodeCache | None
) -> Mapping | None:
    """The translation's mapping, checked: only `allowed` keys and `translates:`, each translated key its source gives, and still current."""
    node = load_file(translated, read.problems, cache)
    if node is None:
        return None
    fields = read.mapping(node, "", ("translates", *allowed))
    if fields is None:
        return None
    for key in allowed:
        if key == "school":  # a school's name is its own; its translation may leave it as it is
            continue
        given = source_fields.get(key)
        if given is not None and not (isinstance(given, Scalar) and given.is_null) and fields.get(key) is None:
            read.error(
                fields.where,
                key,
                f"is missing; {display_path(source)} gives {key}: at line {given.where.line}, so its translation gives it too",
            )
    source_node = load_file(source, Problems(), cache)
    translations.check_translation(translated, node, source, source_node, root, read.problems)
    return fields


def check_same_names(read: Reader, node: Node | None, path: str, where: Where, source: Node | None, source_file: Path) -> None:
    """A translated mapping (variables) names only what its source names, and all of it; `where` is its key's line."""
    names = {key.text: key.where for key, _ in source.entries} if isinstance(source, Mapping) else {}
    given = [key.text for key, _ in node.entries] if isinstance(node, Mapping) else []
    for key, _ in node.entries if isinstance(node, Mapping) else ():
        if key.text not in names:
            read.error(
                key.where,
                join(path, key.text),
                f"{display_path(source_file)} has no {join(path, key.text)} to translate{suggest(key.text, names)}",
            )
    for name, line in names.items():
        if name not in given:
            read.error(
                where,
                path,
                f"gives no translation of {name}; {display_path(source_file)} has {join(path, name)} at line {line.line}, "
                "so its translation gives it too",
            )
