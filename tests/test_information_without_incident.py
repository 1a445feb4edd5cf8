"""Information without an incident: a source reports an allegation, a suspension or a clearance of a unit or a
person and no incident is known (docs/decisions.md, "Information without an incident")."""
from __future__ import annotations

from vetting.decide import evaluate


def _standalone(**fields):
    """An item alleging the battalion directly, no incident: received 2014-07-01, credible on 2014-09-01."""
    def mutate(data):
        data["information"] = [{"id": "report", "summary": "A report that the battalion tortured detainees",
                                "alleges": {"units": ["battalion"]}, "violations": ["torture"],
                                "received": "2014-07-01", "assessment": {"status": "credible", "on": "2014-09-01"},
                                "sources": ["news"], **fields}]
        data["investigations"] = []
    return mutate


def _status(report, kind, ref):
    return getattr(report, kind)[ref].status["state"]


def test_it_bars_the_unit_it_names_and_the_units_under_it_not_above(make_case):
    case = make_case(_standalone())
    assert _status(evaluate(case, "2014-06-30", "state"), "units", "battalion") == "eligible"
    assert _status(evaluate(case, "2014-07-01", "state"), "units", "battalion") == "suspended"
    report = evaluate(case, "2014-09-01", "state")
    assert {u: _status(report, "units", u) for u in ("army", "zone", "battalion")} == {
        "army": "eligible", "zone": "eligible", "battalion": "ineligible"}


def test_a_person_it_names_is_barred_personally_but_implicates_no_unit_by_posting(make_case):
    # the zone commander is posted to the zone since 2013: with an incident he would implicate it; without one
    # there is no date to match his postings against, so only he is barred
    case = make_case(_standalone(alleges={"people": ["zone-commander"]}))
    report = evaluate(case, "2014-09-01", "state")
    assert _status(report, "people", "zone-commander") == "ineligible"
    assert {u: _status(report, "units", u) for u in ("army", "zone", "battalion")} == {
        "army": "eligible", "zone": "eligible", "battalion": "eligible"}


def test_a_clearance_is_an_item_assessed_not_credible(make_case):
    case = make_case(_standalone(assessment={"status": "not-credible", "on": "2014-09-01"}))
    assert _status(evaluate(case, "2014-08-01", "state"), "units", "battalion") == "suspended"
    assert _status(evaluate(case, "2014-09-01", "state"), "units", "battalion") == "eligible"


def test_an_unknown_violation_holds(make_case):
    case = make_case(_standalone(violations=["unknown"]))
    report = evaluate(case, "2014-09-01", "state")
    assert _status(report, "units", "battalion") == "suspended"
    assert ("classify-violation", "report") in {(t.kind, t.subject) for t in report.tasks}


def test_a_determination_names_the_item_it_concerns(make_case):
    def steps(data):
        _standalone()(data)
        data["determinations"] = [{"id": "steps", "kind": "state-effective-steps", "unit": "battalion",
                                   "information": ["report"], "made": "2014-10-01", "reported": "2014-10-02",
                                   "sources": ["news"]}]
        data["proposals"] = [p for p in data["proposals"] if p["id"] != "dod-training"]
    report = evaluate(make_case(steps), "2014-10-02", "state")
    assert _status(report, "units", "battalion") == "remediated"


def test_without_an_incident_it_must_say_whom_and_what(make_case, run_cli, expect_error, at):
    case = make_case(_standalone(alleges=None), name="no-alleges.yaml")
    expect_error(run_cli("validate", case), case, at(case, "id: report"), "information[0]",
                 "must say whom it alleges")
    case = make_case(_standalone(violations=None), name="no-violations.yaml")
    expect_error(run_cli("validate", case), case, at(case, "id: report"), "information[0]",
                 "must list its `violations`")


def test_received_before_the_conduct_it_reports_is_an_error(make_case, run_cli, expect_error, at):
    case = make_case(_standalone(date="2014-08"))
    expect_error(run_cli("validate", case), case, at(case, "received: 2014-07-01"), "information[0].received",
                 "before the incident it describes began")


def test_a_determination_may_not_name_an_item_of_an_incident(make_case, run_cli, expect_error, at):
    def steps(data):
        data["determinations"].append({"id": "steps", "kind": "state-effective-steps", "unit": "battalion",
                                       "information": ["report"], "made": "2014-10-01", "sources": ["news"]})
    case = make_case(steps)
    expect_error(run_cli("validate", case), case, at(case, "- report", after="id: steps"),
                 "determinations[1].information[0]", "describes the incident `killing`")
