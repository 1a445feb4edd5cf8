"""`vetting import sfm`: Security Force Monitor's download format to a case that validates, any country."""
from __future__ import annotations

from pathlib import Path

import yaml

from vetting.decide import evaluate
from vetting.case.load import load_case

DATA = Path(__file__).parent / "data"
OTHER = DATA / "sfm-other"  # a synthetic "other country" export: invented names, country ZZ
OTHER_FILES = sorted(p for p in OTHER.iterdir() if p.suffix in (".csv", ".tsv"))
MEXICO = Path(__file__).parent.parent / "cases" / "mexico-data"


def test_another_countrys_export_imports_and_validates(run_cli, tmp_path):
    status, out, err = run_cli("import", "sfm", *OTHER_FILES, "-o", tmp_path / "zz")
    assert status == 0, err
    assert out.startswith("rows read 15 = imported 15 + skipped 0")
    status, out, err = run_cli("validate", tmp_path / "zz")
    assert (status, out) == (0, "ok: zz: 3 sources, 5 units, 2 people, 2 incidents\n"), err
    case = load_case(tmp_path / "zz")
    assert case.info.country == "ZZ"
    bde, bn = case.units["sfm-u-bde"], case.units["sfm-u-bn"]
    assert bde.classification == ["Military", "Army"] and bde.kind == "military"
    assert (str(bde.formed), str(bde.dissolved)) == ("2005-03-01", "2019-06-30")  # start True, open `E`
    assert bde.confidence == "medium" and bde.aliases == ["1st Example Brigade"]
    assert case.units["sfm-u-pol"].kind == "police"
    # the parent is the *related* unit; a `member` relation is an operational link; `N`: last seen on the last
    # cited date (the known span ends there: `to`; after it the end is unknown, tests/test_unknown_parent_and_end.py)
    links = {(p.unit, p.chain, str(p.from_), str(p.to)) for p in bn.parents}
    assert links == {("sfm-u-bde", "command", "2006-01-15", "2014-12-31"),
                     ("sfm-u-jtf", "operational", "2010-01-01", "2011-12-31")}
    assert case.units["sfm-u-bde"].parents[0].to is None  # open-ended `Y`: still so
    colonel = case.people["sfm-p-1"]
    assert [(p.unit, p.role, p.rank, str(p.to)) for p in colonel.postings] == [
        ("sfm-u-bn", "commander", "Colonel", "2011-07-31")]
    assert case.people["sfm-p-2"].postings[0].role == "other"
    assert case.people["sfm-p-2"].postings[0].title == "Chief of Staff"
    torture = case.incidents["sfm-i-1"]
    assert torture.perpetrators.units == ["sfm-u-bn"]
    assert sorted(torture.violations) == ["extrajudicial-killing", "torture"]
    assert (str(torture.date.from_), str(torture.date.to)) == ("2010-04-01", "2010-04-30")
    assert case.incidents["sfm-i-2"].perpetrators.unit_identified is False


def test_unused_columns_are_noted_and_files_are_known_by_their_headers(run_cli, tmp_path):
    status, _, err = run_cli("import", "sfm", *reversed(OTHER_FILES), "-o", tmp_path / "zz")
    assert status == 0
    assert "note: a.csv (units): columns not used: unit:notes:admin" in err
    assert "note: e.tsv (sources): columns not used: source:publication_country, source:archive_url" in err


def test_the_imported_case_decides_once_information_is_added(run_cli, tmp_path):
    run_cli("import", "sfm", *OTHER_FILES, "-o", tmp_path / "zz")
    (tmp_path / "info.yaml").write_text(yaml.safe_dump({"information": [{
        "id": "report", "incident": "sfm-i-1", "summary": "a synthetic report", "received": "2011-03",
        "assessment": {"status": "credible", "on": "2011-06-01"}, "assumption": "synthetic test information"}]}),
        encoding="utf-8")
    report = evaluate([tmp_path / "zz", tmp_path / "info.yaml"], "2011-07-01", "state")
    assert report.units["sfm-u-bn"].status["state"] == "ineligible"
    assert report.units["sfm-u-bde"].status["state"] == "eligible"  # bars run down, never up


