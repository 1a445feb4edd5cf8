"""The rule set: it loads, every rule is cited, bad rule files get one clear error, versions coexist."""
import json
import shutil
from pathlib import Path

import pytest

from vetting.cli import main
from vetting.decide import evaluate
from vetting.errors import InputError
from vetting.law.ruleset import DEFAULT_RULES, EFFECTS, load_ruleset

MINI = Path(__file__).parent / "data" / "mini"
HYPOTHESES = Path(__file__).parent / "data" / "mini-hypotheses"


def test_every_rule_is_cited_and_every_citation_has_a_url():
    rules = load_ruleset()
    assert len(rules.rules) >= 30
    for rule in rules.rules:
        assert rule.citation, rule.id
        for law, cite in rule.citation.items():
            assert law in ("state", "dod")
            assert rules.citations[cite].url.startswith("https://"), cite
        assert rule.says.strip() and rule.title.strip()


def test_a_rule_compiles_to_durable_json_exactly():
    definition = load_ruleset().definition["credible-information-is-held@dod"]
    assert definition == {
        "all": [
            {"ctx__": {"t": "context"}},
            {"info": {"$and": [{"t": "information"}, {"status": "credible"},
                               {"$lte": {"received": {"ctx__": "as_of"}}},
                               {"$lte": {"assessed": {"ctx__": "as_of"}}}]}},
            {"available": {"$and": [{"t": "available"}, {"information": {"info": "ref"}}, {"law": "dod"}]}},
        ],
        "run": "credible-information-is-held@dod",
    }


def test_effective_dates_become_conditions_on_the_as_of_date():
    definition = load_ruleset().definition
    # 2014-01-16 is day 16086 since 1970-01-01; `kind: {one_of: [equipment, other]}` makes two alternatives
    for alternative in ("#0", "#1"):
        first = definition[f"dod-equipment-not-covered-before-fy2014@dod{alternative}"]["all"][0]
        assert first == {"ctx__": {"$and": [{"t": "context"}, {"$lte": {"as_of": 16086}}]}}


def test_every_fact_type_has_a_sink_rule():
    definition = load_ruleset().definition
    for kind in ("unit", "lineage", "posting", "information", "finding", "task", "gross", "held", "grounds"):
        assert f"sink@{kind}" in definition


def _copy_rules(tmp_path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, target)
    return target


BROKEN = [
    # (file, text to replace, replacement, words expected in the error)
    ("20-violations.yaml", "type: information, status: credible, received",
     "type: informaton, status: credible, received", ["credible-information-is-held", "informaton",
                                                      "did you mean `information`"]),
    ("20-violations.yaml", "status: credible, received: {at_most: as_of}",
     "statuss: credible, received: {at_most: as_of}", ["credible-information-is-held", "no field `statuss`"]),
    ("10-coverage.yaml", "citation: {state: crs-if10575, dod: crs-if10575}", "citation: {state: crs-if1057}",
     ["purchaser-funded-sales-not-covered", "`crs-if1057` is not in citations.yaml"]),
    ("10-coverage.yaml", "effect: not-covered}\n\n  - id: other-funds",
     "effect: not_covered}\n\n  - id: other-funds", ["not_covered", "is not an effect"]),
    ("40-hierarchy.yaml", "ancestor: finding.subject", "ancestor: {atmost: finding.subject}",
     ["bar-covers-units-under", "unknown operator `atmost`"]),
    ("90-proposals.yaml", "    title: Assistance to a barred or suspended unit is refused or held",
     "    titel: Assistance to a barred or suspended unit is refused or held",
     ["unknown key `titel`", "did you mean `title`"]),
    ("30-attribution.yaml", "      info: {type: information, ref: alleged.information}\n      incident: {type: incident, ref: info.incident}\n      posting:\n        type: posting\n        person: alleged.person\n        role: {not: commander}",
     "      info: {type: information, ref: incident.incident}\n      incident: {type: incident, ref: info.incident}\n      posting:\n        type: posting\n        person: alleged.person\n        role: {not: commander}",
     ["attribute-through-member", "matched later"]),
    ("60-unidentified.yaml", "      task: {kind: identify-unit, subject: incident.ref, because: [grounds.information]}",
     "      task: {kind: identify-unit, subject: incident.ref, because: [grounds.information]}\n      derive: {type: x}",
     ["identify-the-unit", "exactly one of"]),
]


