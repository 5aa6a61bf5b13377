"""The benchmark computes what it reports: each ratio is the tool's median over the floor's from the same
run, every target is in the table and in results.json. No timing is asserted."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

TARGETS = [
    "whole-process build, wall / floor",
    "per document in one process / floor",
    "batch speed-up, -j2 over -j1",
    "handbook --help, seconds",
    "handbook check / floor build",
    "peak memory, single build / floor",
    "worker memory after all / after 10 docs",
    "output bytes / floor",
    "school edition per document / default handbook",
    "watch: save to new PDF / cold whole-process build",
    "watch memory after 30 / after 10 rebuilds",
    "whole-process ratio, tagged / before tagging (1.132)",
    "per-document ratio, tagged / before tagging (0.507)",
]


def bench_run():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench/run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pair(tool: float, floor: float | None = None) -> dict:
    row = {"tool": {"median": tool, "min": tool / 2, "max": tool * 2, "runs": 3}}
    if floor is not None:
        row["floor"] = {"median": floor, "min": floor / 2, "max": floor * 2, "runs": 3}
    return row


def made_up_results(**changes) -> dict:
    """Figures picked so that every ratio is a different number: a ratio taken from the wrong figures shows."""
    results = {
        "machine": "test machine",
        "quick": True,
        "process_wall": pair(0.9, 1.2),
        "process_cpu": pair(0.8, 1.1),
        "process_rss": pair(66.0, 60.0),
        "per_document": pair(0.03, 0.08),
        "help_wall": pair(0.12),
        "check_wall": pair(0.5, 1.6),
        "batch_j1_wall": pair(7.0),
        "batch_j2_wall": pair(4.0),
        "output_bytes": pair(90_000, 100_000),
        "per_school_document": pair(0.033, 0.03),
        "watch_rebuild": pair(0.3, 0.9),
        "worker_rss": {"after_10": 80.0, "after_all": 84.0, "documents": 12},
        "watch_rss": {"after_first": 50.0, "after_last": 54.0, "first": 10, "last": 30},
    }
    results.update(changes)
    return results


def test_summary_is_the_median_min_max_and_count_of_the_runs():
    assert bench_run().summary([3.0, 1.0, 2.0, 10.0]) == {"median": 2.5, "min": 1.0, "max": 10.0, "runs": 4}


def test_each_target_is_the_tool_over_the_floor_from_the_same_results():
    bench = bench_run()
    rows = {row["target"]: row for row in bench.targets(made_up_results())}
    assert list(rows) == TARGETS
    assert {name: row["value"] for name, row in rows.items()} == {
        "whole-process build, wall / floor": 0.75,  # 0.9 / 1.2
        "per document in one process / floor": 0.375,  # 0.03 / 0.08
        "batch speed-up, -j2 over -j1": 1.75,  # 7.0 / 4.0
        "handbook --help, seconds": 0.12,
        "handbook check / floor build": 0.312,  # 0.5 / 1.6
        "peak memory, single build / floor": 1.1,  # 66 / 60
        "worker memory after all / after 10 docs": 1.05,  # 84 / 80
        "output bytes / floor": 0.9,
        "school edition per document / default handbook": 1.1,  # 0.033 / 0.03
        "watch: save to new PDF / cold whole-process build": 0.333,  # 0.3 / 0.9
        "watch memory after 30 / after 10 rebuilds": 1.08,  # 54 / 50
        "whole-process ratio, tagged / before tagging (1.132)": 0.663,  # 0.75 / 1.132
        "per-document ratio, tagged / before tagging (0.507)": 0.74,  # 0.375 / 0.507
    }
    assert {name: row["met"] for name, row in rows.items()} == {
        "whole-process build, wall / floor": True,
        "per document in one process / floor": True,
        "batch speed-up, -j2 over -j1": False,
        "handbook --help, seconds": True,
        "handbook check / floor build": True,
        "peak memory, single build / floor": True,
        "worker memory after all / after 10 docs": True,
        "output bytes / floor": True,
        "school edition per document / default handbook": True,
        "watch: save to new PDF / cold whole-process build": True,
        "watch memory after 30 / after 10 rebuilds": True,
        "whole-process ratio, tagged / before tagging (1.132)": True,
        "per-document ratio, tagged / before tagging (0.507)": True,
    }


@pytest.mark.parametrize(
    ("key", "tool", "floor", "target"),
    [
        ("process_wall", 1.3, 1.2, "whole-process build, wall / floor"),
        ("per_document", 0.05, 0.08, "per document in one process / floor"),
        ("check_wall", 0.6, 1.6, "handbook check / floor build"),
        ("process_rss", 73.0, 60.0, "peak memory, single build / floor"),
        ("output_bytes", 100_001, 100_000, "output bytes / floor"),
        ("per_school_document", 0.037, 0.03, "school edition per document / default handbook"),
        ("watch_rebuild", 0.46, 0.9, "watch: save to new PDF / cold whole-process build"),
    ],
)
def test_a_target_past_its_goal_is_not_met(key, tool, floor, target):
    rows = {row["target"]: row for row in bench_run().targets(made_up_results(**{key: pair(tool, floor)}))}
    assert rows[target]["value"] == round(tool / floor, 3)
    assert rows[target]["met"] is False


def test_a_full_run_compares_the_batch_with_the_one_before():
    rows = {row["target"]: row for row in bench_run().targets(made_up_results(quick=False))}
    assert rows["100-edition batch -j1 / before (4.7 s)"] == {
        "target": "100-edition batch -j1 / before (4.7 s)",
        "value": 1.489,
        "goal": "<= 0.4",
        "met": False,
    }


@pytest.mark.parametrize(
    ("key", "tool", "floor", "target"),
    [
        ("process_wall", 1.2, 1.0, "whole-process ratio, tagged / before tagging (1.132)"),  # 1.2 / 1.132 = 1.06
        ("per_document", 0.057, 0.1, "per-document ratio, tagged / before tagging (0.507)"),  # 0.57 / 0.507 = 1.124
    ],
)
def test_tagging_may_grow_a_ratio_by_a_tenth_at_most(key, tool, floor, target):
    rows = {row["target"]: row for row in bench_run().targets(made_up_results(**{key: pair(tool, floor)}))}
    growth = tool / floor / {"process_wall": 1.132, "per_document": 0.507}[key]
    assert rows[target]["value"] == round(growth, 3)
    assert rows[target]["met"] is (growth <= 1.1)


def test_the_table_has_every_measure_and_every_target_with_its_value():
    bench = bench_run()
    results = made_up_results()
    results["targets"] = bench.targets(results)
    lines = bench.table(results).splitlines()
    assert lines[0] == "Machine: test machine (quick smoke run, not a measurement)"
    assert "| process_wall | 0.900 (0.450-1.800) s | 1.200 (0.600-2.400) s | 0.75 |" in lines
    assert "| per_document | 30.000 (15.000-60.000) ms | 80.000 (40.000-160.000) ms | 0.38 |" in lines
    assert "| help_wall | 0.120 (0.060-0.240) s | | |" in lines
    assert "| worker peak memory after 10 / 12 documents | 80.0 / 84.0 MiB | | |" in lines
    assert "| batch speed-up, -j2 over -j1 | 1.75 | >= 1.8 | no |" in lines
    assert "| whole-process build, wall / floor | 0.75 | <= 1.0 | yes |" in lines
    assert [line.split(" | ")[0].lstrip("| ") for line in lines[-len(TARGETS) :]] == TARGETS


@pytest.mark.slow
def test_a_quick_run_writes_every_figure_and_its_targets_from_those_figures(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench/run.py"), "--quick", "--json", str(out)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    results = json.loads(out.read_text())
    assert results["quick"] is True
    # --quick: 2 alternating process runs, 2 processes of 3 in-process builds, 6 and 12 editions in the batches
    for key in ("process_wall", "process_cpu", "process_rss", "check_wall"):
        assert results[key]["tool"]["runs"] == 2, key
    assert results["per_document"]["tool"]["runs"] == results["per_document"]["floor"]["runs"] == 6
    assert results["check_wall"]["floor"] == results["process_wall"]["floor"]  # check is set beside the floor's build
    assert results["worker_rss"]["documents"] == 12
    rows = {row["target"]: row for row in results["targets"]}
    assert list(rows) == TARGETS
    for key, target in (
        ("process_wall", TARGETS[0]),
        ("per_document", TARGETS[1]),
        ("check_wall", TARGETS[4]),
        ("process_rss", TARGETS[5]),
        ("output_bytes", TARGETS[7]),
    ):
        assert rows[target]["value"] == round(results[key]["tool"]["median"] / results[key]["floor"]["median"], 3), target
    assert rows[TARGETS[2]]["value"] == round(results["batch_j1_wall"]["tool"]["median"] / results["batch_j2_wall"]["tool"]["median"], 3)
    for name, row in rows.items():
        assert f"| {name} | {row['value']} | {row['goal']} | {'yes' if row['met'] else 'no'} |" in result.stdout.splitlines()


@pytest.mark.slow
def test_floor_builds_the_same_handbook_with_every_font_embedded(tmp_path):
    from tests.conftest import assert_fonts_embedded, page_texts

    out = tmp_path / "floor.pdf"
    subprocess.run([sys.executable, str(ROOT / "bench/floor.py"), str(out)], check=True, timeout=120)
    text = "\n".join(page_texts(out))
    for expected in ("Contents", "Salary Potential", "$42,630", "more than $73,370", "Conclusion", "Page 2 of"):
        assert expected in text
    assert_fonts_embedded(out)
