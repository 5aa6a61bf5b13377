"""The nodes a YAML file is loaded into: values as typed, each with the place it came from.

Also their plain form (tuples of text and lines), in which the cache keeps parsed files.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.problems import Where

NODES_FORMAT = 2  # raise when the plain form of nodes changes


@dataclass(frozen=True)
class Scalar:
    """A single value as typed; `quoted` is False for plain scalars.

    `comment` keeps a `# ...` comment that stands where an empty value should be
    (`primary: #0f5e7a` is a key with no value), so a message can show the fix.
    """

    text: str
    where: Where
    quoted: bool
    comment: str = ""

    @property
    def is_null(self) -> bool:
        return not self.quoted and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True)
class Mapping:
    """Key/value pairs in source order; keys are scalars."""

    entries: tuple[tuple[Scalar, Node], ...]
    where: Where

    def get(self, key: str) -> Node | None:
        for k, value in self.entries:
            if k.text == key:
                return value
        return None

    def keys(self) -> list[str]:
        return [k.text for k, _ in self.entries]


@dataclass(frozen=True)
class Sequence:
    """A list of nodes."""

    items: tuple[Node, ...]
    where: Where


Node = Scalar | Mapping | Sequence


def quoted(text: str) -> str:
    """`text` written as a quoted YAML value, for messages that show the fix: in double
    quotes, or in single quotes when it holds double ones."""
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def as_plain_data(node: Node):
    """A node as plain data (for the on-disk cache): its kind, line, and content."""
    if isinstance(node, Scalar):
        return ("s", node.where.line, node.text, node.quoted, node.comment)
    if isinstance(node, Sequence):
        return ("q", node.where.line, tuple(as_plain_data(item) for item in node.items))
    return ("m", node.where.line, tuple((as_plain_data(key), as_plain_data(value)) for key, value in node.entries))


def from_plain_data(plain, shown: str) -> Node:
    """The node `as_plain_data` was made from, its places shown as `shown`."""
    kind, line = plain[0], plain[1]
    if kind == "s":
        return Scalar(plain[2], Where(shown, line), plain[3], plain[4])
    if kind == "q":
        return Sequence(tuple(from_plain_data(item, shown) for item in plain[2]), Where(shown, line))
    if kind == "m":
        return Mapping(tuple((from_plain_data(key, shown), from_plain_data(value, shown)) for key, value in plain[2]), Where(shown, line))
    raise ValueError(kind)