def test_same_input_gives_the_same_bytes(run_cli, tmp_path):
    run_cli("import", "sfm", *OTHER_FILES, "-o", tmp_path / "a", "--case-id", "zz")
    run_cli("import", "sfm", *reversed(OTHER_FILES), "-o", tmp_path / "b", "--case-id", "zz")  # any order
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def _copy_with(tmp_path, name: str, old: str, new: str) -> list:
    files = []
    for path in OTHER_FILES:
        text = path.read_text(encoding="utf-8")
        if path.name == name:
            assert old in text
            text = text.replace(old, new)
        (tmp_path / path.name).write_text(text, encoding="utf-8")
        files.append(tmp_path / path.name)
    return files


def test_a_bad_row_names_file_row_and_column_and_nothing_is_written(run_cli, tmp_path, expect_error):
    files = _copy_with(tmp_path, "b.tsv", "2006-01-15\tFalse", "2006-13-15\tFalse")
    expect_error(run_cli("import", "sfm", *files, "-o", tmp_path / "out"), tmp_path / "b.tsv", 3,
                 "unit:related_unit_first_cited_date", "`2006-13-15` is not a real calendar date")
    assert not (tmp_path / "out").exists()


def test_skip_bad_lists_every_skipped_row_and_rows_that_depend_on_it(run_cli, tmp_path):
    files = _copy_with(tmp_path, "a.csv", "u-bn,Sample Battalion Seven,Low,s-2", "u-bn,,Low,s-2")
    status, out, err = run_cli("import", "sfm", *files, "-o", tmp_path / "out", "--skip-bad")
    assert status == 0, err
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert skipped[0] == f"skipped {tmp_path / 'a.csv'}:4: `unit:name`: the unit has no name"
    assert len(skipped) == 6  # its two parent links, two postings and one incident name the unit
    assert out.startswith("rows read 15 = imported 9 + skipped 6")
    assert run_cli("validate", tmp_path / "out")[0] == 0


def test_a_file_of_no_known_format_is_an_error_on_its_header(run_cli, tmp_path, expect_error):
    path = tmp_path / "x.tsv"
    path.write_text("name\tvalue\na\tb\n", encoding="utf-8")
    expect_error(run_cli("import", "sfm", path, "-o", tmp_path / "out"), path, 1, "name",
                 "matches no Security Force Monitor download")


def test_a_second_parent_on_the_same_dates_is_a_conflict_row(run_cli, tmp_path, expect_error):
    files = _copy_with(tmp_path, "b.tsv", "Command\tmember", "Command\tchild")
    expect_error(run_cli("import", "sfm", *files, "-o", tmp_path / "out"), tmp_path / "b.tsv", 4,
                 "unit:related_unit_id:admin", "a second command parent")


def test_the_mexico_slice_imports_and_validates(run_cli, tmp_path):
    files = sorted(MEXICO.glob("sfm_*.tsv"))
    assert len(files) == 5
    status, out, err = run_cli("import", "sfm", *files, "-o", tmp_path / "mx", "--case-id", "mexico-sfm")
    assert status == 0, err
    assert out.startswith("rows read 1008 = imported 1008 + skipped 0")
    status, out, err = run_cli("validate", tmp_path / "mx")
    assert (status, out) == (0, "ok: mexico-sfm: 809 sources, 103 units, 11 people, 3 incidents\n"), err


SHIPPED = Path(__file__).parent.parent / "cases" / "mexico-sfm"


def test_the_shipped_case_is_the_import_byte_for_byte(run_cli, tmp_path):
    status, _, err = run_cli("import", "sfm", *sorted(MEXICO.glob("sfm_*.tsv")), "-o", tmp_path / "mx",
                             "--case-id", "mexico-sfm")
    assert status == 0, err
    shipped = sorted(p.name for p in SHIPPED.iterdir())
    assert shipped == sorted(p.name for p in (tmp_path / "mx").iterdir())
    for name in shipped:
        assert (SHIPPED / name).read_bytes() == (tmp_path / "mx" / name).read_bytes(), name
