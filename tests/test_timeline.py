"""Status timelines (evaluated on every day the case's facts change) and diffs between two decisions."""
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from vetting.cli import main
from vetting.decide import evaluate
from vetting.reports.diff import diff
from vetting.reports.personnel import Personnel
from vetting.reports.timeline import timeline

CASE = Path(__file__).parent.parent / "cases" / "mexico-2015"
HYP = CASE / "hypotheses"


@pytest.fixture(scope="module")
def mexico():
    return timeline(CASE, "2015-05-08")


def _changes(line):
    return [(c.date.isoformat(), c.law, c.before, c.after) for c in line.changes]


def test_the_battalion_is_suspended_the_day_the_northcom_report_can_first_have_been_received(mexico):
    line = mexico.lines["mx-bn-102"]
    assert line.start == {"state": "eligible", "dod": "eligible"}
    assert _changes(line) == [("2014-10-01", "state", "eligible", "suspended"),
                              ("2014-10-01", "dod", "eligible", "suspended")]
    assert "tlatlaya-northcom-report" in line.changes[0].because
    assert line.changes[0].events == ("tlatlaya-northcom-report received",)


def test_iguala_police_suspended_on_receipt_then_ineligible_when_assessed(mexico):
    line = mexico.lines["mx-iguala-police"]
    assert _changes(line) == [("2014-09-27", "state", "eligible", "suspended"),
                              ("2014-09-27", "dod", "eligible", "suspended"),
                              ("2015-05-08", "state", "suspended", "ineligible"),
                              ("2015-05-08", "dod", "suspended", "ineligible")]
    assert line.changes[2].events == ("iguala-disappearances-information assessed",)


def test_every_timeline_agrees_with_a_decision_on_each_side_of_each_change(mexico):
    # independent of how the days were chosen: the day before a change has the old status, the day itself the new
    rules, case, decided = mexico.report.rules, mexico.report.case, {}
    for line in mexico.lines.values():
        for change in line.changes:
            for day, expected in ((change.date - dt.timedelta(days=1), change.before), (change.date, change.after)):
                report = decided.setdefault(day, evaluate(case, day, rules=rules))
                table = {"unit": report.units, "person": report.people, "proposal": report.proposals}[line.kind]
                got = table[line.id].outcome if line.kind == "proposal" else table[line.id].status[change.law]
                assert got == expected, (line.id, change)
        last = line.changes[-1].after if line.changes else None
        assert last is None or last in line.end.values()


def test_a_unit_that_never_changes_has_no_change_and_keeps_its_status(mexico):
    assert mexico.lines["mx-pgr"].changes == []
    assert mexico.lines["mx-pgr"].end == {"state": "eligible", "dod": "eligible"}


@pytest.mark.parametrize("fmt", ["terminal", "json", "markdown", "html", "csv"])
def test_timeline_command_in_every_format(capsys, fmt):
    assert main(["timeline", "mx-bn-102", str(CASE), "--as-of", "2015-05-08", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "2014-10-01" in out and "tlatlaya-northcom-report" in out
    if fmt == "json":
        data = json.loads(out)
        assert data["format"] == "vetting-timeline/1"
        assert [c["after"] for c in data["subjects"][0]["changes"]] == ["suspended", "suspended"]
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["date", "law", "before", "after", "because", "events"]
        assert rows[1][:4] == ["2014-10-01", "state", "eligible", "suspended"]


def test_timeline_of_an_unknown_id_is_bad_input(capsys):
    assert main(["timeline", "mx-bn-10", str(CASE), "--as-of", "2015-05-08"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "did you mean `mx-bn-102`?" in captured.err


def test_diff_between_two_dates():
    result = diff(CASE, "2015-01-31", "2015-05-08", laws="state")
    changes = {(c.id, c.law): (c.before, c.after) for c in result.changes if c.kind == "unit"}
    assert changes == {("mx-federal-police", "state"): ("eligible", "suspended"),
                       ("mx-iguala-police", "state"): ("suspended", "ineligible"),
                       ("mx-cocula-police", "state"): ("suspended", "ineligible")}
    assert result.personnel_newly_barred == {
        "state": Personnel(0, ("mx-cocula-police", "mx-iguala-police"))}


def test_diff_between_hypotheses_a_and_a_plus_b_counts_only_the_newly_barred():
    # A: the Tlatlaya information found credible (the battalion barred); B: the zone commander implicated
    result = diff(CASE, "2015-05-08", hypotheses=[HYP / "tlatlaya-found-credible.yaml"],
                  plus=[HYP / "zone-commander-implicated.yaml"])
    assert result.baseline.units["mx-bn-102"].status["state"] == "ineligible"
    units = {(c.id, c.law): (c.before, c.after) for c in result.changes if c.kind == "unit"}
    assert units == {("mx-zone-22", "state"): ("eligible", "ineligible"),
                     ("mx-zone-22", "dod"): ("eligible", "ineligible")}
    # the battalion, already barred, has no figure: inside the zone's 10,000, so 10,000 is an upper bound
    assert result.personnel_newly_barred["state"] == Personnel(10_000, (), ("mx-bn-102",))


@pytest.mark.parametrize("fmt", ["terminal", "json", "markdown", "html", "csv"])
def test_diff_command_in_every_format(capsys, fmt):
    assert main(["diff", str(CASE), "--as-of", "2015-05-08", "--with", str(HYP / "tlatlaya-found-credible.yaml"),
                 "--plus", str(HYP / "zone-commander-implicated.yaml"), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "mx-zone-22" in out
    if fmt == "json":
        data = json.loads(out)
        assert data["format"] == "vetting-diff/1"
        assert data["from"]["hypotheses"] == ["tlatlaya-found-credible"]
        assert data["to"]["hypotheses"] == ["tlatlaya-found-credible", "zone-commander-implicated"]


def test_diff_needs_a_second_side(capsys):
    assert main(["diff", str(CASE), "--as-of", "2015-05-08"]) == 2
    assert "give a second date, more hypotheses or another reading" in capsys.readouterr().err
