"""Every class of bad input gets one clear error and exit status 2 (design §6).

The contract, checked by `expect_error` (tests/conftest.py) for every case below: exit status 2, nothing on
stdout, no traceback, and on stderr exactly one line

    error: FILE:LINE: `field.path`: what was expected

optionally followed by one `  hint: ...` line. Each test names the file, the line where the YAML puts the bad
value (found in the written file, never counted by hand), the field path and the key words of the message.
"""
from __future__ import annotations

import copy
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vetting.errors import InputError
from vetting.case.load import COLLECTIONS, apply_hypotheses, load_case



def _e(data: dict, collection: str, entity_id: str) -> dict:
    return next(e for e in data[collection] if e["id"] == entity_id)


def _set(collection, entity_id, *path_and_value):
    """A mutation: set data[collection][entity_id][path...] = value."""
    *path, value = path_and_value

    def mutate(data):
        target = _e(data, collection, entity_id)
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _drop(collection, entity_id, *path):
    def mutate(data):
        target = _e(data, collection, entity_id)
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


# One row per bad value: (test id, mutation, the text on the bad line (and a text it comes after), field, key
# words of the message, words of the hint or None).
BAD_VALUES = [
    # ---- unknown keys, with a "did you mean"
    ("unknown-key", _set("units", "zone", "personel", 10000), ("personel:", None),
     "units[1].personel", ["unknown key `personel`"], "did you mean `personnel`?"),
    ("unknown-key-nested", _set("units", "zone", "parents", 0, "chian", "command"), ("chian:", None),
     "units[1].parents[0].chian", ["unknown key `chian`"], "did you mean `chain`?"),
    ("unknown-section", lambda d: d.update(unit=[]), ("unit: []", None),
     "unit", ["unknown key `unit`"], "did you mean `units`?"),
    # ---- references to ids the case does not have
    ("ref-unit-parent", _set("units", "battalion", "parents", 0, "unit", "zonne"), ("unit: zonne", None),
     "units[2].parents[0].unit", ["`zonne` is not a known unit of the case"], "did you mean `zone`?"),
    ("ref-posting-unit", _set("people", "zone-commander", "postings", 0, "unit", "nowhere"),
     ("unit: nowhere", None), "people[0].postings[0].unit", ["`nowhere` is not a known unit"], None),
    ("ref-perpetrator-unit", _set("incidents", "killing", "perpetrators", "units", ["battalon"]),
     ("- battalon", None), "incidents[0].perpetrators.units[0]", ["`battalon` is not a known unit"],
     "did you mean `battalion`?"),
    ("ref-perpetrator-person", _set("incidents", "killing", "perpetrators", "people", ["the-sergeant"]),
     ("- the-sergeant", None), "incidents[0].perpetrators.people[0]", ["`the-sergeant` is not a known person"],
     None),
    ("ref-information-incident", _set("information", "report", "incident", "kiling"),
     ("incident: kiling", None), "information[0].incident", ["`kiling` is not a known incident"],
     "did you mean `killing`?"),
    ("ref-proposal-recipient", _set("proposals", "state-equipment", "recipients", "units", ["zone", "brigade"]),
     ("- brigade", None), "proposals[1].recipients.units[1]", ["`brigade` is not a known unit"], None),
    ("ref-citation-source-short", _set("units", "army", "sources", ["newz"]), ("- newz", None),
     "units[0].sources[0]", ["`newz` is not a known source"], "did you mean `news`?"),
    ("ref-citation-source-long", _set("incidents", "killing", "sources", [{"source": "artcle", "quote": "x y z"}]),
     ("source: artcle", None), "incidents[0].sources[0].source", ["`artcle` is not a known source"],
     "did you mean `article`?"),
    ("ref-determination-unit", _set("determinations", "waiver", "unit", "batallion"), ("unit: batallion", None),
     "determinations[0].unit", ["`batallion` is not a known unit"], "did you mean `battalion`?"),
    ("ref-determination-proposal", _set("determinations", "waiver", "proposal", "dod-trainng"),
     ("proposal: dod-trainng", None), "determinations[0].proposal", ["`dod-trainng` is not a known proposal"],
     "did you mean `dod-training`?"),
    ("ref-investigation-subject", _set("investigations", "inquiry", "subjects", "units", ["platoon"]),
     ("- platoon", None), "investigations[0].subjects.units[0]", ["`platoon` is not a known unit"], None),
    # ---- duplicate ids, in one collection and across two
    ("duplicate-id-same-collection",
     lambda d: d["units"].append(dict(_e(d, "units", "army"), name="A second army")),
     ("- id: army", "- id: battalion"), "units[3].id", ["the id `army` is used twice"], "first used at"),
    ("duplicate-id-other-collection", _set("people", "zone-commander", "id", "zone"), ("- id: zone", "people:"),
     "people[0].id", ["the id `zone` is used twice"], "first used at"),
    # ---- `to` before `from`
    ("to-before-from-parent", _set("units", "zone", "parents", 0, "to", "2009-12-31"), ("- unit: army", None),
     "units[1].parents[0]", ["`to` (2009-12-31) is before `from` (2010-01-01)"], None),
    ("to-before-from-posting", _set("people", "zone-commander", "postings", 0, "to", "2012-12-31"),
     ("- unit: zone", "people:"), "people[0].postings[0]", ["`to` (2012-12-31) is before `from` (2013-01-01)"],
     None),
    ("to-before-from-incident", _set("incidents", "killing", "date", {"from": "2014-06-30", "to": "2014-06-01"}),
     ("date:", "- id: killing"), "incidents[0].date", ["`to` (2014-06-01) is before `from` (2014-06-30)"], None),
    ("to-before-from-proposal", _set("proposals", "dod-training", "to", "2014-12-31"),
     ("- id: dod-training", None), "proposals[0]", ["`to` (2014-12-31) is before `from` (2015-01-01)"], None),
    # ---- values outside a vocabulary
    ("vocabulary-violation", _set("incidents", "killing", "violations", ["torure"]), ("- torure", None),
     "incidents[0].violations[0]", ["`torure` is not one of", "`torture`", "`extrajudicial-killing`"],
     "did you mean `torture`?"),
    ("vocabulary-unit-kind", _set("units", "zone", "kind", "millitary"), ("kind: millitary", None),
     "units[1].kind", ["`millitary` is not one of", "`military`", "`police`"], "did you mean `military`?"),
    ("vocabulary-role", _set("people", "zone-commander", "postings", 0, "role", "boss"), ("role: boss", None),
     "people[0].postings[0].role", ["`boss` is not one of", "`commander`", "`member`"], None),
    ("vocabulary-authority", _set("proposals", "dod-training", "funding", "authority", "DoD"),
     ("authority: DoD", None), "proposals[0].funding.authority", ["`DoD` is not one of", "`dod`", "`faa`"],
     "did you mean `dod`?"),
    ("legacy-authority-list", _set("proposals", "dod-training", "funding", "authority", ["faa", "faa"]),
     ("authority:", None), "proposals[0].funding.authority", ["not one of", "`dod`", "`faa`"], None),
    ("legacy-authority-fms", _set("proposals", "dod-training", "funding", "authority", "fms"),
     ("funding:", None), "proposals[0].funding", ["`authority: fms` does not say who pays",
                                                        "`{sources: [fmf], channel: fms}`"], None),
    # ---- a fact with no source
    ("fact-without-source-unit", _drop("units", "zone", "sources"), ("- id: zone", None),
     "units[1]", ["a fact needs `sources`", "`assumption`"], None),
    ("fact-without-source-link", _drop("units", "zone", "parents", 0, "sources"), ("- unit: army", None),
     "units[1].parents[0]", ["a fact needs `sources`", "`assumption`"], None),
    ("fact-with-empty-sources", _set("incidents", "killing", "sources", []), ("- id: killing", None),
     "incidents[0]", ["a fact needs `sources`"], None),
    # ---- malformed dates, on a plain date (`from`) and on a day-or-range (`date`)
    ("date-month-13", _set("units", "zone", "parents", 0, "from", "2014-13-01"), ("from: 2014-13-01", None),
     "units[1].parents[0].from", ["`2014-13-01` is not a real calendar date"], None),
    ("date-february-30", _set("incidents", "killing", "date", "2014-02-30"), ("date: 2014-02-30", None),
     "incidents[0].date", ["`2014-02-30` is not a real calendar date"], None),
    ("date-no-zero-padding", _set("units", "zone", "parents", 0, "from", "2014-6-1"), ("from: 2014-6-1", None),
     "units[1].parents[0].from", ["expected a date written `YYYY-MM-DD`"], None),
    ("date-no-dashes", _set("units", "zone", "parents", 0, "from", "20140601"), ("from: '20140601'", None),
     "units[1].parents[0].from", ["expected a date written `YYYY-MM-DD`"], None),
    ("date-integer", _set("units", "zone", "parents", 0, "from", 20140601), ("from: 20140601", None),
     "units[1].parents[0].from", ["expected a date written `YYYY-MM-DD`"], None),
    ("date-integer-day-or-range", _set("incidents", "killing", "date", 20140601), ("date: 20140601", None),
     "incidents[0].date", ["expected a date written `YYYY-MM-DD`, or a range of days", "`20140601`"], None),
    ("date-datetime", _set("incidents", "killing", "date", "2014-06-30T22:00:00"),
     ("date: 2014-06-30T22:00:00", None), "incidents[0].date", ["expected a date written `YYYY-MM-DD`"], None),
    ("date-datetime-space", _set("information", "report", "received", "2014-07-01 09:30"),
     ("received: 2014-07-01 09:30", None), "information[0].received", ["expected a date written `YYYY-MM-DD`"],
     None),
    # ---- wrong types
    ("string-for-list", _set("incidents", "killing", "violations", "torture"), ("violations: torture", None),
     "incidents[0].violations", ["expected a list, not `torture`"], "write `[torture]`"),
    ("string-for-list-of-ids", _set("proposals", "dod-training", "recipients", "units", "battalion"),
     ("units: battalion", None), "proposals[0].recipients.units", ["expected a list, not `battalion`"],
     "write `[battalion]`"),
    ("empty-for-list", lambda d: d.update(investigations=None), ("investigations:", None),
     "investigations", ["expected a list, not an empty value"], "`investigations: []`"),
    ("number-for-id-reference", _set("units", "battalion", "parents", 0, "unit", 42), ("unit: 42", None),
     "units[2].parents[0].unit", ["expected an id", "not the number `42`"], "put it in quotes"),
    ("number-for-own-id", _set("units", "army", "id", 42), ("- id: 42", None),
     "units[0].id", ["expected an id", "not the number `42`"], None),
    ("number-for-citation", _set("units", "army", "sources", [7]), ("- 7", None),
     "units[0].sources[0]", ["expected a source id, or a citation", "not the number `7`"], None),
    ("mapping-for-text", _set("units", "army", "name", {"en": "The army"}), ("name:", "- id: army"),
     "units[0].name", ["expected text, not a mapping"], None),
    # ---- quotes and the shipped text of a source
    ("quote-not-in-source", _set("incidents", "killing", "sources", 0, "quote", "killed 23 people"),
     ("quote: killed 23 people", None), "incidents[0].sources[0].quote",
     ["the quote is not found in the text of `article`"], "copy the words exactly"),
    ("text-source-without-quote", _set("incidents", "killing", "sources", ["article"]),
     ("- article", "- id: killing"), "incidents[0].sources[0]", ["a citation of `article` needs a `quote` from it"], "ships the text"),
    ("source-text-missing", _set("sources", "article", "text", "missing.txt"), ("text: missing.txt", None),
     "sources[1].text", ["the source text `missing.txt` is not found"], "relative to the case folder"),
    # ---- rules of the law that the format enforces
    ("dod-waiver-for-state-proposal", _set("determinations", "waiver", "proposal", "state-equipment"),
     ("proposal: state-equipment", None), "determinations[0].proposal",
     ["a `dod-waiver` applies only to assistance under the DoD law", "`state-equipment`", "state law"],
     "the State law has no waiver"),
    ("information-before-incident", _set("information", "report", "received", "2014-06-01"),
     ("received: 2014-06-01", None), "information[0].received",
     ["received (2014-06-01) before the incident it describes began (2014-06-30)"], None),
]