@pytest.mark.parametrize("file,old,new,words", BROKEN, ids=[b[3][0] for b in BROKEN])
def test_a_broken_rule_file_gets_one_clear_error_and_exit_2(tmp_path, capsys, file, old, new, words):
    rules = _copy_rules(tmp_path)
    path = rules / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    status = main(["evaluate", str(MINI), "--as-of", "2015-05-31", "--rules", str(rules), "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert "Traceback" not in err
    assert err.startswith(f"error: {path}:")
    for word in words:
        assert word in err


def test_duplicate_rule_ids_are_refused(tmp_path):
    rules = _copy_rules(tmp_path)
    extra = (rules / "10-coverage.yaml").read_text()
    (rules / "99-copy.yaml").write_text(extra)
    with pytest.raises(InputError, match="`state-law-covers-faa-aeca-assistance` is used twice"):
        load_ruleset(rules)


def test_effect_vocabulary_is_closed():
    assert set(EFFECTS) == {"bar", "suspend", "lift", "lapse", "covered", "not-covered", "except", "waive", "note", "hold"}


def test_two_versions_of_the_rule_set_run_side_by_side(tmp_path):
    """An advocate's "law without the State remediation exception" next to the law as it is."""
    variant = _copy_rules(tmp_path)
    (variant / "70-state-exception.yaml").unlink()
    head = variant / "ruleset.yaml"
    head.write_text(head.read_text().replace('version: "2026.11"', 'version: "no-state-exception"'))
    hypotheses = [HYPOTHESES / "state-remediation.yaml"]
    current = evaluate(MINI, "2015-05-31", hypotheses=hypotheses)
    without = evaluate(MINI, "2015-05-31", hypotheses=hypotheses, rules=variant)
    again = evaluate(MINI, "2015-05-31", hypotheses=hypotheses)
    assert current.rules.engine_name != without.rules.engine_name
    assert current.units["bn"].status == {"state": "remediated", "dod": "suspended"}
    assert without.units["bn"].status == {"state": "suspended", "dod": "suspended"}
    assert again.units["bn"].status == current.units["bn"].status


def test_the_json_report_names_the_rule_set_version(capsys):
    assert main(["evaluate", str(MINI), "--as-of", "2015-05-31", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rules = load_ruleset()
    assert {k: data["rule_set"][k] for k in ("name", "version", "sha256")} == {  # more keys may be added (design §4)
        "name": "leahy", "version": rules.info.version, "sha256": rules.sha256}


def _run_one_pattern(engine, name, pattern):
    """Facts x(k, v) for k in a, b, z and v in 5, 15, and a context d = 10; which x does `pattern` match?"""
    sink = {"t": "__never__"}
    rules = {"r": {"all": [{"c": {"t": "ctx"}}, {"x": pattern}], "run": "hit"},
             **{f"sink{i}": {"all": [{"m": {"t": t}}, {"n": sink}], "run": "sink"}
                for i, t in enumerate(("ctx", "x", "hit"))}}
    engine.register(name, rules, {"hit": lambda c, emit: emit({"t": "hit", "k": c.x.k, "v": c.x.v}),
                                  "sink": lambda c, emit: None})
    facts = [{"t": "ctx", "d": 10}] + [{"t": "x", "k": k, "v": v} for k in "abz" for v in (5, 15)]
    return sorted(f"{f['k']}{f['v']}" for f in engine.run(name, facts))


def test_durable_mis_evaluates_or_next_to_references_so_the_compiler_never_emits_it():
    """The bug that makes the compiler expand `one_of` and `any` into separate rules (found by a scenario)."""
    from vetting.engine.durable import Engine

    engine = Engine()
    # k in (a, b) and v <= ctx.d: durable ignores the comparison written after the $or
    assert _run_one_pattern(engine, "or_then_ref", {"$and": [
        {"t": "x"}, {"$or": [{"k": "a"}, {"k": "b"}]}, {"$lte": {"v": {"c": "d"}}}]}) == ["a15", "a5", "b15", "b5"]
    # v <= ctx.d or k == z: durable loses the z15 branch
    assert _run_one_pattern(engine, "or_with_ref", {"$and": [
        {"t": "x"}, {"$or": [{"$lte": {"v": {"c": "d"}}}, {"k": "z"}]}]}) == ["a5", "b5", "z5"]
    # the same conditions as separate rules without $or give the right answers
    assert _run_one_pattern(engine, "a_ref", {"$and": [{"t": "x"}, {"k": "a"}, {"$lte": {"v": {"c": "d"}}}]}) == ["a5"]
    assert "$or" not in json.dumps(load_ruleset().definition)


def test_a_disjunction_with_a_reference_is_decided_right():
    """information-pending-assessment: `status: pending` OR `assessed` after the as-of date."""
    report = evaluate(MINI, "2015-05-31", hypotheses=[HYPOTHESES / "commander-implicated.yaml"])
    assert report.units["bn"].status["state"] == "ineligible"
    early = evaluate(MINI, "2015-01-10", hypotheses=[HYPOTHESES / "commander-implicated.yaml"])
    # the commander's information is assessed on 2015-01-15: before that it is pending, so the zone is suspended
    assert early.units["zone"].status == {"state": "suspended", "dod": "suspended"}
