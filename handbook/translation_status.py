"""`handbook translations`: the state of every section's translation, and marking translations current."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.display import display_path
from handbook.errors import ContentError, HandbookError
from handbook.loader import load_file
from handbook.problems import Problems, Where
from handbook.validate import translations
from handbook.validate.handbook import listed_sections, written_in
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


def states(manifest: Path | None, school: Path | None, language: str | None) -> list[tuple[str, list[State]]]:
    """For each language asked for (--language, else the edition's `translations:`), the state of each translated file.

    The manifest's and the profile's own words come first, then the sections in their order, extra files last.
    """
    from handbook.build import validated

    loaded = validated(manifest, school, language=language, translate=False)
    handbook = loaded.handbook
    base = handbook.inputs[0]  # the base guide's manifest comes first
    source = written_in(base)
    tags = [language] if language else [tag for tag in handbook.translations if translations.needs_translation(tag, source)]
    if not tags or not translations.needs_translation(tags[0], source):
        raise HandbookError(
            f"the edition's files are written in {source}, and no other language is asked for; name the translation's language, "
            "such as --language es, or list the languages under translations: in the manifest or profile"
        )
    return [(tag, _states(handbook, base, school, tag)) for tag in tags]


def _states(handbook, base: Path, school: Path | None, tag: str) -> list[State]:
    root = base.parent
    found: list[State] = []
    fallback = handbook.translation_fallback
    for own in (base, school) if school is not None else (base,):
        translated = translations.translation_of(own, tag)
        if translated is not None:
            found.append(_state(translated, own, root))
        elif own.stem in fallback:
            found.append(State("missing", translations.expected_path(own, tag), "translation_fallback: prints as written"))
        elif own == base or _profile_has_words(own):
            found.append(State("missing", translations.expected_path(own, tag)))
    listed: dict[Path, set[str]] = {}
    for name in listed_sections(base):  # a section a school leaves out has no extra translation
        listed.setdefault((root / name).parent, set()).add(Path(name).name)
    for section in handbook.sections:
        source = section.source
        listed.setdefault(source.parent, set()).add(source.name)
        translated = translations.translation_of(source, tag)
        if translated is None:
            note = "translation_fallback: prints as written" if section.id in fallback else ""
            found.append(State("missing", translations.expected_path(source, tag), note))
            continue
        found.append(_state(translated, source, root))
    for folder, names in listed.items():
        for language_folder in translations.folders(tag):
            for extra in sorted((folder / language_folder).glob("*.yaml")):
                if extra.name not in names:
                    found.append(State("extra", extra, "no section of this edition has this file name"))
    return found


def _profile_has_words(path: Path) -> bool:
    from handbook.validate.profile import read_profile

    profile = read_profile(path, Problems())
    return profile is not None and profile.has_words


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
    """Record in each translated file the current words of its source (the same name, one folder up); raise when one cannot be."""
    from handbook.write import write_atomically

    problems = Problems()
    plans = []
    for file in files:
        shown = Where(display_path(file), 1)
        if not is_file(file):
            problems.add(shown, "file not found; expected a translated file, such as sections/es/introduction.yaml or es/handbook.yaml")
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
