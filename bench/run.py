"""The handbook benchmark: every figure measured beside the floor (bench/floor.py) in the same run.

    python bench/run.py [--quick] [--json bench/results.json]

Tool and floor runs alternate so that drift of the machine cancels out. Each
figure is the median of its runs, with min and max; ratios divide the tool's
median by the floor's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
# The tool as people run it: the `handbook` command installed beside this Python.
INSTALLED = Path(PY).parent / "handbook"
TOOL = [str(INSTALLED)] if INSTALLED.is_file() else [PY, "-m", "handbook"]
FLOOR = [PY, str(ROOT / "bench" / "floor.py")]


def run_process(command: list[str], cwd: Path) -> dict:
    """Run a command to completion; its wall time, CPU time and peak memory (MiB)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def alternate(tool, floor, runs: int) -> tuple[list[dict], list[dict]]:
    tools, floors = [], []
    for _ in range(runs):
        tools.append(tool())
        floors.append(floor())
    return tools, floors


IN_PROCESS = """
import io, json, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
which, count = sys.argv[1], int(sys.argv[2])
if which == "floor":
    import floor
    build = lambda: floor.build(io.BytesIO())
elif which == "school":
    from handbook.build import validated
    from handbook.node_cache import NodeCache
    from handbook.render.document import render_pdf
    cache = NodeCache()  # as a batch worker does: every edition of a school after the first is warm
    build = lambda: render_pdf(validated(None, Path("schools/riverside.yaml"), cache=cache).handbook, io.BytesIO())
else:
    from handbook.build import validated
    from handbook.node_cache import NodeCache
    from handbook.render.document import render_pdf
    cache = NodeCache()  # as a batch does: files parsed once, validated for every document
    build = lambda: render_pdf(validated(Path("handbook.yaml"), cache=cache).handbook, io.BytesIO())
build()
times = []
for _ in range(count):
    started = time.perf_counter()
    build()
    times.append(time.perf_counter() - started)
print(json.dumps(times))
"""

MEMORY = """
import json, resource, sys
from pathlib import Path
from handbook.batch import run_batch
profiles = sorted(Path("schools").glob("*.yaml"))
first, rest = profiles[:10], profiles[10:]
run_batch([(p, None) for p in first], Path("out-mem"), 1)
after_10 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
run_batch([(p, None) for p in rest], Path("out-mem"), 1)
after_all = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps([after_10, after_all, len(profiles)]))
"""


WATCH_MEMORY = """
import json, resource, sys
from pathlib import Path
from handbook.watch import Watcher
first, last = int(sys.argv[1]), int(sys.argv[2])
watcher = Watcher(Path("handbook.yaml"), None, Path("watched.pdf"), lambda *args, **kwargs: None)
section = Path("sections/introduction.yaml")
original = section.read_text()
peaks = []
for edit in range(1, last + 1):
    section.write_text(original.replace("Every visit to a doctor", f"Visit {edit} to a doctor"))
    watcher.build()
    if edit in (first, last):
        peaks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
section.write_text(original)
print(json.dumps(peaks))
"""


