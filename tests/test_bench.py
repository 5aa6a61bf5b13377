"""A smoke run of the benchmark with tiny counts: it runs, and reports every target. No timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_bench_smoke_run_reports_every_target(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench/run.py"), "--quick", "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    results = json.loads(out.read_text())
    assert len(results["targets"]) == 8
    for key in ("process_wall", "process_rss", "per_document", "check_wall", "output_bytes"):
        assert results[key]["tool"]["median"] > 0 and results[key]["floor"]["median"] > 0
    assert "| whole-process build, wall / floor |" in result.stdout


def test_floor_builds_the_same_handbook_with_every_font_embedded(tmp_path):
    from tests.conftest import assert_fonts_embedded, page_texts

    out = tmp_path / "floor.pdf"
    subprocess.run([sys.executable, str(ROOT / "bench/floor.py"), str(out)], check=True, timeout=120)
    text = "\n".join(page_texts(out))
    for expected in ("Contents", "Salary Potential", "$42,630", "more than $73,370", "Conclusion", "Page 2 of"):
        assert expected in text
    assert_fonts_embedded(out)
