"""Atomic writes: the target appears whole or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_a_check_sees_the_whole_file_before_it_is_put_in_place(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    seen = []

    def refuse(written: Path) -> None:
        seen.append((written.read_bytes(), target.read_bytes()))
        raise RuntimeError("not fit to print")

    with pytest.raises(RuntimeError):
        write_atomically(target, lambda out: out.write(b"new"), refuse)
    assert seen == [(b"new", b"old")]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    write_atomically(target, lambda out: out.write(b"new"), lambda written: None)
    assert target.read_bytes() == b"new"


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


WRITER = """
import sys
from pathlib import Path
from handbook.write import write_atomically

def produce(out):
    out.write(b"partial")
    out.flush()
    print("writing", flush=True)
    sys.stdin.readline()  # hold here until told to finish (or killed)
    out.write(b" finished")

write_atomically(Path(sys.argv[1]), produce)
"""


def start_writer(target: Path) -> subprocess.Popen:
    """A real process that stops mid-write of `target`, its temporary file open."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline() == "writing\n"
    return writer


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_writer_killed_mid_write_leaves_a_temporary_that_the_next_write_removes(tmp_path):
    target = tmp_path / "h.pdf"
    writer = start_writer(target)
    writer.kill()  # SIGKILL: no clean-up runs
    writer.wait()
    writer.stdin.close()
    writer.stdout.close()
    left = temporaries(tmp_path)
    assert len(left) == 1 and left[0].startswith(".h.pdf.")
    write_atomically(target, lambda out: out.write(b"new"))
    assert temporaries(tmp_path) == []
    assert target.read_bytes() == b"new"


def test_a_live_writer_keeps_its_temporary_and_finishes(tmp_path):
    target = tmp_path / "h.pdf"
    writer = start_writer(target)
    try:
        mine = temporaries(tmp_path)
        write_atomically(target, lambda out: out.write(b"other"))
        assert temporaries(tmp_path) == mine and len(mine) == 1
        assert target.read_bytes() == b"other"
    finally:
        writer.communicate("go on\n")
    assert writer.returncode == 0
    assert target.read_bytes() == b"partial finished"
    assert temporaries(tmp_path) == []


def test_only_temporaries_of_the_same_target_and_naming_are_removed(tmp_path):
    target = tmp_path / "h.pdf"
    others = [".h.pdf.notes.tmp", ".h.pdf.x1y2z3.tmp", ".other.pdf.999999999-0.abc.tmp", "h.pdf.999999999-0.abc.tmp"]
    for name in others:
        (tmp_path / name).write_bytes(b"keep")
    write_atomically(target, lambda out: out.write(b"new"))
    assert temporaries(tmp_path) == sorted(others)


def test_a_temporary_from_before_a_restart_is_stale_even_if_its_process_id_is_in_use(tmp_path):
    target = tmp_path / "h.pdf"
    stale = tmp_path / f".h.pdf.{os.getpid()}-000000000000.abcdefgh.tmp"  # this process's id, another boot
    stale.write_bytes(b"old")
    write_atomically(target, lambda out: out.write(b"new"))
    assert temporaries(tmp_path) == []
