"""What-if: who changes status and why, and how many personnel become barred."""
import json
from pathlib import Path

from vetting.cli import main
from vetting.reports.personnel import Personnel
from vetting.whatif import whatif

MINI = Path(__file__).parent / "data" / "mini"
HYP = Path(__file__).parent / "data" / "mini-hypotheses"


def test_the_commander_hypothesis_bars_the_zone_and_counts_its_personnel_once():
    result = whatif(MINI, [HYP / "commander-implicated.yaml"], "2015-05-31")
    changes = {(c.kind, c.id, c.law): (c.before, c.after) for c in result.changes}
    assert changes == {
        ("unit", "zone", "state"): ("eligible", "ineligible"), ("unit", "zone", "dod"): ("eligible", "ineligible"),
        ("unit", "bn", "state"): ("suspended", "ineligible"), ("unit", "bn", "dod"): ("suspended", "ineligible"),
        ("person", "cmdr", "state"): ("eligible", "ineligible"),
        ("person", "cmdr", "dod"): ("eligible", "ineligible"),
        ("person", "trainees", "state"): ("suspended", "ineligible"),
        ("person", "trainees", "dod"): ("suspended", "ineligible"),
        ("proposal", "st", "state"): ("suspended", "rejected"),
        ("proposal", "nct", "dod"): ("suspended", "rejected"),
    }
    # the battalion is inside the zone: 10,000 once, not 10,000 plus the battalion
    assert result.personnel_newly_barred == {"state": Personnel(10000), "dod": Personnel(10000)}
    zone = next(c for c in result.changes if c.id == "zone" and c.law == "state")
    assert zone.because == ("unit-implicated",)


def test_no_change_is_reported_as_none():
    result = whatif(MINI, [HYP / "state-remediation.yaml"], "2015-01-31")
    assert result.changes == []
    assert result.personnel_newly_barred == {"state": Personnel(0), "dod": Personnel(0)}


def test_whatif_json_has_the_contract_keys(capsys):
    assert main(["whatif", str(MINI), "--with", str(HYP / "state-remediation.yaml"), "--as-of", "2015-05-31",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["format", "baseline", "hypothesis", "changes", "personnel_newly_barred",
                          "personnel_newly_barred_detail"]
    assert data["format"] == "vetting-whatif/2"
    assert [{k: h[k] for k in ("id", "title")} for h in data["hypothesis"]["hypotheses"]] == [
        {"id": "state-remediation", "title": "State determines and reports effective steps for the battalion"}]
    assert {"kind": "unit", "id": "bn", "name": "Battalion", "law": "state", "before": "suspended",
            "after": "remediated", "personnel": None,
            "because": ["unit-implicated", "state-effective-steps-exception"]} in data["changes"]


def test_whatif_needs_a_hypothesis_and_a_bad_one_leaves_no_output(tmp_path, capsys):
    assert main(["whatif", str(MINI)]) == 2
    assert "needs at least one hypothesis" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("hypothesis: {id: x, title: t, rationale: r}\nremove: {units: [nope]}\n")
    out = tmp_path / "out.json"
    assert main(["whatif", str(MINI), "--with", str(bad), "--format", "json", "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "`nope` is not a known unit" in captured.err
    assert not out.exists()
