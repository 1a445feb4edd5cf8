"""Loading a JSON roster: how many MB of case files a CPU second parses, validates and checks.

It writes a synthetic roster with `vetting generate` (JSON, into a temporary folder), then loads it with
`vetting.case.load.load_case`, the path every command takes, and times in CPU seconds of this process
(`time.process_time`; the machine may be busy, so wall time would measure the neighbours) each step of it:

- parse: `read_case_file` of every file (`vetting.case.jsonfile.load`: the C json parser and its checks);
- validate: the pydantic models of every file (`CaseFile`), as `load_case` calls them;
- checks: `check_case`, the checks that span entities (references, cycles, dates);
- total: the whole `load_case`, the rest included (merging files, indexing ids, the folder check).

The steps are timed by wrapping the functions `load_case` calls, so they are timed inside `load_case` as it
runs (the cyclic garbage collector paused as it pauses it). The load is repeated `--repeat` times, and each
figure is the least over the loads. It prints one JSON line on standard output:
`{"mb", "files", "parse_cpu_s", "validate_cpu_s", "checks_cpu_s", "total_cpu_s", "mb_per_cpu_s", ...}`.

    .venv/bin/python benchmarks/bench_load.py --quick          # a tiny roster: a smoke test, seconds
    .venv/bin/python benchmarks/bench_load.py                  # 10,000 units, 46,000 proposals, seed 1

Not a test: nothing is asserted about time.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from vetting.case import load  # noqa: E402


class _Timed:
    """Wraps `load.NAME` for the duration of a `with`, adding the CPU seconds of each call to `seconds`."""

    def __init__(self, name: str):
        self.name, self.seconds = name, 0.0

    def __enter__(self):
        self.original = original = getattr(load, self.name)

        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - start

        setattr(load, self.name, timed)
        return self

    def __exit__(self, *exc):
        setattr(load, self.name, self.original)


def measure(folder: Path) -> dict:
    with _Timed("read_case_file") as parse, _Timed("_validate") as validate, _Timed("check_case") as checks:
        start = time.process_time()
        case = load.load_case(folder)
        total = time.process_time() - start
    return {"parse_cpu_s": parse.seconds, "validate_cpu_s": validate.seconds, "checks_cpu_s": checks.seconds,
            "total_cpu_s": total, "entities": sum(len(case.collection(name)) for name in load.COLLECTIONS)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--proposals", type=int, default=46_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="loads of the roster; the least CPU of each step is kept")
    parser.add_argument("--quick", action="store_true", help="a tiny roster (200 units, 920 proposals), once")
    parser.add_argument("--case", type=Path, help="load this folder instead of generating a roster")
    args = parser.parse_args(argv)
    if args.quick:
        args.units, args.proposals, args.repeat = 200, 920, 1
    with tempfile.TemporaryDirectory(prefix="vetting-bench-load-") as tmp:
        folder = args.case
        command = None
        if folder is None:
            folder = Path(tmp) / "roster"
            command = ["vetting", "generate", "--units", str(args.units), "--proposals", str(args.proposals),
                       "--seed", str(args.seed), "-o"]
            subprocess.run([sys.executable, "-m", "vetting", *command[1:], str(folder)], check=True, cwd=ROOT,
                           stdout=subprocess.DEVNULL)
        files = sorted(p for p in folder.iterdir() if load.is_case_file(p))
        size = sum(p.stat().st_size for p in files)
        runs = [measure(folder) for _ in range(max(1, args.repeat))]
    # the least CPU each step took over the loads: what the code costs, less what a busy machine adds (caches,
    # memory bandwidth shared with other processes)
    best = {key: min(run[key] for run in runs) for key in runs[0]}
    mb = size / 1e6
    figures = {"mb": round(mb, 3), "files": len(files), "entities": best["entities"],
               **{key: round(best[key], 3) for key in ("parse_cpu_s", "validate_cpu_s", "checks_cpu_s",
                                                       "total_cpu_s")},
               "other_cpu_s": round(best["total_cpu_s"] - best["parse_cpu_s"] - best["validate_cpu_s"]
                                    - best["checks_cpu_s"], 3),
               "mb_per_cpu_s": round(mb / best["total_cpu_s"], 3) if best["total_cpu_s"] else None,
               "parse_mb_per_cpu_s": round(mb / best["parse_cpu_s"], 3) if best["parse_cpu_s"] else None,
               "repeat": len(runs), "python": sys.version.split()[0],
               "command": " ".join(command) + " DIR" if command else str(folder)}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
