"""Format additions for real sources: verification marks, confidence, formation and dissolution, source kinds,
an investigation's history, and a hypothesis `patch` that changes one field."""
from __future__ import annotations

import pytest

from vetting.decide import evaluate
from vetting.explain import PARAPHRASE, UNCHECKED, VERIFIED, explain
from vetting.case.load import apply_hypotheses, load_case


def _sources_of(data: dict, fact_id: str) -> dict:
    fact = next(b for f in data["findings"] for b in f["because"] if b["id"] == fact_id)
    return {s["source"]: s for s in fact["sources"]}


def test_every_cited_source_says_how_its_quotes_are_verified(make_case, run_cli):
    def cite(data):
        data["information"][0]["sources"] = [
            {"source": "article", "quote": "killed 22 people in a warehouse"},
            {"source": "news", "quote": "words nobody can check here"},
        ]
        data["incidents"][0]["sources"].append({"source": "news", "note": "the date"})

    report = evaluate(make_case(cite), "2015-01-01", "state")
    sources = _sources_of(explain(report, "battalion"), "report")
    assert sources["article"]["verification"] == VERIFIED
    assert sources["news"]["verification"] == UNCHECKED
    status, out, _ = run_cli("explain", "battalion", make_case(cite), "--as-of", "2015-01-01", "--law", "state")
    assert "“words nobody can check here” (not checked: text not shipped)" in " ".join(out.split())
    assert "“killed 22 people in a warehouse” (not checked" not in " ".join(out.split())


def test_a_citation_without_a_quote_is_the_cases_own_words(make_case):
    report = evaluate(make_case(), "2015-01-01", "state")
    assert _sources_of(explain(report, "battalion"), "report")["news"]["verification"] == PARAPHRASE


def test_confidence_is_kept_and_shown(make_case, run_cli):
    def confident(data):
        data["information"][0]["confidence"] = "medium"

    case = make_case(confident)
    fact = next(b for f in explain(evaluate(case, "2015-01-01", "state"), "battalion")["findings"]
                for b in f["because"] if b["id"] == "report")
    assert fact["confidence"] == "medium"
    assert "the source's confidence: medium" in run_cli("explain", "battalion", case, "--as-of", "2015-01-01")[1]


def test_a_bad_confidence_is_an_error(make_case, run_cli, expect_error, at):
    case = make_case(lambda d: d["units"][0].update(confidence="certain"))
    expect_error(run_cli("validate", case), case, at(case, "confidence: certain"), "units[0].confidence",
                 "`certain` is not one of")


def test_formation_and_dissolution(make_case, run_cli, expect_error, at):
    case = make_case(lambda d: d["units"][2].update(formed="2010-05", dissolved=2016))
    unit = load_case(case).units["battalion"]
    assert (str(unit.formed), str(unit.dissolved)) == ("2010-05-01", "2016-12-31")
    bad = make_case(lambda d: d["units"][2].update(formed="2016-01-01", dissolved="2015"), name="bad.yaml")
    expect_error(run_cli("validate", bad), bad, at(bad, "id: battalion"), "units[2]",
                 "`dissolved` (2015-12-31) is before `formed`")


def test_a_un_body_is_a_kind_of_source(make_case):
    case = make_case(lambda d: d["sources"].append({"id": "ohchr", "title": "A report", "publisher": "OHCHR",
                                                     "kind": "international-organisation"}))
    assert load_case(case).sources["ohchr"].kind == "international-organisation"


def _history(data, steps, status):
    data["investigations"][0].update(status=status, history=steps)


STEPS = [{"status": "charged", "on": "2007", "sources": ["news"]},
         {"status": "convicted", "on": "2011-03", "note": "homicide, on appeal", "sources": ["news"]}]


def test_an_investigation_keeps_its_history(make_case):
    case = load_case(make_case(lambda d: _history(d, STEPS, "convicted")))
    history = case.investigations["inquiry"].history
    assert [(s.status, str(s.on)) for s in history] == [("charged", "2007-01-01"), ("convicted", "2011-03-01")]


@pytest.mark.parametrize("steps, status, words", [
    (list(reversed(STEPS)), "charged", "oldest first"),
    (STEPS, "open", "is not the last status of `history`"),
])
def test_a_history_out_of_order_or_at_odds_with_the_status_is_an_error(make_case, run_cli, expect_error, at, steps,
                                                                         status, words):
    case = make_case(lambda d: _history(d, steps, status))
    expect_error(run_cli("validate", case), case, at(case, "id: inquiry"), "investigations[0]", words)


def test_a_patch_changes_one_field_and_the_rest_stays(make_case, make_hypothesis):
    case = load_case(make_case())
    hypothesis = make_hypothesis(patch={"information": [{"id": "report", "field": "assessment",
                                                          "value": {"status": "pending"}}]})
    patched = apply_hypotheses(case, [hypothesis])
    assert patched.information["report"].assessment.status == "pending"
    assert patched.information["report"].summary == case.information["report"].summary
    assert case.information["report"].assessment.status == "credible"  # the case itself is untouched
    assert evaluate(patched, "2015-01-01", "state").units["battalion"].status["state"] == "suspended"


@pytest.mark.parametrize("patch, key, words", [
    ({"id": "nothing", "field": "summary", "value": "x"}, "id", "not a known information"),
    ({"id": "report", "field": "sumary", "value": "x"}, "field", "not a field"),
    ({"id": "report", "field": "id", "value": "other"}, "field", "not a field"),
    ({"id": "report", "field": "received", "value": "2014-13"}, "value", "not valid"),
])
def test_a_bad_patch_is_one_error_and_nothing_is_applied(make_case, make_hypothesis, run_cli, expect_error, at,
                                                         patch, key, words):
    hypothesis = make_hypothesis(patch={"information": [patch]})
    line = at(hypothesis, f"{key}: {patch[key]}")
    expect_error(run_cli("validate", make_case(), "--with", hypothesis), hypothesis, line,
                 f"patch.information[0].{key}", words)
