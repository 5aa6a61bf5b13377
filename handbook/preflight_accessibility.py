"""What a PDF posted online needs for screen readers (WCAG 2.1 AA, PDF/UA-1): tags, a language,
a title, figures described in words, and links in reading order.

Read from the finished file, as a screen reader meets it; `preflight` reports it beside what a
print shop checks. Messages say what a reader loses and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.problems import counted

ROLE_MAP_DEPTH = 10  # a role mapped to a role ... this many times is taken as a loop
PLACEHOLDER_TITLES = {"untitled"}  # what a PDF library writes when it is given no title (ReportLab does)


@dataclass
class Accessibility:
    """Accessibility findings: one fact line, failures (fix before posting online) and warnings."""

    fact: str
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Structure:
    """What the structure tree holds: how many elements, and the page (or None) of each figure with and without /Alt."""

    elements: int = 0
    described: list[int | None] = field(default_factory=list)
    undescribed: list[int | None] = field(default_factory=list)


def check_accessibility(reader, print_only: bool = False) -> Accessibility:
    """Check the PDF that pypdf's `reader` has open: tags, language, title, figures' alternative text, tab order.

    `print_only` leaves out the advice to check a printer's file with --print-only.
    """
    catalog = reader.trailer["/Root"]
    tree = _get(catalog, "/StructTreeRoot")
    structure = _walk(tree, reader) if tree is not None else None
    shown = [counted(structure.elements, "structure element")] if structure else []
    failures = _tagging(catalog, tree, print_only)
    language = str(_get(catalog, "/Lang", "")).strip()
    shown.append(f"language {language}" if language else "no language")
    if not language:
        failures.append(
            "the PDF does not say its language (no /Lang in its catalog): a screen reader cannot choose the voice to "
            "read it with and may mispronounce every word; set language: in handbook.yaml (a BCP 47 tag such as en-US) "
            "and build it again"
        )
    title = _title(reader)
    shown.append(f'title "{title}"' if title else "no title")
    failures += _title_problems(title, catalog)
    warnings = []
    if structure is not None:
        shown.append(_figures_fact(structure))
        failures += _undescribed_figures(structure)
        warnings += _tab_order(reader)
    return Accessibility(f"{'tagged' if structure else 'untagged'} PDF: {', '.join(shown)}", failures, warnings)


def _tagging(catalog, tree, print_only: bool) -> list[str]:
    """A structure tree, with its parent tree, in a catalog that says the PDF is tagged."""
    if tree is None:
        return [
            "the PDF is not tagged (it has no structure tree): a screen reader cannot tell its headings, lists, tables "
            "and pictures from body text, nor read them in order; post the PDF that handbook build writes, which is "
            + ("tagged" if print_only else "tagged, and check a file that is only for the printer (such as a booklet) with --print-only")
        ]
    problems = []
    if not _is_true(_get(catalog, "/MarkInfo", {}), "/Marked"):
        problems.append(
            "the PDF has a structure tree but does not say it is tagged (its catalog lacks /MarkInfo /Marked true): "
            "a screen reader may ignore the tags and read the pages as drawn; build it again with handbook build"
        )
    if "/ParentTree" not in tree:
        problems.append(
            "the structure tree has no /ParentTree: a screen reader cannot find which heading, paragraph or figure "
            "the text on a page belongs to; build it again with handbook build"
        )
    return problems


def _title_problems(title: str, catalog) -> list[str]:
    """A title that says what the document is, shown in the viewer's window."""
    problems = []
    if title.lower() in PLACEHOLDER_TITLES:
        problems.append(
            f'the PDF\'s title is "{title}", which is what a PDF library writes when it is given none: a screen reader '
            f'announces "{title}", which does not say what the document is; give it a real title and build it again'
        )
    elif not title:
        problems.append(
            "the PDF has no title (neither /Title in its document information nor dc:title in its XMP metadata): a "
            "screen reader announces the file name instead, which does not say what the document is; give it a "
            "title and build it again"
        )
    if not _is_true(_get(catalog, "/ViewerPreferences", {}), "/DisplayDocTitle"):
        problems.append(
            "the PDF does not ask viewers to show its title (its catalog lacks /ViewerPreferences /DisplayDocTitle "
            "true): the window and a screen reader name the file, not the document; build it again with handbook build"
        )
    return problems


