"""handbook watch, driven as a counsellor uses it: edits, mistakes, deleted files, bursts of saves, Ctrl-C."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, page_texts

pytestmark = pytest.mark.slow  # runs handbook in a new process


class Watching:
    """`handbook watch` running in a project, its output lines read as they come."""

    def __init__(self, project: Path, *options: str) -> None:
        self.project = project
        self.process = subprocess.Popen(
            [sys.executable, "-m", "handbook", "watch", "-o", "out.pdf", *options],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, pattern: str, timeout: float = 30) -> list[str]:
        """The lines printed until one matches `pattern`."""
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            seen.append(line)
            if re.search(pattern, line):
                return seen
        raise AssertionError(f"no line matching {pattern!r} in {timeout} s; printed: {seen}")

    def quiet(self, seconds: float = 1.0) -> list[str]:
        """Every line printed in the next `seconds`."""
        time.sleep(seconds)
        found = []
        while not self.lines.empty():
            found.append(self.lines.get())
        return found

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=30)
        self.reader.join(timeout=5)
        self.process.stdout.close()
        return code


def default_guide(tmp_path) -> Path:
    """A copy of the default guide (manifest and its Spanish words, sections, assets) to edit while it is watched."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("handbook.yaml", "es", "sections", "assets"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    return project


@pytest.fixture
def watching(tmp_path):
    watcher = Watching(default_guide(tmp_path))
    watcher.expect(r"^wrote out\.pdf \(\d+ pages\) in \d+ ms, at \d\d:\d\d:\d\d$")
    yield watcher
    watcher.stop()


def words(pdf: Path) -> str:
    """The PDF's text with every run of spaces and line breaks as one space."""
    return re.sub(r"\s+", " ", " ".join(page_texts(pdf)))


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))


def test_an_edit_is_built_and_a_mistake_keeps_the_last_good_pdf(watching):
    intro = watching.project / "sections/introduction.yaml"
    pdf = watching.project / "out.pdf"
    edit(intro, "Every visit to a doctor", "Each visit to a doctor")
    watching.expect(r"^wrote out\.pdf")
    assert "Each visit to a doctor" in words(pdf)
    good = pdf.read_bytes()
    intro.write_text(intro.read_text() + "  - paragraph: [unclosed\n")
    lines = watching.expect(r"watching for the next save")
    assert any(line.startswith("sections/introduction.yaml:") and "never closed" in line for line in lines)
    assert lines[-1] == "out.pdf is kept as the last good build made it; watching for the next save"
    assert pdf.read_bytes() == good
    edit(intro, "  - paragraph: [unclosed\n", "  - paragraph: Closed again.\n")
    watching.expect(r"^wrote out\.pdf")
    assert "Closed again." in words(pdf)


def test_a_file_saved_by_renaming_a_new_one_over_it_is_seen(watching):
    intro = watching.project / "sections/introduction.yaml"
    temporary = intro.with_name(".introduction.yaml.swp")
    temporary.write_text(intro.read_text().replace("Every visit to a doctor", "Every single visit to a doctor"))
    os.replace(temporary, intro)
    watching.expect(r"^wrote out\.pdf")
    assert "Every single visit" in words(watching.project / "out.pdf")


def test_a_section_removed_is_an_error_until_it_returns(watching, tmp_path):
    skills = watching.project / "sections/skills.yaml"
    kept = tmp_path / "skills.yaml"
    shutil.move(skills, kept)
    lines = watching.expect(r"problem found")
    assert any("sections/skills.yaml' not found" in line for line in lines)
    shutil.move(kept, skills)
    watching.expect(r"^wrote out\.pdf")


def test_a_burst_of_saves_is_built_at_most_twice(watching):
    intro = watching.project / "sections/introduction.yaml"
    text = intro.read_text()
    for number in range(20):
        intro.write_text(text.replace("Every visit to a doctor", f"Visit number {number} to a doctor"))
        time.sleep(0.005)
    lines = watching.expect(r"^wrote out\.pdf")
    deadline = time.monotonic() + 30
    while "Visit number 19 to a doctor" not in words(watching.project / "out.pdf"):
        assert time.monotonic() < deadline, f"the last save was never built; printed: {lines}"
        lines += watching.quiet(0.2)
    lines += watching.quiet(1.0)
    assert 1 <= sum(line.startswith("wrote ") for line in lines) <= 2, lines
    assert not any("problem" in line for line in lines), lines


def test_a_warning_is_shown_once_until_what_it_is_about_changes(watching):
    salary = watching.project / "sections/salary.yaml"
    edit(salary, "      stale_ok: the figures the source guide quotes, kept as published\n", "")
    lines = watching.expect(r"^wrote out\.pdf")
    warned = [line for line in lines if "sections/salary.yaml:" in line]
    assert len(warned) == 1 and "2020" in warned[0], lines
    edit(watching.project / "sections/introduction.yaml", "Every visit to a doctor", "Each visit to a doctor")
    lines = watching.expect(r"^wrote out\.pdf")
    assert not any("salary.yaml" in line for line in lines), lines  # the same warning: not said again
    edit(salary, 'period: "2020"', 'period: "2019"')
    lines = watching.expect(r"^wrote out\.pdf")
    assert any("sections/salary.yaml:" in line and "2019" in line for line in lines), lines


def test_watch_builds_in_the_language_asked_for(tmp_path):
    project = default_guide(tmp_path)
    watcher = Watching(project, "--language", "es")
    try:
        watcher.expect(r"^wrote out\.pdf")
        assert "Página 2 de 6" in words(project / "out.pdf")
    finally:
        assert watcher.stop() == 0


def test_a_manifest_that_is_not_there_is_an_error_not_a_wait(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "watch", "nothere.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "nothere.yaml:1: file not found in" in result.stderr and "Traceback" not in result.stderr
    assert "stopped after" not in result.stderr


def test_ctrl_c_stops_cleanly(watching):
    assert watching.stop() == 0
    rest = watching.quiet(0.2)
    assert not any("Traceback" in line for line in rest), rest
    assert rest[-1:] == ["stopped after 1 build"]
    assert sorted(p.name for p in watching.project.iterdir()) == ["assets", "es", "handbook.yaml", "out.pdf", "sections"]
