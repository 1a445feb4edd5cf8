"""The law as it read on the as-of date: a citation's earlier wordings (`earlier` in rules/citations.yaml).

A finding keeps its citation id at every date; what a report shows for it (label, title, link) is the wording
in force on the as-of date: 22 U.S.C. 2378d before the December 2011 amendment ("credible evidence"), and the
DoD provision before FY2014, in the FY2014 appropriations act, and at 10 U.S.C. 2249e before it became 362.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import assert_input_error
from vetting.decide import evaluate
from vetting.explain import explain
from vetting.law.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "data" / "mini"


@pytest.mark.parametrize("cid, day, label", [
    ("usc-22-2378d-a", "2011-12-22", "22 U.S.C. 2378d(a) (2007 text)"),
    ("usc-22-2378d-a", "2011-12-23", "22 U.S.C. 2378d(a)"),
    ("usc-22-2378d-b", "2009-06-30", "22 U.S.C. 2378d(b) (2007 text)"),
    ("usc-22-2378d-b", "2015-05-08", "22 U.S.C. 2378d(b)"),
    ("usc-10-362-a1", "2014-01-16", "DoD appropriations acts the annual Leahy provision (before FY2014)"),
    ("usc-10-362-a1", "2014-01-17", "Pub. L. 113-76 div. C (FY2014 DoD appropriations)"),
    ("usc-10-362-a1", "2014-12-18", "Pub. L. 113-76 div. C (FY2014 DoD appropriations)"),
    ("usc-10-362-a1", "2014-12-19", "10 U.S.C. 2249e(a)(1)"),
    ("usc-10-362-a1", "2016-12-22", "10 U.S.C. 2249e(a)(1)"),
    ("usc-10-362-a1", "2016-12-23", "10 U.S.C. 362(a)(1)"),
    ("usc-10-362-b", "2010-01-01", "DoD appropriations acts the annual Leahy provision (corrective steps)"),
    ("usc-10-362-a2", "2015-06-30", "10 U.S.C. 2249e(a)(2)"),
    ("usc-10-362-d", "2013-06-30", "DoD appropriations acts the annual Leahy provision (no sharing procedure found)"),
    ("usc-22-2378d-d5", "2010-01-01", "U.S. Department of State vetting practice before the (d) procedures"),
    ("usc-22-2378d-d5", "2011-12-23", "22 U.S.C. 2378d(d)(5)"),
    ("usc-22-2304-d1", "2010-01-01", "22 U.S.C. 2304(d)(1)"),  # no earlier wording given: today's label
])
def test_a_citation_reads_as_the_law_did_on_the_day(cid, day, label):
    cite = load_ruleset().citations[cid].on(dt.date.fromisoformat(day))
    assert cite.label() == label


def test_an_earlier_wording_says_until_when_and_by_which_act():
    cite = load_ruleset().citations["usc-22-2378d-a"].on(dt.date(2010, 1, 1))
    assert '"credible evidence"' in cite.text and "credible information" not in cite.text
    assert cite.note.startswith("The wording in force until 2011-12-22, enacted by Pub. L. 110-161")
    assert cite.url.startswith("https://govinfo.gov/content/pkg/USCODE-2010-title22/")
    assert cite.earlier == []


def test_explain_cites_the_wording_in_force_on_the_as_of_date():
    before = explain(evaluate(MINI, "2014-12-01"), "bn")
    after = explain(evaluate(MINI, "2017-01-01"), "bn")
    dod = [f["citation"]["label"] for f in before["findings"] if f["rule"] == "unit-implicated" and f["law"] == "dod"]
    assert dod == ["Pub. L. 113-76 div. C (FY2014 DoD appropriations)"]
    dod = [f["citation"]["label"] for f in after["findings"] if f["rule"] == "unit-implicated" and f["law"] == "dod"]
    assert dod == ["10 U.S.C. 362(a)(1)"]


def test_earlier_wordings_out_of_order_are_one_error(run_cli, tmp_path):
    rules = shutil.copytree(ROOT / "rules", tmp_path / "rules")
    text = (rules / "citations.yaml").read_text(encoding="utf-8")
    text = text.replace("      - until: 2014-12-18\n", "      - until: 2013-12-18\n", 1)
    (rules / "citations.yaml").write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip() == "usc-10-362-a1:")
    assert_input_error(run_cli("evaluate", MINI, "--as-of", "2015-05-31", "--rules", rules), rules / "citations.yaml", line,
                       "citations.usc-10-362-a1", "oldest first")
