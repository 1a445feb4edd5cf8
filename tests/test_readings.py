"""Readings: other readings of contestable points of the law, applied to a rule set (`--reading NAME`).

A reading drops, patches or adds rules (docs/rules.md, "Readings"); it must name real rules and real citations,
every change it makes must matter to some scenario of features/readings.feature, a report records the readings
it was decided under and `verify` re-runs them, and `diff --to-reading` shows who changes status.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from vetting.law.ruleset import READINGS, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
SHIPPED = sorted((RULES / READINGS).glob("*.yaml"))
CASE = ROOT / "cases" / "mexico-2015"
ZONE_COMMANDER = CASE / "hypotheses" / "zone-commander-implicated.yaml"


def test_the_shipped_readings_load_and_cite_the_rule_set():
    assert {p.stem for p in SHIPPED} == {"bar-stays-on-the-unit", "commander-own-unit", "no-force-hold"}
    plain = load_ruleset()
    for path in SHIPPED:
        ruleset = load_ruleset(None, [path.stem])
        [(recorded, reading)] = ruleset.readings
        assert recorded == f"{READINGS}/{path.name}" and reading.name == path.stem
        assert set(reading.sources) <= set(plain.citations)
        assert ruleset.sha256 != plain.sha256 and ruleset.engine_name != plain.engine_name
        assert {r.id for r in ruleset.rules} == {r.id for r in plain.rules} - set(reading.drop) | {
            r.id for r in reading.add}


def test_read_narrowly_for_commanders_every_direct_finding_on_a_unit_says_how_it_came():
    """The reading keeps a commander's bar from spreading by the finding's `via`: a rule that concludes a direct
    bar or suspension on a unit without `via` would slip past it (a rule added to rules/ later, say)."""
    ruleset = load_ruleset(None, ["commander-own-unit"])
    concluding = [r for r in ruleset.rules if (r.then.finding or {}).get("about") == "unit"
                  and r.then.finding.get("scope") == "direct" and r.then.finding.get("effect") != "note"]
    assert len(concluding) >= 4
    assert [r.id for r in concluding if "via" not in r.then.finding] == []


def _without(reading: dict, part: str, index: int) -> dict:
    changed = json.loads(json.dumps(reading))
    del changed["reading"][part][index]
    return changed


def _changes():
    for path in SHIPPED:
        reading = yaml.safe_load(path.read_text(encoding="utf-8"))
        for part in ("drop", "patch", "add"):
            for index, _ in enumerate(reading["reading"].get(part, [])):
                yield pytest.param(path, part, index, id=f"{path.stem}-{part}-{index}")


@pytest.mark.parametrize("path, part, index", list(_changes()))
def test_every_change_a_reading_makes_is_spoken_of_by_a_scenario(tmp_path, path, part, index):
    """Undo one change of one reading: some scenario of features/readings.feature must fail."""
    reading = yaml.safe_load(path.read_text(encoding="utf-8"))
    changed = _without(reading, part, index)
    if not any(changed["reading"].get(p) for p in ("drop", "patch", "add")):
        pytest.skip("undoing the reading's only change leaves no reading to load (its scenarios fail on loading)")
    rules = shutil.copytree(RULES, tmp_path / "rules")
    (rules / READINGS / path.name).write_text(yaml.safe_dump(changed, sort_keys=False), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                          "features/test_features.py", "-k", "readings or read_narrowly"],
                         cwd=ROOT, env={**os.environ, "VETTING_RULES": str(rules)}, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 1, f"no scenario fails without {part}[{index}] of {path.name}:\n{run.stdout[-2000:]}"


READING = """\
reading:
  name: {name}
  title: a test reading
  says: what it holds
  sources: [{source}]
{changes}
"""


@pytest.mark.parametrize("name, source, changes, message, field", [
    ("other", "usc-22-2378d-a", "  drop: [bar-covers-units-under]", "a reading's name is its file's name",
     "reading.name"),
    ("probe", "usc-22-2378d-a", "  notes: nothing", "give `drop`, `patch` or `add`", "reading"),
    ("probe", "usc-22-2378d-z", "  drop: [bar-covers-units-under]", "`usc-22-2378d-z` is not a citation",
     "reading.sources[0]"),
    ("probe", "usc-22-2378d-a", "  drop: [bar-covers-unit-under]", "the rule set has no rule `bar-covers-unit-under`",
     "reading.drop[0]"),
    ("probe", "usc-22-2378d-a", "  drop: [bar-covers-units-under]\n  patch:\n    - rule: bar-covers-units-under\n"
                                "      set: {title: x}", "names the rule `bar-covers-units-under` twice",
     "reading.patch[0].rule"),
    ("probe", "usc-22-2378d-a", "  patch:\n    - rule: unit-implicated\n      set: {when.nothing.via: x}",
     "the rule `unit-implicated` has no `when.nothing.via`", "reading.patch[0].set.when.nothing.via"),
    ("probe", "usc-22-2378d-a", "  patch:\n    - rule: unit-implicated\n      unset: [then.nothing]",
     "the rule `unit-implicated` has no `then.nothing`", "reading.patch[0].unset[0]"),
    ("probe", "usc-22-2378d-a", "  patch:\n    - rule: unit-implicated\n      set: {when.grounds.law: sometimes}",
     "rule `unit-implicated`: `sometimes` is never the `law`", "reading.patch[0].when.grounds.law"),
    ("probe", "usc-22-2378d-a", "  add:\n    - id: unit-implicated\n      title: t\n      says: s\n"
                                "      citation: {state: usc-22-2378d-a}\n      when: {u: {type: unit}}\n"
                                "      then: {task: {kind: k, subject: u.ref}}",
     "the rule set already has a rule `unit-implicated`", "reading.add[0].id"),
])
def test_a_bad_reading_is_one_error_naming_file_line_and_field(run_cli, tmp_path, name, source, changes, message,
                                                               field):
    path = tmp_path / "probe.yaml"
    path.write_text(READING.format(name=name, source=source, changes=changes), encoding="utf-8")
    status, out, err = run_cli("evaluate", CASE, "--as-of", "2015-05-08", "--reading", path)
    assert (status, out) == (2, "")
    first = err.splitlines()[0]
    assert first.startswith(f"error: {path}:") and message in first and f"`{field}`" in first, err


def test_an_unknown_reading_names_the_readings_there_are(run_cli):
    status, out, err = run_cli("evaluate", CASE, "--as-of", "2015-05-08", "--reading", "no-force-holds")
    assert (status, out) == (2, "")
    assert "the rule set has no reading `no-force-holds`" in err and "no-force-hold" in err.splitlines()[-1]


def test_a_report_records_its_readings_and_verify_reruns_them(run_cli, tmp_path):
    made = tmp_path / "report.json"
    status, _, err = run_cli("evaluate", CASE, "--as-of", "2015-05-08", "--with", ZONE_COMMANDER,
                             "--reading", "commander-own-unit", "--format", "json", "-o", made)
    assert status == 0, err
    recorded = json.loads(made.read_text())["rule_set"]
    assert recorded["readings"] == [{"name": "commander-own-unit", "path": "readings/commander-own-unit.yaml"}]
    assert "readings/commander-own-unit.yaml" in {f["path"] for f in recorded["files"]}
    status, out, err = run_cli("verify", made)
    assert (status, err) == (0, ""), out
    # the same report re-run without its reading is a different rule set: verify says so
    data = json.loads(made.read_text())
    data["rule_set"]["readings"] = []
    made.write_text(json.dumps(data))
    status, out, _ = run_cli("verify", made)
    assert status == 3 and "readings/commander-own-unit.yaml" in out


def test_diff_to_a_reading_shows_who_changes_status(run_cli):
    status, out, err = run_cli("diff", CASE, "--as-of", "2015-05-08", "--with", ZONE_COMMANDER,
                               "--to-reading", "commander-own-unit", "--format", "json")
    assert status == 0, err
    result = json.loads(out)
    assert result["from"]["readings"] == [] and result["to"]["readings"] == ["commander-own-unit"]
    battalion = {(c["law"], c["before"], c["after"]) for c in result["changes"] if c["id"] == "mx-bn-102"}
    # the zone commander's bar no longer reaches the battalion; its own information (pending) suspends it
    assert battalion == {("state", "ineligible", "suspended"), ("dod", "ineligible", "suspended")}
    assert all(c["id"] != "mx-zone-22" for c in result["changes"])  # the zone he commanded stays barred


def test_a_patch_spells_paths_as_a_rule_file_does(tmp_path):
    rules = shutil.copytree(RULES, tmp_path / "rules")
    (rules / READINGS / "later-task.yaml").write_text(READING.format(
        name="later-task", source="usc-22-2378d-d6",
        changes="  patch:\n    - rule: identify-the-unit\n      set: {effective.from: 2012-01-01}"), encoding="utf-8")
    patched = load_ruleset(rules, ["later-task"]).rule("identify-the-unit")
    assert patched.effective.from_.isoformat() == "2012-01-01" and patched.effective.to is None