@pytest.mark.parametrize("mutate, where, field, words, hint",
                         [pytest.param(*row[1:], id=row[0]) for row in BAD_VALUES])
def test_bad_value(make_case, run_cli, expect_error, at, mutate, where, field, words, hint):
    path = make_case(mutate)
    expect_error(run_cli("validate", path), path, at(path, *where), field, *words, hint=hint)


def test_the_minimal_case_is_valid(make_case, run_cli):
    status, out, err = run_cli("validate", make_case())
    assert (status, err) == (0, "")
    assert out.startswith("ok: test-case: 2 sources, 3 units")


def test_a_duplicate_hint_names_the_first_use(make_case, run_cli, at):
    path = make_case(_set("people", "zone-commander", "id", "zone"))
    _, _, err = run_cli("validate", path)
    assert f"hint: first used at {path}:{at(path, '- id: zone')}" in err


def test_an_assumption_is_a_basis_for_a_fact(make_case, run_cli):
    def mutate(data):
        zone = _e(data, "units", "zone")
        del zone["sources"]
        zone["assumption"] = "the zone existed before the first source speaks of it"

    status, out, _ = run_cli("validate", make_case(mutate))
    assert status == 0 and out.startswith("ok:")


# ---------------------------------------------------------------- a case in a folder of files


