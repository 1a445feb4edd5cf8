"""Explanations down to statute and source, and the register of barred units."""
import json
from pathlib import Path

from vetting.cli import main
from vetting.decide import evaluate
from vetting.explain import explain
from vetting.report import register

MINI = Path(__file__).parent / "data" / "mini"
HYP = Path(__file__).parent / "data" / "mini-hypotheses"


def test_an_explanation_reaches_the_statute_and_the_source():
    data = explain(evaluate(MINI, "2015-05-31", hypotheses=[HYP / "state-remediation.yaml"]), "bn")
    assert data["status"] == {"state": "remediated", "dod": "suspended"}
    lift = next(f for f in data["findings"] if f["effect"] == "lift")
    assert lift["citation"]["label"] == "22 U.S.C. 2378d(b)"
    assert lift["citation"]["url"].startswith("https://uscode.house.gov/")
    assert [fact["id"] for fact in lift["because"]] == ["det-state", "nc"]
    assert lift["because"][0]["assumption"] == "hypothesis: a determination"
    assert lift["because"][1]["sources"][0]["title"] == "Synthetic test source"
    suspended = [f for f in data["findings"] if f["rule"] == "unit-implicated"]
    assert {(f["law"], f["lifted"]) for f in suspended} == {("state", True), ("dod", False)}


def test_explain_an_unknown_subject_is_a_usage_error(capsys):
    assert main(["explain", "bnn", str(MINI), "--as-of", "2015-05-31"]) == 2
    err = capsys.readouterr().err
    assert "`bnn` is not a unit, person or proposal" in err and "did you mean `bn`" in err


def test_explain_prints_quotes_in_the_terminal(capsys):
    assert main(["explain", "zone", str(MINI), "--as-of", "2015-05-31", "--with",
                 str(HYP / "commander-implicated.yaml")]) == 0
    out = capsys.readouterr().out
    assert "state: ineligible, dod: ineligible" in out
    assert "unit-implicated" in out and "22 U.S.C. 2378d(a)" in out


def test_the_register_lists_barred_and_suspended_units_only(capsys):
    data = register(evaluate(MINI, "2015-05-31", hypotheses=[HYP / "commander-implicated.yaml"]))
    # no assessment in the mini case says it is the government's: the bars are the analysts' reading
    assert data["barred"] == [] and data["withheld"] == []
    assert [(u["id"], u["status"]["state"]) for u in data["assessments"]] == [("zone", "ineligible"),
                                                                               ("bn", "ineligible")]
    assert [(u["id"], u["status"]["state"]) for u in data["suspended"]] == [("fp", "suspended"), ("fp-1", "suspended")]
    assert data["assessments"][1]["information"] == ["nc", "zc-info"]
    assert main(["register", str(MINI), "--as-of", "2014-06-01", "--format", "json"]) == 0
    empty = json.loads(capsys.readouterr().out)
    assert [empty[s] for s in ("barred", "assessments", "withheld", "suspended")] == [[], [], [], []]
