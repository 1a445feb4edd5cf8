"""Decisions: run the rule set on a case as of a date, then combine the findings into statuses and outcomes.

`evaluate(case, as_of, laws, hypotheses)` is a pure function of its arguments (and the rule set). The rules
conclude findings; the combining below is fixed and small (docs/decisions.md):

- unit or person, per law: an unlifted `bar` -> ineligible; else an unlifted `suspend` -> suspended;
  else a bar or suspension lifted by an exception -> remediated; else eligible.
- proposal, under its law: `not-covered` -> not-covered; else a waiver -> waived; else an emergency exception
  -> approved-by-exception; else an unlifted bar -> rejected; an unlifted suspension -> suspended; else a `hold`
  (recipients not identified: a gap in the data, not a human-rights finding) -> held; else if any bar or
  suspension was lifted -> approved-by-exception; else approved.

A bar or suspension is lifted when a `lift` finding under the same law names the same ground (the implicated
unit or person and the information): the lift follows the ground to every unit, person and proposal it reached.
"""
from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from vetting import collector, facts as factlib
from vetting.errors import InputError
from vetting.case.merged import Case, error_at
from vetting.case.load import apply_hypotheses, load_case
from vetting.law.ruleset import LAWS, RuleSet, load_ruleset

UNIT_STATUSES = ("eligible", "suspended", "ineligible", "remediated")
OUTCOMES = ("approved", "held", "suspended", "rejected", "approved-by-exception", "waived", "not-covered")
RESTRICTIVE = ("bar", "suspend")
# a proposal paid from the funds of both laws goes ahead only as far as each law lets it: the strictest outcome
COMBINED = ("not-covered", "approved", "approved-by-exception", "waived", "held", "suspended", "rejected")


@dataclass(frozen=True)
class Finding:
    rule: str
    law: str
    effect: str
    citation: str
    because: tuple
    ground: str | None = None
    scope: str | None = None
    lifted: bool | None = None  # for bars and suspensions: whether an exception lifted this one

    def to_dict(self) -> dict:
        out = {"rule": self.rule, "law": self.law, "effect": self.effect, "citation": self.citation,
               "because": list(self.because)}
        if self.scope:
            out["scope"] = self.scope
        if self.lifted is not None:
            out["lifted"] = self.lifted
        return out


@dataclass
class Subject:
    """A unit or a person: its status under each law and the findings that decide it."""

    id: str
    name: str
    status: dict
    findings: list = field(default_factory=list)


@dataclass
class ProposalDecision:
    id: str
    title: str
    law: str | None
    outcome: str
    findings: list = field(default_factory=list)
    outcomes: dict | None = None  # mixed funding under both laws: the outcome under each


@dataclass(frozen=True)
class Task:
    kind: str
    law: str
    subject: str
    due: dt.date | None
    citation: str
    rule: str
    because: tuple = ()

    def to_dict(self) -> dict:
        return {"kind": self.kind, "law": self.law, "subject": self.subject,
                "due": self.due.isoformat() if self.due else None, "citation": self.citation,
                "rule": self.rule, "because": list(self.because)}


@dataclass
class Report:
    as_of: dt.date
    laws: tuple
    rules: RuleSet
    case: Case
    units: dict
    people: dict
    proposals: dict
    tasks: list
    fired: frozenset = frozenset()  # ids of the rules that concluded anything in this evaluation
    timings: dict = field(default_factory=dict)  # step -> seconds (load_s, facts_s, engine_s, combine_s, ...)


def _laws(laws) -> tuple:
    if isinstance(laws, str):
        laws = LAWS if laws == "both" else (laws,)
    laws = tuple(dict.fromkeys(laws))
    for law in laws:
        if law not in LAWS:
            raise InputError(f"`{law}` is not a law this engine knows", hint="use `state`, `dod` or `both`")
    if not laws:
        raise InputError("no law chosen", hint="use `state`, `dod` or `both`")
    return laws


def _as_of(as_of) -> dt.date:
    if isinstance(as_of, dt.date):
        return as_of
    text = str(as_of)
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):  # as case files: not the `2015W195` Python also reads
        raise InputError(f"`{text}` is not a date written `YYYY-MM-DD`", field="--as-of")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"`{text}` is not a real calendar date", field="--as-of") from None


