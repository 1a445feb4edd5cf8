"""`explain` beside the findings: information dates, determinations, tasks, barred units under a recipient, and
nothing the government could not have had on the as-of date. A small synthetic case (not real facts)."""
import json

import pytest

from vetting.cli import main
from vetting.decide import evaluate
from vetting.explain import FORMAT, explain

CASE = """
case: {id: ctx, title: Synthetic explain-context case (not real facts)}
sources:
  - {id: early, title: Early report, publisher: tests, date: 2014-07-01}
  - {id: late, title: Late report, publisher: tests, date: 2015-05-08}
  - {id: month, title: A report of some day in March 2015, publisher: tests, date: 2015-03}
units:
  - {id: zone, name: Zone, kind: military, country: MX, sources: [early]}
  - {id: bn, name: Battalion, kind: military, country: MX, parents: [{unit: zone, sources: [early]}], sources: [early]}
  - {id: police, name: Police, kind: police, country: MX, sources: [early]}
  - {id: co, name: Company, kind: military, country: MX, parents: [{unit: zone, sources: [early]}], sources: [early]}
incidents:
  - {id: k1, title: Killing, date: 2014-06-30, place: {name: X, country: MX}, violations: [extrajudicial-killing],
     perpetrators: {units: [bn]}, sources: [early]}
  - {id: k2, title: Second killing, date: 2014-08-01, place: {name: Y, country: MX}, violations: [torture],
     perpetrators: {units: [co]}, sources: [early]}
  - {id: k3, title: Killing in 2010, date: 2010-03-01, place: {name: Z, country: MX}, violations: [torture],
     perpetrators: {unit_identified: false, force: police}, sources: [early]}
information:
  - id: i4
    incident: k3
    summary: a 2010 report
    received: 2010-04-01
    assessment: {status: credible, on: 2010-05-01}
    sources: [early]
  - id: i1
    incident: k1
    summary: report of the killing
    received: 2014-07-02
    held_by: state
    assessment: {status: credible, on: 2014-09-01, by: the embassy, made_by: government}
    sources:
      - {source: early, quote: an early quote}
      - {source: late, quote: a later quote}
      - {source: month, note: a month-dated note}
  - id: i2
    incident: k2
    summary: report of the second killing
    received: {from: 2014-08-05, to: 2014-08-20}
    held_by: dod
    assessment: {status: credible, on: 2015-04-01}
    sources: [early]
  - id: i3
    incident: k1
    summary: a later report
    received: 2015-06-01
    assessment: {status: pending}
    sources: [late]
investigations:
  - {id: trial, kind: prosecution, by: a court, incident: k1, status: dismissed, status_on: 2015-02-01,
     sources: [early]}
determinations:
  - {id: d-state, kind: state-effective-steps, unit: bn, incidents: [k1], made: 2014-10-01, reported: 2014-10-05,
     review: 2015-01-01, sources: [early]}
  - {id: d-unreported, kind: state-effective-steps, unit: bn, incidents: [k1], made: 2015-03-01, sources: [early]}
  - {id: d-unknown, kind: state-effective-steps, unit: bn, incidents: [k1], made: 2015-04-01, reported: unknown,
     sources: [early]}
  - {id: d-dod, kind: dod-corrective-steps, unit: bn, incidents: [k1], made: 2014-10-01, consulted_state: true,
     sources: [early]}
  - {id: d-later, kind: state-effective-steps, unit: bn, incidents: [k1], made: 2015-06-01, reported: 2015-06-02,
     sources: [late]}
proposals:
  - {id: p, title: Training for the zone, funding: {sources: [fmf], channel: grant}, kind: training,
     recipients: {units: [zone]}, sources: [early]}
"""


