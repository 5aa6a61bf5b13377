"""`handbook translations`: the state of every section's translation, and marking translations current."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.display import display_path
from handbook.errors import ContentError, HandbookError
from handbook.loader import load_file
from handbook.problems import Problems, Where
from handbook.validate import translations
from handbook.validate.paths import is_file

STATES = ("up to date", "stale", "not marked", "missing", "extra")


@dataclass(frozen=True)
class State:
    """One translated file and its state: one of STATES, with what changed in its source when it is stale."""

    state: str
    file: Path
    note: str = ""

    def __str__(self) -> str:
        note = f": {self.note}" if self.note else ""
        return f"{self.state:<10}  {display_path(self.file)}{note}"


def states(manifest: Path | None, school: Path | None, language: str | None) -> tuple[str, list[State]]:
    """The edition's language and the state of each of its sections' translations, in the order of the sections, extra files last."""
    from handbook.build import validated

    loaded = validated(manifest, school, language=language, translate=False)
    handbook = loaded.handbook
    tag = handbook.language
    if translations.is_source_language(tag):
        raise HandbookError(f"the edition's language is {tag}, the sections' own; name the translation's language, such as --language es")
    root = (school and _base_folder(handbook)) or handbook.inputs[0].parent
    found: list[State] = []
    listed: dict[Path, set[str]] = {}
    for section in handbook.sections:
        source = section.source
        listed.setdefault(source.parent, set()).add(source.name)
        translated = translations.translation_of(source, tag)
        if translated is None:
            fallback = "translation_fallback: prints as written" if section.id in handbook.translation_fallback else ""
            found.append(State("missing", translations.expected_path(source, tag), fallback))
            continue
        found.append(_state(translated, source, root))
    for folder, names in listed.items():
        for language_folder in translations.folders(tag):
            for extra in sorted((folder / language_folder).glob("*.yaml")):
                if extra.name not in names:
                    found.append(State("extra", extra, "no section of this edition has this file name"))
    return tag, found


def _base_folder(handbook) -> Path:
    return handbook.inputs[0].parent  # the base guide's manifest comes first


def _state(translated: Path, source: Path, root: Path) -> State:
    problems = Problems()
    node = load_file(translated, problems)
    source_node = load_file(source, problems)
    if node is None:
        return State("not marked", translated, "cannot be read")
    translations.check_translation(translated, node, source, source_node, root, problems)
    if not problems.all:
        return State("up to date", translated)
    message = problems.all[0].message
    if "has changed since" in message:
        what = message.split("marked current: ", 1)[1].rsplit("; bring the translation", 1)[0]
        return State("stale", translated, what)
    return State("not marked", translated)


def mark_current(files: tuple[Path, ...], root: Path) -> list[Path]:
    """Record in each translated file the current content of its source (the same name, one folder up); raise when one cannot be."""
    from handbook.write import write_atomically

    problems = Problems()
    plans = []
    for file in files:
        shown = Where(display_path(file), 1)
        if not is_file(file):
            problems.add(shown, "file not found; expected a translated section file, such as sections/es/introduction.yaml")
            continue
        source = file.resolve().parent.parent / file.name
        if not is_file(source):
            problems.add(
                shown,
                f"its source {display_path(source)} is not there; a translation lives in a language folder beside its source "
                "(sections/es/introduction.yaml translates sections/introduction.yaml)",
            )
            continue
        source_node = load_file(source, problems)
        if load_file(file, problems) is None or source_node is None:
            continue
        plans.append((file, translations.mark_current(file, source, source_node, root)))
    if problems.errors:
        raise ContentError(list(problems.errors))
    for file, text in plans:
        write_atomically(file, lambda out, text=text: out.write(text.encode("utf-8")))
    return [file for file, _ in plans]
