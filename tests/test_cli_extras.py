"""What users of everyday CLIs, OPA and OpenFisca expect: --version, --help examples, `-` for standard input,
several cases in one run, --fail-on for CI (exit 3), a hint for swapped arguments, and `vetting test`."""
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from vetting import __version__
from vetting.cli import FAILED, main

CASE = Path(__file__).parent.parent / "cases" / "mexico-2015"
EXPECTATIONS = CASE / "expectations" / "analyst-checks.yaml"
MINI = Path(__file__).parent / "data" / "mini"


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"vetting {__version__}\n"


def test_help_has_examples_the_exit_statuses_and_explains_law_and_format(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "vetting evaluate cases/mexico-2015 --as-of 2015-05-08" in out
    assert "3 a check failed" in out
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "state: 22 U.S.C. 2378d (State Department assistance)" in out
    assert "csv: one table for spreadsheets" in out and "examples:" in out


def test_swapped_arguments_get_a_hint(run_cli, expect_error):
    for command in ("explain", "timeline"):
        err = expect_error(run_cli(command, CASE, "mx-bn-102"), None, None, "SUBJECT", "is a file or folder, not the id",
                           hint=f"the id comes first: `vetting {command} mx-bn-102 {CASE}`")
        assert err


@pytest.mark.parametrize("fail_on, as_of, status", [
    ("barred", "2015-01-31", 0),  # nothing is ineligible yet: the battalion and the Iguala police are suspended
    ("suspended", "2015-01-31", FAILED),
    ("barred", "2015-05-08", FAILED),  # the Iguala and Cocula police are ineligible
])
def test_fail_on_gives_exit_status_3_after_the_whole_report(run_cli, fail_on, as_of, status):
    code, out, err = run_cli("evaluate", CASE, "--as-of", as_of, "--fail-on", fail_on, "--format", "json")
    assert code == status
    assert json.loads(out)["as_of"] == as_of  # the report is written whole either way
    if status:
        assert err.startswith(f"failed: `--fail-on {fail_on}`: mexico-2015: ")
    else:
        assert err == ""


def test_fail_on_register(run_cli):
    code, out, err = run_cli("register", CASE, "--as-of", "2015-05-08", "--fail-on", "barred")
    assert code == FAILED and "mx-iguala-police" in out and "mx-iguala-police" in err


def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_a_case_on_standard_input(run_cli, monkeypatch):
    _stdin(monkeypatch, (MINI / "case.yaml").read_bytes())
    code, out, err = run_cli("evaluate", "-", "--as-of", "2015-05-31", "--format", "json")
    assert (code, err) == (0, "")
    from_stdin = json.loads(out)
    code, out, _ = run_cli("evaluate", MINI / "case.yaml", "--as-of", "2015-05-31", "--format", "json")
    from_file = json.loads(out)
    assert from_stdin["units"] == from_file["units"] and from_stdin["proposals"] == from_file["proposals"]


def test_bad_input_on_standard_input_is_named_stdin(run_cli, monkeypatch, expect_error):
    _stdin(monkeypatch, b"case: {id: x, title: X}\nunits:\n  - {id: Bad, name: b, kind: military}\n")
    expect_error(run_cli("validate", "-"), "<stdin>", 3, "units[0].id", "`Bad` is not a valid id")
    _stdin(monkeypatch, b"")
    expect_error(run_cli("validate", "-"), "<stdin>", None, None, "standard input is empty")


def test_two_case_folders_are_two_cases(tmp_path, run_cli, expect_error):
    shutil.copytree(MINI, tmp_path / "mini")
    shutil.copytree(CASE, tmp_path / "mexico")
    code, out, err = run_cli("validate", tmp_path / "mini", tmp_path / "mexico")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("ok: mini: ") and out.splitlines()[1].startswith("ok: mexico-2015: ")
    code, out, _ = run_cli("evaluate", tmp_path / "mini", tmp_path / "mexico", "--as-of", "2015-05-08",
                           "--format", "json")
    data = json.loads(out)
    assert data["format"] == "vetting-reports/1"
    assert [r["cases"][0]["id"] for r in data["reports"]] == ["mini", "mexico-2015"]
    code, out, _ = run_cli("register", tmp_path / "mini", tmp_path / "mexico", "--as-of", "2015-05-08",
                           "--format", "csv")
    assert out.splitlines()[0].startswith("case,section,id,name")
    assert {line.split(",")[0] for line in out.splitlines()[1:]} == {"mini", "mexico-2015"}
    expect_error(run_cli("explain", "bn", tmp_path / "mini", tmp_path / "mexico"), None, None, None,
                 "`explain` takes one case, and 2 are given")


def test_files_of_one_case_still_merge_and_a_stray_file_among_cases_is_an_error(tmp_path, run_cli, expect_error):
    folder = tmp_path / "split"
    folder.mkdir()
    text = (MINI / "case.yaml").read_text()
    head, tail = text.split("people:", 1)
    (folder / "a.yaml").write_text(head)
    (folder / "b.yaml").write_text("people:" + tail)
    code, out, _ = run_cli("validate", folder / "a.yaml", folder / "b.yaml")
    assert code == 0 and out.startswith("ok: mini: 1 source, 5 units, 2 people")
    shutil.copytree(CASE, tmp_path / "mexico")
    expect_error(run_cli("validate", folder / "a.yaml", tmp_path / "mexico", folder / "b.yaml"), folder / "b.yaml",
                 None, None, "this file has no `case` block, and the others are several cases")


def test_the_shipped_expectations_pass(run_cli):
    code, out, err = run_cli("test", EXPECTATIONS, "--format", "json")
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert data["format"] == "vetting-test/1" and data["failed"] == 0 and data["passed"] == 5


def _expectations(tmp_path, body: str) -> Path:
    path = tmp_path / "expect.yaml"
    path.write_text(f"case: {CASE}\nchecks:\n{body}")
    return path


def test_an_expectation_not_met_fails_with_exit_status_3(tmp_path, run_cli):
    path = _expectations(tmp_path, "  - name: wrong on purpose\n    as_of: 2015-01-31\n"
                                   "    units: {mx-bn-102: ineligible, mx-zone-22: eligible}\n"
                                   "    personnel: {ineligible: {state: '0'}}\n"
                                   "    tasks: [{kind: identify-unit, subject: mx-bn-102}]\n")
    code, out, err = run_cli("test", path)
    out = " ".join(out.split())  # as wrapped at the console's width
    assert code == FAILED and err == ""
    assert "FAIL wrong on purpose" in out
    assert "- unit `mx-bn-102` under the state law: expected ineligible, got suspended" in out
    assert "- personnel ineligible under the state law: expected 0, got 0" not in out  # nothing barred: 0, exact
    assert "- no open task `identify-unit` for `mx-bn-102`" in out
    assert "0 passed, 1 failed" in out


@pytest.mark.parametrize("body, line, field, words", [
    ("  - name: x\n    as_of: 2015-01-31\n    units: {mx-bn-102: barred}\n", 5, "checks[0].units.mx-bn-102",
     ["barred"]),
    ("  - name: x\n    as_of: 2015-01-31\n    units: {mx-bn-10: suspended}\n", 5, "checks[0].units.mx-bn-10",
     ["`mx-bn-10` is not one of the units of the case"]),
    ("  - name: x\n    as_off: 2015-01-31\n", 4, "checks[0].as_off", ["unknown key `as_off`"]),
    ("  - name: x\n    as_of: 2015-02-30\n", 4, "checks[0].as_of", ["2015-02-30"]),
])
def test_a_bad_expectations_file_is_one_error_with_file_line_and_field(tmp_path, run_cli, expect_error, body,
                                                                      line, field, words):
    path = _expectations(tmp_path, body)
    expect_error(run_cli("test", path), path, line, field, *words)
