"""libyaml's parser events composed straight into handbook's nodes.

Anchors, aliases, tags and several documents in one file are refused, and so
are duplicate keys, which PyYAML would silently drop; YAML's errors become one
line each. Only this module imports PyYAML, and only when a file is not in the
cache of parsed files.
"""

from __future__ import annotations

import yaml

from handbook.errors import Problems, Where
from handbook.loader import MAX_DEPTH, Mapping, Node, Scalar, Sequence

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML was built with it


class _Refused(Exception):
    def __init__(self, mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def _compose(text: str, shown: str, problems: Problems) -> Node | None:
    """Build nodes straight from parser events, refusing anchors, aliases, tags and extra documents.

    Iterative, so no nesting depth can exhaust the stack; deeper than MAX_DEPTH is refused.
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
                lines = text.split("\n") if lines is None else lines
                rest = lines[event.start_mark.line][event.start_mark.column:].strip()
                comment = rest if rest.startswith("#") else ""
            node: Node | None = Scalar(event.value, where, quoted=bool(event.style), comment=comment)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise _Refused(event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels; a handbook needs far less")
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
        problems.add(Where(shown, line), f"YAML syntax error: {_syntax_message(exc, text)}")
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
