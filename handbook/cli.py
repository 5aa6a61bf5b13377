"""The `handbook` command line: parses options and calls one function per command."""

from __future__ import annotations

from pathlib import Path

import click

from handbook import __version__

MANIFEST_ARG = click.argument("manifest", type=click.Path(path_type=Path, dir_okay=False), default="handbook.yaml")


def _print_warnings(warnings) -> None:
    for warning in warnings:
        click.echo(str(warning), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handbook")
def main() -> None:
    """Turn career-guide YAML sections into a print-ready PDF handbook.

    \b
    Example:
      handbook build                      # ./handbook.yaml -> build/<title>.pdf
      handbook check handbook.yaml        # report every content problem
    """


@main.command()
@MANIFEST_ARG
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write the PDF (default: build/<slug of title>.pdf).")
def build(manifest: Path, output: Path | None) -> None:
    """Build the PDF handbook described by MANIFEST.

    \b
    Example:
      handbook build handbook.yaml -o build/fair.pdf
    """
    from handbook.build import build_handbook

    result = build_handbook(manifest, output)
    _print_warnings(result.warnings)
    click.echo(f"wrote {result.output} ({result.pages} pages)")


@main.command()
@MANIFEST_ARG
def check(manifest: Path) -> None:
    """Validate MANIFEST and every section file without rendering; report all problems at once.

    \b
    Example:
      handbook check handbook.yaml
    """
    from handbook.build import load_handbook

    handbook, warnings = load_handbook(manifest)
    _print_warnings(warnings)
    click.echo(f"{manifest}: ok ({len(handbook.sections)} sections)")


@main.command()
@MANIFEST_ARG
def sections(manifest: Path) -> None:
    """List the sections of MANIFEST in order: number, title and file.

    \b
    Example:
      handbook sections handbook.yaml
    """
    from handbook.build import load_handbook
    from handbook.loader import display_path

    handbook, _ = load_handbook(manifest)
    for number, section in enumerate(handbook.sections, start=1):
        click.echo(f"{number:>2}. {section.title}  ({display_path(section.source)})")


@main.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
def new(directory: Path) -> None:
    """Create DIRECTORY as a new handbook project with the default guide's sections.

    \b
    Example:
      handbook new nursing-guide && cd nursing-guide && handbook build
    """
    from handbook.scaffold import new_project

    created = new_project(directory)
    click.echo(f"created {directory} with {len(created)} files; run 'handbook build' inside it")