def _split_case(make_case, data: dict, *, army_twice: bool = False) -> tuple[Path, Path]:
    """The case as a folder `case/`: a.yaml has all but proposals and determinations, b.yaml has those."""
    rest = {"proposals": data.pop("proposals"), "determinations": data.pop("determinations")}
    if army_twice:
        rest["units"] = [copy.deepcopy(_e(data, "units", "army"))]
    return make_case(data=data, name="case/a.yaml"), make_case(data=rest, name="case/b.yaml")


def test_a_folder_case_is_merged(tmp_path, make_case, case_data, run_cli):
    _split_case(make_case, case_data)
    status, out, _ = run_cli("validate", tmp_path / "case")
    assert status == 0 and "2 proposals" in out


def test_duplicate_id_across_two_files_of_a_folder(tmp_path, make_case, case_data, run_cli, expect_error, at):
    a, b = _split_case(make_case, case_data, army_twice=True)
    err = expect_error(run_cli("validate", tmp_path / "case"), b, at(b, "- id: army"), "units[0].id",
                       "the id `army` is used twice")
    assert f"hint: first used at {a}:{at(a, '- id: army')}" in err


def test_two_case_blocks_in_a_folder(tmp_path, make_case, case_data, run_cli, expect_error):
    a, _ = _split_case(make_case, case_data)
    second = make_case(data={"case": {"id": "other", "title": "Another"}}, name="case/c.yaml")
    expect_error(run_cli("validate", tmp_path / "case"), second, 1, "case", "a case has one `case` block",
                 hint=str(a))


