"""One top unit implicated by many information items over thousands of units below it (issue 7).

Every unit below inherits one finding per item and law: 50 items over 4,000 units are 400,000 findings. Before
partitioning this was one durable_rules session (4 min 24 s and 5.6 GB); now the parts are bounded by the
findings their units inherit. Prints one JSON line: seconds, peak RSS of this process and its workers, parts.

    .venv/bin/python benchmarks/bench_inherited.py --units 4000 --items 50
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import TreeMemory  # noqa: E402

from vetting.decide import evaluate  # noqa: E402
from vetting.case.memory import case_from_data  # noqa: E402


def case(units: int, items: int):
    src = ["synthetic-roster"]
    rows = [{"id": "top", "name": "Synthetic top unit", "kind": "military", "country": "XS", "sources": src}]
    rows += [{"id": f"u-{i:06d}", "name": f"Synthetic unit {i}", "kind": "military", "country": "XS", "sources": src,
              "parents": [{"unit": "top" if i < 50 else f"u-{i % 50:06d}", "sources": src}]} for i in range(units)]
    incident = {"id": "i-1", "title": "Synthetic incident", "date": "2015-01-01",
                "place": {"name": "Synthetic place", "country": "XS"}, "violations": ["torture"],
                "perpetrators": {"units": ["top"]}, "sources": src}
    information = [{"id": f"n-{k:03d}", "incident": "i-1", "summary": "Synthetic report", "received": "2015-02-01",
                    "assessment": {"status": "credible", "on": "2015-03-01"}, "sources": src} for k in range(items)]
    head = {"sources": [{"id": "synthetic-roster", "title": "Synthetic", "publisher": "vetting", "kind": "other"}]}
    return case_from_data([head, {"units": rows, "incidents": [incident], "information": information}])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=4000)
    parser.add_argument("--items", type=int, default=50)
    args = parser.parse_args(argv)
    built = case(args.units, args.items)
    memory = TreeMemory(os.getpid())
    start = time.perf_counter()
    report = evaluate(built, "2016-06-30", "both")
    seconds = time.perf_counter() - start
    findings = sum(len(u.findings) for u in report.units.values())
    print(json.dumps({"units": args.units, "items": args.items, "seconds": round(seconds, 1),
                      "peak_rss_mb": round(memory.stop()), "peak_pss_mb": round(memory.peak_pss_kb / 1024), "unit_findings": findings, "timings": report.timings,
                      "load_average": [round(x, 2) for x in os.getloadavg()]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
