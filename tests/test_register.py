"""`vetting register` as the public list of 22 U.S.C. 2378d(d)(7): barred units on a government assessment only;
apart from them the analysts' own readings, the withheld units (with the ground and the report), the suspended
units and the proposals held for unidentified recipients (docs/decisions.md, "The register")."""
from __future__ import annotations

import json

import pytest

AS_OF = "2015-06-01"


def _entity(data, collection, eid):
    return next(e for e in data[collection] if e["id"] == eid)


def _case(data, made_by=None, withheld=None):
    """The minimal case with a police unit barred on a second item, a navy unit suspended (pending), and a
    State proposal whose recipients are not identified. `made_by` sets who assessed the battalion's item."""
    data["units"] += [
        {"id": "police", "name": "The police", "kind": "police", "country": "MX", "sources": ["news"]},
        {"id": "navy", "name": "The navy", "kind": "military", "country": "MX", "sources": ["news"]},
    ]
    data["incidents"] += [
        {"id": "beating", "title": "A beating", "date": "2014-08-01", "violations": ["torture"],
         "place": {"name": "A town", "country": "MX"}, "perpetrators": {"units": ["police"]}, "sources": ["news"]},
        {"id": "raid", "title": "A raid", "date": "2014-08-02", "violations": ["torture"],
         "place": {"name": "A town", "country": "MX"}, "perpetrators": {"units": ["navy"]}, "sources": ["news"]},
    ]
    data["information"] += [
        {"id": "police-report", "incident": "beating", "summary": "The police beat a man", "received": "2014-08-05",
         "assessment": {"status": "credible", "on": "2014-09-01", "made_by": "analyst"}, "sources": ["news"]},
        {"id": "navy-report", "incident": "raid", "summary": "A raid", "received": "2014-08-05",
         "assessment": {"status": "pending"}, "sources": ["news"]},
    ]
    data["proposals"].append({"id": "pooled", "title": "Pooled training", "funding": {"authority": "faa"},
                              "kind": "training", "recipients": {"identified": False}, "sources": ["news"]})
    if made_by:
        _entity(data, "information", "report")["assessment"]["made_by"] = made_by
    if withheld:
        _entity(data, "units", "battalion")["withheld_from_publication"] = withheld