# ---------------------------------------------------------------- the hierarchy over time


def _links(data: dict, unit_id: str, *links: dict) -> None:
    _e(data, "units", unit_id)["parents"] = [dict(link, sources=["news"]) for link in links]


def test_a_cycle_on_every_date(make_case, run_cli, expect_error, at):
    path = make_case(lambda d: _links(d, "army", {"unit": "battalion"}))
    # army -> battalion is timeless, zone -> army from 2010: the cycle is there from 2010-01-01 on
    expect_error(run_cli("validate", path), path, at(path, "parents:", "- id: army"), "units[0].parents",
                 "the hierarchy has a cycle on 2010-01-01", "`army` -> `battalion` -> `zone` -> `army`",
                 hint="check the `from`/`to` dates")


def test_a_cycle_only_on_some_dates(make_case, run_cli, expect_error, at):
    def mutate(data):
        # battalion -> zone until 2014-06-30; zone -> battalion from 2014-06-01: both hold for 30 days
        _links(data, "battalion", {"unit": "zone", "to": "2014-06-30"})
        _links(data, "zone", {"unit": "battalion", "from": "2014-06-01"})

    path = make_case(mutate)
    expect_error(run_cli("validate", path), path, at(path, "parents:", "- id: battalion"), "units[2].parents",
                 "the hierarchy has a cycle on 2014-06-01", "`battalion` -> `zone` -> `battalion`")


def test_links_that_never_overlap_are_not_a_cycle(make_case, run_cli):
    def mutate(data):
        # battalion under zone until 2011; army under battalion from 2012: never a cycle on any one day
        _e(data, "units", "battalion")["parents"][0]["to"] = "2011-12-31"
        _links(data, "army", {"unit": "battalion", "from": "2012-01-01"})

    status, out, err = run_cli("validate", make_case(mutate))
    assert (status, err) == (0, "") and out.startswith("ok:")


def test_a_unit_with_two_parents_on_the_same_date(make_case, run_cli, expect_error, at):
    path = make_case(lambda d: _links(d, "battalion", {"unit": "zone"}, {"unit": "army", "from": "2014-01-01"}))
    expect_error(run_cli("validate", path), path, at(path, "- unit: army", "- id: battalion"),
                 "units[2].parents[1]", "`battalion` has two command parents on the same dates",
                 "(`zone` and `army`)", hint="end one link (`to`) before the other begins (`from`)")


