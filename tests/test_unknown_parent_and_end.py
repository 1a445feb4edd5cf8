"""`unit: unknown` on a parent link and `last_seen` on a link or a posting (issue 10; issue 9, "Unknown is not no").

The format (old files read as before, bad forms refused with one error), the facts the rules read, what the
engine decides (exact statuses and tasks), and the SFM importer's mapping of "last cited" to `last_seen`.
Every case here is synthetic.
"""
from __future__ import annotations

import datetime as dt

import pytest
import yaml
from tests.conftest import entity

from vetting import facts as factlib
from vetting.case.schema import ParentLink, Posting
from vetting.decide import evaluate
from vetting.case.load import load_case

D = dt.date


def _link(**fields) -> ParentLink:
    return ParentLink.model_validate({"unit": "zone", "assumption": "synthetic", **fields})


# ---------------------------------------------------------------- the format


def test_last_seen_is_the_known_end_and_says_the_end_is_unknown():
    seen = _link(**{"from": "2010-01-01", "last_seen": "2013-06"})
    assert seen.to == D(2013, 6, 30) and not seen.end_known  # a month last seen: its last day
    assert seen.covers(D(2013, 6, 30)) and not seen.covers(D(2013, 7, 1))
    ended = _link(**{"from": "2010-01-01", "to": "2013-06-30"})
    assert ended.end_known and ended.last_seen is None
    assert _link().end_known and _link().to is None  # open: still so


def test_a_patched_entity_keeps_last_seen_and_does_not_grow_a_to():
    seen = Posting.model_validate({"unit": "zone", "last_seen": "2013-06-30", "assumption": "synthetic"})
    again = Posting.model_validate(seen.model_dump(by_alias=True, exclude_unset=True))  # as a hypothesis patch does
    assert again == seen and "to" not in seen.model_dump(by_alias=True, exclude_unset=True)
    # a full dump (as `vetting generate` and the tests write cases) gives `to` the same day: read back the same
    assert Posting.model_validate(seen.model_dump(mode="json", by_alias=True, exclude_none=True)) == seen


@pytest.mark.parametrize("fields, words", [
    ({"to": "2013-01-02", "last_seen": "2013-01-01"}, "not both"),
    ({"from": "2013-01-02", "last_seen": "2013-01-01"}, "`last_seen` (2013-01-01) is before `from` (2013-01-02)"),
])
def test_a_link_or_posting_that_cannot_be_is_refused(make_case, run_cli, expect_error, at, fields, words):
    path = make_case(lambda d: entity(d, "units", "battalion")["parents"][0].update(fields))
    expect_error(run_cli("validate", path), path, at(path, "- unit: zone"), "units[2].parents[0]", words)
    path = make_case(lambda d: entity(d, "people", "zone-commander")["postings"][0].update(
        {"from": None, **fields}))
    expect_error(run_cli("validate", path), path, at(path, "- unit: zone", after="postings:"),
                 "people[0].postings[0]", words)


def test_a_unit_cannot_be_called_unknown(make_case, run_cli, expect_error, at):
    path = make_case(lambda d: entity(d, "units", "army").update(id="unknown"))
    expect_error(run_cli("validate", path), path, at(path, "id: unknown"), "units[0].id",
                 "`unknown` is not a unit id")


def test_an_unknown_parent_validates_and_may_not_overlap_a_known_one(make_case, run_cli, expect_error, at):
    def unknown(data):
        entity(data, "units", "battalion")["parents"] = [
            {"unit": "zone", "to": "2013-12-31", "sources": ["news"]},
            {"unit": "unknown", "from": "2014-01-01", "sources": ["news"]}]
    status, out, err = run_cli("validate", make_case(unknown))
    assert status == 0, err

    def overlapping(data):
        unknown(data)
        entity(data, "units", "battalion")["parents"][0]["to"] = "2014-01-01"
    path = make_case(overlapping)
    expect_error(run_cli("validate", path), path, at(path, "- unit: unknown"), "units[2].parents[1]",
                 "two command parents on the same dates (`zone` and `unknown`)")


