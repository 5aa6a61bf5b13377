"""Output paths that cannot be written: clear messages, nothing left behind, earlier PDFs kept."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from handbook.cli import main
from handbook.resources import fonts_dir


def test_parent_that_is_a_file(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    (project.root / "taken").write_text("a file")
    result = CliRunner().invoke(main, ["build", "-o", "taken/guide.pdf"])
    assert result.exit_code == 1
    assert "taken/guide.pdf: '" in result.output and "is a file, so no folder can be made there" in result.output
    assert (project.root / "taken").read_text() == "a file"


def _readable_by_everyone(path: Path) -> bool:
    return all(p.stat().st_mode & stat.S_IXOTH for p in [path, *path.parents] if p.is_dir()) and path.stat().st_mode & stat.S_IROTH


@contextmanager
def unprivileged():
    """Act as the user nobody (root may write anywhere, so a permission test needs another user).

    Only the effective ids change, so root's ids can be taken back afterwards.
    """
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_folder_without_write_permission():
    fonts = fonts_dir()
    if os.geteuid() == 0 and not all(_readable_by_everyone(f) for f in fonts.glob("*.ttf")):
        pytest.skip(f"running as root and {fonts} is not readable by other users, so privileges cannot be dropped for this test")
    root = Path(tempfile.mkdtemp(prefix="handbook-perm-"))
    cwd = Path.cwd()
    try:
        os.chmod(root, 0o755)
        (root / "sections").mkdir()
        (root / "sections/one.yaml").write_text("title: One\nblocks:\n  - paragraph: Hi.\n")
        (root / "handbook.yaml").write_text("title: T\nsections: [sections/one.yaml]\n")
        locked = root / "locked"
        locked.mkdir()
        (locked / "guide.pdf").write_bytes(b"%PDF earlier")
        os.chmod(locked, 0o555)
        os.chdir(root)
        # Import everything the build needs while the interpreter's own files are readable.
        assert CliRunner().invoke(main, ["build", "-o", "warm/guide.pdf"]).exit_code == 0
        import difflib  # noqa: F401 - click imports it when reporting, which nobody may not be able to do

        with unprivileged():
            result = CliRunner().invoke(main, ["build", "-o", "locked/guide.pdf"])
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit), repr(result.exception)  # a message and exit 1, not an uncaught error
        assert result.output.strip() == "locked/guide.pdf: cannot write here (Permission denied); choose a folder you can write to"
        assert (locked / "guide.pdf").read_bytes() == b"%PDF earlier"
        assert os.listdir(locked) == ["guide.pdf"]
    finally:
        os.chdir(cwd)
        os.chmod(root / "locked", 0o755)
        shutil.rmtree(root)


def test_device_as_output_is_refused_and_left_alone(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    before = os.stat("/dev/full")
    result = CliRunner().invoke(main, ["build", "-o", "/dev/full"])
    assert result.exit_code == 1
    assert result.output.strip() == "/dev/full: is not a regular file (a device, pipe or socket); expected a path for a PDF file"
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_full_disk_while_writing_is_a_clear_error(project, monkeypatch):
    """The PDF goes to a temporary file first; make that file a full disk."""
    import handbook.write as write

    project.manifest(project.section("one", "- paragraph: Hi."))
    (project.root / "out").mkdir()
    (project.root / "out/guide.pdf").write_bytes(b"%PDF earlier")
    real_fdopen = os.fdopen

    def full_disk(handle, mode="r", *args, **kwargs):
        os.close(handle)
        return real_fdopen(os.open("/dev/full", os.O_WRONLY), mode, *args, **kwargs)

    monkeypatch.setattr(write.os, "fdopen", full_disk)
    result = CliRunner().invoke(main, ["build", "-o", "out/guide.pdf"])
    assert result.exit_code == 1
    assert result.output.strip() == "out/guide.pdf: writing failed (No space left on device); the previous file, if any, is unchanged"
    assert (project.root / "out/guide.pdf").read_bytes() == b"%PDF earlier"
    assert os.listdir(project.root / "out") == ["guide.pdf"]


@pytest.mark.slow
def test_two_builds_of_one_target_at_once(project):
    project.manifest(project.section("one", "- paragraph: Hi.\n" * 1 + "- bullets: [" + ", ".join(f"item {i}" for i in range(300)) + "]"))
    command = [sys.executable, "-m", "handbook", "build", "-o", "out/guide.pdf"]
    runs = [subprocess.Popen(command, cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert os.listdir(project.root / "out") == ["guide.pdf"]
    assert "item 299" in PdfReader(project.root / "out/guide.pdf").pages[-1].extract_text()


def test_output_name_too_long_for_the_file_system_is_a_message(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    name = "g" * 300 + ".pdf"
    result = CliRunner().invoke(main, ["build", "-o", name])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # a message and exit 1, not an uncaught error
    assert (
        result.output.strip()
        == f"{'g' * 30}...{'g' * 16}.pdf: cannot write the PDF there: this path is too long; use a shorter file or folder name"
    )
    assert sorted(os.listdir(project.root)) == ["handbook.yaml", "sections"]


def test_a_killed_build_leaves_a_temporary_file_that_the_next_build_removes(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    code = (
        "import sys\n"
        "from handbook import render\n"
        "import handbook.render.document as document\n"
        "def stop(handbook, out):\n"
        "    out.write(b'partial'); out.flush(); print('writing', flush=True); sys.stdin.readline()\n"
        "document.render_pdf = stop\n"
        "from handbook.cli import main\n"
        "main(['build', '-o', 'out/guide.pdf'])\n"
    )
    build = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert build.stdout.readline() == "writing\n"
    build.kill()
    build.wait()
    build.stdin.close()
    build.stdout.close()
    out = project.root / "out"
    assert len([p for p in out.iterdir() if p.name.endswith(".tmp")]) == 1
    result = CliRunner().invoke(main, ["build", "-o", "out/guide.pdf"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["guide.pdf"]
