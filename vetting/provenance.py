"""What a JSON report records so that anyone can re-run it and check it (`vetting verify`).

Every input file with its sha256, by path relative to its folder: the case files and hypotheses relative to the
case folder, the rule files relative to the rule-set folder; the folders and the case's files and folders as they
were named; and the versions of the software that decided. The as-of date and the laws are in the report already.
"""
from __future__ import annotations

import os
import platform
from pathlib import Path


def software() -> dict:
    from importlib import metadata

    import vetting

    try:
        durable = metadata.version("durable_rules")
    except metadata.PackageNotFoundError:  # pragma: no cover - durable_rules is a dependency
        durable = None
    return {"vetting": vetting.__version__, "durable_rules": durable, "python": platform.python_version()}


def relative(path, folder) -> str:
    """`path` from inside `folder`, written with `/` on every system (`../x.yaml` when it lies outside)."""
    return Path(os.path.relpath(path, folder or ".")).as_posix()


def case_files(case) -> list[tuple]:
    """(path, sha256) of the files the case was read from, without the hypotheses (applied after, listed last)."""
    return list(case.files[:len(case.files) - len(case.hypotheses)])


def hypothesis_files(case) -> list[tuple]:
    return list(case.files[len(case.files) - len(case.hypotheses):]) if case.hypotheses else []


def case_record(case) -> dict:
    folder = case.folder
    return {"folder": str(folder) if folder is not None else None,
            "given": [relative(p, folder) for p in case.given],
            "files": [{"path": relative(path, folder), "sha256": sha} for path, sha in case_files(case)]}


def hypothesis_records(case) -> list[dict]:
    return [{"path": relative(path, case.folder), "sha256": sha} for path, sha in hypothesis_files(case)]


def rule_set_record(rules) -> dict:
    """The rule files read (a reading's as `readings/NAME.yaml`) and the readings applied, in order."""
    return {"folder": rules.folder, "files": [{"path": name, "sha256": sha} for name, sha in rules.hashes],
            "readings": [{"name": reading.name, "path": path} for path, reading in rules.readings]}
