"""The message catalogs of the tool's own words: `python -m handbook.catalogs` (make catalogs) extracts them.

Every string marked `_()` or `N_()` in the package goes into `handbook/locale/handbook.pot`;
each language's `handbook.po` is then brought up to date with it (new strings added
untranslated, gone ones dropped), keeping its translations. Nothing compiled is kept:
the build reads the .po files as they are.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from handbook.l10n import DOMAIN, LOCALE_DIR, available, catalog_path

PACKAGE = Path(__file__).parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)  # catalogs change only when their strings do
HEADER = "The handbook tool's own words: contents title, page numbers, table headings, chart words and notes."


def extracted():
    """A Babel catalog of every string the package marks for translation, where each is used (file, no line)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(
        project="handbook", domain=DOMAIN, header_comment=f"# {HEADER}", fuzzy=False, creation_date=_EPOCH, revision_date=_EPOCH
    )
    found = extract_from_dir(PACKAGE, method_map=[("**.py", "python")], keywords={"_": None, "N_": None}, comment_tags=("TRANSLATORS:",))
    for filename, _lineno, message, comments, context in sorted(found, key=lambda m: (m[0], m[1])):
        catalog.add(message, locations=[(f"handbook/{filename}", None)], auto_comments=comments, context=context)
    return catalog


def _written(catalog, **options) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False, include_lineno=False, sort_output=True, **options)
    return out.getvalue()


def template_text() -> bytes:
    """The .pot as `make catalogs` writes it."""
    return _written(extracted())


def updated(language: str) -> bytes:
    """`language`'s .po brought up to date with the strings of the code, its translations kept."""
    from babel.messages.pofile import read_po

    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    catalog.update(extracted(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return _written(catalog, ignore_obsolete=True)


def main() -> None:
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(template_text())
    print(f"wrote {TEMPLATE.relative_to(PACKAGE.parent)}")
    for language in available():
        catalog_path(language).write_bytes(updated(language))
        print(f"updated {catalog_path(language).relative_to(PACKAGE.parent)}")


if __name__ == "__main__":
    main()
