"""The rule set: it loads, every rule is cited, bad rule files get one clear error, versions coexist."""
import json
import shutil
from pathlib import Path

import pytest

from vetting.cli import main
from vetting.decide import evaluate
from vetting.errors import InputError
from vetting.ruleset import DEFAULT_RULES, EFFECTS, load_ruleset

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
        ],
        "run": "credible-information-is-held@dod",
    }


def test_effective_dates_become_conditions_on_the_as_of_date():
    definition = load_ruleset().definition["dod-equipment-not-covered-before-fy2014@dod"]
    # 2014-01-16 is day 16086 since 1970-01-01
    assert definition["all"][0] == {"ctx__": {"$and": [{"t": "context"}, {"$lte": {"as_of": 16086}}]}}


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
    ("10-coverage.yaml", "citation: {state: crs-if10575}", "citation: {state: crs-if1057}",
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
    assert set(EFFECTS) == {"bar", "suspend", "lift", "covered", "not-covered", "except", "waive", "note"}


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
    assert data["rule_set"] == {"name": "leahy", "version": rules.info.version, "sha256": rules.sha256}
