"""What-if at scale: the variant is decided only where its hypothesis changes the facts, with the same result.

`whatif` decides the baseline in parts, then only the parts its hypothesis reaches (`partition.replan`),
reusing the rest. Compared here against the full path (both cases evaluated whole in parts, as `whatif` did
before) on generated cases (synthetic, `vetting generate`), over several seeds and every kind of change a
hypothesis makes: every status, finding, outcome, task and fired rule, the JSON and the terminal output byte
for byte. A rule set the partition cannot split falls back to the full path.
"""
from __future__ import annotations

import copy
import dataclasses
import io
import json

import pytest
from rich.console import Console

from vetting import decide
from vetting.engine import parallel
from vetting.engine import partition
from vetting.case.schema import HypothesisFile
from vetting.decide import evaluate
from vetting.facts import ancestors_on, build
from vetting.generate import AS_OF, generate
from vetting.case.load import Hypothesis, apply_hypotheses
from vetting.case.memory import case_from_data
from vetting.law.ruleset import load_ruleset
from vetting import safeyaml
from vetting.whatif import compare, render_terminal, to_json, whatif

PART_SIZE = 300  # small parts: a 300-unit case is split into many, so reuse is really exercised
SEEDS = (1, 3, 4)  # (300, 1000, 2) makes an invalid case today: a determination made before its incident
ASSUMED = {"assumption": "a test hypothesis (synthetic)"}


def _head() -> dict:
    return {"sources": [{"id": "synthetic-roster", "title": "Synthetic roster", "publisher": "vetting",
                         "kind": "other"}]}


def _case(seed: int):
    return case_from_data([_head(), generate(300, 1000, seed)])


def _hypothesis(overlay: dict) -> Hypothesis:
    data = {"hypothesis": {"id": "h", "title": "A synthetic change", "rationale": "a test"}, **overlay}
    model = HypothesisFile.model_validate(data)
    return Hypothesis(model.hypothesis, model, safeyaml.Document("<test>", data, {}), "0" * 64)


def _mid_unit(case) -> str:
    """A unit four levels down (fewer in a small case) with units under it: a change to it reaches a subtree, not
    a country (the generator's roster: headquarters, regions, zones, battalions, companies)."""
    ancestors = ancestors_on(case.units, AS_OF)
    below = {a for above in ancestors.values() for a in above}
    return next(uid for depth in (3, 2, 1) for uid in sorted(case.units)
                if len(ancestors[uid]) == depth and uid in below)


def _implicated(case):
    """A credible information item about an incident whose perpetrators are named units: its units are barred."""
    return next(i for i in case.information.values() if i.incident and i.assessment.status == "credible"
                and case.incidents[i.incident].perpetrators.units)


# each: a kind of change a hypothesis makes, as an overlay built from the generated case
def add_allegation(case):
    return {"add": {"information": [{
        "id": "n-hyp", "incident": next(iter(case.incidents)), "summary": "a hypothetical report",
        "alleges": {"units": [_mid_unit(case)]}, "violations": ["torture"], "received": "2016-06-29",
        "assessment": {"status": "credible", "on": "2016-06-30"}, **ASSUMED}]}}


def add_allegation_against_a_person(case):
    person = next(pid for pid in sorted(case.people) if case.people[pid].postings)
    return {"add": {"information": [{
        "id": "n-hyp", "incident": next(iter(case.incidents)), "summary": "a hypothetical report",
        "alleges": {"people": [person]}, "violations": ["extrajudicial-killing"], "received": "2016-06-29",
        "assessment": {"status": "credible", "on": "2016-06-30"}, **ASSUMED}]}}


def remove_information(case):
    return {"remove": {"information": [_implicated(case).id]}}


def change_a_date(case):
    """The day an item was assessed moves to the as-of date."""
    item = _implicated(case)
    assessment = {**item.assessment.model_dump(by_alias=True, exclude_none=True, mode="json"), "on": "2016-06-30"}
    return {"patch": {"information": [{"id": item.id, "field": "assessment", "value": assessment}]}}


def add_a_determination(case):
    item = _implicated(case)
    unit = case.incidents[item.incident].perpetrators.units[0]
    return {"add": {"determinations": [{
        "id": "d-hyp", "kind": "state-effective-steps", "unit": unit, "incidents": [item.incident],
        "made": "2016-05-01", "reported": "2016-05-10", "sources": ["synthetic-roster"], **ASSUMED}]}}