def evaluate(case, as_of, laws=LAWS, hypotheses=(), rules=None, workers=None, part_size=None,
             progress=None) -> Report:
    """Decide every unit, person and proposal of `case` as of `as_of` under `laws`.

    `case` is case files and folders, or a `Case` (checked here unless it already passed `check_case`). A big
    case is split into parts decided on `workers` processes (default: every core); `part_size` sets the size
    of a part (facts and inherited findings). Neither changes a decision. `progress(n)` is called as parts are
    done. `Report.timings` gives the seconds each step took.
    """
    with collector.paused():  # millions of small objects, next to no cycles (vetting/collector.py)
        return _evaluate(case, as_of, laws, hypotheses, rules, workers, part_size, progress)


def _evaluate(case, as_of, laws, hypotheses, rules, workers, part_size, progress) -> Report:
    from vetting.case.checks import check_case, is_checked

    clock = _Clock()
    if not isinstance(case, Case):
        case = load_case(case)
    elif not is_checked(case):  # a case built in memory: never decided unchecked
        check_case(case)
    clock.lap("load_s")
    case = apply_hypotheses(case, hypotheses)
    as_of, laws = _as_of(as_of), _laws(laws)
    ruleset = rules if isinstance(rules, RuleSet) else load_ruleset(rules)
    clock.lap("hypotheses_and_rules_s")
    _check_hierarchy_size(case, as_of)
    facts = factlib.build(case, as_of)
    clock.lap("facts_s")
    derived = run_rules(ruleset, facts, workers, part_size, progress, case)
    clock.lap("engine_s")
    report = combine(case, as_of, laws, ruleset, derived)
    clock.lap("combine_s")
    report.timings = clock.laps
    return report


class _Clock:
    def __init__(self) -> None:
        self.laps: dict = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 4)
        self._last = now


# The rules see one `lineage` fact per unit and unit above it: a chain n units deep gives n(n-1)/2 of them, all
# built before the parts are. A national roster six levels deep has about 5 per unit (250,000 at 50,000 units);
# this bound is 16 times that, so only a hierarchy far deeper than any chain of command meets it.
MAX_LINEAGE = 4_000_000
# Findings a unit inherits from each unit above it, per information item and law: one top unit implicated by
# 50 items over 4,000 units gives 400,000. The parts bound the memory of each session; the merged report still
# holds them all, so a case implying more than this is refused, not run out of memory.
MAX_INHERITED = 5_000_000
# Facts and inherited findings per part: durable_rules is fast and small at this size (durable-rules.md §5).
PART_SIZE = 4_000


def _check_hierarchy_size(case: Case, as_of: dt.date) -> None:

    ancestors = factlib.ancestors_on(case.units, as_of)
    pairs = sum(len(above) for above in ancestors.values())
    if pairs > MAX_LINEAGE:
        deepest = max(ancestors, key=lambda uid: len(ancestors[uid]))
        raise error_at(case, deepest, ("parents",),
                       f"the hierarchy on {as_of} puts {pairs:,} pairs of a unit and a unit above it before the "
                       f"rules, more than the {MAX_LINEAGE:,} the engine can decide",
                       hint=f"`{deepest}` alone has {len(ancestors[deepest]):,} units above it; a chain of command "
                            f"is a few levels deep: check the `parents` links")


def _check_inherited(case: Case, facts: list[dict], estimate: int) -> None:

    if estimate <= MAX_INHERITED:
        return
    implicated: dict = {}
    for fact in facts:
        if fact["t"] == "alleged_unit":
            implicated[fact["unit"]] = implicated.get(fact["unit"], 0) + 1
    top = max(sorted(implicated), key=implicated.get) if implicated else next(iter(case.units))
    raise error_at(case, top, ("id",),
                   f"the case implies about {estimate:,} findings inherited down the hierarchy (units under an "
                   f"implicated unit, times its information items, times the laws), more than the "
                   f"{MAX_INHERITED:,} one evaluation can hold",
                   hint=f"`{top}` is named by {implicated.get(top, 0):,} information items; evaluate one law "
                        f"(`--law`) or a part of the roster")


