"""Security Force Monitor's download format (WhoWasInCommand) to a case that validates.

Each file is recognised by its header columns, whatever its name: units, parentage (parent links), postings
(people and their postings), incidents, sources. Columns the importer does not use are listed in a note.
Any country's export of the format imports the same way; the country comes from the units' `unit:country`
(`ocd-division/country:mx` -> `MX`).

How SFM's fields become case facts (docs/importers.md says why):
- a unit's classification is kept verbatim and gives its `kind` (military words first, then police);
  `unit:first_cited_date_start: True` makes the first cited date its formation, `unit:last_cited_date_open: E`
  the last cited date its dissolution;
- a parentage row links the unit to its parent, the *related* unit (`unit:related_unit_id:admin`), from the
  first cited date; its end is open when the open-ended flag is `Y`, `to` the last cited date when it is `E`
  (the real end), else `last_seen` (`N`: the last date a source saw it, its end unknown);
- a posting runs from the first cited date to the last: `to` when SFM marks the last cited date as the end,
  else `last_seen` (SFM's "last cited" is the last day a source saw him in post, not the day he left); a
  missing date is an open end;
- an incident's perpetrator units and people are those SFM names; none named -> no unit identified;
- every fact cites the SFM sources of its row and keeps SFM's confidence (Low/Medium/High).
SFM incidents are not information the U.S. government received: the importer adds no `information`; an
analyst adds it, dated, where the record shows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from vetting.importers.common import Counts, RowError, Table, dump_yaml, logged, read_table, slug

ATTRIBUTION = ("Security Force Monitor, Human Rights Institute, Columbia Law School (WhoWasInCommand data, "
               "CC BY 4.0)")

# what identifies each kind of file, tried in this order (a postings or parentage file also has unit columns)
SIGNATURES = (
    ("postings", ("person:id:admin", "person:posting_unit_id:admin")),
    ("parentage", ("unit:id:admin", "unit:related_unit_id:admin")),
    ("incidents", ("incident:id:admin",)),
    ("sources", ("source:id:admin",)),
    ("units", ("unit:id:admin", "unit:name")),
)
USED = {
    "units": ("unit:id:admin", "unit:name", "unit:name:confidence", "unit:name:source", "unit:other_names",
              "unit:classification", "unit:country", "unit:first_cited_date", "unit:first_cited_date:confidence",
              "unit:first_cited_date_start", "unit:last_cited_date", "unit:last_cited_date_open"),
    "parentage": ("unit:id:admin", "unit:name", "unit:related_unit_id:admin", "unit:related_unit",
                  "unit:related_unit_class", "unit:relation_type", "unit:related_unit_first_cited_date",
                  "unit:related_unit_first_cited_date_start", "unit:related_unit_last_cited_date",
                  "unit:related_unit_open", "relation:confidence", "relation:sources"),
    "postings": ("person:id:admin", "person:name", "person:country", "person:posting_unit_id:admin",
                 "person:posting_unit_name", "person:posting_role", "person:posting_rank", "person:posting_title",
                 "person:posting_first_cited_date", "person:posting_first_cited_date_start",
                 "person:posting_last_cited_date", "person:posting_last_cited_date_end",
                 "person:posting_last_cited_date_end_context", "posting:confidence", "posting:sources"),
    "incidents": ("incident:id:admin", "incident:start_date", "incident:end_date", "incident:location_description",
                  "incident:location", "incident:violation_type", "incident:violation_description",
                  "incident:perpetrator_unit_id:admin", "incident:perpetrator_unit_name",
                  "incident:perpetrator_person_id:admin", "incident:perpetrator_person_name",
                  "incident:perpetrator_classification", "incident:all:source"),
    "sources": ("source:id:admin", "source:title", "source:type", "source:author", "source:publication",
                "source:publication_name", "source:published_on", "source:published_timestamp",
                "source:source_url", "source:url"),
}
ORDER = ("sources", "units", "parentage", "postings", "incidents")  # what each kind refers to comes first

MILITARY = re.compile(r"milit|ej[eé]rcito|army|armada|navy|naval|marin|fuerza a[eé]rea|air force|"
                      r"fuerzas especiales|special forces|gendarmer", re.I)
POLICE = re.compile(r"polic|police", re.I)
# SFM's violation types to the case's violations; anything else is `other` (context, no effect), kept verbatim
VIOLATIONS = ((re.compile(r"tortur", re.I), "torture"),
              (re.compile(r"extrajudicial|killing|ejecuci|homicid|asesinat", re.I), "extrajudicial-killing"),
              (re.compile(r"disappear|desaparici", re.I), "enforced-disappearance"),
              (re.compile(r"\brape\b|violaci[oó]n sexual", re.I), "rape-under-color-of-law"),
              (re.compile(r"beating|golpe|cruel|inhuman|degrading", re.I), "cruel-inhuman-degrading-treatment"))
ROLES = {"commander": "commander", "comandante": "commander", "deputy commander": "deputy-commander",
         "second in command": "deputy-commander", "segundo comandante": "deputy-commander"}
CONFIDENCE = {"low": "low", "medium": "medium", "high": "high", "1": "low", "2": "medium", "3": "high"}
_SFM_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+Z-]*)?$")


@dataclass
class Result:
    files: dict
    counts: Counts
    notes: list = field(default_factory=list)
    per_file: list = field(default_factory=list)  # (file name, kind, Counts)


def kind_of(table: Table) -> str | None:
    columns = set(table.columns)
    for kind, needed in SIGNATURES:
        if all(c in columns for c in needed):
            return kind
    return None


def sfm_date(table: Table, line: int, column: str, text: str, latest: bool = False) -> str | None:
    """SFM writes an unknown month or day as `00`: `2013-02-00` is February 2013, `2013-00-00` the year.

    A cell may list several dates (`2007-06-16;2003-06-00`): a first cited date is the earliest of them, a
    last cited date (`latest`) the latest, so the span is never shortened.
    """
    import datetime as dt

    from vetting.case.schema import _day

    readings = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        m = _SFM_DATE.match(part)
        if not m:
            raise RowError(table, line, column, f"`{part}` is not a date written YYYY-MM-DD")
        year, month, day_ = m[1], m[2] or "00", m[3] or "00"
        written = year if month == "00" else f"{year}-{month}" if day_ == "00" else f"{year}-{month}-{day_}"
        try:
            dt.date(int(year), int(month) or 1, int(day_) or 1)
            readings.append((_day(written, latest), written))
        except ValueError:
            raise RowError(table, line, column, f"`{part}` is not a real calendar date") from None
    if not readings:
        return None
    return (max(readings) if latest else min(readings))[1]


def _before(last: str, first: str) -> bool:
    """Whether every day `last` can mean is before every day `first` can mean."""
    from vetting.case.schema import _day

    return _day(last, True) < _day(first, False)


def _overlap(a: dict, b: dict) -> bool:
    """Whether two links (`from`/`to` written SFM's way, open where absent) share a day."""
    from vetting.case.schema import _day

    def span(link):
        start = _day(link["from"], False) if "from" in link else None
        last = link.get("to") or link.get("last_seen")  # the known span: a link last seen ends there, as case checks read it
        end = _day(last, True) if last else None
        return start, end

    (a0, a1), (b0, b1) = span(a), span(b)
    return (a0 is None or b1 is None or a0 <= b1) and (b0 is None or a1 is None or b0 <= a1)


def _flag(text: str) -> bool:
    return text.strip().lower() in ("true", "y", "yes", "1")


def _id(prefix: str, raw: str) -> str:
    return f"{prefix}-{slug(raw, 70)}"


class _Import:
    def __init__(self, skip_bad: bool):
        self.skip_bad = skip_bad
        self.counts = Counts()
        self.sources: dict = {}
        self.units: dict = {}
        self.people: dict = {}
        self.incidents: dict = {}
        self.country: str | None = None
        self.notes: list = []
        self.per_file: list = []

    def rows(self, table: Table, kind: str, handle) -> None:
        counts = Counts()
        for line, row in table.rows:
            counts.read += 1
            try:
                handle(table, line, {k: (v or "").strip() for k, v in row.items()})
            except RowError as err:
                if not self.skip_bad:
                    raise
                counts.skipped.append(err)
                continue
            counts.imported += 1
        counts.check()
        self.per_file.append((table.path.name, kind, counts))
        self.counts.read += counts.read
        self.counts.imported += counts.imported
        self.counts.skipped.extend(counts.skipped)

    # -------------------------------------------------------------- citations

    def cite(self, table: Table, line: int, column: str, ids: str, note: str) -> list:
        out = []
        for raw in (i.strip() for i in ids.split(";")):
            if not raw:
                continue
            sid = _id("sfm", raw)
            if sid not in self.sources:
                raise RowError(table, line, column, f"the source `{raw}` is not in the sources file",
                               hint="import the export's sources file with the others")
            out.append({"source": sid, "note": note})
        return out

    @staticmethod
    def sourced(entity: dict, citations: list, confidence: str, what: str) -> dict:
        if citations:
            entity["sources"] = citations
        else:
            entity["assumption"] = f"Security Force Monitor gives {what} without a source"
        level = CONFIDENCE.get(confidence.strip().lower())
        if level:
            entity["confidence"] = level
        return entity

    # -------------------------------------------------------------- each kind

    def source(self, table: Table, line: int, row: dict) -> None:
        raw = row["source:id:admin"]
        if not raw:
            raise RowError(table, line, "source:id:admin", "the source has no id")
        sid = _id("sfm", raw)
        if sid in self.sources:
            raise RowError(table, line, "source:id:admin", f"the source `{raw}` is given twice")
        publisher = row.get("source:publication") or row.get("source:publication_name") or ""
        date = sfm_date(table, line, "source:published_on",
                        (row.get("source:published_on") or row.get("source:published_timestamp") or ""))
        url = row.get("source:source_url") or row.get("source:url") or ""
        source = {"id": sid, "title": row.get("source:title") or f"[untitled, {publisher or 'no publisher'}]",
                  "publisher": publisher or "[publisher not given]"}
        if date:
            source["date"] = date
        if re.match(r"^https?://\S+$", url):
            source["url"] = url
        authors = [a.strip() for a in (row.get("source:author") or "").split(";") if a.strip()]
        if authors:
            source["authors"] = authors
        source["kind"] = "other"  # SFM records no kind of source: never guess one
        source["attribution"] = f"cited by {ATTRIBUTION}; SFM source id {raw}"
        self.sources[sid] = source

    def unit(self, table: Table, line: int, row: dict) -> None:
        raw = row["unit:id:admin"]
        if not raw:
            raise RowError(table, line, "unit:id:admin", "the unit has no id")
        uid = _id("sfm", raw)
        if uid in self.units:
            raise RowError(table, line, "unit:id:admin", f"the unit `{raw}` is given twice")
        name = row.get("unit:name", "")
        if not name:
            raise RowError(table, line, "unit:name", "the unit has no name")
        classification = [c.strip() for c in row.get("unit:classification", "").split(";") if c.strip()]
        joined = " ".join(classification)
        kind = "military" if MILITARY.search(joined) else "police" if POLICE.search(joined) else "other-security"
        country = self.country_of(table, line, "unit:country", row.get("unit:country", ""))
        unit: dict = {"id": uid, "name": name}
        aliases = sorted({a.strip() for a in row.get("unit:other_names", "").split(";") if a.strip()} - {name})
        if aliases:
            unit["aliases"] = aliases
        unit["kind"] = kind
        if classification:
            unit["classification"] = classification
        unit["country"] = country
        first = sfm_date(table, line, "unit:first_cited_date", row.get("unit:first_cited_date", ""))
        last = sfm_date(table, line, "unit:last_cited_date", row.get("unit:last_cited_date", ""), latest=True)
        if first and _flag(row.get("unit:first_cited_date_start", "")):
            unit["formed"] = first
        if last and row.get("unit:last_cited_date_open", "").upper() == "E":
            unit["dissolved"] = last
        note = (f"SFM: unit first cited {first or '—'}, last cited {last or '—'}, open-ended "
                f"{row.get('unit:last_cited_date_open') or '—'}")
        citations = self.cite(table, line, "unit:name:source", row.get("unit:name:source", ""), note)
        self.units[uid] = self.sourced(unit, citations, row.get("unit:name:confidence", ""), "the unit")

    def country_of(self, table, line, column, text: str) -> str:
        m = re.search(r"country:([a-z]{2})\b", text, re.I) or re.fullmatch(r"([A-Za-z]{2})", text)
        if not m:
            raise RowError(table, line, column, f"`{text}` names no country (expected e.g. "
                                                f"`ocd-division/country:mx`)")
        country = m[1].upper()
        self.country = self.country or country
        return country

    def known_unit(self, table, line, column, raw: str) -> str:
        uid = _id("sfm", raw)
        if uid not in self.units:
            raise RowError(table, line, column, f"the unit `{raw}` is not among the units imported",
                           hint="import the export's units file with the others")
        return uid

    def parent(self, table: Table, line: int, row: dict) -> None:
        child = self.known_unit(table, line, "unit:id:admin", row["unit:id:admin"])
        parent = self.known_unit(table, line, "unit:related_unit_id:admin", row["unit:related_unit_id:admin"])
        if parent == child:
            raise RowError(table, line, "unit:related_unit_id:admin", "a unit cannot be its own parent")
        first = sfm_date(table, line, "unit:related_unit_first_cited_date",
                         row.get("unit:related_unit_first_cited_date", ""))
        last = sfm_date(table, line, "unit:related_unit_last_cited_date",
                        row.get("unit:related_unit_last_cited_date", ""), latest=True)
        open_flag = row.get("unit:related_unit_open", "").upper()
        if open_flag not in ("", "Y", "N", "E"):
            raise RowError(table, line, "unit:related_unit_open", f"`{open_flag}` is not `Y`, `N` or `E`")
        relation = row.get("unit:relation_type", "").lower()
        klass = row.get("unit:related_unit_class", "").lower()
        chain = ("operational" if relation.startswith("member") else
                 "administrative" if klass.startswith("admin") else "command")
        link: dict = {"unit": parent, "chain": chain}
        if first:
            link["from"] = first
        if open_flag == "E" and (last or first):
            link["to"] = last or first  # `E`: the last cited date is the real end
        elif open_flag != "Y" and (last or first):
            # `N` (or no flag): last seen then, its end unknown; with no last cited date, seen on the first only
            link["last_seen"] = last or first
        if first and last and _before(last, first):
            raise RowError(table, line, "unit:related_unit_last_cited_date",
                           f"the last cited date ({last}) is before the first ({first})")
        note = (f"SFM parent link: first cited {first or '—'} (a real start: "
                f"{'yes' if _flag(row.get('unit:related_unit_first_cited_date_start', '')) else 'not known'}), "
                f"last cited {last or '—'}, open-ended {open_flag or '—'}")
        for other in self.units[child].get("parents", ()):
            if other["chain"] == chain and _overlap(other, link):
                raise RowError(table, line, "unit:related_unit_id:admin",
                               f"a second {chain} parent of `{row['unit:id:admin']}` on the same dates (SFM "
                               f"cites both `{other['unit'].removeprefix('sfm-')}` and "
                               f"`{row['unit:related_unit_id:admin']}`)",
                               hint="a conflict in the data: resolve it in the export, or `--skip-bad` this row")
        citations = self.cite(table, line, "relation:sources", row.get("relation:sources", ""), note)
        self.units[child].setdefault("parents", []).append(
            self.sourced(link, citations, row.get("relation:confidence", ""), "this parent link"))

    def posting(self, table: Table, line: int, row: dict) -> None:
        raw = row["person:id:admin"]
        if not raw:
            raise RowError(table, line, "person:id:admin", "the person has no id")
        unit = self.known_unit(table, line, "person:posting_unit_id:admin", row["person:posting_unit_id:admin"])
        first = sfm_date(table, line, "person:posting_first_cited_date", row.get("person:posting_first_cited_date", ""))
        last = sfm_date(table, line, "person:posting_last_cited_date", row.get("person:posting_last_cited_date", ""),
                        latest=True)
        if first and last and _before(last, first):
            raise RowError(table, line, "person:posting_last_cited_date",
                           f"the last cited date ({last}) is before the first ({first})")
        role_text = row.get("person:posting_role", "")
        role = ROLES.get(role_text.lower(), "other" if role_text else "member")
        posting: dict = {"unit": unit, "role": role}
        if row.get("person:posting_rank"):
            posting["rank"] = row["person:posting_rank"]
        title = row.get("person:posting_title") or (role_text if role == "other" else "")
        if title:
            posting["title"] = title
        if first:
            posting["from"] = first
        ended = _flag(row.get("person:posting_last_cited_date_end", ""))
        if last:
            posting["to" if ended else "last_seen"] = last  # a last cited date not known to be the end: last seen
        end = "the end" if ended else "not known to be the end"
        context = row.get("person:posting_last_cited_date_end_context", "")
        note = (f"SFM posting: first cited {first or '—'}, last cited {last or '—'} ({end}"
                f"{'; ' + context if context else ''})")
        citations = self.cite(table, line, "posting:sources", row.get("posting:sources", ""), note)
        self.sourced(posting, citations, row.get("posting:confidence", ""), "this posting")
        pid = _id("sfm", raw)
        person = self.people.setdefault(pid, {"id": pid, "name": row.get("person:name") or "[name not given]",
                                              "postings": [], "sources": []})
        person["postings"].append(posting)
        for cite in citations:
            if cite["source"] not in {c["source"] for c in person["sources"]}:
                person["sources"].append({"source": cite["source"], "note": "SFM: a posting of this person"})

    def incident(self, table: Table, line: int, row: dict) -> None:
        raw = row["incident:id:admin"]
        if not raw:
            raise RowError(table, line, "incident:id:admin", "the incident has no id")
        iid = _id("sfm", raw)
        if iid in self.incidents:
            raise RowError(table, line, "incident:id:admin", f"the incident `{raw}` is given twice")
        start = sfm_date(table, line, "incident:start_date", row.get("incident:start_date", ""))
        end = sfm_date(table, line, "incident:end_date", row.get("incident:end_date", ""), latest=True) or start
        if not start:
            raise RowError(table, line, "incident:start_date", "the incident has no date")
        if _before(end, start):
            raise RowError(table, line, "incident:end_date", f"the incident ends ({end}) before it starts ({start})")
        types = [t.strip() for t in row.get("incident:violation_type", "").split(";") if t.strip()]
        violations = sorted({next((v for pattern, v in VIOLATIONS if pattern.search(t)), "other") for t in types}
                            or {"other"})
        units = [self.known_unit(table, line, "incident:perpetrator_unit_id:admin", u)
                 for u in row.get("incident:perpetrator_unit_id:admin", "").split(";") if u.strip()]
        people = [_id("sfm", p) for p in row.get("incident:perpetrator_person_id:admin", "").split(";") if p.strip()]
        for pid in people:
            if pid not in self.people:
                raise RowError(table, line, "incident:perpetrator_person_id:admin",
                               f"the person `{pid.removeprefix('sfm-')}` is not among the people imported")
        named = "; ".join(x for x in (row.get("incident:perpetrator_unit_name"),
                                      row.get("incident:perpetrator_person_name"),
                                      row.get("incident:perpetrator_classification")) if x)
        if units or people:
            perpetrators: dict = {"units": units, "people": people}
        else:
            perpetrators = {"unit_identified": False,
                            "description": f"SFM names no unit; perpetrator as classified: {named or 'not given'}"}
        location = row.get("incident:location") or row.get("incident:location_description") or "[place not given]"
        if self.country is None:
            raise RowError(table, line, "incident:location", "the incident's country is not known",
                           hint="import the export's units file with the incidents")
        incident = {"id": iid, "title": f"{', '.join(types) or 'Violation'} — {location}",
                    "date": start if start == end else {"from": start, "to": end},
                    "place": {"name": location, "country": self.country},
                    "violations": violations,
                    "description": (f"SFM violation types: {'; '.join(types) or 'not given'}. "
                                    + row.get("incident:violation_description", "")).strip(),
                    "perpetrators": perpetrators}
        citations = self.cite(table, line, "incident:all:source", row.get("incident:all:source", ""),
                              "SFM: the incident, its date, place and violations")
        self.incidents[iid] = self.sourced(incident, citations, "", "the incident")


def import_files(paths, case_id: str, skip_bad: bool = False) -> Result:
    run = _Import(skip_bad)
    tables: dict = {}
    for path in paths:
        table = read_table(path)
        kind = kind_of(table)
        if kind is None:
            raise RowError(table, 1, table.columns[0], "the header matches no Security Force Monitor download",
                           hint="expected the columns of a units, parentage, postings, incidents or sources file, "
                                "e.g. `unit:id:admin`, `person:id:admin`, `incident:id:admin`, `source:id:admin`")
        if kind in tables:
            raise RowError(table, 1, table.columns[0], f"a second {kind} file",
                           hint=f"the first is {tables[kind].path}")
        tables[kind] = table
        unused = [c for c in table.columns if c not in USED[kind]]
        if unused:
            run.notes.append(f"{table.path.name} ({kind}): columns not used: {', '.join(unused)}")
    handlers = {"sources": run.source, "units": run.unit, "parentage": run.parent, "postings": run.posting,
                "incidents": run.incident}
    for kind in ORDER:
        if kind in tables:
            run.rows(tables[kind], kind, handlers[kind])
    run.counts.check()
    run.notes.sort()  # the same notes in the same order, whatever the order of the files
    return Result(_files(run, case_id, [t.path.name for t in tables.values()]), run.counts, run.notes, run.per_file)


def _files(run: _Import, case_id: str, names: list) -> dict:
    header = (f"# Imported by `vetting import sfm` from {', '.join(sorted(names))}.\n"
              f"# Data: {ATTRIBUTION}. Do not edit by hand: re-run the import.\n")
    case = {"id": case_id, "title": f"Security Force Monitor data: {case_id}",
            "description": f"Units, parent links, commanders, incidents and sources imported from "
                           f"{ATTRIBUTION}. SFM records who commanded what and when, and incidents; it does not "
                           f"record what the U.S. government received, so the case has no information items."}
    if run.country:
        case["country"] = run.country
    files = {"case.yaml": dump_yaml({"case": case}, header)}
    for name, collection, items in (("sources.yaml", "sources", run.sources), ("units.yaml", "units", run.units),
                                    ("people.yaml", "people", run.people),
                                    ("incidents.yaml", "incidents", run.incidents)):
        if items:
            files[name] = dump_yaml({collection: [items[k] for k in sorted(items)]}, header)
    log = [f"vetting import sfm {' '.join(sorted(names))}", summary(run.counts), ""]
    log += [f"{name} ({kind}): {summary(counts)}" for name, kind, counts in run.per_file] + [""]
    log += [f"note: {n}" for n in run.notes]
    if run.counts.skipped:
        log += ["", f"Skipped rows ({len(run.counts.skipped)}):",
                *(logged(e) for e in run.counts.skipped)]
    files["import-log.txt"] = "\n".join(log) + "\n"
    return files


def summary(counts: Counts) -> str:
    return f"rows read {counts.read} = imported {counts.imported} + skipped {len(counts.skipped)}"
