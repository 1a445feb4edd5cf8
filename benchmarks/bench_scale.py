"""Vetting at country scale: generate a synthetic roster, decide it end to end, check every decision.

For each size it runs `vetting generate`, then `vetting evaluate CASE --law both --format json -o FILE` as a
user would (wall time; CPU seconds of the command and its worker processes, `end_to_end_cpu_s`, and of the
command's own process alone, `end_to_end_parent_cpu_s`: the figures to compare on a loaded machine; the peak
memory of the command and its worker processes), then the same steps
through the Python API for the breakdown (`Report.timings`), the plain-Python reference (tests/reference.py)
on the same case with the number of decisions that differ, and `whatif` with one added allegation. It prints
a table on standard error and one JSON line on standard output: the figures of the largest size and a
`growth` table over all sizes.

    .venv/bin/python benchmarks/bench_scale.py --quick              # a tiny size: a smoke test, seconds
    .venv/bin/python benchmarks/bench_scale.py --sizes 2000 10000    # the growth table
    .venv/bin/python benchmarks/bench_scale.py --full                # 2,000 / 10,000 / 50,000 units

Proposals are 4.6 per unit (the State Department's ~230,000 a year for a 50,000-unit world). Not a test:
nothing is asserted about time. A disagreement with the reference makes the exit status 1.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from reference import differences, engine_decision, reference_decide  # noqa: E402

from vetting.decide import evaluate  # noqa: E402
from vetting.generate import AS_OF, default_countries, write  # noqa: E402
from vetting.case.load import load_case, load_hypothesis  # noqa: E402
from vetting.whatif import whatif  # noqa: E402

PROPOSALS_PER_UNIT = 4.6
# `python -m vetting ...` (vetting/__main__.py: `raise SystemExit(main())`), which also writes the CPU seconds of
# its own process (not its workers') into the file named by $BENCH_RUSAGE: the parent's share, on a loaded machine
VETTING = [sys.executable, "-c", "import os, resource, sys\n"
           "from vetting.cli import main\n"
           "try:\n    status = main(sys.argv[1:])\n"
           "finally:\n    own = resource.getrusage(resource.RUSAGE_SELF)\n"
           "    with open(os.environ['BENCH_RUSAGE'], 'w') as handle:\n"
           "        handle.write(repr(own.ru_utime + own.ru_stime))\n"
           "raise SystemExit(status)\n"]


class TreeMemory:
    """Peak memory of a process and all its descendants, sampled from /proc (Linux): the sum of their resident
    sets (`peak_kb`; pages a forked worker shares with its parent count twice, so this overstates) and of
    their proportional sets (`peak_pss_kb`, shared pages divided among the processes sharing them)."""

    def __init__(self, pid: int):
        self.pid, self.peak_kb, self.peak_pss_kb, self._stop = pid, 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as handle:
                        todo.extend(int(c) for c in handle.read().split())
            except OSError:
                pass
        return pids

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            for pid in self._tree():
                rss += self._field(f"/proc/{pid}/status", "VmRSS:")
                pss += self._field(f"/proc/{pid}/smaps_rollup", "Pss:")
            self.peak_kb, self.peak_pss_kb = max(self.peak_kb, rss), max(self.peak_pss_kb, pss)
            self._stop.wait(0.1)

    @staticmethod
    def _field(path: str, name: str) -> int:
        try:
            with open(path) as handle:
                return next((int(line.split()[1]) for line in handle if line.startswith(name)), 0)
        except OSError:
            return 0

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and its finished children (the worker processes): the
    figure to compare on a shared machine, where wall time depends on the other processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def children_cpu_seconds() -> float:
    """CPU seconds of the finished children of this process and theirs (a command and its worker processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def run_command(args: list[str]) -> dict:
    """Wall seconds, CPU seconds (the command and its workers; the command's own process alone), peak RSS MB and
    peak PSS MB (process tree) of one `VETTING` command; it must succeed."""
    with tempfile.NamedTemporaryFile(prefix="bench-rusage-") as rusage:
        cpu, start = children_cpu_seconds(), time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "BENCH_RUSAGE": rusage.name})
        memory = TreeMemory(process.pid)
        _, err = process.communicate()
        seconds, cpu = time.perf_counter() - start, children_cpu_seconds() - cpu
        peak = memory.stop()
        if process.returncode != 0:
            raise SystemExit(f"`{' '.join(args)}` failed ({process.returncode}): {err.strip()}")
        parent = float(Path(rusage.name).read_text())
    return {"wall_s": seconds, "cpu_s": cpu, "parent_cpu_s": parent, "peak_mb": peak,
            "peak_pss_mb": memory.peak_pss_kb / 1024}


def one_allegation(folder: Path, case) -> Path:
    """A hypothesis: one more credible report of torture naming the first unit under the top of the roster."""
    top = next(uid for uid, unit in case.units.items() if unit.parents)
    incident = next(iter(case.incidents))
    path = folder / "one-allegation.json"
    path.write_text(json.dumps({
        "hypothesis": {"id": "one-more-allegation", "title": "One more allegation",
                       "rationale": "benchmark: one credible report naming a unit high in the roster"},
        "add": {"information": [{
            "id": "n-hypothetical", "incident": incident, "summary": "a hypothetical report",
            "alleges": {"units": [top]}, "violations": ["torture"], "received": AS_OF.isoformat(),
            "assessment": {"status": "credible", "on": AS_OF.isoformat()}, "assumption": "a benchmark hypothesis"}]}}))
    return path


