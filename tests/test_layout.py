"""Terminal reports at 80 columns (piped, as rich lays them out when standard output is not a terminal): every id
appears whole, every URL unbroken, no line is cut (vetting/reports/layout.py)."""
import json
import re
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from vetting.cli import main
from vetting.reports.layout import Column, print_table, print_wrapped, subject, wrap

CASE = Path(__file__).parent.parent / "cases" / "mexico-2015"
HYP = CASE / "hypotheses"
MINI = Path(__file__).parent / "data" / "mini"


def whole(token: str, text: str) -> bool:
    return re.search(rf"(?<![\w.-]){re.escape(token)}(?![\w.-])", text) is not None


def run(capsys, monkeypatch, *args, columns=80) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(list(args)) == 0, args
    return capsys.readouterr().out


def report_json(capsys, *args) -> dict:
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_evaluate_at_80_columns_shows_every_id_whole(capsys, monkeypatch):
    args = ["evaluate", str(CASE), "--as-of", "2015-05-08"]
    data = report_json(capsys, *args)
    out = run(capsys, monkeypatch, *args)
    ids = [u["id"] for u in data["units"]] + [p["id"] for p in data["people"]] + [p["id"] for p in data["proposals"]]
    ids += [t["subject"] for t in data["tasks"]] + [f["rule"] for u in data["units"] for f in u["findings"]
                                                    if f["effect"] != "note"]
    assert "mx-federal-police" in ids and "unidentified-unit-suspends-force" in ids
    assert [i for i in ids if not whole(i, out)] == []
    assert "…" not in out


def test_register_at_80_columns_shows_every_unit_and_information_whole(capsys, monkeypatch):
    args = ["register", str(CASE), "--as-of", "2015-05-08", "--with", str(HYP / "zone-commander-implicated.yaml")]
    data = report_json(capsys, *args)
    out = run(capsys, monkeypatch, *args)
    units = [u for section in ("barred", "assessments", "withheld", "suspended") for u in data[section]]
    ids = [u["id"] for u in units] + [i for u in units for i in u["information"]]
    assert "tlatlaya-zone-commander-implicated" in ids
    assert [i for i in ids if not whole(i, out)] == []


@pytest.mark.parametrize("hypothesis", ["apatzingan-unit-identified", "zone-commander-implicated"])
def test_whatif_at_80_columns_shows_who_changes_whole(capsys, monkeypatch, hypothesis):
    args = ["whatif", str(CASE), "--as-of", "2015-05-08", "--with", str(HYP / f"{hypothesis}.yaml")]
    data = report_json(capsys, *args)
    out = run(capsys, monkeypatch, *args)
    ids = [c["id"] for c in data["changes"]] + [r for c in data["changes"] for r in c["because"]]
    assert ids and [i for i in ids if not whole(i, out)] == []


@pytest.mark.parametrize("subject_id", ["mx-bn-102", "mx-federal-police", "merida-federal-specialty-training"])
def test_explain_at_80_columns_keeps_ids_and_urls_whole(capsys, monkeypatch, subject_id):
    args = ["explain", subject_id, str(CASE), "--as-of", "2015-05-08"]
    data = report_json(capsys, *args)
    out = run(capsys, monkeypatch, *args)
    urls = [f["citation"]["url"] for f in data["findings"]]
    urls += [s["url"] for f in data["findings"] for fact in f["because"] for s in fact["sources"] if s["url"]]
    ids = [subject_id] + [f["rule"] for f in data["findings"]] + [fact["id"] for f in data["findings"]
                                                                  for fact in f["because"]]
    assert urls and [u for u in urls if f"<{u}>" not in out] == []
    assert [i for i in ids if not whole(i, out)] == []
    # the hanging indent: every line but a heading starts indented or is a finding's or a section's first line
    from vetting.explain import CONTEXT_HEADINGS

    findings_heads = {f"{f['law']} · {f['effect']}" for f in data["findings"]} | set(CONTEXT_HEADINGS)
    for line in out.splitlines()[1:]:
        assert not line or line.startswith(" ") or any(line.startswith(h) for h in findings_heads) \
            or line.startswith("with hypotheses"), line


def test_a_long_id_and_a_long_name_in_a_narrow_console_are_never_cut(tmp_path, capsys, monkeypatch):
    long_id = "bn-" + "x" * 70
    case = tmp_path / "case"
    shutil.copytree(MINI, case)
    path = case / "case.yaml"
    path.write_text(path.read_text().replace("id: bn\n", f"id: {long_id}\n").replace("[bn]", f"[{long_id}]")
                    .replace("unit: bn,", f"unit: {long_id},")
                    .replace("name: Battalion", "name: " + " ".join(["Battalion"] * 30)))
    for command in (["evaluate"], ["register"], ["explain", long_id]):
        args = [*command[:1], *command[1:], str(case), "--as-of", "2015-05-31"]
        out = run(capsys, monkeypatch, *args, columns=60)
        assert whole(long_id, out), command


def test_wrap_breaks_between_words_only():
    text = Text("a short line then https://example.org/" + "x" * 90 + " and more words")
    lines = [line.plain for line in wrap(text, 30)]
    assert "https://example.org/" + "x" * 90 in lines
    assert all(len(line) <= 30 for line in lines if "https" not in line)
    assert " ".join(lines) == text.plain


def test_a_table_too_wide_for_whole_ids_becomes_one_block_per_row():
    console = Console(width=40, record=True, no_color=True)
    print_table(console, "Units", [Column("unit"), Column("because", whole=True)],
                [[subject("A battalion with a long name", "an-id-that-is-thirty-two-chars-x"),
                  "unidentified-unit-suspends-force"]])
    out = console.export_text()
    assert "┃" not in out and whole("an-id-that-is-thirty-two-chars-x", out)
    assert whole("unidentified-unit-suspends-force", out)
    console = Console(width=40, record=True, no_color=True)
    print_wrapped(console, "x " * 30, indent=2, hang=4)
    lines = console.export_text().splitlines()
    assert lines[0].startswith("  x") and lines[1].startswith("    x") and all(len(line) <= 40 for line in lines)


def test_timeline_and_diff_at_80_columns_show_every_id_whole(capsys, monkeypatch):
    args = ["timeline", "mx-cocula-police", str(CASE), "--as-of", "2015-05-08"]
    data = report_json(capsys, *args)
    out = run(capsys, monkeypatch, *args)
    ids = ["mx-cocula-police"] + [b for c in data["subjects"][0]["changes"] for b in c["because"]]
    assert "iguala-disappearances-cocula-information" in ids
    assert [i for i in ids if not whole(i, out)] == []
    args = ["diff", str(CASE), "--as-of", "2015-01-31", "--to-as-of", "2015-05-08"]
    data = report_json(capsys, *args)
    out = run(capsys, monkeypatch, *args)
    ids = [c["id"] for c in data["changes"]] + [r for c in data["changes"] for r in c["because"]]
    assert "unidentified-unit-suspends-force" in ids
    assert [i for i in ids if not whole(i, out)] == []