def _undescribed_figures(structure: Structure) -> list[str]:
    count = len(structure.undescribed)
    if not count:
        return []
    where = _pages([page for page in structure.undescribed if page is not None])
    one = count == 1
    return [
        f"{counted(count, 'figure')} {'has' if one else 'have'} no alternative text (/Alt){f', on {where}' if where else ''}: "
        f"a screen reader cannot say what {'it shows' if one else 'they show'}, so a reader who cannot see "
        f"{'it' if one else 'them'} misses it; describe each picture in its alt: and build it again"
    ]


def _tab_order(reader) -> list[str]:
    """Pages with annotations whose tab order is not the structure's (PDF/UA asks /Tabs /S)."""
    unordered = [number for number, page in enumerate(reader.pages, start=1) if _get(page, "/Annots") and _get(page, "/Tabs") != "/S"]
    if not unordered:
        return []
    return [
        f"{_pages(unordered)} {'has' if len(unordered) == 1 else 'have'} links or other annotations but no tab order "
        "(/Tabs /S): a keyboard or screen reader user may reach them out of reading order; build it again with handbook build"
    ]


def _get(dictionary, key: str, default=None):
    """`dictionary[key]` with references followed, or `default` when it is missing."""
    found = dictionary.get(key)
    return default if found is None else found.get_object()


def _is_true(dictionary, key: str) -> bool:
    """Whether `dictionary[key]` is the PDF boolean true."""
    return getattr(_get(dictionary, key), "value", None) is True


def _title(reader) -> str:
    """The title in the document information, else the one in the XMP metadata; '' when neither has one."""
    from xml.parsers.expat import ExpatError

    info = reader.metadata
    title = str(info.title or "").strip() if info else ""
    if title:
        return title
    try:
        xmp = reader.xmp_metadata
        titles = (xmp.dc_title or {}) if xmp is not None else {}
    except (ExpatError, ValueError):
        return ""  # metadata that is not XML names no title
    found = titles.get("x-default") or next(iter(titles.values()), "")
    return str(found or "").strip()


def _figures_fact(structure: Structure) -> str:
    total = len(structure.described) + len(structure.undescribed)
    if not structure.undescribed:
        return f"{counted(total, 'figure')} with alternative text" if total else "no figures"
    return f"{counted(total, 'figure')} ({len(structure.undescribed)} without alternative text)"


def _pages(numbers: list[int]) -> str:
    """'page 3', 'pages 3 and 7', 'pages 2-4, 7 and 9': sorted, runs joined."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    shown = [str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]
    if not shown:
        return ""
    if len(shown) == 1:
        return f"page{'s' if len(runs[0]) > 1 else ''} {shown[0]}"
    return f"pages {', '.join(shown[:-1])} and {shown[-1]}"


def _walk(tree, reader) -> Structure:
    """Count the structure elements under the root `tree` and note each figure's page and whether it has /Alt."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1) if page.indirect_reference}
    role_map = _get(tree, "/RoleMap", {})
    found = Structure()
    seen: set[int] = set()
    pending = [(tree.get("/K"), None)]  # (kid, the page its parent is on)
    while pending:
        kid, page = pending.pop()
        if isinstance(kid, IndirectObject):
            if kid.idnum in seen:
                continue  # a tree that loops back on itself
            seen.add(kid.idnum)
            kid = kid.get_object()
        if isinstance(kid, ArrayObject):
            pending += [(item, page) for item in reversed(kid)]
            continue
        if not isinstance(kid, DictionaryObject) or "/S" not in kid or _get(kid, "/Type") in ("/MCR", "/OBJR"):
            continue  # marked content, or an annotation: the element holding it has been counted
        found.elements += 1
        page = kid.raw_get("/Pg") if "/Pg" in kid else page
        if _standard(str(kid["/S"]), role_map) == "/Figure":
            number = _page_number(kid, page, numbers)
            described = str(_get(kid, "/Alt", "")).strip()
            (found.described if described else found.undescribed).append(number)
        pending.append((kid.get("/K"), page))
    return found


def _standard(role: str, role_map) -> str:
    """The standard structure type a role stands for, following the tree's /RoleMap."""
    for _ in range(ROLE_MAP_DEPTH):
        mapped = _get(role_map, role)
        if mapped is None:
            break
        role = str(mapped)
    return role


def _page_number(element, page, numbers: dict[int, int]) -> int | None:
    """The page an element is on: its own or an ancestor's /Pg, else that of the content it marks."""
    from pypdf.generic import ArrayObject, DictionaryObject

    if page is None:
        kids = _get(element, "/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            kid = kid.get_object() if kid is not None else None
            if isinstance(kid, DictionaryObject) and "/Pg" in kid:
                page = kid.raw_get("/Pg")
                break
    idnum = getattr(page, "idnum", None)
    return numbers.get(idnum) if idnum is not None else None