def run_rules(ruleset: RuleSet, facts: list[dict], workers=None, part_size=None, progress=None,
              case: Case | None = None) -> list[dict]:
    from vetting.engine import parallel
    from vetting.engine.durable import EngineError, get_engine

    parts = _parts(ruleset, facts, part_size, case)
    if parts is not None:
        workers = parallel.default_workers() if workers is None else workers
        return _sorted(parallel.run_parts(ruleset, facts, parts, workers, progress))
    try:
        return _sorted(get_engine().run(ruleset.engine_name, facts))
    except EngineError as err:
        if isinstance(err.__cause__, InputError):  # a rule file that only fails on data, e.g. `days_after` a name
            raise err.__cause__ from None
        raise


def _parts(ruleset: RuleSet, facts: list[dict], part_size=None, case: Case | None = None) -> list | None:
    """The parts to decide `facts` in (the rule set registered), or None for one session: a rule set the
    partition cannot split exactly, or facts that make one part."""
    from vetting.engine.durable import EngineError, get_engine
    from vetting.engine.partition import partition, supports

    engine = get_engine()
    if not engine.is_registered(ruleset.engine_name):
        try:
            engine.register(ruleset.engine_name, ruleset.definition, ruleset.actions)
        except EngineError as err:  # a rule folder that durable_rules cannot hold is bad input, not a crash
            folder = Path(next(iter(ruleset.files.values()))).parent
            raise InputError(f"durable_rules cannot hold this rule set: {str(err).split('durable_rules: ', 1)[-1]}",
                             file=str(folder), hint="fewer or shorter `one_of` and `any` lists") from None
    if not supports(ruleset.definition, {f["t"] for f in facts}):
        return None
    parts = partition(facts, part_size or PART_SIZE)
    if case is not None:
        _check_inherited(case, facts, sum(p.inherited for p in parts))
    return parts if len(parts) > 1 else None


def evaluate_variant(case: Case, variant: Case, as_of, laws=LAWS, rules=None, workers=None,
                     part_size=None) -> tuple[Report, Report]:
    """`evaluate` of `case` and of `variant` (the case changed by hypotheses): the same two reports, but the
    variant's facts are decided only where they differ (`partition.replan`); the rest of its results are the
    case's. Cases of one part, and rule sets the partition cannot split, are evaluated twice in full."""
    with collector.paused():  # as `evaluate`
        return _evaluate_variant(case, variant, as_of, laws, rules, workers, part_size)


def _evaluate_variant(case: Case, variant: Case, as_of, laws, rules, workers, part_size) -> tuple[Report, Report]:
    from vetting.engine import parallel
    from vetting.case.checks import check_case, is_checked
    from vetting.engine.partition import replan, supports

    for checked in (case, variant):
        if not is_checked(checked):  # built in memory: never decided unchecked
            check_case(checked)
    as_of, laws = _as_of(as_of), _laws(laws)
    ruleset = rules if isinstance(rules, RuleSet) else load_ruleset(rules)
    clock = _Clock()
    _check_hierarchy_size(case, as_of)
    before = factlib.build(case, as_of)
    clock.lap("facts_s")
    parts = _parts(ruleset, before, part_size, case)
    if parts is None:
        return (evaluate(case, as_of, laws, rules=ruleset, workers=workers, part_size=part_size),
                evaluate(variant, as_of, laws, rules=ruleset, workers=workers, part_size=part_size))
    workers = parallel.default_workers() if workers is None else workers
    results = parallel.decide_parts(ruleset, before, parts, workers)
    clock.lap("engine_s")
    baseline = combine(case, as_of, laws, ruleset, _sorted(parallel.merged(results)))
    clock.lap("combine_s")
    baseline.timings, clock = clock.laps, _Clock()
    _check_hierarchy_size(variant, as_of)
    after = factlib.build(variant, as_of)
    if not supports(ruleset.definition, {f["t"] for f in after}):
        return baseline, evaluate(variant, as_of, laws, rules=ruleset, workers=workers, part_size=part_size)
    clock.lap("facts_s")
    plan = replan(before, parts, after, part_size or PART_SIZE)
    _check_inherited(variant, after, plan.inherited)
    clock.lap("replan_s")
    again = parallel.decide_parts(ruleset, after, plan.parts, workers)
    clock.lap("engine_s")
    # the findings about what the new parts decide are theirs (a kept part may hold fewer of them)
    decided = frozenset().union(*(part.owned for part in plan.parts))
    derived = _sorted(parallel.merged([parallel.without(results[i], decided) for i in plan.kept] + again))
    hypothesis = combine(variant, as_of, laws, ruleset, derived)
    clock.lap("combine_s")
    hypothesis.timings = clock.laps
    return baseline, hypothesis


