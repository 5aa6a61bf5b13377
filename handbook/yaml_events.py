"""libyaml's parser events composed straight into handbook's nodes.

Anchors, aliases, tags and several documents in one file are refused, and so
are duplicate keys, which PyYAML would silently drop; YAML's errors become one
line each, and the mistakes people make most are told in plain words with the
fix, at the line to change (`_common_mistake`). Only this module imports PyYAML, and only when a file is not in the
cache of parsed files.
"""

from __future__ import annotations

import re

import yaml

from handbook.nodes import Mapping, Node, Scalar, Sequence, quoted
from handbook.problems import Problems, Where

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML was built with it
MAX_NESTING = 40  # levels of mappings and lists in one file


class _Refused(Exception):
    def __init__(self, mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def _compose(text: str, shown: str, problems: Problems) -> Node | None:
    """Build nodes straight from parser events, refusing anchors, aliases, tags and extra documents.

    Iterative, so no nesting depth can exhaust the stack; deeper than MAX_NESTING is refused.
    """
    root: Node | None = None
    lines: list[str] | None = None  # the text's lines, split only when a value is empty
    stack: list[tuple[object, list]] = []  # (start event, children so far)
    documents = 0
    for event in yaml.parse(text, Loader=_Parser):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(event.start_mark, "YAML syntax error: a file holds one YAML document; remove the extra '---' separators")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, "aliases (*name) are not allowed; write the value out in full")
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.anchor is not None:
                raise _Refused(event.start_mark, "anchors (&name) are not allowed; write the value out in full")
            if event.tag is not None and event.tag != "!":
                tag = event.tag if not event.tag.startswith("!!") else "tag:yaml.org,2002:" + event.tag[2:]
                raise _Refused(event.start_mark, f"YAML tags such as {tag!r} are not allowed; write plain values")
        where = Where(shown, event.start_mark.line + 1) if hasattr(event, "start_mark") and event.start_mark else None
        if isinstance(event, yaml.ScalarEvent):
            comment = ""
            if not event.value and not event.style:
                lines = _lines(text) if lines is None else lines
                rest = _line(lines, event.start_mark.line)[event.start_mark.column :].strip()
                comment = rest if rest.startswith("#") else ""
            elif (
                not event.style
                and event.end_mark.line > event.start_mark.line
                and stack
                and isinstance(stack[-1][0], yaml.SequenceStartEvent)
            ):
                lines = _lines(text) if lines is None else lines
                _item_run_on(event, lines, shown, problems)
            node: Node | None = Scalar(event.value, where, quoted=bool(event.style), comment=comment)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_NESTING:
                raise _Refused(event.start_mark, f"nesting is deeper than {MAX_NESTING} levels; a handbook needs far less")
            stack.append((event, []))
            continue
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            start, children = stack.pop()
            start_where = Where(shown, start.start_mark.line + 1)
            if isinstance(start, yaml.SequenceStartEvent):
                node = Sequence(tuple(children), start_where)
            else:
                node = _mapping(children, start_where, problems)
        else:
            continue
        if stack:
            stack[-1][1].append(node)
        else:
            root = node
    return root


def _item_run_on(event, lines: list[str], shown: str, problems: Problems) -> None:
    """A list item whose text runs on to a line starting with '- ': that line was meant as an item of its own,
    but is indented further than the item above, so YAML joined the two without a word."""
    first = event.start_mark.line
    for number in range(first + 1, event.end_mark.line + 1):
        if re.match(r"\s*-(\s|$)", _line(lines, number)):
            text = event.value if len(event.value) <= 80 else event.value[:77] + "..."
            problems.add(
                Where(shown, number + 1),
                (
                    f"this list item is indented further than the item on line {first + 1}, so YAML reads it as more of that "
                    f"item's text ('{text}'); start every '-' of a list in the same column, or quote the text if the '-' belongs to it"
                ),
            )
            return


def _mapping(children: list[Node], where: Where, problems: Problems) -> Mapping:
    entries: list[tuple[Scalar, Node]] = []
    seen: dict[str, Where] = {}
    for key, value in zip(children[0::2], children[1::2]):
        if not isinstance(key, Scalar):
            problems.add(key.where, "a key must be a plain word; expected `name: value`")
            continue
        if key.text in seen:
            problems.add(key.where, f"duplicate key '{key.text}' (first at line {seen[key.text].line}); each key may appear once")
            continue
        seen[key.text] = key.where
        entries.append((key, value))
    return Mapping(tuple(entries), where)


def parse(text: str, shown: str, problems: Problems) -> Node | None:
    """The root node of YAML `text`, or None with the problem recorded; `shown` names the file."""
    try:
        return _compose(text, shown, problems)
    except _Refused as exc:
        problems.add(Where(shown, exc.mark.line + 1), exc.message)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        message = _syntax_message(exc, text)
        plain = None if "tabs" in message or "document" in message else _common_mistake(exc, _lines(text))
        if plain is not None:
            problems.add(Where(shown, plain[0]), plain[1])
        else:
            problems.add(Where(shown, line), f"YAML syntax error: {message}")
        return None
    except yaml.YAMLError as exc:
        problems.add(Where(shown, 1), f"YAML error: {exc}")
        return None


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "tabs cannot indent YAML; use spaces"
    if "expected a single document" in (exc.context or ""):
        return "a file holds one YAML document; remove the extra '---' separators"
    if "\\t" in problem or "tab" in problem:
        return "tabs cannot indent YAML; use spaces"
    if exc.context:
        started = ""
        if exc.context_mark is not None and exc.problem_mark is not None and exc.context_mark.line != exc.problem_mark.line:
            started = f" that starts at line {exc.context_mark.line + 1}"
        return f"{problem} ({exc.context}{started})"
    return problem


