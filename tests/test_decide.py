"""Exact decisions on a small synthetic case, and the JSON contract of design §4."""
import datetime as dt
import json
from pathlib import Path

import pytest

from vetting.cli import main
from vetting.decide import evaluate
from vetting.errors import InputError

MINI = Path(__file__).parent / "data" / "mini"
HYP = Path(__file__).parent / "data" / "mini-hypotheses"


def statuses(report, law):
    return {uid: unit.status[law] for uid, unit in report.units.items()}


def test_before_anything_happened_everything_is_eligible():
    report = evaluate(MINI, "2014-06-01")
    for law in ("state", "dod"):
        assert set(statuses(report, law).values()) == {"eligible"}
    assert {p.id: p.outcome for p in report.proposals.values()} == {
        "st": "approved", "nct": "approved", "dcs": "not-covered", "bunker": "approved"}
    assert report.tasks == []


def test_information_counts_from_the_first_day_it_may_have_been_received():
    assert evaluate(MINI, "2014-09-30").units["bn"].status == {"state": "eligible", "dod": "eligible"}
    assert evaluate(MINI, "2014-10-01").units["bn"].status == {"state": "suspended", "dod": "suspended"}


def test_pending_information_suspends_the_battalion_not_the_zone():
    report = evaluate(MINI, "2015-01-31")
    assert statuses(report, "state") == {"army": "eligible", "zone": "eligible", "bn": "suspended",
                                         "fp": "eligible", "fp-1": "eligible"}
    finding = next(f for f in report.units["bn"].findings if f.rule == "unit-implicated" and f.law == "state")
    assert (finding.effect, finding.citation, finding.because) == ("suspend", "usc-22-2378d-a", ("nc",))
    assert report.people["trainees"].status == {"state": "suspended", "dod": "suspended"}
    assert report.proposals["nct"].outcome == "suspended"


def test_an_unidentified_unit_opens_a_task_and_holds_the_force_named():
    report = evaluate(MINI, "2015-05-31")
    assert report.units["fp"].status == {"state": "suspended", "dod": "suspended"}
    assert report.units["fp-1"].status == {"state": "suspended", "dod": "suspended"}
    assert [(t.kind, t.law, t.subject) for t in report.tasks] == [("identify-unit", "state", "ap")]
    assert report.proposals["bunker"].outcome == "suspended"


def test_a_commander_implicated_bars_his_whole_command_after_he_left():
    report = evaluate(MINI, "2015-05-31", hypotheses=[HYP / "commander-implicated.yaml"])
    for law in ("state", "dod"):
        assert statuses(report, law) == {"army": "eligible", "zone": "ineligible", "bn": "ineligible",
                                         "fp": "suspended", "fp-1": "suspended"}
    zone = {f.rule for f in report.units["zone"].findings}
    assert {"unit-implicated", "no-clean-slate"} <= zone
    assert report.people["cmdr"].status == {"state": "ineligible", "dod": "ineligible"}
    assert report.proposals["st"].outcome == "rejected"
    assert ("inform-foreign-government", "state", "bn") in [(t.kind, t.law, t.subject) for t in report.tasks]


def test_the_state_exception_lifts_the_state_bar_only_once_reported():
    hyp = [HYP / "state-remediation.yaml"]
    assert evaluate(MINI, "2015-03-10", hypotheses=hyp).units["bn"].status == {
        "state": "suspended", "dod": "suspended"}
    tasks = evaluate(MINI, "2015-03-10", hypotheses=hyp).tasks
    assert ("report-determination-to-congress", "det-state") in [(t.kind, t.subject) for t in tasks]
    report = evaluate(MINI, "2015-03-15", hypotheses=hyp)
    assert report.units["bn"].status == {"state": "remediated", "dod": "suspended"}
    assert report.people["trainees"].status == {"state": "remediated", "dod": "suspended"}
    assert report.proposals["st"].outcome == "approved-by-exception"
    assert report.proposals["nct"].outcome == "suspended"


def test_laws_can_be_chosen():
    report = evaluate(MINI, "2015-05-31", laws="state")
    assert report.laws == ("state",)
    assert set(report.proposals) == {"st", "dcs", "bunker"}
    assert all(set(u.status) == {"state"} for u in report.units.values())
    with pytest.raises(InputError):
        evaluate(MINI, "2015-05-31", laws="treasury")
    with pytest.raises(InputError):
        evaluate(MINI, "31/05/2015")


