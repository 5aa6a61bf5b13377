"""The YAML loader keeps positions and typed text, and refuses what PyYAML would silently accept."""

from __future__ import annotations

from handbook.loader import load_bytes
from handbook.nodes import Mapping, Scalar, Sequence
from handbook.problems import Problems


def load(text: str | bytes):
    problems = Problems()
    data = text.encode() if isinstance(text, str) else text
    node = load_bytes(data, "f.yaml", problems)
    return node, [str(p) for p in problems.errors]


def test_nodes_remember_their_lines():
    node, errors = load("title: T\nblocks:\n  - paragraph: Hi\n")
    assert errors == []
    assert isinstance(node, Mapping)
    blocks = node.get("blocks")
    assert isinstance(blocks, Sequence)
    assert blocks.items[0].where.line == 3


def test_values_stay_as_typed_not_yaml_1_1_types():
    node, _ = load("a: no\nb: 2024-09-01\nc: 010\nd: 1:30\ne: 1.10\n")
    assert [node.get(k).text for k in "abcde"] == ["no", "2024-09-01", "010", "1:30", "1.10"]


def test_quoted_and_null_scalars():
    node, _ = load("a: ''\nb:\nc: ~\nd: 'null'\n")
    assert node.get("a").quoted and not node.get("a").is_null
    assert node.get("b").is_null and node.get("c").is_null
    assert not node.get("d").is_null


def test_duplicate_keys_are_reported_with_both_lines():
    _, errors = load("a: 1\nb: 2\na: 3\n")
    assert errors == ["f.yaml:3: duplicate key 'a' (first at line 1); each key may appear once"]


def test_aliases_anchors_and_tags_are_refused():
    assert "anchors" in load("a: &x 1\nb: *x\n")[1][0]
    assert "tags" in load("a: !!str 1\n")[1][0]


def test_bom_is_ignored():
    node, errors = load(b"\xef\xbb\xbftitle: T\n")
    assert errors == [] and node.get("title").text == "T"


def test_deep_nesting_is_refused_without_a_traceback():
    node, errors = load("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert node is None
    assert "nesting" in errors[0]


def test_oversized_file_is_refused():
    node, errors = load("a: " + "x" * 1_100_000 + "\n")
    assert node is None and "bytes" in errors[0]


def test_a_bare_scalar_document_loads_as_a_scalar():
    node, errors = load("just text\n")
    assert isinstance(node, Scalar) and errors == []


CACHED = """title: "Quoted: yes"
blocks:
  - paragraph: no
  - bullets: [one, "", ~]
  - nested: {a: [1, {b: c}]}
theme:
  primary: #0f5e7a
"""


def test_a_file_read_back_from_the_cache_is_the_file_parsed(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    parsed, errors = load(CACHED)
    assert errors == [] and any((tmp_path / "handbook").glob("yaml-*"))
    again = load_bytes(CACHED.encode(), "other/f.yaml", Problems())
    assert again == _shown_as(parsed, "other/f.yaml")
    assert again.get("title").quoted and not again.get("blocks").items[0].get("paragraph").quoted
    assert again.get("theme").get("primary").comment == "#0f5e7a"


def test_an_empty_value_keeps_the_comment_that_stands_in_its_place():
    node, errors = load("primary: #0f5e7a  \naccent:   # the school colour\nsteps:\n  - #1 Apply\nfont: ''\n")
    assert errors == []
    assert node.get("primary").is_null and node.get("primary").comment == "#0f5e7a"
    assert node.get("accent").comment == "# the school colour"
    assert node.get("steps").items[0].comment == "#1 Apply"
    assert node.get("font").comment == ""


def _shown_as(node, shown):
    from dataclasses import replace

    where = replace(node.where, file=shown)
    if isinstance(node, Scalar):
        return replace(node, where=where)
    if isinstance(node, Sequence):
        return Sequence(tuple(_shown_as(item, shown) for item in node.items), where)
    return Mapping(tuple((_shown_as(k, shown), _shown_as(v, shown)) for k, v in node.entries), where)


def test_a_file_with_problems_is_not_kept_and_reports_them_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for _ in range(2):
        _, errors = load("title: A\ntitle: B\n")
        assert errors and "duplicate key 'title'" in errors[0]
    assert not any((tmp_path / "handbook").glob("yaml-*"))


def test_unchanged_files_are_read_without_importing_pyyaml(tmp_path):
    import subprocess
    import sys

    from tests.conftest import DEFAULT_MANIFEST

    code = (
        "import sys; from handbook.build import validated; validated(__import__('pathlib').Path(sys.argv[1])); print('yaml' in sys.modules)"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(DEFAULT_MANIFEST)], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]