def test_two_parents_sharing_one_day_overlap(make_case, run_cli, expect_error, at):
    path = make_case(lambda d: _links(d, "battalion", {"unit": "zone", "to": "2014-01-01"},
                                      {"unit": "army", "from": "2014-01-01"}))
    expect_error(run_cli("validate", path), path, at(path, "- unit: army", "- id: battalion"),
                 "units[2].parents[1]", "two command parents on the same dates")


@pytest.mark.parametrize("links", [
    pytest.param(({"unit": "zone"}, {"unit": "army", "chain": "operational"}), id="different-chains"),
    pytest.param(({"unit": "zone", "to": "2013-12-31"}, {"unit": "army", "from": "2014-01-01"}),
                 id="consecutive-periods"),
])
def test_two_parents_that_are_fine(make_case, run_cli, links):
    status, out, err = run_cli("validate", make_case(lambda d: _links(d, "battalion", *links)))
    assert (status, err) == (0, "") and out.startswith("ok:")


# ---------------------------------------------------------------- files that are not good YAML


def _written(make_case, replace: tuple[str, str] | None = None, raw: bytes | None = None) -> Path:
    """The minimal case, then its text changed (one `replace`) or replaced whole by `raw` bytes."""
    path = make_case()
    if raw is not None:
        path.write_bytes(raw)
    else:
        text = path.read_text(encoding="utf-8")
        assert text.count(replace[0]) == 1, replace[0]
        path.write_text(text.replace(*replace), encoding="utf-8")
    return path


def test_non_utf8_bytes(make_case, run_cli, expect_error, at):
    path = make_case()
    line = at(path, "name: The zone")
    path.write_bytes(path.read_bytes().replace(b"name: The zone", b"name: The zone caf\xe9"))
    expect_error(run_cli("validate", path), path, line, None, "the file is not valid UTF-8",
                 hint="save the file as UTF-8")


def test_utf16_is_not_utf8(make_case, run_cli, expect_error):
    path = make_case()
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    expect_error(run_cli("validate", path), path, 1, None, "the file is not valid UTF-8")


def test_unclosed_bracket(make_case, run_cli, expect_error, at):
    path = _written(make_case, ("  violations:\n  - extrajudicial-killing\n",
                                "  violations: [extrajudicial-killing\n"))
    # YAML sees the problem where the flow sequence meets the next key, and says where the `[` opened
    expect_error(run_cli("validate", path), path, at(path, "perpetrators:"), None, "not valid yaml",
                 "expected ',' or ']'", hint=f"flow sequence that starts on line {at(path, 'violations: [')}")


def test_tab_indentation(make_case, run_cli, expect_error, at):
    path = _written(make_case, ("  name: The zone\n", "\tname: The zone\n"))
    expect_error(run_cli("validate", path), path, at(path, "\tname: The zone"), None, "not valid yaml",
                 "'\\t'", hint="indent with spaces, not tabs")


def test_a_second_document(make_case, run_cli, expect_error):
    path = make_case()
    path.write_text(path.read_text(encoding="utf-8") + "---\ncase: {id: other, title: Other}\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").count("\n")
    expect_error(run_cli("validate", path), path, lines - 1, None, "not valid yaml", "another document")


@pytest.mark.parametrize("text", ["- units\n- sources\n", "just a sentence\n"], ids=["list", "scalar"])
def test_not_a_mapping_at_the_top(tmp_path, run_cli, expect_error, text):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    expect_error(run_cli("validate", path), path, 1, None, "expected a mapping of sections at the top",
                 hint="sections: case, sources, units")


# An empty case file (or one of only comments, or `{}`) is an error naming it, alone or inside a folder: a file
# left empty by mistake must never read as "nothing to vet" (issue 7). A hypothesis must say what it is
# (`hypothesis: {id, title, rationale}`), so an empty hypothesis file is an error too.
@pytest.mark.parametrize("text", ["", "# to be written\n", "---\n", "{}\n"],
                         ids=["empty", "comments", "document-start", "empty-mapping"])
def test_an_empty_case_file_is_an_error(tmp_path, run_cli, expect_error, text):
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    expect_error(run_cli("validate", path), path, None, None, "the file is empty", hint="sections: case, sources")


