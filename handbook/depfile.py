"""Make dependency files: which files a PDF was built from, like a C compiler's -MD output."""

from __future__ import annotations

from pathlib import Path

from handbook import l10n
from handbook.blocks import by_model
from handbook.fonts import font_files
from handbook.model import Handbook
from handbook.write import write_atomically


def dependencies(handbook: Handbook) -> list[Path]:
    """Every file the PDF of `handbook` depends on: manifest, profile, their translations, sections (and what they translate), images,
    logo, fonts, and the catalog of the tool's words in its language.

    A translated section depends on its source too: a change to the source makes the translation stale, which the build says.
    """
    found: list[Path] = list(handbook.inputs)
    for section in handbook.sections:
        found.append(section.source)
        if section.translates is not None:
            found.append(section.translates)
        found += [path for block in section.blocks for path in by_model[type(block)].files(block)]
    if handbook.school and handbook.school.logo:
        found.append(handbook.school.logo)
    catalog = l10n.catalog_for(handbook.language)
    if catalog is not None:  # the tool's own words in the edition's language
        found.append(l10n.catalog_path(catalog))
    found += font_files(handbook.theme.font)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(Path(path).resolve(), None)
    return list(unique)


def _escape(path: str) -> str:
    return path.replace("$", "$$").replace("#", "\\#").replace(" ", "\\ ")


def _shown(path: Path) -> str:
    """Relative to the working directory where possible, so make matches its own target names."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def write_depfile(depfile: Path, target: Path, deps: list[Path]) -> None:
    """Write `target: deps...` and an empty rule per dependency, so deleting a file does not break make."""
    lines = [f"{_escape(str(target))}: \\"]
    lines += [f"  {_escape(_shown(dep))} \\" for dep in deps]
    lines[-1] = lines[-1].rstrip(" \\")
    lines.append("")
    lines += [f"{_escape(_shown(dep))}:" for dep in deps]
    text = "\n".join(lines) + "\n"
    write_atomically(depfile, lambda out: out.write(text.encode("utf-8")))