# ---------------------------------------------------------------- the facts


def _unit(*links):
    return type("U", (), {"parents": [_link(**fields) for fields in links]})()


@pytest.mark.parametrize("links, on, unknown", [
    ([{"unit": "unknown", "from": "2014-01-01"}], D(2014, 1, 1), True),
    ([{"unit": "unknown", "from": "2014-01-01"}], D(2013, 12, 31), False),  # before it: no link at all
    ([{"last_seen": "2013-12-31"}], D(2013, 12, 31), False),  # seen that day: known
    ([{"last_seen": "2013-12-31"}], D(2014, 1, 1), True),
    ([{"to": "2013-12-31"}], D(2014, 1, 1), False),  # ended: standalone in that chain, as before
    ([{"last_seen": "2013-12-31"}, {"unit": "army", "from": "2014-06-01"}], D(2014, 5, 31), True),
    ([{"last_seen": "2013-12-31"}, {"unit": "army", "from": "2014-06-01"}], D(2014, 6, 1), False),
    ([{"last_seen": "2013-12-31"}, {"unit": "army", "from": "2014-06-01", "to": "2014-12-31"}], D(2015, 1, 1),
     False),  # the later link says where it went, and that it ended
    ([{"last_seen": "2013-12-31"}, {"unit": "army", "from": "2014-06-01", "chain": "administrative"}],
     D(2014, 6, 1), True),  # a link of another chain says nothing of this one
    ([{"unit": "unknown", "chain": "operational"}, {"unit": "army"}], D(2014, 6, 1), True),
])
def test_when_a_parent_is_unknown(links, on, unknown):
    assert factlib.parent_unknown_on(_unit(*links), on) is unknown


def test_an_unknown_parent_is_no_ancestor_and_no_parent_in_reports():
    units = {"bn": _unit({"unit": "unknown"}), "zone": _unit()}
    assert factlib.ancestors_on(units, D(2015, 1, 1)) == {"bn": [], "zone": []}
    assert factlib.parent_on(units["bn"], D(2015, 1, 1)) is None


# ---------------------------------------------------------------- what the engine decides


def _case(make_case, battalion_parents, commander_posting, as_of="2015-06-30"):
    def change(data):
        entity(data, "units", "battalion")["parents"] = battalion_parents
        entity(data, "people", "zone-commander")["postings"] = [commander_posting]
        data["incidents"][0]["perpetrators"] = {"units": ["zone"]}  # the zone is barred
        data["determinations"] = []
    return evaluate([make_case(change)], as_of, ("state",))


def test_a_battalion_last_seen_under_the_barred_zone_is_held_with_a_task(make_case):
    report = _case(make_case, [{"unit": "zone", "from": "2010-01-01", "last_seen": "2013-12-31",
                                "sources": ["news"]}],
                   {"unit": "zone", "role": "commander", "from": "2013-01-01", "last_seen": "2014-12-31",
                    "sources": ["news"]})
    assert {uid: s.status["state"] for uid, s in report.units.items()} == {
        "army": "eligible", "zone": "ineligible", "battalion": "suspended"}
    assert report.people["zone-commander"].status["state"] == "suspended"  # last seen: possibly still there
    assert {(t.kind, t.subject) for t in report.tasks} == {
        ("identify-parent-unit", "battalion"), ("confirm-posting", "zone-commander"),
        ("inform-foreign-government", "zone")}
    assert [f.rule for f in report.units["battalion"].findings] == ["unknown-parent-holds"]
    assert report.proposals["state-equipment"].outcome == "rejected"


def test_with_to_instead_of_last_seen_the_old_reading_holds(make_case):
    report = _case(make_case, [{"unit": "zone", "from": "2010-01-01", "to": "2013-12-31", "sources": ["news"]}],
                   {"unit": "zone", "role": "commander", "from": "2013-01-01", "to": "2014-12-31",
                    "sources": ["news"]})
    assert report.units["battalion"].status["state"] == "eligible"
    assert report.people["zone-commander"].status["state"] == "eligible"
    assert {t.kind for t in report.tasks} == {"inform-foreign-government"}