def per_document(which: str, count: int, cwd: Path) -> list[float]:
    out = subprocess.run(
        [PY, "-c", IN_PROCESS.format(bench=str(ROOT / "bench")), which, str(count)], cwd=cwd, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def watch_latency(cwd: Path, edits: int) -> list[float]:
    """Seconds from a saved edit of a section (the file closed) to `handbook watch`'s new PDF in place, for each of `edits` edits."""
    pdf = cwd / "w.pdf"
    section = cwd / "sections" / "introduction.yaml"
    original = section.read_text()
    watcher = subprocess.Popen([*TOOL, "watch", "-o", "w.pdf"], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not pdf.exists():
            time.sleep(0.01)
        times = []
        for edit in range(edits):
            time.sleep(0.3)  # an author's pause between saves
            before = pdf.stat().st_mtime_ns
            section.write_text(original.replace("Every visit to a doctor", f"Visit {edit} to a doctor"))
            saved = time.perf_counter()
            while pdf.stat().st_mtime_ns == before:
                time.sleep(0.001)
            times.append(time.perf_counter() - saved)
        return times
    finally:
        watcher.terminate()
        watcher.wait()
        section.write_text(original)


def make_schools(project: Path, count: int) -> None:
    """`count` profiles, copies of the three examples under new names."""
    examples = sorted((ROOT / "schools").glob("*.yaml"))
    for i in range(count):
        source = examples[i % len(examples)]
        (project / "schools" / f"school-{i:03d}.yaml").write_text(source.read_text())
    for source in examples:
        (project / "schools" / source.name).unlink()


def project_copy(where: Path) -> Path:
    project = where / "project"
    project.mkdir()
    for name in ("handbook.yaml", "es", "sections", "schools", "assets"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny counts: a smoke run, not a measurement")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json", help="where to write the figures")
    args = parser.parse_args()
    runs, docs, batch, long_batch = (2, 3, 6, 12) if args.quick else (11, 50, 100, 500)
    env_note = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    results: dict = {"machine": env_note, "quick": args.quick}
    with tempfile.TemporaryDirectory() as scratch:
        project = project_copy(Path(scratch))
        cwd = project
        os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")

        tools, floors = alternate(
            lambda: run_process([*TOOL, "build", "-o", "t.pdf"], cwd), lambda: run_process([*FLOOR, "f.pdf"], cwd), runs
        )
        for key in ("wall", "cpu", "rss"):
            results[f"process_{key}"] = {"tool": summary([r[key] for r in tools]), "floor": summary([r[key] for r in floors])}
        results["output_bytes"] = {"tool": summary([(cwd / "t.pdf").stat().st_size]), "floor": summary([(cwd / "f.pdf").stat().st_size])}

        tool_docs, floor_docs = [], []
        for _ in range(2):  # two processes each, alternating, of `docs` builds
            tool_docs += per_document("tool", docs, cwd)
            floor_docs += per_document("floor", docs, cwd)
        results["per_document"] = {"tool": summary(tool_docs), "floor": summary(floor_docs)}
        school_docs = per_document("school", docs, cwd) + per_document("school", docs, cwd)
        results["per_school_document"] = {"tool": summary(school_docs), "floor": results["per_document"]["tool"]}
        results["watch_rebuild"] = {"tool": summary(watch_latency(cwd, runs * 2)), "floor": results["process_wall"]["tool"]}
        first, last = (10, 30) if args.quick else (100, 1000)
        peaks = subprocess.run([PY, "-c", WATCH_MEMORY, str(first), str(last)], cwd=cwd, capture_output=True, text=True, check=True)
        after_first, after_last = json.loads(peaks.stdout)
        results["watch_rss"] = {"after_first": after_first, "after_last": after_last, "first": first, "last": last}

        helps, checks = alternate(lambda: run_process([*TOOL, "--help"], cwd), lambda: run_process([*TOOL, "check"], cwd), runs)
        results["help_wall"] = {"tool": summary([r["wall"] for r in helps])}
        results["check_wall"] = {"tool": summary([r["wall"] for r in checks]), "floor": results["process_wall"]["floor"]}

        make_schools(project, batch)
        profiles = [f"schools/school-{i:03d}.yaml" for i in range(batch)]
        one, two = alternate(
            lambda: run_process([*TOOL, "batch", *profiles, "-o", "out1", "-j", "1"], cwd),
            lambda: run_process([*TOOL, "batch", *profiles, "-o", "out2", "-j", "2"], cwd),
            max(1, runs // 3),
        )
        results["batch_j1_wall"] = {"tool": summary([r["wall"] for r in one])}
        results["batch_j2_wall"] = {"tool": summary([r["wall"] for r in two])}

        shutil.rmtree(project / "schools")
        (project / "schools").mkdir()
        shutil.copytree(ROOT / "schools", project / "schools", dirs_exist_ok=True)
        make_schools(project, long_batch)
        for name in ("lakeside", "northgate", "riverside"):
            shutil.copytree(ROOT / "schools" / name, project / "schools" / name, dirs_exist_ok=True)
        memory = json.loads(subprocess.run([PY, "-c", MEMORY], cwd=cwd, capture_output=True, text=True, check=True).stdout)
        results["worker_rss"] = {"after_10": memory[0], "after_all": memory[1], "documents": memory[2]}

    results["targets"] = targets(results)
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))


# A 100-edition batch with -j1 on the reference run before school editions were made as quick as the
# default (46 ms an edition): they should now take at most 0.4 of it.
BATCH_BEFORE = 4.7

# Ratios to the floor measured before builds were tagged for PDF/UA-1 (bench/results.json at that time):
# tagging may make them grow by 10% at most.
BEFORE_TAGGING = {"process_wall": 1.132, "per_document": 0.507}


def ratio(results: dict, key: str) -> float:
    return results[key]["tool"]["median"] / results[key]["floor"]["median"]


def targets(r: dict) -> list[dict]:
    speedup = r["batch_j1_wall"]["tool"]["median"] / r["batch_j2_wall"]["tool"]["median"]
    growth = r["worker_rss"]["after_all"] / r["worker_rss"]["after_10"]
    rows = [
        ("whole-process build, wall / floor", ratio(r, "process_wall"), "<= 1.0", ratio(r, "process_wall") <= 1.0),
        ("per document in one process / floor", ratio(r, "per_document"), "<= 0.5", ratio(r, "per_document") <= 0.5),
        ("batch speed-up, -j2 over -j1", speedup, ">= 1.8", speedup >= 1.8),
        ("handbook --help, seconds", r["help_wall"]["tool"]["median"], "<= 0.15", r["help_wall"]["tool"]["median"] <= 0.15),
        ("handbook check / floor build", ratio(r, "check_wall"), "<= 0.35", ratio(r, "check_wall") <= 0.35),
        ("peak memory, single build / floor", ratio(r, "process_rss"), "<= 1.2", ratio(r, "process_rss") <= 1.2),
        ("worker memory after all / after 10 docs", growth, "<= 1.1", growth <= 1.1),
        ("output bytes / floor", ratio(r, "output_bytes"), "<= 1.0", ratio(r, "output_bytes") <= 1.0),
        (
            "school edition per document / default handbook",
            ratio(r, "per_school_document"),
            "<= 1.2",
            ratio(r, "per_school_document") <= 1.2,
        ),
        ("watch: save to new PDF / cold whole-process build", ratio(r, "watch_rebuild"), "<= 0.5", ratio(r, "watch_rebuild") <= 0.5),
    ]
    w = r["watch_rss"]
    growth = w["after_last"] / w["after_first"]
    rows.append((f"watch memory after {w['last']} / after {w['first']} rebuilds", growth, "<= 1.1", growth <= 1.1))
    if not r["quick"]:
        batch = r["batch_j1_wall"]["tool"]["median"] / BATCH_BEFORE
        rows.append((f"100-edition batch -j1 / before ({BATCH_BEFORE} s)", batch, "<= 0.4", batch <= 0.4))
    for key, name in (("process_wall", "whole-process"), ("per_document", "per-document")):
        growth = ratio(r, key) / BEFORE_TAGGING[key]
        rows.append((f"{name} ratio, tagged / before tagging ({BEFORE_TAGGING[key]})", growth, "<= 1.1", growth <= 1.1))
    return [{"target": name, "value": round(value, 3), "goal": goal, "met": met} for name, value, goal, met in rows]


def table(r: dict) -> str:
    def fmt(key: str, unit: str, scale: float = 1.0) -> str:
        row = r[key]
        tool = row["tool"]
        text = f"| {key} | {tool['median'] * scale:.3f} ({tool['min'] * scale:.3f}-{tool['max'] * scale:.3f}) {unit} |"
        if "floor" in row:
            floor = row["floor"]
            text += f" {floor['median'] * scale:.3f} ({floor['min'] * scale:.3f}-{floor['max'] * scale:.3f}) {unit} | {tool['median'] / floor['median']:.2f} |"
        else:
            text += " | |"
        return text

    lines = [
        f"Machine: {r['machine']}{' (quick smoke run, not a measurement)' if r['quick'] else ''}",
        "",
        "| measure | tool median (min-max) | floor median (min-max) | tool / floor |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        fmt("process_wall", "s"),
        fmt("process_cpu", "s"),
        fmt("process_rss", "MiB"),
        fmt("per_document", "ms", 1000),
        fmt("per_school_document", "ms", 1000),
        fmt("watch_rebuild", "s"),
        fmt("help_wall", "s"),
        fmt("check_wall", "s"),
        fmt("batch_j1_wall", "s"),
        fmt("batch_j2_wall", "s"),
        fmt("output_bytes", "B"),
    ]
    w, watch = r["worker_rss"], r["watch_rss"]
    lines += [
        f"| worker peak memory after 10 / {w['documents']} documents | {w['after_10']:.1f} / {w['after_all']:.1f} MiB | | |",
        f"| watch peak memory after {watch['first']} / {watch['last']} rebuilds | {watch['after_first']:.1f} / {watch['after_last']:.1f} MiB | | |",
        "",
        "| target | value | goal | met |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {t['target']} | {t['value']} | {t['goal']} | {'yes' if t['met'] else 'no'} |" for t in r["targets"]]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