def test_an_empty_file_in_a_folder_is_an_error(tmp_path, make_case, case_data, run_cli, expect_error):
    _split_case(make_case, case_data)
    (tmp_path / "case" / "c.yaml").write_text("# to be written\n", encoding="utf-8")
    expect_error(run_cli("validate", tmp_path / "case"), tmp_path / "case" / "c.yaml", None, None,
                 "the file is empty")


def test_an_empty_folder_is_not_a_case(tmp_path, run_cli, expect_error):
    (tmp_path / "case").mkdir()
    expect_error(run_cli("validate", tmp_path / "case"), tmp_path / "case", None, None,
                 "the folder holds no `.yaml` case files")


def test_a_missing_case_file(tmp_path, run_cli, expect_error):
    expect_error(run_cli("validate", tmp_path / "nope.yaml"), tmp_path / "nope.yaml", None, None,
                 "no such file or folder")


# ---------------------------------------------------------------- hostile YAML


@pytest.mark.parametrize("tag", [
    '!!python/object/apply:os.system ["touch {marker}"]',
    "!!python/name:os.system",
    '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
    "!custom {{command: touch {marker}}}",
], ids=["object-apply", "name", "object-new", "custom"])
def test_tags_that_would_build_objects(make_case, run_cli, expect_error, at, tmp_path, tag):
    marker = tmp_path / "ran"
    tag = tag.format(marker=marker)
    path = _written(make_case, ("  title: A minimal case\n", f"  title: {tag}\n"))
    shown = tag.split(" ")[0]
    expect_error(run_cli("validate", path), path, at(path, "title: !"), "case.title",
                 f"the yaml tag `{shown}` is not allowed", hint="no tags that build objects")
    with pytest.raises(InputError):
        load_case(path)
    assert not marker.exists(), "a tag in a case file ran a command"


def test_billion_laughs(tmp_path, run_cli, expect_error):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    path = tmp_path / "lol.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = run_cli("validate", path)
    elapsed = time.perf_counter() - start
    expect_error(result, path, 1, None, "the document expands to more than 200000 values",
                 hint="aliases (`*name`) that repeat large blocks")
    assert elapsed < 5, f"an alias bomb took {elapsed:.1f} s"  # a sanity bound; it takes well under a second


@pytest.mark.parametrize("text, line", [
    ("units: " + "[" * 10_000 + "]" * 10_000 + "\n", 1),
    ("units: " + "{a: " * 10_000 + "b" + "}" * 10_000 + "\n", 1),
    # the root is on line 1, `units` on line 2, and the 41st level on line 41
    ("units:\n" + "".join(" " * i + "-\n" for i in range(1, 1_000)), 41),
    # an alias inside its own anchor: a finite file for an infinitely deep document
    ("a: &a [*a]\n", 1),
], ids=["brackets", "braces", "block", "recursive-alias"])
def test_absurd_nesting(tmp_path, run_cli, expect_error, text, line):
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    result = run_cli("validate", path)
    elapsed = time.perf_counter() - start
    expect_error(result, path, line, None, "the document is nested deeper than 40 levels")
    assert elapsed < 5, f"deep nesting took {elapsed:.1f} s"


def test_merge_keys(make_case, run_cli, expect_error, at):
    path = _written(make_case, ("- id: army\n  name: The army\n  kind: military\n  country: MX\n",
                                "- &base\n  id: army\n  name: The army\n  kind: military\n  country: MX\n"))
    text = path.read_text(encoding="utf-8").replace("- id: zone\n", "- <<: *base\n  id: zone\n")
    path.write_text(text, encoding="utf-8")
    expect_error(run_cli("validate", path), path, at(path, "<<: *base"), "units[1].<<",
                 "merge keys (`<<`) are not allowed", hint="write the keys out")


def test_duplicate_keys(make_case, run_cli, expect_error, at):
    path = _written(make_case, ("  name: The zone\n", "  name: The zone\n  name: The second zone\n"))
    expect_error(run_cli("validate", path), path, at(path, "name: The second zone"), "units[1].name",
                 "the key `name` appears twice in the same mapping",
                 hint=f"the first is on line {at(path, 'name: The zone')}")


# ---------------------------------------------------------------- hypotheses


BRIGADE = {"id": "brigade", "name": "The brigade", "kind": "military", "country": "MX", "sources": ["news"]}
ZONE_AGAIN = dict(BRIGADE, id="zone")

