"""The article's case, `cases/mexico-2015`: it loads, its hypotheses apply, and every fact has a basis.

The evidence checks here read the YAML with PyYAML directly and search the shipped article text themselves,
so they do not depend on `vetting.case.checks` (which they double-check).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from vetting.cli import main
from vetting.case.load import apply_hypotheses, load_case

CASE = Path(__file__).resolve().parent.parent / "cases" / "mexico-2015"
ARTICLE = CASE / "sources" / "article.txt"
HYPOTHESES = sorted((CASE / "hypotheses").glob("*.yaml"))
ARTICLE_SOURCE = "intercept-2015"
ARTICLE_SHA256 = "47c1e2080b0caeb0a03c2977c14ec7e349c1c257bdfdd9cfc873f0dd4ef6243f"
ARTICLE_BYTES = 16136
COLLECTIONS = ("sources", "units", "people", "incidents", "information", "investigations", "determinations",
               "proposals")

EXPECTED_IDS = {
    "units": {"mx-army", "mx-zone-22", "mx-bn-102", "mx-federal-police", "mx-iguala-police", "mx-cocula-police",
              "mx-san-fernando-police", "mx-pgr", "mx-forensic-training-lab", "mx-c4-centres"},
    "people": {"zone-22-commander-2014", "bn-102-trainees", "tlatlaya-arrested-soldiers"},
    "incidents": {"tlatlaya-2014", "iguala-2014", "apatzingan-2015", "san-fernando-2011", "durango-graves-2011",
                  "acapulco-grave-2010", "chihuahua-ranch-grave-2010", "iguala-area-graves-2014"},
    "information": {"tlatlaya-northcom-report", "iguala-disappearances-information",
                    "iguala-disappearances-cocula-information", "apatzingan-journalists-report",
                    "san-fernando-released-files", "durango-graves-cable-2011", "acapulco-grave-cable-2010",
                    "chihuahua-grave-cable-2010", "iguala-graves-northcom-report"},
    "investigations": {"tlatlaya-military-justice", "tlatlaya-pgr-prosecution", "tlatlaya-cndh-inquiry",
                       "zone-22-commander-investigation", "iguala-police-detentions"},
    "determinations": set(),
    "proposals": {"state-assistance-bn-102", "northcom-training-bn-102", "merida-training-21-states",
                  "merida-federal-specialty-training", "forensic-lab-equipment",
                  "network-forensic-biometric-equipment", "doj-forensics-merida", "undercover-surveillance-equipment",
                  "bunker-support", "plataforma-mexico-c4", "direct-arms-sales-2014"},
}
SUMMARY = ("mexico-2015: 18 sources, 10 units, 3 people, 8 incidents, 9 information, 5 investigations, "
           "11 proposals")


@lru_cache(maxsize=None)
def _raw(path: Path) -> dict:
    """The file as plain data (PyYAML, not the project's loader); cached, so never mutate it."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _case_documents() -> list[tuple[Path, dict]]:
    return [(path, _raw(path)) for path in sorted(CASE.glob("*.yaml"))]


def _entities(document: dict):
    """(collection, entity) for every entity of a case document or of a hypothesis's add/replace."""
    for name in COLLECTIONS:
        for entity in document.get(name) or []:
            yield name, entity


def _citations(node):
    """Every citation mapping (with a `source` key) anywhere under `node` in the raw YAML."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                for item in value:
                    if isinstance(item, dict) and "source" in item:
                        yield item
                    elif isinstance(item, str):
                        yield {"source": item}
            else:
                yield from _citations(value)
    elif isinstance(node, list):
        for item in node:
            yield from _citations(item)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _all_documents() -> list[tuple[Path, dict]]:
    documents = _case_documents()
    for path in HYPOTHESES:
        raw = _raw(path)
        documents.append((path, raw.get("add") or {}))
        documents.append((path, raw.get("replace") or {}))
    return documents


# ---------------------------------------------------------------- loading


def test_the_case_loads_with_the_expected_entities():
    case = load_case(CASE)
    assert case.info.id == "mexico-2015"
    assert case.info.country == "MX"
    assert len(case.sources) == 18
    for name, ids in EXPECTED_IDS.items():
        assert set(case.collection(name)) == ids, name
    assert case.summary() == SUMMARY


def test_the_article_facts_the_engine_rests_on():
    case = load_case(CASE)
    zone, battalion = case.units["mx-zone-22"], case.units["mx-bn-102"]
    assert zone.personnel == 10000
    assert [link.unit for link in zone.parents] == ["mx-army"]
    assert [link.unit for link in battalion.parents] == ["mx-zone-22"]
    assert battalion.parents[0].covers(dt.date(2015, 1, 31))
    assert battalion.parents[0].covers(dt.date(2014, 6, 30))

    commander = case.people["zone-22-commander-2014"]
    assert [(p.unit, p.role) for p in commander.postings] == [("mx-zone-22", "commander")]
    assert commander.postings[0].covers(dt.date(2014, 6, 30))
    assert not commander.postings[0].covers(dt.date(2014, 10, 15))
    assert case.people["bn-102-trainees"].count == 5
    assert case.people["tlatlaya-arrested-soldiers"].count == 8

    tlatlaya = case.incidents["tlatlaya-2014"]
    assert (tlatlaya.date.from_, tlatlaya.date.to) == (dt.date(2014, 6, 30), dt.date(2014, 6, 30))
    assert tlatlaya.violations == ["extrajudicial-killing"]
    assert tlatlaya.victims.count == 22
    assert tlatlaya.perpetrators.units == ["mx-bn-102"]
    iguala = case.incidents["iguala-2014"]
    assert (iguala.date.from_, iguala.date.to) == (dt.date(2014, 9, 26), dt.date(2014, 9, 27))
    assert iguala.violations == ["enforced-disappearance"]
    assert iguala.perpetrators.units == ["mx-iguala-police", "mx-cocula-police"]
    apatzingan = case.incidents["apatzingan-2015"].perpetrators
    assert (apatzingan.unit_identified, apatzingan.force, apatzingan.units) == (False, "mx-federal-police", [])
    for grave in ("durango-graves-2011", "acapulco-grave-2010", "chihuahua-ranch-grave-2010",
                  "iguala-area-graves-2014"):
        perpetrators = case.incidents[grave].perpetrators
        assert (perpetrators.unit_identified, perpetrators.force) == (False, None), grave

    report = case.information["tlatlaya-northcom-report"]
    assert (report.received.from_, report.received.to) == (dt.date(2014, 10, 1), dt.date(2014, 10, 31))
    assert (report.assessment.status, report.assessment.on) == ("pending", None)
    assert report.alleges.units == ["mx-bn-102"]
    statuses = {item.id: item.assessment.status for item in case.information.values()}
    assert statuses == {
        "tlatlaya-northcom-report": "pending", "iguala-disappearances-information": "credible",
        "iguala-disappearances-cocula-information": "credible", "apatzingan-journalists-report": "credible",
        "san-fernando-released-files": "pending", "durango-graves-cable-2011": "pending",
        "acapulco-grave-cable-2010": "pending", "chihuahua-grave-cable-2010": "pending",
        "iguala-graves-northcom-report": "pending"}
    for item in case.information.values():
        if item.assessment.status != "pending":
            assert "not a U.S. government finding" in item.assessment.by, item.id

    authorities = {p.id: p.funding.authority for p in case.proposals.values()}
    assert authorities == {
        "state-assistance-bn-102": "faa", "northcom-training-bn-102": "dod", "merida-training-21-states": "faa",
        "merida-federal-specialty-training": "faa", "forensic-lab-equipment": "faa",
        "network-forensic-biometric-equipment": "faa", "doj-forensics-merida": "faa",
        "undercover-surveillance-equipment": "faa", "bunker-support": "faa", "plataforma-mexico-c4": "faa",
        "direct-arms-sales-2014": "dcs"}
    assert case.proposals["northcom-training-bn-102"].recipients.people == ["bn-102-trainees"]
    assert case.proposals["bunker-support"].recipients.units == ["mx-federal-police"]
    assert case.proposals["direct-arms-sales-2014"].recipients.identified is False


EXPECTED_OVERLAYS = {
    "zone-commander-implicated": ("information", "tlatlaya-zone-commander-implicated"),
    "state-remediation-determination": ("determinations", "bn-102-state-effective-steps"),
    "apatzingan-unit-identified": ("units", "mx-federal-police-apatzingan-unit"),
    "tlatlaya-found-credible": ("information", "tlatlaya-northcom-report"),
    "iguala-federal-police-implicated": ("information", "iguala-federal-police-hypothetical"),
}


def test_every_hypothesis_file_is_expected():
    assert {path.stem for path in HYPOTHESES} == set(EXPECTED_OVERLAYS)


@pytest.mark.parametrize("path", HYPOTHESES, ids=lambda p: p.stem)
def test_each_hypothesis_applies(path):
    base = load_case(CASE)
    case = apply_hypotheses(base, [path])
    assert [h.id for h in case.hypotheses] == [path.stem]
    collection, entity_id = EXPECTED_OVERLAYS[path.stem]
    entity = case.collection(collection)[entity_id]
    assert entity.assumption.startswith("hypothesis:")
    assert base.collection(collection).get(entity_id) != entity


def test_the_hypotheses_change_what_they_say():
    base = load_case(CASE)
    with_commander = apply_hypotheses(base, [CASE / "hypotheses" / "zone-commander-implicated.yaml"])
    item = with_commander.information["tlatlaya-zone-commander-implicated"]
    assert (item.alleges.people, item.assessment.status) == (["zone-22-commander-2014"], "credible")

    remediated = apply_hypotheses(base, [CASE / "hypotheses" / "state-remediation-determination.yaml"])
    determination = remediated.determinations["bn-102-state-effective-steps"]
    assert (determination.kind, determination.unit) == ("state-effective-steps", "mx-bn-102")
    assert (determination.made, determination.reported) == (dt.date(2015, 3, 1), dt.date(2015, 3, 15))

    identified = apply_hypotheses(base, [CASE / "hypotheses" / "apatzingan-unit-identified.yaml"])
    perpetrators = identified.incidents["apatzingan-2015"].perpetrators
    assert (perpetrators.unit_identified, perpetrators.units) == (True, ["mx-federal-police-apatzingan-unit"])
    assert [link.unit for link in identified.units["mx-federal-police-apatzingan-unit"].parents] == [
        "mx-federal-police"]
    assert base.incidents["apatzingan-2015"].perpetrators.unit_identified is False

    credible = apply_hypotheses(base, [CASE / "hypotheses" / "tlatlaya-found-credible.yaml"])
    assessment = credible.information["tlatlaya-northcom-report"].assessment
    assert (assessment.status, assessment.on) == ("credible", dt.date(2015, 1, 31))


# ---------------------------------------------------------------- evidence


def test_the_shipped_article_is_the_one_the_readme_records():
    data = ARTICLE.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert len(data) == ARTICLE_BYTES
    assert digest == ARTICLE_SHA256
    readme = (CASE / "README.md").read_text(encoding="utf-8")
    recorded = re.findall(r"sha256: `([0-9a-f]{64})`", readme)
    assert recorded == [digest]
    assert f"size: {ARTICLE_BYTES} bytes" in readme
    sources = {s["id"]: s for s in _raw(CASE / "case.yaml")["sources"]}
    assert sources[ARTICLE_SOURCE]["text"] == "sources/article.txt"


def test_every_quote_of_the_article_is_in_the_shipped_text():
    article = _collapse(ARTICLE.read_text(encoding="utf-8"))
    checked = 0
    for path, document in _all_documents():
        for citation in _citations(document):
            if citation["source"] != ARTICLE_SOURCE:
                continue
            quote = citation.get("quote")
            assert quote, f"{path.name}: a citation of the article without a quote"
            assert _collapse(quote) in article, f"{path.name}: not in the article: {quote!r}"
            checked += 1
    assert checked >= 80


def test_other_sources_are_cited_with_a_note_and_no_quote():
    shipped = {s["id"] for s in _raw(CASE / "case.yaml")["sources"] if s.get("text")}
    assert shipped == {ARTICLE_SOURCE}
    for path, document in _all_documents():
        for citation in _citations(document):
            if citation["source"] in shipped:
                continue
            assert "quote" not in citation, f"{path.name}: {citation['source']} has no shipped text to quote"
            assert citation.get("note"), f"{path.name}: say what {citation['source']} is cited for"


def test_every_source_is_cited_and_every_citation_names_a_source():
    declared = [s["id"] for s in _raw(CASE / "case.yaml")["sources"]]
    cited = {c["source"] for _, document in _all_documents() for c in _citations(document)}
    assert cited == set(declared)
    for source in _raw(CASE / "case.yaml")["sources"]:
        assert source["url"].startswith(("http://", "https://")), source["id"]


def _has_basis(fact: dict) -> bool:
    return bool(fact.get("sources")) or bool(str(fact.get("assumption") or "").strip())


def test_every_fact_link_and_posting_has_a_citation_or_an_assumption():
    seen = 0
    for path, document in _all_documents():
        for name, entity in _entities(document):
            if name == "sources":
                continue
            assert _has_basis(entity), f"{path.name}: {name} `{entity['id']}` has no basis"
            for key in ("parents", "postings"):
                for link in entity.get(key) or []:
                    assert _has_basis(link), f"{path.name}: a {key} entry of `{entity['id']}` has no basis"
                    seen += 1
    assert seen >= 6


def test_every_fact_a_hypothesis_adds_is_marked_as_an_assumption():
    for path in HYPOTHESES:
        raw = _raw(path)
        assert raw["hypothesis"]["id"] == path.stem
        entities = [e for part in ("add", "replace") for _, e in _entities(raw.get(part) or {})]
        assert entities, f"{path.name} adds and replaces nothing"
        for entity in entities:
            assert str(entity.get("assumption", "")).startswith("hypothesis:"), f"{path.name}: {entity['id']}"
            for key in ("parents", "postings"):
                for link in entity.get(key) or []:
                    assert str(link.get("assumption", "")).startswith("hypothesis:"), f"{path.name}: {key}"


def test_people_are_described_by_role_not_named():
    for _, document in _case_documents():
        for person in document.get("people") or []:
            assert person["name"].startswith("the "), person["id"]


# ---------------------------------------------------------------- the command


def test_vetting_validate_accepts_the_case(capsys):
    assert main(["validate", str(CASE)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"ok: {SUMMARY}\n"
    assert captured.err == ""


@pytest.mark.parametrize("path", HYPOTHESES, ids=lambda p: p.stem)
def test_vetting_validate_accepts_the_case_with_each_hypothesis(path, capsys):
    assert main(["validate", str(CASE), "--with", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("ok: mexico-2015: ")
    assert captured.out.endswith(f" (with {path.stem})\n")
    assert captured.err == ""


def test_vetting_validate_accepts_all_hypotheses_together(capsys):
    argv = ["validate", str(CASE)]
    for path in HYPOTHESES:
        argv += ["--with", str(path)]
    assert main(argv) == 0
    assert capsys.readouterr().out.endswith(f" (with {', '.join(p.stem for p in HYPOTHESES)})\n")