def _sorted(derived: list[dict]) -> list[dict]:
    """Tasks in one order whatever the session or part that derived them: the combining keeps the last of two
    tasks that differ only in their rule or due date."""
    import json

    tasks = sorted((d for d in derived if d["t"] == "task"), key=lambda d: json.dumps(d, sort_keys=True, default=str))
    return [d for d in derived if d["t"] != "task"] + tasks


def _plain(d: dict) -> dict:
    """A finding or task as the combining reads it: what a rule file fills in is text, `because` a tuple of it."""
    if d["t"] not in ("finding", "task"):
        return d
    out = dict(d)
    for key in ("about", "subject", "effect", "ground", "scope", "kind"):
        if out.get(key) is not None and not isinstance(out[key], str):
            out[key] = str(out[key])  # a list or a number from a rule file: compared and sorted, never a crash
    because = out.get("because", ())
    out["because"] = tuple(str(b) for b in (because if isinstance(because, (list, tuple)) else (because,))
                           if b not in (None, ""))
    return out


def _check_effects(ruleset: RuleSet, derived: list[dict]) -> None:
    """An effect that comes from a fact another rule derived (`effect: grounds.level`) is checked here: a `barr`
    would otherwise be a finding that bars nothing, and the unit would be eligible."""
    from vetting.law.ruleset import EFFECTS

    for d in derived:
        if d["t"] == "finding" and d["effect"] not in EFFECTS:
            raise InputError(f"rule `{d['rule']}` concludes the effect `{d['effect']}`, which is not an effect",
                             file=ruleset.files.get(d["rule"]),
                             hint=f"one of: {', '.join(EFFECTS)}; check the rule that derives it")


