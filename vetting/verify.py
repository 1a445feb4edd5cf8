"""Verify a published JSON report: re-run it from the inputs it records and say whether the same decisions come out.

`verify(report_path, case=None, hypotheses=None, rules=None)` reads a `vetting-report/2` report, finds its inputs
(the recorded case folder, hypotheses and rule-set folder, or the paths given to override them), compares every
input file with the sha256 the report records (changed, missing, new), evaluates again with the recorded as-of date
and laws, and compares every status, outcome, finding and task. The result is the same only when every input file
and every decision is.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from vetting import provenance
from vetting.errors import InputError
from vetting.report import FORMAT as REPORT_FORMAT

# The exit status of `vetting verify` when the report is not reproduced: 0, 1 and 2 keep their meanings (done,
# internal error, bad input or usage).
EXIT_DIFFERS = 3
RECORDED = ("as_of", "laws", "rule_set", "cases", "hypotheses", "units", "people", "proposals", "tasks")


@dataclass
class FileCheck:
    role: str  # case file, hypothesis, rule file
    path: str  # where it was looked for
    state: str  # same, changed, missing, new


@dataclass
class Verification:
    report: str
    as_of: str
    laws: list
    files: list = field(default_factory=list)  # FileCheck
    differences: list = field(default_factory=list)  # one sentence per decision that differs
    decisions: int = 0  # statuses, outcomes and tasks compared
    error: InputError | None = None  # the inputs as they are now cannot be evaluated
    made_with: dict = field(default_factory=dict)
    verified_with: dict = field(default_factory=dict)

    @property
    def changed_files(self) -> list:
        return [f for f in self.files if f.state != "same"]

    @property
    def same(self) -> bool:
        return not self.changed_files and not self.differences and self.error is None


def read_report(path) -> dict:
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the report: {(err.strerror or str(err)).lower()}", file=str(path)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError("the report is not valid UTF-8", file=str(path)) from None
    except json.JSONDecodeError as err:
        raise InputError(f"the report is not valid JSON: {err.msg.lower()}", file=str(path), line=err.lineno,
                         hint="give the output of `vetting evaluate --format json`") from None
    except ValueError as err:  # e.g. a number longer than Python reads
        raise InputError(f"the report is not valid JSON: {str(err).lower()}", file=str(path)) from None
    if isinstance(data, dict) and data.get("format") == "vetting-report/1":
        raise InputError("a `vetting-report/1` report was written before a proposal held for unidentified "
                         "recipients (`held`) was told apart from a suspended one, so it cannot be re-run to the "
                         "same words", file=str(path), field="format",
                         hint="re-run `vetting evaluate --format json` on its inputs for a `vetting-report/2` report")
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise InputError(f"expected a `{REPORT_FORMAT}` report, not {f'`{found}`' if found else 'this'}",
                         file=str(path), field="format",
                         hint="give the output of `vetting evaluate --format json`")
    missing = [key for key in RECORDED if key not in data]
    case = (data.get("cases") or [None])[0]
    if (missing or not isinstance(case, dict) or "files" not in case or "given" not in case
            or not isinstance(data["rule_set"], dict) or "files" not in data["rule_set"]):
        raise InputError("the report does not record its input files", file=str(path),
                         field=missing[0] if missing else "cases",
                         hint="it was made by an earlier vetting: make it again with `vetting evaluate --format json`")
    return data


def verify(report_path, case=None, hypotheses=None, rules=None) -> Verification:
    """Re-run the report at `report_path`; `case`, `hypotheses` and `rules` override the recorded inputs."""
    from vetting.decide import evaluate
    from vetting.case.load import apply_hypotheses, load_case
    from vetting.report import to_json
    from vetting.law.ruleset import load_ruleset

    data = read_report(report_path)
    recorded_case = data["cases"][0]
    try:
        if case:
            case_paths = [Path(p) for p in ([case] if isinstance(case, (str, Path)) else case)]
            folder = case_paths[0] if case_paths[0].is_dir() else case_paths[0].parent
        else:
            folder = Path(recorded_case["folder"] or ".")
            case_paths = [folder / given for given in recorded_case["given"]]
        hypothesis_paths = ([Path(p) for p in hypotheses] if hypotheses is not None
                            else [folder / h["path"] for h in data["hypotheses"]])
        rules_folder = rules if rules is not None else data["rule_set"]["folder"]
        readings = [str(r["path"]) for r in data["rule_set"].get("readings", [])]  # absent before readings
        as_of, laws = data["as_of"], data["laws"]
    except (TypeError, KeyError, AttributeError):
        raise InputError("the report's record of its inputs is not as `vetting evaluate` writes it",
                         file=str(report_path), field="cases") from None
    result = Verification(str(report_path), str(as_of), list(laws), made_with=data.get("software") or {},
                          verified_with=provenance.software())

    from vetting.law.ruleset import DEFAULT_RULES

    rule_base = Path(rules_folder) if rules_folder else DEFAULT_RULES
    ruleset = None
    try:
        ruleset = load_ruleset(rules_folder, [str(rule_base / path) for path in readings])
        rule_files = dict(ruleset.hashes)
    except InputError as err:
        result.error = err
        rule_files = _hash_folder(rules_folder)
    result.files += _compare("rule file", data["rule_set"]["files"], rule_files, rule_base)

    loaded = None
    try:
        loaded = apply_hypotheses(load_case(case_paths), hypothesis_paths)
        case_files = {provenance.relative(p, folder): sha for p, sha in provenance.case_files(loaded)}
        hypothesis_files = [(provenance.relative(p, folder), sha) for p, sha in provenance.hypothesis_files(loaded)]
    except InputError as err:
        result.error = result.error or err
        case_files = {}
        for path in case_paths:
            case_files.update(_hash_folder(path, folder) if path.is_dir() else _hash_files([path], folder))
        hypothesis_files = list(_hash_files(hypothesis_paths, folder).items())
    result.files += _compare("case file", recorded_case["files"], case_files, folder)
    result.files += _compare_hypotheses(data["hypotheses"], hypothesis_files, folder)

    if result.error is None:
        try:
            now = to_json(evaluate(loaded, as_of, tuple(laws), rules=ruleset))
        except InputError as err:
            result.error = err
        else:
            result.differences, result.decisions = compare_decisions(data, now)
    if result.error is not None and not result.changed_files:
        raise result.error  # the inputs are as recorded and still cannot be evaluated: plain bad input
    return result


def _hash_files(paths, folder) -> dict:
    import hashlib

    out = {}
    for path in paths:
        try:
            out[provenance.relative(path, folder)] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            pass  # not there: the comparison says `missing`
    return out


def _hash_folder(folder, base=None) -> dict:
    """The YAML files at the top of a folder that cannot be loaded, hashed for the comparison (best effort)."""
    from vetting.law.ruleset import DEFAULT_RULES

    folder = Path(folder or DEFAULT_RULES)
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.is_dir())
    except OSError:
        return {}
    return _hash_files(files, base if base is not None else folder)


def _compare(role: str, recorded: list, current: dict, base) -> list:
    checks = []
    recorded = {r["path"]: r["sha256"] for r in recorded}
    for path, sha in recorded.items():
        state = "missing" if path not in current else "same" if current[path] == sha else "changed"
        checks.append(FileCheck(role, _shown(base, path), state))
    checks += [FileCheck(role, _shown(base, path), "new") for path in current if path not in recorded]
    return checks


def _compare_hypotheses(recorded: list, current: list, base) -> list:
    checks = []
    for index, entry in enumerate(recorded):
        if index >= len(current):
            checks.append(FileCheck("hypothesis", _shown(base, entry["path"]), "missing"))
            continue
        path, sha = current[index]
        if path != entry["path"]:  # another file given in its place
            checks.append(FileCheck("hypothesis", _shown(base, entry["path"]), "missing"))
            checks.append(FileCheck("hypothesis", _shown(base, path), "new"))
        else:
            checks.append(FileCheck("hypothesis", _shown(base, path), "same" if sha == entry["sha256"] else "changed"))
    checks += [FileCheck("hypothesis", _shown(base, path), "new") for path, _ in current[len(recorded):]]
    return checks


def _shown(base, path: str) -> str:
    return (Path(base) / path).as_posix()


def compare_decisions(before: dict, now: dict) -> tuple[list, int]:
    """Every status, outcome, set of findings and task that differs between two reports, as sentences."""
    out = []
    count = 0
    for section, kind, decided in (("units", "unit", "status"), ("people", "person", "status"),
                                   ("proposals", "proposal", "outcome")):
        old = {e["id"]: e for e in before.get(section) or []}
        new = {e["id"]: e for e in now[section]}
        count += len(set(old) | set(new))
        for eid in sorted(set(old) | set(new)):
            if eid not in new:
                out.append(f"{kind} `{eid}`: in the report, not decided now")
            elif eid not in old:
                out.append(f"{kind} `{eid}`: decided now, not in the report")
            elif old[eid].get(decided) != new[eid][decided]:
                out.append(f"{kind} `{eid}`: {_decision(old[eid].get(decided))} in the report, "
                           f"{_decision(new[eid][decided])} now")
            elif old[eid].get("findings") != new[eid]["findings"]:
                rules = sorted({f.get("rule") for f in (old[eid].get("findings") or []) + new[eid]["findings"]
                                if f not in (old[eid].get("findings") or []) or f not in new[eid]["findings"]},
                               key=str)
                out.append(f"{kind} `{eid}`: the same {decided}, other findings (rules {', '.join(map(str, rules))})")
    old_tasks = {json.dumps(t, sort_keys=True) for t in before.get("tasks") or []}
    new_tasks = {json.dumps(t, sort_keys=True) for t in now["tasks"]}
    count += len(old_tasks | new_tasks)
    for text in sorted(old_tasks ^ new_tasks):
        task = json.loads(text)
        where = "in the report, not now" if text in old_tasks else "now, not in the report"
        out.append(f"task `{task.get('kind')}` for `{task.get('subject')}` under {task.get('law')} "
                   f"(due {task.get('due') or 'open'}): {where}")
    return out, count


def _decision(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{law}: {status}" for law, status in value.items())
    return str(value)


FORMAT = "vetting-verify/1"


def to_json(result: Verification) -> dict:
    return {"format": FORMAT, "report": result.report, "same": result.same, "as_of": result.as_of,
            "laws": result.laws,
            "files": [{"role": f.role, "path": f.path, "state": f.state} for f in result.files],
            "differences": result.differences,
            "error": str(result.error) if result.error is not None else None,
            "made_with": result.made_with, "verified_with": result.verified_with}


def render(result: Verification) -> str:
    """The verification as plain lines for a terminal or a log."""
    lines = [f"report: {result.report} (as of {result.as_of}, laws: {', '.join(map(str, result.laws))})"]
    counts = {}
    for check in result.files:
        counts[check.role] = counts.get(check.role, 0) + 1
    plural = {"hypothesis": "hypotheses"}
    lines.append("inputs: " + (", ".join(f"{n} {role if n == 1 else plural.get(role, role + 's')}"
                                         for role, n in counts.items())
                               or "none recorded")
                 + (": all as recorded" if not result.changed_files else ""))
    for check in result.changed_files:
        lines.append(f"  {check.state}: {check.path} ({check.role})")
    if result.error is not None:
        lines.append("decisions: cannot be made again from the inputs as they are now:")
        lines += ["  " + line for line in str(result.error).splitlines()]
    elif result.differences:
        lines.append(f"decisions: {len(result.differences)} differ:")
        lines += [f"  {difference}" for difference in result.differences]
    else:
        lines.append(f"decisions: the same ({result.decisions} statuses, outcomes and tasks)")
    made, now = result.made_with, result.verified_with
    if made and made != now:
        lines.append("note: made with " + _versions(made) + "; verified with " + _versions(now))
    lines.append("verified: the same inputs and the same decisions" if result.same else
                 "NOT verified: " + ("the inputs differ" if result.changed_files else "")
                 + (" and " if result.changed_files and (result.differences or result.error) else "")
                 + ("the decisions differ" if result.differences else "")
                 + ("the decisions cannot be made again" if result.error else ""))
    return "\n".join(lines) + "\n"


def _versions(software: dict) -> str:
    return ", ".join(f"{name} {version}" for name, version in software.items())