def change_a_determination(case):
    det = next(iter(case.determinations.values()), None)
    if det is None:
        pytest.skip("no determination in this generated case")
    # revoked on the as-of date: never before it was made (every date of a generated case is on or before
    # AS_OF), and it no longer counts on that day
    return {"patch": {"determinations": [{"id": det.id, "field": "revoked", "value": AS_OF.isoformat()}]}}


def move_a_unit(case):
    """A parent link: a unit under an implicated formation moves under another one, with its subtree."""
    ancestors = ancestors_on(case.units, AS_OF)
    unit = next(uid for uid in sorted(case.units) if len(ancestors[uid]) == 3)
    other = next(uid for uid in sorted(case.units) if len(ancestors[uid]) == 1 and uid not in ancestors[unit])
    return {"patch": {"units": [{"id": unit, "field": "parents",
                                 "value": [{"unit": other, "sources": ["synthetic-roster"]}]}]}}


def add_a_posting(case):
    item = _implicated(case)
    unit = case.incidents[item.incident].perpetrators.units[0]
    person = next(p for pid, p in sorted(case.people.items()) if p.postings and all(
        x.unit != unit for x in p.postings))
    postings = [x.model_dump(by_alias=True, exclude_unset=True) for x in person.postings]
    postings.append({"unit": unit, "role": "member", "from": "2012-01-01", "sources": ["synthetic-roster"]})
    return {"patch": {"people": [{"id": person.id, "field": "postings", "value": postings}]}}


def add_a_proposal(case):
    item = _implicated(case)
    unit = case.incidents[item.incident].perpetrators.units[0]
    return {"add": {"proposals": [{
        "id": "q-hyp", "title": "A hypothetical course", "funding": {"sources": ["incle"]}, "kind": "training",
        "recipients": {"units": [unit, _mid_unit(case)]}, "from": "2016-07-01", "to": "2016-08-01",
        "sources": ["synthetic-roster"], **ASSUMED}]}}


def remove_a_proposal(case):
    return {"remove": {"proposals": [sorted(case.proposals)[7]]}}


CHANGES = (add_allegation, add_allegation_against_a_person, remove_information, change_a_date, add_a_determination,
           change_a_determination, move_a_unit, add_a_posting, add_a_proposal, remove_a_proposal)


def everything(report) -> tuple:
    subjects = {k: (v.status, v.findings) for k, v in {**report.units, **report.people}.items()}
    proposals = {k: (v.outcome, v.outcomes, v.findings) for k, v in report.proposals.items()}
    return subjects, proposals, report.tasks, report.fired


def full_path(case, hypotheses, workers=1):
    """What `whatif` did before: both cases decided in full, in parts."""
    with_case = apply_hypotheses(case, hypotheses)
    baseline = evaluate(case, AS_OF, ("state", "dod"), part_size=PART_SIZE, workers=workers)
    return compare(baseline, evaluate(with_case, AS_OF, ("state", "dod"), rules=baseline.rules,
                                      part_size=PART_SIZE, workers=workers))


def _terminal(result) -> str:
    console = Console(file=io.StringIO(), width=120, color_system=None)
    render_terminal(result, console)
    return console.file.getvalue()


def assert_same(fast, full) -> None:
    assert everything(fast.hypothesis) == everything(full.hypothesis)
    assert everything(fast.baseline) == everything(full.baseline)
    assert json.dumps(to_json(fast), indent=2) == json.dumps(to_json(full), indent=2)
    assert _terminal(fast) == _terminal(full)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_the_fast_what_if_is_the_full_one(seed, change):
    case = _case(seed)
    hypotheses = [_hypothesis(change(case))]
    assert build(apply_hypotheses(case, hypotheses), AS_OF) != build(case, AS_OF)  # a real change
    fast = whatif(case, hypotheses, AS_OF, part_size=PART_SIZE, workers=1)
    full = full_path(case, hypotheses)
    assert_same(fast, full)


def test_the_changes_of_the_benchmark_hypothesis_are_really_found():
    """Not vacuous: one more allegation against a formation bars its units, and the comparison says so."""
    case = _case(1)
    unit = _mid_unit(case)
    result = whatif(case, [_hypothesis(add_allegation(case))], AS_OF, part_size=PART_SIZE, workers=1)
    assert result.hypothesis.units[unit].status == {"state": "ineligible", "dod": "ineligible"}
    changed = {(c.kind, c.id) for c in result.changes}
    assert ("unit", unit) in changed or result.baseline.units[unit].status["state"] == "ineligible"
    assert len(changed) > 5


def _decided(monkeypatch) -> list:
    """The number of facts in each part sent to the engine, call by call."""
    calls, real = [], parallel.decide_parts
    monkeypatch.setattr(parallel, "decide_parts",
                        lambda ruleset, facts, parts, *rest: calls.append(sum(len(p.facts) for p in parts))
                        or real(ruleset, facts, parts, *rest))
    return calls