BAD_HYPOTHESES = [
    ("unknown-key", {"remvoe": {"units": ["zone"]}}, ("remvoe:", None), "remvoe",
     ["unknown key `remvoe`"], "did you mean `remove`?"),
    ("unknown-key-in-block", {"hypothesis": {"id": "h", "title": "t", "rationale": "r", "titel": "x"}},
     ("titel:", None), "hypothesis.titel", ["unknown key `titel`"], "did you mean `title`?"),
    ("invalid-entity", {"add": {"units": [dict(BRIGADE, kind="army")]}}, ("kind: army", None),
     "add.units[0].kind", ["`army` is not one of"], None),
    ("replace-missing-id", {"replace": {"units": [BRIGADE]}}, ("id: brigade", None), "replace.units[0].id",
     ["`brigade` is not a known unit of the case"], "use `add` for a new one"),
    ("add-existing-id", {"add": {"units": [ZONE_AGAIN]}}, ("id: zone", None), "add.units[0].id",
     ["the id `zone` is used twice"], "first used at"),
    ("remove-unknown-id", {"remove": {"units": ["zone", "brigade"]}}, ("- brigade", None), "remove.units[1]",
     ["`brigade` is not a known unit of the case"], None),
    ("add-case-block", {"add": {"case": {"id": "x", "title": "y"}}}, ("add:", None), "add",
     ["a hypothesis cannot add or replace the `case` block"], None),
    ("add-dangling-reference",
     {"add": {"units": [dict(BRIGADE, parents=[{"unit": "corps", "sources": ["news"]}])]}},
     ("unit: corps", None), "add.units[0].parents[0].unit", ["`corps` is not a known unit"], None),
]


def _snapshot(case) -> tuple:
    return (case.info, case.files, case.hypotheses, dict(case.locations), dict(case.removed),
            {name: dict(case.collection(name)) for name in COLLECTIONS})


def _unchanged(case, snapshot) -> bool:
    info, files, hypotheses, locations, removed, collections = snapshot
    return (case.info is info and case.files == files and case.hypotheses == hypotheses
            and case.locations == locations and case.removed == removed
            and all(list(case.collection(n).items()) == list(collections[n].items()) for n in COLLECTIONS)
            and all(case.collection(n)[k] is v for n in COLLECTIONS for k, v in collections[n].items()))


@pytest.mark.parametrize("sections, where, field, words, hint",
                         [pytest.param(*row[1:], id=row[0]) for row in BAD_HYPOTHESES])
def test_bad_hypothesis(make_hypothesis, make_case, run_cli, expect_error, at, sections, where, field, words,
                        hint):
    case_path = make_case()
    hypothesis = make_hypothesis(**sections)
    expect_error(run_cli("validate", case_path, "--with", hypothesis), hypothesis, at(hypothesis, *where), field,
                 *words, hint=hint)
    case = load_case(case_path)
    before = _snapshot(case)
    with pytest.raises(InputError):
        apply_hypotheses(case, [hypothesis])
    assert _unchanged(case, before)


def test_a_failing_hypothesis_is_not_half_applied(make_hypothesis, make_case, run_cli, expect_error, at, tmp_path):
    """Its `remove` and `add` are fine, its `replace` is not: none of it reaches the case."""
    case_path = make_case()
    good = make_hypothesis("good.yaml", add={"units": [BRIGADE]})
    bad = make_hypothesis("bad.yaml", remove={"proposals": ["state-equipment"]},
                      add={"sources": [{"id": "memo", "title": "A memo", "publisher": "An office"}]},
                      replace={"people": [{"id": "commander-of-the-zone", "name": "x", "sources": ["news"]}]})
    expect_error(run_cli("validate", case_path, "--with", good, "--with", bad), bad,
                 at(bad, "id: commander-of-the-zone"), "replace.people[0].id",
                 "`commander-of-the-zone` is not a known person of the case")
    case = load_case(case_path)
    before = _snapshot(case)
    with pytest.raises(InputError):
        apply_hypotheses(case, [good, bad])
    assert _unchanged(case, before)
    assert "state-equipment" in case.proposals and "memo" not in case.sources and "brigade" not in case.units