def _register(run_cli, path, as_of=AS_OF):
    status, out, err = run_cli("register", path, "--as-of", as_of, "--law", "state", "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert data["format"] == "vetting-register/2"
    return {name: [row["id"] for row in data[name]] for name in
            ("barred", "assessments", "withheld", "suspended", "held")}, data


def test_only_a_government_assessment_puts_a_unit_on_the_public_list(run_cli, make_case):
    sections, data = _register(run_cli, make_case(lambda d: _case(d, made_by="government")))
    assert sections == {"barred": ["battalion"], "assessments": ["police"], "withheld": [],
                        "suspended": ["navy"], "held": ["pooled"]}
    assert data["barred"][0]["assessed_by"] == ["government"]
    assert data["held"][0]["outcome"] == "held"


@pytest.mark.parametrize("made_by", [None, "analyst"])
def test_an_assessment_that_is_not_the_governments_is_the_analysts_reading(run_cli, make_case, made_by):
    sections, _ = _register(run_cli, make_case(lambda d: _case(d, made_by=made_by)))
    assert sections["barred"] == [] and sections["assessments"] == ["battalion", "police"]


WITHHELD = {"on": "2015-03-01", "ground": "national-security", "justification": "a detailed justification",
            "reported": "2015-03-10", "sources": ["news"]}


def test_a_withheld_unit_is_recorded_apart_with_its_ground_and_report(run_cli, make_case):
    path = make_case(lambda d: _case(d, made_by="government", withheld=[WITHHELD]))
    sections, data = _register(run_cli, path)
    assert sections["barred"] == [] and sections["withheld"] == ["battalion"]
    assert data["withheld"][0]["withholding"] == {
        "on": "2015-03-01", "ground": "national-security", "justification": "a detailed justification",
        "reported": "2015-03-10", "sources": ["news"]}
    sections, _ = _register(run_cli, path, "2015-02-28")  # not yet withheld: on the public list
    assert sections["barred"] == ["battalion"] and sections["withheld"] == []
    sections, data = _register(run_cli, path, "2015-03-05")  # withheld, not yet reported: said so
    assert sections["withheld"] == ["battalion"]
    assert data["withheld"][0]["withholding"]["reported"] is None
    assert "not reported to the committees" in data["withheld"][0]["withholding"]["note"]


def test_a_unit_published_after_all_is_back_on_the_list(run_cli, make_case):
    path = make_case(lambda d: _case(d, made_by="government", withheld=[{**WITHHELD, "until": "2015-05-01"}]))
    sections, _ = _register(run_cli, path)
    assert sections["barred"] == ["battalion"] and sections["withheld"] == []


def test_the_register_in_every_format_keeps_the_sections_apart(run_cli, make_case):
    path = make_case(lambda d: _case(d, made_by="government", withheld=[WITHHELD]))
    status, out, _ = run_cli("register", path, "--as-of", AS_OF, "--law", "state")
    assert status == 0
    for title in ("Barred units: the public list", "Ineligible by the analysts' reading",
                  "Barred units withheld from publication", "Suspended units", "Proposals held"):
        assert title in out
    status, out, _ = run_cli("register", path, "--as-of", AS_OF, "--law", "state", "--format", "csv")
    rows = [line.split(",")[:2] for line in out.splitlines()[1:]]
    assert rows == [["assessments", "police"], ["withheld", "battalion"], ["suspended", "navy"], ["held", "pooled"]]
    status, out, _ = run_cli("register", path, "--as-of", AS_OF, "--law", "state", "--format", "markdown")
    assert "## Barred units withheld from publication" in out and "national-security since 2015-03-01" in out


@pytest.mark.parametrize("withholding, field, words", [
    ({**WITHHELD, "ground": "secret"}, "ground", "`secret` is not one of: `national-security`"),
    ({**WITHHELD, "reported": "2015-02-01"}, None, "`reported` (2015-02-01) is before `on` (2015-03-01)"),
    ({k: v for k, v in WITHHELD.items() if k != "on"}, "on", "missing"),
])
def test_a_bad_withholding_is_one_clear_error(run_cli, make_case, expect_error, withholding, field, words):
    path = make_case(lambda d: _case(d, withheld=[withholding]))
    status, out, err = run_cli("validate", path)
    assert status == 2 and out == "" and err.startswith("error: ") and "Traceback" not in err
    assert "withheld_from_publication[0]" + (f".{field}" if field else "") in err and words in err, err


def _only_a_hold(data):
    """Nothing implicated; one State proposal whose recipients are not identified."""
    data["information"] = []
    data["proposals"].append({"id": "pooled", "title": "Pooled training", "funding": {"authority": "faa"},
                              "kind": "training", "recipients": {"identified": False}, "sources": ["news"]})


def test_held_is_said_in_every_format_and_fails_only_fail_on_suspended(run_cli, make_case):
    path = make_case(_only_a_hold)
    status, out, _ = run_cli("evaluate", path, "--as-of", AS_OF, "--format", "json")
    assert json.loads(out)["format"] == "vetting-report/2"
    assert {p["id"]: p["outcome"] for p in json.loads(out)["proposals"]}["pooled"] == "held"
    meaning = "recipients not identified — a gap in the data, not a human-rights suspension"
    for fmt in ("terminal", "markdown", "html"):
        args = [] if fmt == "terminal" else ["--format", fmt]
        status, out, _ = run_cli("evaluate", path, "--as-of", AS_OF, *args)
        assert status == 0 and f"held: {meaning}" in " ".join(out.split()), fmt
    status, out, _ = run_cli("explain", "pooled", path, "--as-of", AS_OF)
    assert f"held under the state law ({meaning})" in " ".join(out.split())
    assert run_cli("evaluate", path, "--as-of", AS_OF, "--fail-on", "barred")[0] == 0
    status, _, err = run_cli("evaluate", path, "--as-of", AS_OF, "--fail-on", "suspended")
    assert status == 3 and "pooled" in err
