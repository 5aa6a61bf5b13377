"""The on-disk cache: plain data back as stored, anything damaged or unwritable ignored."""

from __future__ import annotations

import os

import pytest

from handbook import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "handbook"


def test_stored_data_comes_back(folder):
    value = {"widths": [1, 2, 3], "points": frozenset({65, 66}), "name": b"Lato"}
    cache.store("kind", "abc", value)
    assert cache.load("kind", "abc") == value
    assert [p.name for p in folder.iterdir()] == ["kind-abc"]  # no partial file left behind


def test_missing_or_damaged_entries_read_as_nothing(folder):
    assert cache.load("kind", "absent") is None
    cache.store("kind", "abc", list(range(1000)))
    entry = folder / "kind-abc"
    entry.write_bytes(entry.read_bytes()[:100])
    assert cache.load("kind", "abc") is None


def test_what_is_not_plain_data_is_not_stored(folder):
    cache.store("kind", "abc", {"f": lambda: 1})
    assert cache.load("kind", "abc") is None


def test_an_unwritable_cache_folder_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    cache.store("kind", "abc", [1])  # no error
    assert cache.load("kind", "abc") is None


def test_keys_differ_with_the_bytes_and_with_the_versions():
    assert cache.key([b"font"]) == cache.key([b"font"])
    assert cache.key([b"font"]) != cache.key([b"fonts"])
    assert cache.key([b"font", b"s"]) != cache.key([b"fonts"])
    assert cache.key([b"font"], "reportlab 4.0") != cache.key([b"font"], "reportlab 4.1")


def test_the_folder_keeps_the_newer_half_when_it_grows_past_its_limit(folder, monkeypatch):
    monkeypatch.setattr(cache, "ENTRIES_KEPT", 10)
    for n in range(11):
        cache.store("kind", f"e{n:02d}", n)
        os.utime(folder / f"kind-e{n:02d}", ns=(n * 10**9, n * 10**9))
    cache.store("kind", "newest", 99)
    left = sorted(p.name for p in folder.iterdir())
    assert left == ["kind-e06", "kind-e07", "kind-e08", "kind-e09", "kind-e10", "kind-newest"]
    assert cache.load("kind", "newest") == 99
