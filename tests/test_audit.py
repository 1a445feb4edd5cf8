"""`vetting audit`: assistance records whose recipient was barred or suspended on the record's own date."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from vetting.audit import audit

RECORDS = """\
case: {id: training-rows, title: Synthetic training rows}
sources:
  - {id: rows, title: A synthetic training report, publisher: vetting tests, kind: government}
proposals:
  - {id: before, title: Course before the report, program: IMET, funding: {authority: faa, account: IMET},
     kind: training, recipients: {units: [battalion]}, from: 2014-06-01, to: 2014-06-20, quantity: 2,
     amount: {value: 1000}, sources: [rows]}
  - {id: pending, title: Course while the report is assessed, program: IMET, funding: {authority: faa},
     kind: training, recipients: {units: [battalion]}, from: 2014-07-20, to: 2014-08-10, quantity: 3,
     amount: {value: 2500}, sources: [rows]}
  - {id: barred, title: Course after the report was found credible, program: Section 1004,
     funding: {authority: dod}, kind: training, recipients: {units: [battalion]}, from: 2014-10-01,
     to: 2014-10-02, quantity: 4, amount: {value: 4000}, sources: [rows]}
  - {id: spans, title: Course during which the report arrived, program: IMET, funding: {authority: faa},
     kind: training, recipients: {units: [battalion]}, from: 2014-06-25, to: 2014-07-05, sources: [rows]}
  - {id: other-unit, title: Course for the army, program: IMET, funding: {authority: faa}, kind: training,
     recipients: {units: [army]}, from: 2014-10-01, sources: [rows]}
  - {id: nobody, title: Course for trainees not named, program: IMET, funding: {authority: faa},
     kind: training, recipients: {identified: false, description: Navy}, from: 2014-10-01, sources: [rows]}
  - {id: undated, title: Course with no dates, program: IMET, funding: {authority: faa}, kind: training,
     recipients: {units: [battalion]}, sources: [rows]}
"""


@pytest.fixture
def cases(make_case, tmp_path):
    """The minimal case (its battalion: report received 2014-07-01, credible 2014-09-01) and a folder of rows."""
    case = make_case(lambda d: d.update(determinations=[], proposals=[]), name="main/case.yaml")
    rows = tmp_path / "rows"
    rows.mkdir()
    (rows / "training.yaml").write_text(RECORDS, encoding="utf-8")
    return [case.parent, rows]


def test_each_record_is_judged_on_its_own_last_day(cases):
    data = audit(cases, each_record=True)
    assert data["case"] == "test-case.training-rows"  # two cases merged
    assert (data["records"], data["judged"], data["unidentified"], data["undated"]) == (7, 5, 1, 1)
    hits = {h["id"]: (h["date"], [(r["id"], r["status"]) for r in h["recipients"]]) for h in data["hits"]}
    assert hits == {"pending": ("2014-08-10", [("battalion", "suspended")]),
                    "spans": ("2014-07-05", [("battalion", "suspended")]),
                    "barred": ("2014-10-02", [("battalion", "ineligible")])}


def test_a_hit_carries_the_finding_the_information_and_the_quote(cases):
    hit = next(h for h in audit(cases, each_record=True)["hits"] if h["id"] == "barred")
    finding = hit["recipients"][0]["findings"][0]
    assert finding["effect"] == "bar"
    (info,) = finding["because"]
    assert info["id"] == "report"
    assert info["sources"][0]["verification"] == "no quote: the case's own words"


def test_totals_by_program_and_fiscal_year(cases):
    totals = audit(cases, each_record=True)["totals"]
    assert totals == [
        {"program": "IMET", "fiscal_year": 2014, "records": 2, "amount": 2500.0, "quantity": 3},
        {"program": "Section 1004", "fiscal_year": 2015, "records": 1, "amount": 4000.0, "quantity": 4},
    ]


def test_one_date_for_every_record(cases):
    data = audit(cases, as_of="2014-06-15")
    assert data["hits"] == [] and data["judged"] == 6  # undated records are judged as of the date given
    assert {h["id"] for h in audit(cases, as_of="2015-01-01")["hits"]} == {"before", "pending", "barred", "spans",
                                                                          "undated"}


def test_the_command_in_every_format(cases, run_cli, tmp_path):
    status, out, err = run_cli("audit", *cases, "--as-of-each-record", "--format", "json")
    assert status == 0, err
    assert json.loads(out)["format"] == "vetting-audit/1"
    # the former `authority` is read as the funding source it meant, and the hit names the source
    assert {h["id"]: h["sources"] for h in json.loads(out)["hits"]} == {
        "spans": ["faa"], "pending": ["faa"], "barred": ["dod"]}
    status, out, _ = run_cli("audit", *cases, "--as-of-each-record", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["record"], r["funding_sources"], r["status"], r["information"]) for r in rows] == [
        ("spans", "faa", "suspended", "report"), ("pending", "faa", "suspended", "report"),
        ("barred", "dod", "ineligible", "report")]
    status, out, _ = run_cli("audit", *cases, "--as-of-each-record", "--format", "markdown")
    assert "**3 to a barred or suspended recipient**" in out and "| Section 1004 | 2015 | 1 | 4,000 | 4 |" in out
    status, out, _ = run_cli("audit", *cases, "--as-of-each-record")
    assert status == 0 and "Totals by program and fiscal year" in out


def test_as_of_and_each_record_together_is_a_usage_error(cases, run_cli, expect_error):
    expect_error(run_cli("audit", *cases, "--as-of-each-record", "--as-of", "2015-01-01"), None, None, None,
                 "not both")


ROOT = Path(__file__).parent.parent
SHIPPED = [ROOT / "cases" / name for name in ("mexico-2015", "mexico-sfm", "mexico-training")]


@pytest.mark.skipif(not all(p.exists() for p in SHIPPED), reason="the shipped imported cases are not here")
def test_the_audit_runs_on_the_imported_data_with_the_hand_written_case():
    data = audit(SHIPPED, as_of="2016-09-30")
    assert data["case"] == "mexico-2015.mexico-sfm"
    assert data["records"] == 5944 and data["unidentified"] == 4334
    training = {h["id"]: {(r["id"], r["status"]) for r in h["recipients"]} for h in data["hits"]
                if h["id"].startswith("fmtrpt-")}
    # on that day every training row to the Federal Police meets the Apatzingán suspension, and no other row hits
    rows = yaml.load((SHIPPED[2] / "training.yaml").read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["proposals"]
    to_police = {p["id"] for p in rows if p["recipients"].get("units") == ["mx-federal-police"]}
    assert len(to_police) == 234
    assert training == {pid: {("mx-federal-police", "suspended")} for pid in to_police}


def test_a_record_held_because_a_recipients_unit_is_unknown_is_counted_apart(make_case, run_cli):
    def retired(data):
        data["people"].append({"id": "retired", "name": "a retired man", "sources": ["news"],
                               "postings": [{"unit": "battalion", "from": "2010-01-01", "to": "2013-12-31",
                                             "sources": ["news"]}]})
        data["proposals"].append({"id": "course", "title": "A course", "funding": {"authority": "faa"},
                                  "kind": "training", "recipients": {"people": ["retired"]}, "sources": ["news"]})
    status, out, err = run_cli("audit", make_case(retired), "--as-of", "2015-06-01", "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert data["held"] == 1 and "course" not in [h["id"] for h in data["hits"]]
    status, out, _ = run_cli("audit", make_case(retired), "--as-of", "2015-06-01")
    assert "1 held (a recipient's unit not known)" in out