def test_the_json_report_keeps_the_contract(capsys):
    assert main(["evaluate", str(MINI), "--as-of", "2015-05-31", "--with",
                 str(HYP / "commander-implicated.yaml"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:10] == ["format", "as_of", "laws", "rule_set", "cases", "hypotheses", "units", "people",
                               "proposals", "tasks"]
    assert data["format"] == "vetting-report/2"
    assert data["as_of"] == "2015-05-31"
    assert data["laws"] == ["state", "dod"]
    assert data["cases"][0]["id"] == "mini" and len(data["cases"][0]["sha256"]) == 64
    zone = next(u for u in data["units"] if u["id"] == "zone")
    assert {k: zone[k] for k in ("id", "name", "parent", "personnel", "status")} == {
        "id": "zone", "name": "Zone", "parent": "army", "personnel": 10000,
        "status": {"state": "ineligible", "dod": "ineligible"}}
    for finding in zone["findings"]:
        assert {"rule", "law", "effect", "citation", "because"} <= set(finding)
    assert next(p for p in data["proposals"] if p["id"] == "st") == {
        "id": "st", "title": "state assistance", "law": "state", "outcome": "rejected",
        "findings": next(p for p in data["proposals"] if p["id"] == "st")["findings"]}
    assert {"kind": "identify-unit", "law": "state", "subject": "ap", "due": None,
            "citation": "usc-22-2378d-d6"}.items() <= data["tasks"][0].items()


def test_the_same_evaluation_gives_the_same_bytes(capsys):
    args = ["evaluate", str(MINI), "--as-of", "2015-05-31", "--format", "json"]
    main(args)
    first = capsys.readouterr().out
    main(args)
    assert capsys.readouterr().out == first


def test_terminal_report_and_output_file(tmp_path, capsys):
    out = tmp_path / "report.txt"
    assert main(["evaluate", str(MINI), "--as-of", "2015-05-31", "-o", str(out)]) == 0
    text = out.read_text()
    assert "│ Battalion " in text and "│ bn " in text and "suspended" in text and "identify-unit" in text
    assert capsys.readouterr().out == ""


def test_evaluate_is_a_pure_function_of_its_inputs():
    first = evaluate(MINI, dt.date(2015, 5, 31))
    evaluate(MINI, "2015-05-31", hypotheses=[HYP / "commander-implicated.yaml"])
    again = evaluate(MINI, dt.date(2015, 5, 31))
    assert statuses(first, "state") == statuses(again, "state")
    assert [(t.kind, t.subject) for t in first.tasks] == [(t.kind, t.subject) for t in again.tasks]


def test_a_determination_made_while_the_information_may_still_have_been_arriving_does_not_cover_it(tmp_path):
    """`nc` was received some day in October 2014; a determination of 15 October cannot be sure to cover it."""
    def determination(made, reported):
        path = tmp_path / f"det-{made}.yaml"
        path.write_text(f"""hypothesis: {{id: det-{made}, title: a determination, rationale: test}}
add:
  determinations:
    - {{id: det, kind: state-effective-steps, unit: bn, incidents: [tl], made: {made}, reported: {reported}, assumption: test}}
""")
        return [path]
    mid_month = evaluate(MINI, "2015-05-31", hypotheses=determination("2014-10-15", "2014-10-20"))
    assert mid_month.units["bn"].status == {"state": "suspended", "dod": "suspended"}
    month_end = evaluate(MINI, "2015-05-31", hypotheses=determination("2014-10-31", "2014-11-03"))
    assert month_end.units["bn"].status == {"state": "remediated", "dod": "suspended"}


def test_open_ends_stay_open_at_the_last_date_python_knows():
    """Open `to` dates and unassessed information are far-off days; they must lie beyond any as-of date."""
    report = evaluate(MINI, "9999-12-31", hypotheses=[HYP / "commander-implicated.yaml"])
    assert report.units["bn"].status == {"state": "ineligible", "dod": "ineligible"}
    assert report.people["trainees"].status == {"state": "ineligible", "dod": "ineligible"}  # posting still open
