"""Expectations an analyst writes for their own case, checked without Python (`vetting test FILE.yaml`).

After OpenFisca's YAML tests: a file names a case and lists checks, each an as-of date (with hypotheses and laws
if needed) and the statuses, outcomes, open tasks and personnel expected then. A bad file is bad input (one error
naming file, line and field, exit status 2); an expectation not met is a failure (exit status 3).

    case: ..                       # the case: a folder or file, or a list; relative to this file
    checks:
      - name: In January 2015 the battalion is suspended, its zone is not
        as_of: 2015-01-31
        with: [../hypotheses/zone-commander-implicated.yaml]   # optional, relative to this file
        law: both                  # optional: state, dod or both (default)
        units:
          mx-bn-102: suspended     # the same under every law checked
          mx-zone-22: {state: eligible, dod: eligible}
        people: {bn-102-trainees: suspended}
        proposals: {northcom-training-bn-102: suspended}
        tasks: [{kind: identify-unit, subject: apatzingan-2015, law: state}]
        personnel: {ineligible: {state: "10,000"}}   # as reports write it (vetting.reports.personnel)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Union

from pydantic import Field, ValidationError

from vetting import safeyaml
from vetting.case.schema import Date, Model
from vetting.errors import InputError, did_you_mean, field_path

FORMAT = "vetting-test/1"
Status = Literal["eligible", "suspended", "ineligible", "remediated"]
Outcome = Literal["approved", "held", "suspended", "rejected", "approved-by-exception", "waived", "not-covered"]


class PerLaw(Model):
    state: Status | None = None
    dod: Status | None = None


class Task(Model):
    kind: str
    subject: str
    law: Literal["state", "dod"] | None = None
    due: Date | None = None


class Check(Model):
    name: str = Field(min_length=1)
    as_of: Date
    with_: list[str] = Field(default_factory=list, alias="with")
    law: Literal["state", "dod", "both"] = "both"
    units: dict[str, Union[Status, PerLaw]] = Field(default_factory=dict)
    people: dict[str, Union[Status, PerLaw]] = Field(default_factory=dict)
    proposals: dict[str, Outcome] = Field(default_factory=dict)
    tasks: list[Task] = Field(default_factory=list)
    personnel: dict[Literal["ineligible", "suspended"], dict[Literal["state", "dod"], str]] = Field(
        default_factory=dict)


class ExpectationsFile(Model):
    case: Union[str, list[str]]
    checks: list[Check] = Field(min_length=1)


@dataclass
class Result:
    name: str
    line: int | None
    failures: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict:
        return {"name": self.name, "line": self.line, "ok": self.ok, "failures": self.failures}


def load(path) -> tuple[safeyaml.Document, ExpectationsFile]:
    from vetting.case.load import pydantic_error

    path = Path(path)
    if path.is_dir():
        raise InputError("expectations are one file, not a folder", file=str(path))
    if not path.exists():
        raise InputError("no such file", file=str(path))
    doc = safeyaml.load(path)
    if not isinstance(doc.data, dict):
        raise InputError("expected a mapping with `case` and `checks`", file=doc.path, line=doc.line(()),
                         hint="see `vetting test --help` or cases/mexico-2015/expectations/")
    try:
        return doc, ExpectationsFile.model_validate(doc.data)
    except ValidationError as err:
        raise pydantic_error(err, doc, ExpectationsFile) from None


def run(path, rules=None) -> list[Result]:
    """Check every expectation of the file; bad input (the file, the case, an unknown id) raises InputError."""
    from vetting.decide import evaluate
    from vetting.case.load import apply_hypotheses, load_case
    from vetting.reports.personnel import with_status

    doc, spec = load(path)
    here = Path(path).parent
    paths = [spec.case] if isinstance(spec.case, str) else spec.case
    case = load_case([here / p for p in paths])
    results = []
    ruleset = rules
    for index, check in enumerate(spec.checks):
        loc = ("checks", index)
        report = evaluate(apply_hypotheses(case, [here / h for h in check.with_]), check.as_of, check.law,
                          rules=ruleset)
        ruleset = report.rules
        result = Result(check.name, doc.line(loc))
        for kind, table in (("units", report.units), ("people", report.people)):
            for sid, expected in getattr(check, kind).items():
                _known(doc, loc + (kind, sid), sid, table, kind)
                wanted = ({law: expected for law in report.laws} if isinstance(expected, str)
                          else {law: s for law, s in (("state", expected.state), ("dod", expected.dod)) if s})
                for law, status in wanted.items():
                    if law not in report.laws:
                        raise InputError(f"the check asks about the `{law}` law, which it does not apply",
                                         file=doc.path, line=doc.line(loc + (kind, sid)),
                                         field=field_path(loc + (kind, sid, law)), hint="set `law: both`")
                    got = table[sid].status[law]
                    if got != status:
                        result.failures.append(f"{kind[:-1] if kind == 'units' else 'person'} `{sid}` under the "
                                               f"{law} law: expected {status}, got {got}")
        for pid, outcome in check.proposals.items():
            _known(doc, loc + ("proposals", pid), pid, report.proposals, "proposals")
            got = report.proposals[pid].outcome
            if got != outcome:
                result.failures.append(f"proposal `{pid}`: expected {outcome}, got {got}")
        open_tasks = {(t.kind, t.subject, t.law): t for t in report.tasks}
        for task in check.tasks:
            match = [t for (kind, subject, law), t in open_tasks.items()
                     if kind == task.kind and subject == task.subject and task.law in (None, law)]
            if not match:
                result.failures.append(f"no open task `{task.kind}` for `{task.subject}`"
                                       + (f" under the {task.law} law" if task.law else ""))
            elif task.due and all(t.due != task.due for t in match):
                result.failures.append(f"task `{task.kind}` for `{task.subject}`: expected due {task.due}, got "
                                       + ", ".join(str(t.due or "no due date") for t in match))
        for status, laws in check.personnel.items():
            for law, expected in laws.items():
                got = str(with_status(report, law, (status,)))
                if got != expected:
                    result.failures.append(f"personnel {status} under the {law} law: expected {expected}, got {got}")
        results.append(result)
    return results


def _known(doc, loc, sid, table, kind):
    if sid not in table:
        raise InputError(f"`{sid}` is not one of the {kind} of the case", file=doc.path, line=doc.line(loc),
                         field=field_path(loc), hint=did_you_mean(sid, table))


def to_json(path, results: list[Result]) -> dict:
    return {"format": FORMAT, "file": str(path), "passed": sum(r.ok for r in results),
            "failed": sum(not r.ok for r in results), "checks": [r.to_dict() for r in results]}


def render_terminal(path, results: list[Result], console) -> None:
    from rich.text import Text

    from vetting.reports.layout import print_wrapped

    for r in results:
        mark = Text("ok  ", style="green") if r.ok else Text("FAIL", style="bold red")
        print_wrapped(console, mark + Text(f" {r.name}") + Text(f"  ({path}:{r.line})", style="dim"), hang=6)
        for failure in r.failures:
            print_wrapped(console, f"- {failure}", indent=6, hang=8)
    failed = sum(not r.ok for r in results)
    print_wrapped(console, f"{len(results) - failed} passed, {failed} failed")
