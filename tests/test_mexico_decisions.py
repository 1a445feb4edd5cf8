"""The decisions issue 3 names, on the article's case, as exact tests."""
from pathlib import Path

import pytest

from vetting.decide import evaluate
from vetting.case.load import load_case
from vetting.whatif import whatif

CASE = Path(__file__).resolve().parent.parent / "cases" / "mexico-2015"
HYP = CASE / "hypotheses"


@pytest.fixture(scope="module")
def case():
    return load_case(CASE)


def test_before_tlatlaya_the_battalion_is_eligible_under_both_laws(case):
    assert evaluate(case, "2014-06-01").units["mx-bn-102"].status == {"state": "eligible", "dod": "eligible"}


def test_after_the_january_cable_the_battalion_is_suspended_and_its_zone_is_not(case):
    report = evaluate(case, "2015-01-31")
    battalion = report.units["mx-bn-102"]
    assert battalion.status["state"] == "suspended"
    assert any(f.law == "state" and f.effect == "suspend" and f.citation.startswith("usc-22-2378d")
               for f in battalion.findings)
    assert report.units["mx-zone-22"].status == {"state": "eligible", "dod": "eligible"}
    assert report.units["mx-army"].status == {"state": "eligible", "dod": "eligible"}


def test_an_implicated_zone_commander_bars_the_zone_and_everything_under_it(case):
    report = evaluate(case, "2015-05-08", hypotheses=[HYP / "zone-commander-implicated.yaml"])
    under_zone = [uid for uid, unit in case.units.items()
                  if any(link.unit == "mx-zone-22" for link in unit.parents)]
    assert "mx-bn-102" in under_zone
    for uid in ["mx-zone-22", *under_zone]:
        assert report.units[uid].status == {"state": "ineligible", "dod": "ineligible"}, uid
    assert report.units["mx-army"].status == {"state": "eligible", "dod": "eligible"}
    result = whatif(case, [HYP / "zone-commander-implicated.yaml"], "2015-05-08")
    assert {law: str(p) for law, p in result.personnel_newly_barred.items()} == {"state": "10,000", "dod": "10,000"}


def test_a_state_remediation_determination_remediates_under_state_only(case):
    report = evaluate(case, "2015-05-08", hypotheses=[HYP / "state-remediation-determination.yaml"])
    battalion = report.units["mx-bn-102"].status
    assert battalion["state"] == "remediated"
    assert battalion["dod"] in ("suspended", "ineligible")


def test_northcom_training_for_the_battalion_members_is_held_under_dod(case):
    proposal = evaluate(case, "2015-05-08").proposals["northcom-training-bn-102"]
    assert proposal.law == "dod"
    assert proposal.outcome in ("rejected", "suspended")


def test_the_iguala_local_police_are_ineligible_for_an_enforced_disappearance(case):
    report = evaluate(case, "2015-05-08")
    assert report.units["mx-iguala-police"].status == {"state": "ineligible", "dod": "ineligible"}
    assert "enforced-disappearance" in case.incidents["iguala-2014"].violations


def test_apatzingan_opens_a_task_to_identify_the_unit(case):
    report = evaluate(case, "2015-05-08")
    assert ("identify-unit", "state", "apatzingan-2015") in [(t.kind, t.law, t.subject) for t in report.tasks]


def test_purchaser_funded_sales_are_not_covered(case):
    assert evaluate(case, "2015-05-08").proposals["direct-arms-sales-2014"].outcome == "not-covered"