def combine(case: Case, as_of: dt.date, laws: tuple, ruleset: RuleSet, derived: list[dict]) -> Report:
    derived = [_plain(d) for d in derived]
    _check_effects(ruleset, derived)
    raw = [d for d in derived if d["t"] == "finding" and d["law"] in laws]
    # a lift counts unless the determination that made it has lapsed for that ground (the State present test)
    lapsed = {(d["law"], d.get("ground"), d.get("determination")) for d in raw if d["effect"] == "lapse"}
    lifted = {(d["law"], d.get("ground")) for d in raw
              if d["effect"] == "lift" and (d["law"], d.get("ground"), d.get("determination")) not in lapsed}
    order = {rule.id: i for i, rule in enumerate(ruleset.rules)}

    def _finding_key(f):
        # total: two findings of one rule and law (a bar and a suspension from one item's core and second-tier
        # violations) never compare equal, so no order is left to the hash seed
        return (order.get(f.rule, len(order)), LAWS.index(f.law), f.effect, f.citation, f.scope or "",
                f.ground or "", f.because, str(f.lifted))

    # one finding per rule, law, effect and ground: two routes to the same conclusion merge their reasons
    merged: dict = {}
    for d in raw:
        key = (d["about"], d["subject"], d["rule"], d["law"], d["effect"], d["citation"], d.get("ground"),
               d.get("scope"))
        merged.setdefault(key, []).extend(d.get("because", ()))
    by_subject: dict = {}
    for (about, subject, rule, law, effect, cite, ground, scope), because in merged.items():
        is_lifted = ((law, ground) in lifted) if effect in RESTRICTIVE else None
        finding = Finding(rule, law, effect, cite, tuple(sorted(set(because))), ground, scope, is_lifted)
        by_subject.setdefault((about, subject), set()).add(finding)

    def findings_of(about, subject):
        found = by_subject.get((about, subject), set())
        return sorted(found, key=_finding_key)

    def status(found, law):
        mine = [f for f in found if f.law == law and f.effect in RESTRICTIVE]
        if any(f.effect == "bar" and not f.lifted for f in mine):
            return "ineligible"
        if any(f.effect == "suspend" and not f.lifted for f in mine):
            return "suspended"
        return "remediated" if mine else "eligible"

    def subjects(collection, about):
        out = {}
        for sid, entity in collection.items():
            found = findings_of(about, sid)
            out[sid] = Subject(sid, entity.name, {law: status(found, law) for law in laws}, found)
        return out

    proposals = {}
    for pid, proposal in case.proposals.items():
        under = [law for law in proposal.laws if law in laws]  # mixed funding: decided under each law it falls under
        if proposal.laws and not under:
            continue
        found = findings_of("proposal", pid)
        outcomes = {law: _outcome(pid, [f for f in found if f.law == law], ruleset) for law in under}
        outcome = (max(outcomes.values(), key=COMBINED.index) if outcomes
                   else _outcome(pid, found, ruleset))  # neither law's funds: the not-covered finding decides
        law = under[0] if len(under) == 1 else ("both" if under else None)
        proposals[pid] = ProposalDecision(pid, proposal.title, law, outcome, found,
                                          outcomes if len(outcomes) > 1 else None)

    # one task per kind, law and subject; when several facts open it, it rests on all of them
    # (two rules opening one task: the earliest due date and then the first rule give its due date and citation,
    # whatever order the engine derived them in)
    tasks = {}
    opened = sorted((d for d in derived if d["t"] == "task" and d["law"] in laws
                     and (d["law"], d.get("ground")) not in lifted),
                    key=lambda d: (d["due"] if isinstance(d.get("due"), int) else factlib.LATEST,
                                   order.get(d["rule"], len(order)), str(d["citation"])))
    for d in opened:
        key = (d["kind"], d["law"], d["subject"])
        if key in tasks:
            tasks[key] = replace(tasks[key], because=tuple(sorted(set(tasks[key].because) | set(d["because"]))))
            continue
        due = _due_date(case, ruleset, d) if isinstance(d.get("due"), int) else None
        tasks[key] = Task(d["kind"], d["law"], d["subject"], due, d["citation"], d["rule"],
                          tuple(sorted(set(d["because"]))))
    ordered_tasks = sorted(tasks.values(), key=lambda t: (t.due or dt.date.max, t.kind, t.law, t.subject))
    return Report(as_of, laws, ruleset, case, subjects(case.units, "unit"), subjects(case.people, "person"),
                  proposals, ordered_tasks, frozenset(d["rule"] for d in derived if "rule" in d))


def _due_date(case: Case, ruleset: RuleSet, task: dict) -> dt.date:
    """A task's due date; a day past 9999-12-31 (a determination made in 9999) is bad input, not an open date."""

    try:
        return factlib.date_of(task["due"])
    except OverflowError:
        when = "after 9999-12-31" if task["due"] > 0 else "before 0001-01-01"
        message = f"the task `{task['kind']}` for `{task['subject']}` would fall due {when}, outside the calendar"
        hint = f"check the dates of `{task['subject']}` and rule `{task['rule']}` ({ruleset.files.get(task['rule'])})"
        if task["subject"] in case.locations:
            raise error_at(case, task["subject"], (), message, hint=hint) from None
        raise InputError(message, file=ruleset.files.get(task["rule"]), hint=hint) from None


def _outcome(pid: str, found: list, ruleset: RuleSet) -> str:
    effects = {f.effect for f in found}
    if "not-covered" in effects:
        return "not-covered"
    if "covered" not in effects:
        raise InputError(f"the rule set says neither `covered` nor `not-covered` of the proposal `{pid}`",
                         file=str(Path(next(iter(ruleset.files.values()))).parent),
                         hint="every funding authority needs a coverage rule, as in rules/10-coverage.yaml")
    if "waive" in effects:
        return "waived"
    if "except" in effects:
        return "approved-by-exception"
    live = [f for f in found if f.effect in RESTRICTIVE and not f.lifted]
    if any(f.effect == "bar" for f in live):
        return "rejected"
    if live:
        return "suspended"
    if "hold" in effects:  # recipients not identified: nothing to lift, the data must be completed
        return "held"
    if any(f.effect in RESTRICTIVE for f in found):
        return "approved-by-exception"
    return "approved"
