"""`vetting import fmtrpt`: training-report rows to proposals, counts that add up, bad rows, same bytes twice."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from vetting.importers.fmtrpt import funding_of, parse_cost, parse_date
from vetting.importers.match import Matcher, normalise

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "fmtrpt" / "sample.tsv"
ROSTER = DATA / "roster"
REAL = Path(__file__).parent.parent / "cases" / "mexico-data" / "fmtrpt_mexico_fy2001_2019.tsv"


def _proposals(folder: Path) -> list:
    text = (folder / "training.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["proposals"]


def test_rows_become_proposals_with_funding_course_dates_quantity_and_cost(run_cli, tmp_path):
    status, out, err = run_cli("import", "fmtrpt", SAMPLE, "-o", tmp_path / "out", "--roster", ROSTER)
    assert status == 0, err
    assert "rows read 5 = imported 4 (matched 2, unmatched 2) + program totals 1 + skipped 0" in out
    by_course = {p["title"].split(" — ")[0]: p for p in _proposals(tmp_path / "out")}
    imet = by_course["Leadership Course"]
    assert imet["funding"] == {"sources": ["imet"], "account": "IMET"}  # no channel: the report gives none
    assert imet["recipients"] == {"units": ["zone-22"]}
    assert (imet["from"], imet["to"], imet["quantity"], imet["amount"]) == (
        "2003-01-06", "2003-01-11", 3, {"value": 16935.0, "currency": "USD"})
    assert by_course["Information Operations"]["funding"] == {"sources": ["dod"], "account": "Section 1004"}
    assert by_course["Special Comm Crs"]["funding"] == {"sources": ["incle"], "account": "INCLE"}
    assert imet["assumption"].startswith("the funding source `imet` is inferred from the program name; the report "
                                         "gives no account and no channel")
    assert by_course["Information Operations"]["recipients"] == {"units": ["fed-police"]}
    navy = by_course["Special Comm Crs"]
    assert navy["recipients"] == {"identified": False, "description": "Navy"}
    assert "amount" not in navy and "quantity" not in navy  # `$ ` and an empty cell are no figure
    # a zone with no number is no particular zone: unmatched, never the 2nd or the 22nd
    assert by_course["Military Zone course"]["recipients"]["identified"] is False
    assert "FY 2008 Program Totals" not in by_course
    log = (tmp_path / "out" / "import-log.txt").read_text(encoding="utf-8")
    assert "Program totals (1 rows" in log and "FY 2008 Program Totals" in log


def test_the_imported_proposals_validate_with_their_roster(run_cli, tmp_path):
    run_cli("import", "fmtrpt", SAMPLE, "-o", tmp_path / "out", "--roster", ROSTER)
    status, out, err = run_cli("validate", ROSTER, tmp_path / "out")
    assert status == 0, err
    assert "4 proposals" in out


def test_same_input_gives_the_same_bytes(run_cli, tmp_path):
    for name in ("a", "b"):
        assert run_cli("import", "fmtrpt", SAMPLE, "-o", tmp_path / name, "--roster", ROSTER)[0] == 0
    for file in ("training.yaml", "import-log.txt"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def _with_bad_rows(tmp_path) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    bad_cost = lines[1].replace("$16,935", "46000 1/7/2008")
    bad_date = lines[2].replace("2/5/09", "2/31/09")
    path = tmp_path / "bad.tsv"
    path.write_text("\n".join([*lines, bad_cost, bad_date]) + "\n", encoding="utf-8")
    return path


def test_a_bad_row_is_one_error_naming_file_row_and_column_and_nothing_is_written(run_cli, tmp_path, expect_error):
    path = _with_bad_rows(tmp_path)
    result = run_cli("import", "fmtrpt", path, "-o", tmp_path / "out", "--roster", ROSTER)
    expect_error(result, path, 7, "total_cost", "`46000 1/7/2008` is not an amount of dollars")
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.tsv"]  # no temporary folder left behind


def test_a_failed_import_leaves_an_existing_folder_as_it_was(run_cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("before", encoding="utf-8")
    status, _, _ = run_cli("import", "fmtrpt", _with_bad_rows(tmp_path), "-o", out)
    assert status == 2
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_skip_bad_goes_on_and_lists_every_skipped_row(run_cli, tmp_path):
    path = _with_bad_rows(tmp_path)
    status, out, err = run_cli("import", "fmtrpt", path, "-o", tmp_path / "out", "--roster", ROSTER, "--skip-bad")
    assert status == 0
    assert "rows read 7 = imported 4 (matched 2, unmatched 2) + program totals 1 + skipped 2" in out
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert skipped == [f"skipped {path}:7: `total_cost`: `46000 1/7/2008` is not an amount of dollars",
                       f"skipped {path}:8: `end_date`: `2/31/09` is not a date written m/d/yy or m/d/yyyy"]
    assert "Skipped rows (2):" in (tmp_path / "out" / "import-log.txt").read_text(encoding="utf-8")


def test_a_missing_column_is_an_error_on_the_header(run_cli, tmp_path, expect_error):
    path = tmp_path / "no-cost.tsv"
    path.write_text("program\tcourse_title\tstudent_unit\tstart_date\tend_date\tquantity\nIMET\tx\ty\t\t\t1\n",
                    encoding="utf-8")
    expect_error(run_cli("import", "fmtrpt", path, "-o", tmp_path / "out"), path, 1, "total_cost", "missing")


def test_an_unknown_program_is_a_bad_row_never_a_guess(run_cli, tmp_path, expect_error):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "unknown.tsv"
    path.write_text("\n".join([lines[0], lines[1].split("\t", 3)[0] + "\tMexico\tMystery Fund\t"
                               + lines[1].split("\t", 3)[3]]) + "\n", encoding="utf-8")
    expect_error(run_cli("import", "fmtrpt", path, "-o", tmp_path / "out"), path, 2, "program", "Mystery Fund")


@pytest.mark.parametrize("program, expected", [
    ("IMET-1 - FY 2009 DoS Training", ("imet", "IMET")),
    ("IMET-X - Fiscal Year 2010 Department of State Training", ("imet", "IMET")),
    ("Western Hemisphere Region, Mexico, International Military Education and Training (IMET), FY01",
     ("imet", "IMET")),
    ("FMF - Fiscal Year 2018 Department of State Training", ("fmf", "FMF")),
    ("INCLE - Fiscal Year 2012 Department of State Training", ("incle", "INCLE")),
    ("INL - FY 2006 DoS Training", ("incle", "INCLE")),
    ("PKO - Fiscal Year 2016 Department of State Training", ("pko", "PKO")),
    ("GPOI - Fiscal Year 2012 Department of State Training", ("pko", "PKO")),
    ("NADR - Fiscal Year 2015 Department of State Training", ("nadr", "NADR")),
    ("ESF - Fiscal Year 2015 Department of State Training", ("esf", "ESF")),
    ("DoS Western Hemisphere Region, Mexico, Section 506 (Note 1), FY01", ("faa", "Section 506 drawdown")),
    ("Section 333 - Fiscal Year 2018 Department of Defense Training", ("dod-333", "Section 333")),
    ("Section 284 - Fiscal Year 2019 Department of Defense Training", ("dod-284", "Section 284")),
    # section 1004 is `dod` before, during and after FY2017: the name does not say whether section 284 paid
    ("Western Hemisphere Region, Mexico, Section 1004 (Note 1), FY01", ("dod", "Section 1004")),
    ("Section 1004 - Fiscal Year 2016 Department of Defense Training", ("dod", "Section 1004")),
    ("Section 1004 - Fiscal Year 2017 Department of Defense Training", ("dod", "Section 1004")),
    ("Section 1004 - Fiscal Year 2018 Department of Defense Training", ("dod", "Section 1004")),
    ("DOD Western Hemisphere Region, Mexico, Drug Interdiction and Counter-Drug Activities, Section 1004, FY04",
     ("dod", "Section 1004")),
    ("Counter-Drug - Fiscal Year 2016 Department of Defense Training", ("dod", "DoD counter-drug")),
    ("CTFP - FY 2006 DoD Training", ("dod", "CTFP")),
    ("Regional Centers - FY 2006 DoD Training", ("dod", "Regional Centers")),
    ("DoS Western Hemisphere Region, Mexico, Center For Hemispheric Defense Studies, FY01",
     ("dod", "Regional Centers")),
    ("Service Academies - FY 2008 DoD Training", ("dod", "Service Academies")),
    ("DOHS/USCG - FY 2007 DOHS Training", ("other", "Homeland Security")),
    ("Exchange - FY 2008 DoD Training", ("dod", "Exchange")),
    ("DoS Western Hemisphere Region, Mexico, Exchange Training, FY01", ("faa", "Exchange")),
    ("Exchange Training, FY01", None),  # an exchange whose name says neither State nor DoD
    ("Something else entirely", None),
])
def test_the_law_follows_the_source_the_program_names(program, expected):
    assert funding_of(program) == expected


def test_dates_and_costs_as_the_report_writes_them():
    assert parse_date("7/20/01").isoformat() == "2001-07-20"
    assert parse_date("10/1/2008").isoformat() == "2008-10-01"
    assert parse_cost("$1,234") == 1234 and parse_cost("0 ") == 0 and parse_cost("$ ") is None
    for bad in ("1,23", "12 3/4/2009", "$-5"):
        with pytest.raises(ValueError):
            parse_cost(bad)


def test_matching_needs_the_same_numbers_and_enough_words():
    matcher = Matcher([("z22", ["22nd Military Zone", "22 Zona Militar"]), ("z2", ["2nd Military Zone"]),
                       ("fp", ["Mexican Federal Police"]), ("pgr", ["PGR"])])
    assert matcher.match("22/a. Zona Militar").unit == "z22"
    assert matcher.match("2nd Mil Zone").unit == "z2"
    assert matcher.match("Mexico Federal Police").unit == "fp"
    assert matcher.match("Military Zone") is None
    assert matcher.match("Police") is None  # one word names no unit
    assert matcher.match("P.G.R.") is None and matcher.match("pgr").unit == "pgr"  # but the very alias does
    assert matcher.match("SEDENA / SEMAR") is None
    assert normalise("1/er. BTN. INF.") == "1 battalion infantry"


def test_two_units_at_the_best_score_are_no_match():
    assert Matcher([("a", ["First Police Unit"]), ("b", ["First Police Unit"])]).match("First Police Unit") is None


@pytest.mark.skipif(not REAL.exists(), reason="the shipped training rows are not in this checkout")
def test_all_6051_mexico_rows_import_with_counts_that_add_up(run_cli, tmp_path):
    status, out, err = run_cli("import", "fmtrpt", REAL, "-o", tmp_path / "out", "--skip-bad")
    assert status == 0, err
    assert out.startswith("rows read 6051 = imported 5933 (matched 0, unmatched 5933) + program totals 90 + "
                          "skipped 28")
    proposals = _proposals(tmp_path / "out")
    assert len(proposals) == 5933
    assert len([line for line in err.splitlines() if line.startswith("skipped ")]) == 28
    # every row gets exactly one source and no channel; the figures are the program names of the shipped rows
    assert all(set(p["funding"]) == {"sources", "account"} and len(p["funding"]["sources"]) == 1 for p in proposals)
    assert Counter(p["funding"]["sources"][0] for p in proposals) == {
        "dod": 3774, "imet": 1234, "incle": 618, "other": 164, "dod-333": 119, "pko": 10, "fmf": 8, "faa": 6}
    assert Counter(p["funding"]["account"] for p in proposals if p["funding"]["sources"] == ["faa"]) == {
        "Exchange": 5, "Section 506 drawdown": 1}


def test_initials_are_too_short_to_match():
    matcher = Matcher([("ra", ["Región Aérea del Sureste", "R.A.SE."])])
    assert matcher.match("SE,AR") is None
    assert matcher.match("Region Aerea del Sureste").unit == "ra"


def test_an_alias_file_adds_names_with_their_rationale(run_cli, tmp_path, expect_error):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("aliases:\n  - unit: fed-police\n    names: [Navy]\n    rationale: a test mapping\n",
                       encoding="utf-8")
    status, out, err = run_cli("import", "fmtrpt", SAMPLE, "-o", tmp_path / "out", "--roster", ROSTER,
                               "--aliases", aliases)
    assert status == 0, err
    assert "matched 3, unmatched 1" in out
    aliases.write_text("aliases:\n  - unit: fed-polise\n    names: [Navy]\n    rationale: a test mapping\n",
                       encoding="utf-8")
    expect_error(run_cli("import", "fmtrpt", SAMPLE, "-o", tmp_path / "bad", "--roster", ROSTER, "--aliases",
                         aliases), aliases, 2, "aliases[0].unit", "not a unit of the roster cases",
                 hint="did you mean `fed-police`?")


CASES = Path(__file__).parent.parent / "cases"


@pytest.mark.skipif(not REAL.exists(), reason="the shipped training rows are not in this checkout")
def test_the_shipped_training_case_is_the_import_byte_for_byte(run_cli, tmp_path):
    status, _, err = run_cli("import", "fmtrpt", REAL, "-o", tmp_path / "out", "--roster", CASES / "mexico-2015",
                             "--roster", CASES / "mexico-sfm", "--aliases",
                             CASES / "mexico-data" / "import" / "trainee-aliases.yaml", "--skip-bad")
    assert status == 0, err
    for name in ("training.yaml", "import-log.txt"):
        assert (CASES / "mexico-training" / name).read_bytes() == (tmp_path / "out" / name).read_bytes(), name