def test_a_person_last_seen_is_placed_in_no_unit_so_training_him_is_held(make_case):
    def change(data):
        entity(data, "people", "zone-commander")["postings"] = [
            {"unit": "army", "from": "2013-01-01", "last_seen": "2014-12-31", "sources": ["news"]}]
        data["proposals"].append({"id": "course", "title": "A course", "funding": {"sources": ["imet"]},
                                  "kind": "training", "recipients": {"people": ["zone-commander"]},
                                  "sources": ["news"]})
    report = evaluate([make_case(change)], "2015-06-30", ("state",))
    assert report.people["zone-commander"].status["state"] == "eligible"  # the army is not barred
    assert report.proposals["course"].outcome == "held"
    assert ("identify-recipient-unit", "zone-commander") in {(t.kind, t.subject) for t in report.tasks}


# ---------------------------------------------------------------- the SFM importer


def _mapped(run_cli, tmp_path, links_file_change=None):
    from test_import_sfm import OTHER_FILES  # noqa: F401 (the synthetic export of another country)
    status, _, err = run_cli("import", "sfm", *OTHER_FILES, "-o", tmp_path / "zz")
    assert status == 0, err
    return yaml.safe_load((tmp_path / "zz" / "units.yaml").read_text(encoding="utf-8")), yaml.safe_load(
        (tmp_path / "zz" / "people.yaml").read_text(encoding="utf-8"))


def test_sfm_last_cited_is_last_seen_unless_sfm_says_it_is_the_end(run_cli, tmp_path):
    units, people = _mapped(run_cli, tmp_path)
    battalion = next(u for u in units["units"] if u["id"] == "sfm-u-bn")
    # `N`: last seen, its end unknown; `Y`: still so (open); a marked end (`E`) stays `to`
    assert [(p["unit"], p.get("to"), p.get("last_seen")) for p in battalion["parents"]] == [
        ("sfm-u-bde", None, "2014-12-31"), ("sfm-u-jtf", None, "2011")]
    brigade = next(u for u in units["units"] if u["id"] == "sfm-u-bde")
    assert "to" not in brigade["parents"][0] and "last_seen" not in brigade["parents"][0]
    postings = {p["id"]: p["postings"] for p in people["people"]}
    assert (postings["sfm-p-1"][0].get("to"), postings["sfm-p-1"][0].get("last_seen")) == ("2011-07", None)
    assert "to" not in postings["sfm-p-2"][0] and "last_seen" not in postings["sfm-p-2"][0]  # no last cited


def test_a_case_with_a_parent_unknown_is_decided_whole_whatever_the_part_size(make_case):
    """The hold on such a unit rests on every bar of the case, so no part could decide it alone: the engine runs
    one session (the partition does not know the `unknown_parent` fact), with the same result at any size."""
    from vetting.engine import partition
    from vetting.law.ruleset import load_ruleset

    def change(data):
        entity(data, "units", "battalion")["parents"] = [{"unit": "unknown", "sources": ["news"]}]
        data["incidents"][0]["perpetrators"] = {"units": ["zone"]}
    path = make_case(change)
    case = load_case(path)
    assert not partition.supports(load_ruleset().definition, {f["t"] for f in factlib.build(case, D(2015, 6, 30))})
    small = evaluate(case, "2015-06-30", ("state", "dod"), part_size=1, workers=1)
    whole = evaluate(case, "2015-06-30", ("state", "dod"), part_size=10 ** 9, workers=1)
    assert {u: s.status for u, s in small.units.items()} == {u: s.status for u, s in whole.units.items()} == {
        "army": {"state": "eligible", "dod": "eligible"}, "zone": {"state": "ineligible", "dod": "ineligible"},
        "battalion": {"state": "suspended", "dod": "suspended"}}