@pytest.fixture()
def case(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def test_information_shows_received_assessed_and_who_held_it(case):
    data = explain(evaluate(case, "2014-12-01"), "co")
    assert data["format"] == FORMAT == "vetting-explanation/2"
    [item] = data["information"]
    # assessed only in April 2015: on 1 December 2014 it was pending, and the later assessment is not shown
    assert item == {"id": "i2", "summary": "report of the second killing", "incident": "k2",
                    "received": {"from": "2014-08-05", "to": "2014-08-20"}, "held_by": "dod",
                    "assessment": {"status": "pending", "on": None, "by": None, "made_by": None, "basis": None,
                                   "second_tier": None,
                                   "note": "assessed only after the as-of date"}}
    later = explain(evaluate(case, "2015-05-01"), "co")["information"][0]["assessment"]
    assert (later["status"], later["on"], later.get("note")) == ("credible", "2015-04-01", None)


def test_an_item_received_after_the_date_is_left_out_and_counted(case):
    data = explain(evaluate(case, "2015-05-01"), "bn")
    assert [i["id"] for i in data["information"]] == ["i1"]
    assert data["later_information_left_out"] == 1
    assert data["information"][0]["assessment"]["made_by"] == "government"
    assert explain(evaluate(case, "2015-06-01"), "bn")["later_information_left_out"] == 0


def test_sources_dated_after_the_date_are_not_shown_as_justification(case):
    data = explain(evaluate(case, "2014-10-15"), "bn")
    fact = next(fact for f in data["findings"] for fact in f["because"] if fact["id"] == "i1")
    assert [s["source"] for s in fact["sources"]] == ["early"]
    assert fact["sources"][0]["quotes"] == ["an early quote"]
    assert fact["later_sources_left_out"] == 2 and data["later_sources_left_out"] == 2
    # a source dated by its month is shown within the month, marked as perhaps later than the day
    fact = next(fact for f in explain(evaluate(case, "2015-03-10"), "bn")["findings"] for fact in f["because"]
                if fact["id"] == "i1")
    month = next(s for s in fact["sources"] if s["source"] == "month")
    assert month["dated"] == "may be later than the as-of date"


def test_determinations_say_why_they_lift_or_not(case):
    dets = {d["id"]: d for d in explain(evaluate(case, "2015-05-01"), "bn")["determinations"]}
    assert set(dets) == {"d-state", "d-unreported", "d-unknown", "d-dod"}  # d-later: made after the date
    assert dets["d-state"]["effect"] == "lapsed"
    assert dets["d-state"]["reasons"] == [
        "lapsed: trial (the government is no longer taking effective steps)", "review due 2015-01-01 (past)"]
    assert dets["d-state"]["citation"]["label"] == "22 U.S.C. 2378d(b)"
    assert dets["d-unreported"]["effect"] == "lifts nothing"
    assert dets["d-unreported"]["reasons"] == ["not reported to Congress: no effect until reported"]
    assert dets["d-unknown"]["effect"] == "holds as a suspension"
    assert dets["d-dod"]["effect"] == "lifts" and dets["d-dod"]["law"] == "dod"
    assert dets["d-dod"]["by"] == ["dod-corrective-steps-exception"]
    before = {d["id"]: d for d in explain(evaluate(case, "2014-12-01"), "bn")["determinations"]}
    assert before["d-state"]["effect"] == "lifts" and before["d-state"]["reasons"] == ["review due 2015-01-01"]
    assert explain(evaluate(case, "2014-12-01"), "bn")["later_determinations_left_out"] == 3


def test_tasks_that_concern_the_subject_are_shown(case):
    tasks = explain(evaluate(case, "2015-05-01"), "bn")["tasks"]
    assert {(t["kind"], t["subject"]) for t in tasks} == {
        ("report-determination-to-congress", "d-unreported"), ("confirm-report-to-congress", "d-unknown"),
        ("report-to-congress-15-days", "d-dod"), ("review-effective-steps", "d-state")}
    assert all(t["citation"]["label"] for t in tasks)


def test_no_d6_task_is_cited_before_the_d_procedures_existed(case):
    before = explain(evaluate(case, "2010-12-31"), "police")
    assert before["status"]["state"] == "suspended" and before["tasks"] == []
    assert [f["citation"]["label"] for f in before["findings"] if f["law"] == "state"] == [
        "Pub. L. 110-161 div. J, sec. 651 (FAA sec. 620J, 2007 text)"]
    after = explain(evaluate(case, "2012-01-01"), "police")
    assert [(t["kind"], t["subject"], t["citation"]["label"]) for t in after["tasks"]] == [
        ("identify-unit", "k3", "22 U.S.C. 2378d(d)(6)")]


def test_a_barred_unit_under_a_recipient_formation_is_shown(case):
    data = explain(evaluate(case, "2015-05-01"), "p")
    assert data["outcome"] == "approved"  # a bar runs down, never up
    # the battalion's bar: d-state lapsed, d-unknown (report unknown) holds it as a suspension
    assert data["barred_under"] == [
        {"id": "bn", "name": "Battalion", "under": ["zone"], "status": {"state": "suspended"}},
        {"id": "co", "name": "Company", "under": ["zone"], "status": {"dod": "ineligible"}}]


def test_the_terminal_shows_each_section(case, capsys):
    assert main(["explain", "bn", str(case), "--as-of", "2015-05-01"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Information held on 2015-05-01 • i1 (k1): received 2014-07-02 · held by State only · credible on " \
           "2014-09-01 by the embassy" in out
    assert "• d-unreported: state-effective-steps for bn (22 U.S.C. 2378d(b)): made 2015-03-01 · lifts nothing " \
           "not reported to Congress: no effect until reported" in out
    assert "• state · report-determination-to-congress d-unreported (22 U.S.C. 2378d(b))" in out
    assert "Left out as dated after 2015-05-01: 1 source, 1 information item, 1 determination." in out


def test_the_json_carries_the_format(case, capsys):
    assert main(["explain", "p", str(case), "--as-of", "2015-05-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "vetting-explanation/2" and [u["id"] for u in data["barred_under"]] == ["bn", "co"]


def test_markdown_has_the_same_sections(case, capsys):
    assert main(["explain", "bn", str(case), "--as-of", "2014-10-15", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| i1 | k1 | received 2014-07-02 · held by State only · credible on 2014-09-01 by the embassy |" in out
    assert "| d-state | state-effective-steps for bn (22 U.S.C. 2378d(b)): made 2014-10-01, reported 2014-10-05 · " \
           "lifts (state-effective-steps-exception) | review due 2015-01-01 |" in out
    assert "2 sources dated after 2014-10-15 left out" in out and "a later quote" not in out
    assert "Left out as dated after 2014-10-15: 2 sources, 1 information item, 3 determinations." in out


# The shipped case, where its facts allow (the determination is the case's labelled hypothesis).
MEXICO = "cases/mexico-2015"
REMEDIATION = MEXICO + "/hypotheses/state-remediation-determination.yaml"


def _mexico(as_of, subject, *hypotheses):
    from pathlib import Path

    root = Path(__file__).parent.parent
    return explain(evaluate(root / MEXICO, as_of, hypotheses=[root / h for h in hypotheses]), subject)


def test_mexico_no_may_2015_quote_justifies_the_october_2014_suspension():
    data = _mexico("2014-10-15", "mx-bn-102")
    fact = next(x for f in data["findings"] for x in f["because"] if x["id"] == "tlatlaya-northcom-report")
    # its sources are The Intercept (8 May 2015) and El Economista (12 May 2015): neither existed yet
    assert fact["sources"] == [] and fact["later_sources_left_out"] == 2
    assert data["information"] == [{
        "id": "tlatlaya-northcom-report", "summary": fact["label"], "incident": "tlatlaya-2014",
        "received": {"from": "2014-10-01", "to": "2014-10-31"}, "held_by": "both",
        "assessment": {"status": "pending", "on": None, "by": "U.S. Department of State", "made_by": "government",
                       "basis": data["information"][0]["assessment"]["basis"], "second_tier": None,
                       "note": "the basis is undated: it may rest on information later than the as-of date"}}]
    assert data["information"][0]["assessment"]["basis"].startswith("a January 2015 Northern Command cable")
    later = _mexico("2015-05-08", "mx-bn-102")
    fact = next(x for f in later["findings"] for x in f["because"] if x["id"] == "tlatlaya-northcom-report")
    assert "others had been summarily executed afterwards" in fact["sources"][0]["quotes"]


def test_mexico_the_zone_shows_the_battalion_suspended_under_it():
    data = _mexico("2015-05-08", "mx-zone-22")
    assert data["status"] == {"state": "eligible", "dod": "eligible"}
    assert data["barred_under"] == [{"id": "mx-bn-102", "name": "102nd Infantry Battalion", "under": ["mx-zone-22"],
                                     "status": {"state": "suspended", "dod": "suspended"}}]


def test_mexico_the_federal_police_shows_the_task_to_identify_the_apatzingan_unit():
    tasks = _mexico("2015-05-08", "mx-federal-police")["tasks"]
    assert [(t["law"], t["kind"], t["subject"], t["citation"]["label"]) for t in tasks] == [
        ("state", "identify-unit", "apatzingan-2015", "22 U.S.C. 2378d(d)(6)")]


def test_mexico_a_determination_made_but_not_yet_reported_lifts_nothing():
    assert _mexico("2015-02-01", "mx-bn-102", REMEDIATION)["later_determinations_left_out"] == 1
    pending = _mexico("2015-03-10", "mx-bn-102", REMEDIATION)
    [det] = pending["determinations"]
    # reported on 15 March: on 10 March the report is not made, and its later date is not shown
    assert (det["effect"], det["reported"], det["reasons"]) == (
        "lifts nothing", None, ["not reported to Congress: no effect until reported"])
    assert [(t["kind"], t["subject"]) for t in pending["tasks"]] == [
        ("report-determination-to-congress", "bn-102-state-effective-steps")]
    [det] = _mexico("2015-03-20", "mx-bn-102", REMEDIATION)["determinations"]
    assert (det["effect"], det["by"]) == ("lifts", ["state-effective-steps-exception"])
    # the DoD-funded training of the battalion's members: a State determination does not bear on it
    [det] = _mexico("2015-03-20", "northcom-training-bn-102", REMEDIATION)["determinations"]
    assert (det["effect"], det["reasons"]) == ("does not apply", ["a state determination; this is decided under dod"])


def test_mexico_the_zone_in_the_terminal(capsys):
    from pathlib import Path

    assert main(["explain", "mx-zone-22", str(Path(__file__).parent.parent / MEXICO), "--as-of", "2015-05-08"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert ("as of 2015-05-08: state: eligible, dod: eligible No finding about it; what concerns it is listed below. "
            "Barred or suspended units under it (a bar runs down, never up) • mx-bn-102 (102nd Infantry Battalion) "
            "under mx-zone-22: state: suspended, dod: suspended") in out
