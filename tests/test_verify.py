"""`vetting verify REPORT.json`: a fresh report is confirmed; a changed input file is named, a changed decision shown.

Exit status: 0 the same inputs and decisions, 3 not (a file changed, missing or new, or a decision differs), 2 a
report that is not one or does not record its inputs.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vetting.verify import EXIT_DIFFERS

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "cases" / "mexico-2015"
HYPOTHESES = sorted((CASE / "hypotheses").glob("*.yaml"))
AS_OF = "2015-05-08"


@pytest.fixture
def case(tmp_path):
    """A copy of the article's case, to tamper with."""
    copy = tmp_path / "mexico-2015"
    shutil.copytree(CASE, copy)
    return copy


def report(run_cli, path: Path, *argv) -> Path:
    status, _, err = run_cli("evaluate", *argv, "--as-of", AS_OF, "--format", "json", "-o", path)
    assert status == 0, err
    return path


def lines(out: str) -> list:
    return out.splitlines()


def test_a_fresh_report_of_the_article_case_is_verified(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the case named as a user names it, relative to where they are
    made = report(run_cli, tmp_path / "report.json", "cases/mexico-2015")
    recorded = json.loads(made.read_text())
    assert recorded["cases"][0]["folder"] == "cases/mexico-2015" and recorded["cases"][0]["given"] == ["."]
    assert {f["path"] for f in recorded["cases"][0]["files"]} == {p.name for p in CASE.glob("*.yaml")}
    assert {f["path"] for f in recorded["rule_set"]["files"]} == {p.name for p in (ROOT / "rules").glob("*.yaml")}
    assert set(recorded["software"]) == {"vetting", "durable_rules", "python"}
    status, out, err = run_cli("verify", made)
    assert (status, err) == (0, "")
    assert "inputs: 11 rule files, 7 case files: all as recorded" in out
    assert lines(out)[-1] == "verified: the same inputs and the same decisions"


def test_a_fresh_report_with_every_hypothesis_is_verified(run_cli, tmp_path):
    made = report(run_cli, tmp_path / "report.json", CASE, *[a for h in HYPOTHESES for a in ("--with", h)])
    recorded = json.loads(made.read_text())
    assert [h["path"] for h in recorded["hypotheses"]] == [f"hypotheses/{h.name}" for h in HYPOTHESES]
    status, out, _ = run_cli("verify", made)
    assert status == 0, out
    assert f"{len(HYPOTHESES)} hypotheses: all as recorded" in out


def test_a_tampered_case_file_is_named_and_the_decisions_it_changes_are_shown(run_cli, tmp_path, case):
    made = report(run_cli, tmp_path / "report.json", case)
    information = case / "information.yaml"
    information.write_text(information.read_text().replace("status: credible", "status: pending"))
    status, out, _ = run_cli("verify", made)
    assert status == EXIT_DIFFERS == 3
    assert f"  changed: {information.as_posix()} (case file)" in lines(out)
    assert "unit `mx-iguala-police`: state: ineligible, dod: ineligible in the report, " \
           "state: suspended, dod: suspended now" in out
    assert lines(out)[-1] == "NOT verified: the inputs differ and the decisions differ"


def test_a_change_that_decides_nothing_still_fails_verification(run_cli, tmp_path, case):
    made = report(run_cli, tmp_path / "report.json", case)
    with (case / "units.yaml").open("a") as handle:
        handle.write("# a comment added after publication\n")
    status, out, _ = run_cli("verify", made)
    assert status == 3
    assert f"  changed: {(case / 'units.yaml').as_posix()} (case file)" in lines(out)
    assert "decisions: the same" in out and lines(out)[-1] == "NOT verified: the inputs differ"


def test_a_missing_file_and_a_new_file_are_named(run_cli, tmp_path, case):
    made = report(run_cli, tmp_path / "report.json", case)
    (case / "investigations.yaml").rename(tmp_path / "investigations.yaml")
    (case / "extra.yaml").write_text("sources: []\n")
    status, out, _ = run_cli("verify", made)
    assert status == 3
    assert f"  missing: {(case / 'investigations.yaml').as_posix()} (case file)" in lines(out)
    assert f"  new: {(case / 'extra.yaml').as_posix()} (case file)" in lines(out)


def test_a_tampered_hypothesis_is_named(run_cli, tmp_path, case):
    hypothesis = case / "hypotheses" / "tlatlaya-found-credible.yaml"
    made = report(run_cli, tmp_path / "report.json", case, "--with", hypothesis)
    hypothesis.write_text(hypothesis.read_text() + "\n# edited\n")
    status, out, _ = run_cli("verify", made)
    assert status == 3 and f"  changed: {hypothesis.as_posix()} (hypothesis)" in lines(out)


def test_a_changed_rule_file_is_named_with_the_decisions_it_changes(run_cli, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    made = report(run_cli, tmp_path / "report.json", CASE, "--rules", rules)
    assert run_cli("verify", made)[0] == 0
    violations = rules / "20-violations.yaml"
    text = violations.read_text()
    core = "[torture, extrajudicial-killing, enforced-disappearance, rape-under-color-of-law]"
    assert core in text
    violations.write_text(text.replace(core, "[torture, enforced-disappearance, rape-under-color-of-law]"))
    status, out, _ = run_cli("verify", made)
    assert status == 3
    assert f"  changed: {violations.as_posix()} (rule file)" in lines(out)
    assert "unit `mx-bn-102`: state: suspended, dod: suspended in the report, state: eligible, dod: eligible now" \
        in out  # Tlatlaya was a killing, which the changed rule no longer counts
    assert lines(out)[-1] == "NOT verified: the inputs differ and the decisions differ"


def test_paths_given_on_the_command_line_override_the_recorded_ones(run_cli, tmp_path, case):
    hypothesis = case / "hypotheses" / "zone-commander-implicated.yaml"
    made = report(run_cli, tmp_path / "report.json", case, "--with", hypothesis)
    moved = case.rename(tmp_path / "moved")
    status, out, _ = run_cli("verify", made)
    assert status == 3 and "  missing: " in out
    status, out, _ = run_cli("verify", made, "--case", moved)  # the hypothesis follows the case folder
    assert status == 0, out
    status, out, _ = run_cli("verify", made, "--case", moved, "--with", moved / "hypotheses" / "tlatlaya-found-credible.yaml")
    assert status == 3 and "  new: " in out and "  missing: " in out


@pytest.mark.parametrize("content, line, field, words", [
    ("not json", 1, None, "the report is not valid JSON"),
    ('{"format": "vetting-whatif/2"}', None, "format", "expected a `vetting-report/2` report, not `vetting-whatif/2`"),
    ("[]", None, "format", "expected a `vetting-report/2` report, not this"),
    ('{"format": "vetting-report/1"}', None, "format", "was written before a proposal held for unidentified"),
    ('{"format": "vetting-report/2", "as_of": "2015-05-08"}', None, "laws", "does not record its input files"),
])
def test_what_is_not_a_report_is_bad_input(run_cli, expect_error, tmp_path, content, line, field, words):
    path = tmp_path / "report.json"
    path.write_text(content)
    expect_error(run_cli("verify", path), path, line, field, words)


def test_a_report_from_before_provenance_is_told_to_be_made_again(run_cli, expect_error, tmp_path):
    made = report(run_cli, tmp_path / "report.json", CASE)
    data = json.loads(made.read_text())
    for key in ("folder", "given", "files"):
        del data["cases"][0][key]
    made.write_text(json.dumps(data))
    expect_error(run_cli("verify", made), made, None, "cases", "does not record its input files",
                 hint="make it again")


def test_the_verification_as_json(run_cli, tmp_path, case):
    made = report(run_cli, tmp_path / "report.json", case)
    status, out, _ = run_cli("verify", made, "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["format"] == "vetting-verify/1" and data["same"] is True
    assert {f["state"] for f in data["files"]} == {"same"} and data["differences"] == [] and data["error"] is None
    units = case / "units.yaml"
    units.write_text(units.read_text().replace("personnel: 10000", "personnel: 10001"))
    status, out, _ = run_cli("verify", made, "--format", "json")
    data = json.loads(out)
    assert status == 3 and data["same"] is False
    assert [f for f in data["files"] if f["state"] != "same"] == [
        {"role": "case file", "path": units.as_posix(), "state": "changed"}]