def _lines(text: str) -> list[str]:
    """The lines of `text` as YAML counts them (it also breaks lines at \\r, U+0085, U+2028 and U+2029)."""
    return re.split("\r\n|[\r\n\x85\u2028\u2029]", text)


def _line(lines: list[str], number: int) -> str:
    return lines[number] if 0 <= number < len(lines) else ""


_KEY_VALUE = re.compile(r"^\s*(?:-\s+)*([^\s:#'\"][^:#]*?):\s+(\S.*?)\s*$")
_HASH_IN_FLOW = re.compile(r"([A-Za-z_][\w-]*):\s+(#[^,}\]]*)")
_OPENS_QUOTE = re.compile(r"^\s*(?:-\s+)*(?:[^\s:#'\"][^:#]*:\s+)?(['\"])")


def _common_mistake(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str] | None:
    """The mistakes people make most, as (line, message) in plain words with the fix; None for others.

    The line is the one to change, which is not always where YAML noticed the problem:
    an unclosed quote is found lines later, and a `#` that hid the end of a `{...}` on the next line.
    """
    problem, context = exc.problem or "", exc.context or ""
    at, started = exc.problem_mark, exc.context_mark
    if at is None:
        return None
    if (
        "while scanning a quoted scalar" in context
        and started is not None
        and _line(lines, started.line)[started.column : started.column + 1] in ("'", '"')
    ):
        return started.line + 1, _unclosed(_line(lines, started.line)[started.column])
    opened = _unclosed_quote_before(lines, at.line)
    if opened is not None:
        return opened
    if "flow" in context:  # inside {...} or [...]: a `#` may have hidden the closing bracket
        for number in range(min(at.line, len(lines) - 1), -1, -1):
            hidden = _HASH_IN_FLOW.search(lines[number])
            if hidden:
                return number + 1, f"a value starting with # must be quoted: {hidden.group(1)}: {quoted(hidden.group(2).rstrip())}"
            if number < at.line and ("{" in lines[number] or "[" in lines[number]):
                break  # the bracket that was left open is on this line
    if started is not None and "did not find expected ','" in problem and "flow" in context:
        opened = _line(lines, started.line)[started.column : started.column + 1]
        if opened in ("[", "{"):
            kind, closing = ("list", "]") if opened == "[" else ("mapping", "}")
            return started.line + 1, f"the {kind} that starts with {opened} here is never closed; end it with {closing} on the same line"
    if started is not None and problem.startswith("could not find expected ':'") and "simple key" in context:
        written = _line(lines, started.line)
        below = next((text for text in lines[started.line + 1 :] if text.strip() and not text.lstrip().startswith("#")), "")
        if _indent(below) > _indent(written):
            return (
                started.line + 1,
                f"this line has no ':' after its key; a key with its values on the lines below ends with a colon: {written.strip()}:",
            )
        return (
            started.line + 1,
            "this line has no ': ' after its key; write it as name: value, or indent it under the line above if it continues that text",
        )
    line = _line(lines, at.line)
    if problem.startswith("mapping values are not allowed"):
        written = _KEY_VALUE.match(line)
        if written and re.search(r":(\s|$)", written.group(2)):  # a second ': ' on the line, inside the value
            key, value = written.group(1), re.sub(r"\s+#.*$", "", written.group(2))
            if re.fullmatch(r"[a-z_][a-z0-9_]*", key):
                fix = f"{key}: {quoted(value)}"
            else:
                fix = f"- {quoted(key + ': ' + value)}" if line.lstrip().startswith("-") else quoted(f"{key}: {value}")
            return at.line + 1, f"text with ': ' in it must be quoted: {fix}"
        above = next(
            (n for n in range(at.line - 1, -1, -1) if _line(lines, n).strip() and not _line(lines, n).lstrip().startswith("#")), None
        )
        if above is not None and _indent(line) <= _indent(_line(lines, above)) and not re.search(r":(\s|$)", _line(lines, above)):
            return above + 1, "this line has no ': ' after its key, so YAML reads it and the next line as one text; write it as name: value"
        return at.line + 1, (
            "this line is indented further than the line above it, so YAML reads it as more of that line's text; "
            "indent it by as many spaces as the other entries at its level"
        )
    if "expected '-' indicator" in problem or ("<block sequence start>" in problem and "collection" in context):
        item = f" (the first item, on line {started.line + 1}, has {started.column} spaces before its '-')" if started is not None else ""
        return at.line + 1, f"this list item is not lined up with the items above it; start every '-' of a list in the same column{item}"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return at.line + 1, (
            "this line's indentation does not line up with the lines above it; "
            "indent it by as many spaces as the other entries at its level"
        )
    return None


def _unclosed(quote: str) -> str:
    return f"the text that starts with {quote} here is never closed; end it with {quote} on the same line"


def _unclosed_quote_before(lines: list[str], problem_line: int) -> tuple[int, str] | None:
    """A value opened with a quote on an earlier line whose first closing quote is on the line YAML stopped at.

    YAML lets quoted text run over several lines, so a forgotten closing quote swallows
    the lines after it and the error shows up where the next quote happens to be.
    """
    for number in range(problem_line - 1, -1, -1):
        opened = _OPENS_QUOTE.match(_line(lines, number))
        if not opened:
            continue
        quote = opened.group(1)
        if quote in _line(lines, number)[opened.end() :]:
            return None  # closed on its own line: the nearest quoted value is fine
        between = lines[number + 1 : problem_line]
        if all(quote not in text for text in between) and quote in _line(lines, problem_line):
            return number + 1, _unclosed(quote)
        return None
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
