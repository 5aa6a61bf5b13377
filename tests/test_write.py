"""Atomic writes: the target appears whole or not at all."""

from __future__ import annotations

import pytest

from handbook.errors import OutputError
from handbook.write import check_target, write_atomically


def test_success_replaces_the_target(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    assert write_atomically(target, lambda out: out.write(b"new")) == 3
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_an_exception_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def fail(out):
        out.write(b"partial")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_atomically(target, fail)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_a_parent_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        check_target(tmp_path / "file" / "a.pdf")


def test_a_full_disk_is_a_clear_error(tmp_path):
    target = tmp_path / "a.pdf"

    def fill(out):
        with open("/dev/full", "wb") as full:
            full.write(b"x")
            full.flush()

    with pytest.raises(OutputError, match="writing failed"):
        write_atomically(target, fill)
    assert list(tmp_path.iterdir()) == []