def test_an_added_allegation_decides_only_what_it_reaches(monkeypatch):
    case = _case(1)
    calls = _decided(monkeypatch)
    fast = whatif(case, [_hypothesis(add_allegation(case))], AS_OF, part_size=PART_SIZE, workers=1)
    baseline_facts, again = calls
    assert 0 < again < baseline_facts / 3
    assert_same(fast, full_path(case, [_hypothesis(add_allegation(case))]))


def test_a_change_that_reaches_nothing_decides_nothing_again(monkeypatch):
    case = _case(4)
    calls = _decided(monkeypatch)
    # a new person posted nowhere and alleged by nothing: only that person is decided again
    overlay = {"add": {"people": [{"id": "p-hyp", "name": "A hypothetical person", "postings": [],
                                   "sources": ["synthetic-roster"], **ASSUMED}]}}
    fast = whatif(case, [_hypothesis(overlay)], AS_OF, part_size=PART_SIZE, workers=1)
    assert calls[1] < 10
    assert fast.hypothesis.people["p-hyp"].status == {"state": "eligible", "dod": "eligible"}
    assert_same(fast, full_path(case, [_hypothesis(overlay)]))


@pytest.mark.parametrize("change", (add_allegation, remove_information, move_a_unit), ids=lambda c: c.__name__)
def test_two_processes_give_the_same_what_if(change):
    case = _case(3)
    hypotheses = [_hypothesis(change(case))]
    assert_same(whatif(case, hypotheses, AS_OF, part_size=PART_SIZE, workers=2), full_path(case, hypotheses, 2))


def test_several_hypotheses_at_once():
    case = _case(4)
    overlay = {**add_allegation(case), **remove_a_proposal(case), **change_a_date(case)}
    hypotheses = [_hypothesis(overlay)]
    assert_same(whatif(case, hypotheses, AS_OF, part_size=PART_SIZE, workers=1), full_path(case, hypotheses))


def test_a_rule_set_the_partition_cannot_split_falls_back_to_the_full_path(monkeypatch):
    shipped = load_ruleset()
    definition = copy.deepcopy(shipped.definition)
    name = next(n for n in definition if n.startswith("recipient-unit-barred"))
    definition[name]["all"][1]["proposal"]["$and"].append({"kind": {"recipient": "unit"}})  # a join never seen
    rules = dataclasses.replace(shipped, definition=definition, sha256="f" * 64)  # its own engine name
    assert not partition.supports(rules.definition, partition.FACT_TYPES)

    def never(*args, **kwargs):
        raise AssertionError("a rule set the partition cannot split was re-planned")

    monkeypatch.setattr(partition, "replan", never)
    case = case_from_data([_head(), generate(120, 300, 4)])
    hypotheses = [_hypothesis(add_allegation(case))]
    fast = whatif(case, hypotheses, AS_OF, rules=rules, part_size=PART_SIZE, workers=1)
    with_case = apply_hypotheses(case, hypotheses)
    whole = evaluate(with_case, AS_OF, rules=rules, part_size=10 ** 9, workers=1)  # one session: the fallback
    assert everything(fast.hypothesis) == everything(whole)
    assert_same(fast, compare(evaluate(case, AS_OF, rules=rules, workers=1), whole))


def test_a_small_case_of_one_part_is_decided_as_before():
    case = case_from_data([_head(), generate(30, 60, 5)])
    hypotheses = [_hypothesis(add_allegation(case))]
    assert_same(whatif(case, hypotheses, AS_OF, workers=1), full_path(case, hypotheses))


def test_the_guards_hold_for_the_variant(monkeypatch):
    """A hypothesis that makes the case imply more inherited findings than one evaluation can hold is refused,
    as a full evaluation of it would be."""
    case = _case(1)
    hypotheses = [_hypothesis(add_allegation(case))]
    with_case = apply_hypotheses(case, hypotheses)
    before = sum(p.inherited for p in partition.partition(build(case, AS_OF)))
    after = sum(p.inherited for p in partition.partition(build(with_case, AS_OF)))
    assert before < after
    monkeypatch.setattr(decide, "MAX_INHERITED", before)
    with pytest.raises(decide.InputError, match="inherited down the hierarchy"):
        evaluate(with_case, AS_OF, part_size=PART_SIZE, workers=1)
    with pytest.raises(decide.InputError, match="inherited down the hierarchy"):
        whatif(case, hypotheses, AS_OF, part_size=PART_SIZE, workers=1)