def test_removing_what_the_case_refers_to(make_hypothesis, make_case, run_cli, expect_error, at, tmp_path):
    """The error is where the reference is; the hint names the `remove` that broke it."""
    case_path = make_case()
    hypothesis = make_hypothesis(remove={"units": ["battalion"]})
    expect_error(run_cli("validate", case_path, "--with", hypothesis), case_path,
                 at(case_path, "- battalion", "perpetrators:"), "incidents[0].perpetrators.units[0]",
                 "`battalion` is not a known unit of the case",
                 hint=f"a hypothesis removes it ({hypothesis}:{at(hypothesis, '- battalion')})")
    case = load_case(case_path)
    before = _snapshot(case)
    with pytest.raises(InputError):
        apply_hypotheses(case, [hypothesis])
    assert _unchanged(case, before)


def test_a_good_hypothesis_applies(make_hypothesis, make_case, run_cli, tmp_path):
    hypothesis = make_hypothesis(add={"units": [BRIGADE]}, remove={"proposals": ["state-equipment"]})
    status, out, err = run_cli("validate", make_case(), "--with", hypothesis)
    assert (status, err) == (0, "")
    assert "4 units" in out and "1 proposal " in out and "(with h)" in out


def test_an_empty_hypothesis(make_case, run_cli, expect_error, tmp_path):
    hypothesis = tmp_path / "h.yaml"
    hypothesis.write_text("", encoding="utf-8")
    expect_error(run_cli("validate", make_case(), "--with", hypothesis), hypothesis, None, None,
                 "the file is empty", hint="sections: hypothesis")


def test_a_hypothesis_folder(make_case, run_cli, expect_error, tmp_path):
    expect_error(run_cli("validate", make_case(), "--with", tmp_path), tmp_path, None, None,
                 "a hypothesis is one file, not a folder")


# ---------------------------------------------------------------- the command line


@pytest.mark.parametrize("argv, words", [
    (["frobnicate"], ["invalid choice", "frobnicate"]),
    ([], ["the following arguments are required: command"]),
    (["validate"], ["the following arguments are required: case"]),
    (["validate", "--bogus", "case.yaml"], ["unrecognized arguments: --bogus"]),
    (["schema", "--output"], ["argument --output/-o: expected one argument"]),
], ids=["unknown-subcommand", "no-subcommand", "missing-argument", "unknown-option", "option-without-value"])
def test_bad_usage(run_cli, expect_error, argv, words):
    expect_error(run_cli(*argv), None, None, None, *words, hint="see `vetting")


def test_schema_into_a_missing_folder(tmp_path, run_cli, expect_error):
    target = tmp_path / "missing" / "schema.json"
    expect_error(run_cli("schema", "-o", target), target, None, None, "cannot write there",
                 "no such file or directory")
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_schema_onto_a_folder(tmp_path, run_cli, expect_error):
    (tmp_path / "out").mkdir()
    expect_error(run_cli("schema", "-o", tmp_path / "out"), tmp_path / "out", None, None, "cannot write")
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_internal_error_is_one_line_and_exit_1(make_case, run_cli, monkeypatch):
    def broken(paths):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr("vetting.case.load.load_case", broken)
    status, out, err = run_cli("validate", make_case())
    assert (status, out) == (1, "")
    assert err == "internal error: RuntimeError: something inside broke\n"


# ---------------------------------------------------------------- end to end, in a real process


def _vetting(*argv, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vetting", *map(str, argv)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_end_to_end_bad_input(make_case, tmp_path, at):
    path = make_case(_set("units", "zone", "kind", "millitary"))
    done = _vetting("validate", path.name, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (f"error: case.yaml:{at(path, 'kind: millitary')}: `units[1].kind`: `millitary` is not "
                           "one of: `military`, `police`, `border`, `customs`, `prison`, `intelligence`, "
                           "`investigative`, `other-security`, `non-security`\n"
                           "  hint: did you mean `military`?\n")


def test_end_to_end_hostile_yaml(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "case.yaml").write_text(f'case: !!python/object/apply:os.system ["touch {marker}"]\n',
                                        encoding="utf-8")
    done = _vetting("validate", "case.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("error: case.yaml:1: `case`: the yaml tag `!!python/object/apply:os.system`")
    assert "Traceback" not in done.stderr and not marker.exists()


def test_end_to_end_usage_and_success(make_case, tmp_path):
    done = _vetting("frobnicate", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("error: ") and "hint: see `vetting --help`" in done.stderr
    make_case()
    done = _vetting("validate", "case.yaml", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "") and done.stdout.startswith("ok: test-case:")