def measure(units: int, seed: int, workers: int | None, work: Path, with_whatif: bool) -> dict:
    proposals = round(units * PROPOSALS_PER_UNIT)
    folder = work / f"case-{units}"
    start = time.perf_counter()
    write(folder, units, proposals, seed)
    generate_s = time.perf_counter() - start
    size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    command = run_command(VETTING + ["evaluate", str(folder), "--as-of", AS_OF.isoformat(), "--law", "both",
                                     "--format", "json", "-o", str(work / f"report-{units}.json")])
    end_to_end_s, peak_mb, peak_pss_mb = command["wall_s"], command["peak_mb"], command["peak_pss_mb"]
    start = time.perf_counter()
    case = load_case(folder)
    load_s = time.perf_counter() - start
    cpu = cpu_seconds()
    report = evaluate(case, AS_OF, "both", workers=workers)
    decide_cpu_s = cpu_seconds() - cpu
    # the legal work: findings grow faster than the roster when implicated formations cover more units
    findings = sum(len(s.findings) for group in (report.units, report.people) for s in group.values()) + sum(
        len(p.findings) for p in report.proposals.values())
    decide_s = sum(report.timings[k] for k in ("facts_s", "engine_s", "combine_s"))
    start = time.perf_counter()
    expected = reference_decide(case, AS_OF, ("state", "dod"))
    plain_s = time.perf_counter() - start
    diff = differences(expected, engine_decision(report))
    for line in diff[:5]:
        print(f"  DISAGREE ({units} units): {line}", file=sys.stderr)
    row = {"units": units, "proposals": proposals, "countries": default_countries(units), "case_mb": round(size_mb, 1), "generate_s": round(generate_s, 2),
           "load_s": round(load_s, 2), "load_mb_per_s": round(size_mb / load_s, 2), "decide_s": round(decide_s, 2),
           "end_to_end_s": round(end_to_end_s, 2), "end_to_end_cpu_s": round(command["cpu_s"], 2),
           "end_to_end_parent_cpu_s": round(command["parent_cpu_s"], 2),
           "decide_cpu_s": round(decide_cpu_s, 2), "findings": findings,
           "ms_per_finding": round(1000 * decide_cpu_s / max(1, findings), 3), "peak_rss_mb": round(peak_mb), "peak_pss_mb": round(peak_pss_mb), "plain_decide_s": round(plain_s, 3),
           "engine_vs_plain": round(decide_s / plain_s, 1) if plain_s else None,
           "ms_per_proposal": round(1000 * end_to_end_s / max(1, proposals), 3),
           "disagreements": len(diff), "timings": report.timings}
    if with_whatif:
        hypothesis = load_hypothesis(one_allegation(work, case))
        cpu, start = cpu_seconds(), time.perf_counter()
        result = whatif(case, [hypothesis], AS_OF, ("state", "dod"))  # beyond loading: the case is loaded
        row["whatif_one_allegation_s"] = round(time.perf_counter() - start, 2)
        row["whatif_cpu_s"] = round(cpu_seconds() - cpu, 2)
        # of which the baseline (a full evaluation) and the hypothesis (only what the allegation reaches)
        row["whatif_baseline_s"] = round(sum(result.baseline.timings.values()), 2)
        row["whatif_hypothesis_s"] = round(sum(result.hypothesis.timings.values()), 2)
        row["whatif_changes"] = len(result.changes)
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000], help="units per case")
    parser.add_argument("--full", action="store_true", help="sizes 2,000, 10,000 and 50,000 units")
    parser.add_argument("--quick", action="store_true", help="one tiny size, for a smoke test")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None, help="processes for the API run (default: every core)")
    parser.add_argument("--keep", metavar="FOLDER", help="keep the generated cases and reports here")
    args = parser.parse_args(argv)
    sizes = [120] if args.quick else [2000, 10000, 50000] if args.full else sorted(args.sizes)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for units in sizes:
            row = measure(units, args.seed, args.workers, work, with_whatif=units == sizes[-1])
            rows.append(row)
            print(f"{units:>7} units {row['proposals']:>8} proposals  load {row['load_s']:>7.2f} s  decide "
                  f"{row['decide_s']:>7.2f} s  end to end {row['end_to_end_s']:>7.2f} s ({row['end_to_end_cpu_s']:.1f} s CPU, "
                  f"parent {row['end_to_end_parent_cpu_s']:.1f})  peak {row['peak_rss_mb']:>6} MB"
                  f"  plain {row['plain_decide_s']:.3f} s  disagreements {row['disagreements']}",
                  file=sys.stderr, flush=True)
    headline = dict(rows[-1])
    headline["growth"] = [{k: r[k] for k in ("units", "proposals", "load_s", "decide_s", "end_to_end_s",
                                             "end_to_end_cpu_s", "end_to_end_parent_cpu_s", "decide_cpu_s", "peak_rss_mb", "ms_per_proposal", "findings",
                                             "ms_per_finding", "disagreements")} for r in rows]
    headline["load_average"] = [round(x, 2) for x in os.getloadavg()]
    headline["cores"] = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    headline["date"] = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    headline["disagreements"] = sum(r["disagreements"] for r in rows)
    print(json.dumps(headline))
    return 1 if headline["disagreements"] else 0


if __name__ == "__main__":
    sys.exit(main())
