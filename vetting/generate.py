"""A seeded generator of synthetic cases at any size, written as ordinary case files (`vetting generate`).

The case looks like a year of vetting over several countries, each with its own forces: per country a
headquarters per service (military, police, border), regions, zones, battalions, companies and platoons, with
an occasional operational link across formations and reorganisations over time; people posted mostly near
where they served before, with a commander for most units; incidents with perpetrators named by unit, by
person or not identified (a formation of that country named instead); information of every status, violation
kind, holder and second-tier review; investigations, some dismissed; determinations of the four kinds, reported
or not, some of unknown report or consultation; and proposals under both laws from every funding authority, to
units and individuals of one country, a few with several recipients or none identified.

Why it stays bounded as the roster grows (docs/scale.md, "The generated roster"): the roster is split into
countries of a few thousand units each (one per `UNITS_PER_COUNTRY` by default), and every formation is drawn
from a bounded range of sizes (a zone of 60 to 250 units: about 10,000 personnel, the size of the Mexican
military zone in The Intercept's report of the Tlatlaya killings, `cases/mexico-2015`). Incidents come at a
rate per unit drawn for each country, and an allegation with no unit identified names a formation of that
country (mostly a zone or a region, rarely a whole service): what a unit inherits does not depend on how many
other countries the roster holds.

Everything is obviously synthetic: ids such as `u-000123`, names such as "Synthetic unit 123 (battalion)",
country codes from the ISO 3166-1 user-assigned ranges (`XS`, `XA`, ...), and one source saying the data is
generated. Nothing in it is a real person, unit or event. The same arguments give the same files, byte for byte.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import random
from pathlib import Path

from vetting.case.schema import DOD_SOURCES
from vetting.errors import InputError

# ISO 3166-1 alpha-2 user-assigned codes (AA, QM-QZ, XA-XZ, ZZ), never a real country; XK is left out (used
# for Kosovo). XS first: a one-country roster is written as before.
COUNTRIES = ("XS",) + tuple(f"X{c}" for c in "ABCDEFGHIJLMNOPQRTUVWXYZ") + tuple(f"Q{c}" for c in "MNOPQRSTUVWXYZ")
UNITS_PER_COUNTRY = 2_500  # the default number of countries: one per 2,500 units ("thousands of units" each)
SOURCE = "synthetic-roster"
START = dt.date(2010, 1, 1)
END = dt.date(2016, 6, 30)
AS_OF = dt.date(2016, 6, 30)  # the date the benchmark asks about: every date of the case is on or before it
ECHELONS = ("headquarters", "region", "zone", "battalion", "company", "platoon")
# the units one child of each echelon holds, itself included: bounded ranges, whatever the size of the roster
# (a zone of 4 to 19 battalions of 300 to 900 personnel is about 10,000 personnel)
CHILD_UNITS = {"headquarters": (200, 1_000), "region": (60, 250), "zone": (5, 21), "battalion": (1, 4),
               "company": (1, 1)}
PERSONNEL = {"battalion": (300, 900), "company": (80, 200), "platoon": (20, 45)}
SERVICES = (("military", 0.5), ("police", 0.35), ("border", 0.15))  # a country's roster, by service
# the perpetrator unit an incident names, by echelon; and the formation named when no unit is identified (a
# zone or a region, never a whole service: one allegation never holds a third of a country)
PERPETRATOR_ECHELONS = (("battalion", 0.5), ("company", 0.25), ("platoon", 0.2), ("zone", 0.05))
FORCE_ECHELONS = (("zone", 0.9), ("region", 0.1))
DETERMINATIONS = ("state-effective-steps", "dod-corrective-steps", "dod-waiver", "dod-emergency")
INCIDENTS_PER_100_UNITS = (0.5, 1.5)  # drawn for each country
FORCE_ONLY_SHARE = (0.05, 0.25)  # drawn for each country: incidents whose unit is not identified
CORE = ("torture", "extrajudicial-killing", "enforced-disappearance", "rape-under-color-of-law")
SECOND = ("cruel-inhuman-degrading-treatment", "prolonged-detention-without-charge", "other-flagrant-denial")
# the source of the money decides coverage, the channel is recorded (docs/case-format.md, "Funding"); weighted
# towards grants under the FAA and DoD authorities, with sales the buyer pays and some mixed funding
FUNDINGS = ({"sources": ["imet"]}, {"sources": ["incle"]}, {"sources": ["faa"]}, {"sources": ["fmf"], "channel": "fms"},
            {"sources": ["dod-333"]}, {"sources": ["dod-284"]}, {"sources": ["dod"]},
            {"sources": ["purchaser"], "channel": "fms"}, {"sources": ["purchaser"], "channel": "dcs"},
            {"sources": ["other"]}, {"sources": ["fmf", "dod-333"]})
ENTITIES_PER_FILE = 5_000  # keeps each file well under the loader's size and value bounds
MAX_UNITS = 1_000_000


def _day(rng: random.Random, first: dt.date = START, last: dt.date = END) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _weighted(rng: random.Random, choices) -> str:
    roll, total = rng.random(), 0.0
    for value, weight in choices:
        total += weight
        if roll < total:
            return value
    return choices[-1][0]


def _split(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, exactly (the remainder to the first shares)."""
    shares = [int(total * w / sum(weights)) for w in weights]
    for i in range(total - sum(shares)):
        shares[i % len(shares)] += 1
    return shares


def default_countries(units: int) -> int:
    return min(len(COUNTRIES), max(1, round(units / UNITS_PER_COUNTRY)))


class _Country:
    """One country's roster: its units by echelon, where its people serve, its people."""

    def __init__(self, code: str, rng: random.Random):
        self.code = code
        self.by_echelon: dict[str, list[str]] = {e: [] for e in ECHELONS}
        self.by_zone: dict[str, list[str]] = {}  # zone -> the units of its subtree: where people move
        self.zone_of: dict[str, str] = {}  # unit -> its zone (a unit above the zones: itself)
        self.low: list[str] = []  # zones and below: where people serve and things happen
        self.people: list[str] = []
        self.incident_rate = rng.uniform(*INCIDENTS_PER_100_UNITS) / 100
        self.force_only = rng.uniform(*FORCE_ONLY_SHARE)


class _Generator:
    def __init__(self, units: int, proposals: int, seed: int, countries: int):
        self.rng = random.Random(seed)
        self.n_units, self.n_proposals, self.n_countries = units, proposals, countries
        self.units: list[dict] = []
        self.countries: list[_Country] = []
        self.country_of: dict[str, _Country] = {}

    # -- units

    def build_units(self) -> None:
        rng = self.rng
        sizes = _split(self.n_units, [math.exp(rng.uniform(-0.8, 0.8)) for _ in range(self.n_countries)])
        for code, size in zip(COUNTRIES, sizes):
            country = _Country(code, rng)
            self.countries.append(country)
            for (kind, _), budget in zip(SERVICES, _split(size, [w for _, w in SERVICES])):
                if budget:
                    self.formation(country, kind, 0, budget, None)
            country.low = [u for e in ECHELONS[2:] for u in country.by_echelon[e]] or \
                [u for e in ECHELONS for u in country.by_echelon[e]]
        self.unit_ids = [u["id"] for u in self.units]
        self.by_id = {u["id"]: u for u in self.units}
        for unit in self.units:  # links drawn once the country's tree is whole
            self.relink(unit)

    def formation(self, country: _Country, kind: str, level: int, budget: int, parent: str | None) -> None:
        """A unit at `level` and the `budget - 1` units under it, in children of bounded size."""
        rng, echelon = self.rng, ECHELONS[level]
        number = len(self.units)
        uid = f"u-{number:06d}"
        unit = {"id": uid, "name": f"Synthetic unit {number} ({echelon})", "kind": kind, "echelon": echelon,
                "country": country.code, "sources": [SOURCE]}
        if echelon in PERSONNEL:
            unit["personnel"] = rng.randint(*PERSONNEL[echelon])
        if parent:
            unit["parents"] = [{"unit": parent, "sources": [SOURCE]}]
        self.units.append(unit)
        self.country_of[uid] = country
        country.by_echelon[echelon].append(uid)
        zone = uid if level <= 2 else country.zone_of[parent]
        country.zone_of[uid] = zone
        country.by_zone.setdefault(zone, []).append(uid)
        left = budget - 1
        while left > 0 and level + 1 < len(ECHELONS):
            child = min(left, rng.randint(*CHILD_UNITS[echelon]))
            self.formation(country, kind, level + 1, child, uid)
            left -= child

    def relink(self, unit: dict) -> None:
        """A reorganisation (a new parent from a day) or an operational link, within the same country."""
        rng = self.rng
        if "parents" not in unit:
            return
        parent = unit["parents"][0]["unit"]
        peers = self.country_of[parent].by_echelon[self.by_id[parent]["echelon"]]
        if rng.random() < 0.03 and len(peers) > 1:
            moved = _day(rng, dt.date(2012, 1, 1))
            before = peers[rng.randrange(len(peers))]
            unit["parents"] = [{"unit": before, "to": _iso(moved - dt.timedelta(days=1)), "sources": [SOURCE]},
                               {"unit": parent, "from": _iso(moved), "sources": [SOURCE]}]
        if rng.random() < 0.02 and len(peers) > 1:  # operational control by another formation
            unit["parents"].append({"unit": peers[rng.randrange(len(peers))], "chain": "operational",
                                    "from": _iso(_day(rng)), "sources": [SOURCE]})

    # -- people

    def build_people(self) -> None:
        rng = self.rng
        self.people: list[dict] = []
        self.posted: dict[str, list[tuple[str, str, dt.date | None, dt.date | None]]] = {}
        for country in self.countries:
            first = len(self.people)
            units = [u for e in ECHELONS for u in country.by_echelon[e]]
            for uid in units:
                # most units have a commander today; a fifth had another before him
                if rng.random() < 0.9:
                    start = _day(rng, dt.date(2011, 1, 1))
                    if rng.random() < 0.2:
                        self.add_person([self.posting(uid, "commander", None, start - dt.timedelta(days=1))]
                                        + self.moves(uid))
                    self.add_person([self.posting(uid, "commander", start, None)])
            for _ in range(len(units) // 2):  # members besides the commanders: one for every two units
                uid = country.low[rng.randrange(len(country.low))]
                start = _day(rng)
                postings = [self.posting(uid, "member" if rng.random() < 0.85 else "deputy-commander", start, None)]
                if rng.random() < 0.3:  # served elsewhere before, mostly in the same zone
                    postings[0]["from"] = _iso(start)
                    postings.insert(0, self.posting(self.near(uid), "member", None, start - dt.timedelta(days=1)))
                if rng.random() < 0.05:
                    postings = postings[:-1] or postings  # left the service: no posting today
                self.add_person(postings)
            country.people = [p["id"] for p in self.people[first:]]
        self.person_ids = [p["id"] for p in self.people]

    def add_person(self, postings: list) -> None:
        number = len(self.people)
        pid = f"p-{number:06d}"
        self.people.append({"id": pid, "name": f"Synthetic person {number}", "postings": postings,
                            "sources": [SOURCE]})
        for posting in postings:
            self.posted.setdefault(posting["unit"], []).append(
                (pid, posting["role"], posting.get("from") and dt.date.fromisoformat(posting["from"]),
                 posting.get("to") and dt.date.fromisoformat(posting["to"])))

    def posting(self, uid: str, role: str, start: dt.date | None, end: dt.date | None) -> dict:
        out = {"unit": uid, "role": role, "sources": [SOURCE]}
        if start:
            out["from"] = _iso(start)
        if end:
            out["to"] = _iso(end)
        return out

    def moves(self, uid: str) -> list:
        return [self.posting(self.near(uid), "member", dt.date(2016, 1, 1), None)] if self.rng.random() < 0.5 else []

    def near(self, uid: str) -> str:
        """A unit in the same zone most of the time, anywhere in the same country now and then."""
        country = self.country_of[uid]
        pool = country.by_zone[country.zone_of[uid]] if self.rng.random() < 0.9 else country.low
        return pool[self.rng.randrange(len(pool))]

    def of_echelon(self, country: _Country, choices) -> str:
        """A unit of the country at an echelon drawn from `choices` (anywhere low when it has none)."""
        pool = country.by_echelon[_weighted(self.rng, choices)] or country.low
        return pool[self.rng.randrange(len(pool))]

    # -- incidents, information, investigations

    def build_incidents(self) -> None:
        self.incidents, self.information, self.investigations = [], [], []
        self.last_day: dict[str, dt.date] = {}
        for country in self.countries:
            units = sum(len(v) for v in country.by_echelon.values())
            for _ in range(max(1, round(units * country.incident_rate))):
                self.incident(country)

    def incident(self, country: _Country) -> None:
        rng = self.rng
        i = len(self.incidents)
        first = _day(rng, START, dt.date(2016, 3, 1))
        last = first + dt.timedelta(days=rng.choice((0, 0, 0, 2, 30)))
        violations = rng.sample(CORE + SECOND, rng.choice((1, 1, 2))) + (["other"] if rng.random() < 0.1 else [])
        if rng.random() < country.force_only:
            perpetrators = {"unit_identified": False, "force": self.of_echelon(country, FORCE_ECHELONS)}
        else:
            units = sorted({self.of_echelon(country, PERPETRATOR_ECHELONS) for _ in range(rng.choice((1, 1, 1, 2)))})
            perpetrators = {"units": units}
            if rng.random() < 0.4:  # a named person too: preferably a member serving in that unit at the time
                served = self.posted.get(units[0], [])
                then = [(p, role) for p, role, start, end in served if (start or START) <= last and (end or END) >= first]
                if rng.random() < 0.5:  # a member of that unit or of another in its zone, serving then
                    zone = country.by_zone[country.zone_of[units[0]]]
                    then = [(p, role) for u in ([units[0]] + zone[:50]) for p, role, start, end in self.posted.get(u, ())
                            if role != "commander" and (start or START) <= last and (end or END) >= first]
                named = [p for p, _ in then] or [p for p, *_ in served] or country.people
                if named:
                    perpetrators["people"] = [named[rng.randrange(len(named))]]
        iid = f"i-{i:05d}"
        self.last_day[iid] = last
        self.incidents.append({
            "id": iid, "title": f"Synthetic incident {i}",
            "date": _iso(first) if first == last else {"from": _iso(first), "to": _iso(last)},
            "place": {"name": f"Synthetic place {i % 97}", "country": country.code},
            "violations": violations, "perpetrators": perpetrators, "sources": [SOURCE]})
        for k in range(rng.choice((1, 1, 2, 3))):
            self.information.append(self.item(f"n-{i:05d}-{k}", iid, last, perpetrators))
        if rng.random() < 0.3:
            status = rng.choice(("open", "charged", "closed", "dismissed", "suspects-released"))
            investigation = {"id": f"v-{i:05d}", "kind": rng.choice(("investigation", "prosecution", "disciplinary")),
                             "by": "Synthetic prosecutor's office", "incident": iid, "status": status,
                             "sources": [SOURCE]}
            if status in ("dismissed", "suspects-released"):  # a setback: it ends a State exception made before it
                investigation["status_on"] = _iso(_day(rng, last))
            self.investigations.append(investigation)

    def item(self, item_id: str, incident: str, last: dt.date, perpetrators: dict) -> dict:
        rng = self.rng
        received = last + dt.timedelta(days=rng.randint(0, 120))
        received = min(received, END)
        status = rng.choice(("credible", "credible", "credible", "pending", "not-credible"))
        assessment = {"status": status}
        if status != "pending":
            assessment["on"] = _iso(min(END, received + dt.timedelta(days=rng.randint(0, 90))))
        if rng.random() < 0.4:
            assessment["second_tier"] = rng.choice(("gross", "not-gross"))
        out = {"id": item_id, "incident": incident, "summary": f"Synthetic report {item_id}",
               "received": _iso(received) if rng.random() < 0.8 else
               {"from": _iso(received), "to": _iso(min(END, received + dt.timedelta(days=30)))},
               "assessment": assessment, "sources": [SOURCE]}
        if rng.random() < 0.1 and perpetrators.get("units"):  # this report names only some of them
            out["alleges"] = {"units": perpetrators["units"][:1]}
        roll = rng.random()
        if roll < 0.1:
            out["violations"] = [rng.choice(CORE + SECOND)]
        elif roll < 0.13:
            out["violations"] = ["unknown"]  # the report does not say what kind
        roll = rng.random()
        if roll < 0.1:  # received by one department only
            out["held_by"] = "dod" if roll < 0.05 else "state"
        return out

    # -- proposals and determinations

    def build_proposals(self) -> None:
        self.proposals = []
        self.dod: dict[str, list[str]] = {}
        sizes = [sum(len(v) for v in c.by_echelon.values()) for c in self.countries]
        for country, count in zip(self.countries, _split(self.n_proposals, sizes)):
            self.dod[country.code] = []
            for _ in range(count):
                self.proposal(country)

    def proposal(self, country: _Country) -> None:
        rng, q = self.rng, len(self.proposals)
        roll = rng.random()
        people = country.people or self.person_ids
        if roll < 0.03 or not people:
            recipients = {"identified": False, "description": "participants to be nominated"}
        elif roll < 0.13:
            recipients = {"people": sorted(rng.sample(people, min(len(people), rng.choice((1, 1, 2, 3)))))}
        elif roll < 0.18:
            recipients = {"units": sorted({self.near(country.low[rng.randrange(len(country.low))]) for _ in range(3)})}
        elif roll < 0.20:  # a whole formation
            recipients = {"units": [self.of_echelon(country, (("region", 0.3), ("zone", 0.7)))]}
        else:
            recipients = {"units": [country.low[rng.randrange(len(country.low))]]}
        start = _day(rng, dt.date(2015, 1, 1), dt.date(2017, 1, 1))
        qid = f"q-{q:07d}"
        funding = dict(FUNDINGS[rng.randrange(len(FUNDINGS))])
        if DOD_SOURCES & set(funding["sources"]):
            self.dod[country.code].append(qid)
        self.proposals.append({
            "id": qid, "title": f"Synthetic assistance {q}", "funding": funding,
            "kind": rng.choice(("training", "training", "equipment", "other")), "recipients": recipients,
            "from": _iso(start), "to": _iso(start + dt.timedelta(days=rng.choice((30, 180, 365)))),
            "sources": [SOURCE]})

    def build_determinations(self) -> None:
        self.determinations = []
        received: dict[str, dt.date] = {}  # incident -> the last day any report of it was received
        for item in self.information:
            day = item["received"]["to"] if isinstance(item["received"], dict) else item["received"]
            received[item["incident"]] = max(received.get(item["incident"], START), dt.date.fromisoformat(day))
        by_country: dict[str, list[tuple[str, str]]] = {}
        for inc in self.incidents:
            for unit in inc["perpetrators"].get("units", ()):
                by_country.setdefault(inc["place"]["country"], []).append((inc["id"], unit))
        for country in self.countries:
            implicated, dod = by_country.get(country.code, []), self.dod[country.code]
            for _ in range(max(1, len(implicated) // 3) if implicated else 0):
                self.determination(implicated, dod, received)

    def determination(self, implicated: list, dod: list, received: dict) -> None:
        rng, d = self.rng, len(self.determinations)
        kind = DETERMINATIONS[d % len(DETERMINATIONS)]  # in turn: every kind even in a small case
        if kind in ("dod-emergency", "dod-waiver") and not dod:
            kind = "state-effective-steps"
        incident, unit = implicated[rng.randrange(len(implicated))]
        # mostly made once the reports were in (a determination lifts only what was received by then)
        made = min(END, max(self.last_day[incident], received[incident] + dt.timedelta(days=rng.randint(-60, 600))))
        det = {"id": f"d-{d:05d}", "kind": kind, "unit": unit, "made": _iso(made), "sources": [SOURCE]}
        roll = rng.random()
        if roll < 0.6:
            det["reported"] = _iso(min(END, made + dt.timedelta(days=rng.choice((5, 20, 60)))))
        elif roll < 0.75:
            det["reported"] = "unknown"  # the sources do not say whether it was reported
        if kind.startswith("dod"):
            det["consulted_state"] = _weighted(rng, ((True, 0.75), (False, 0.1), ("unknown", 0.15)))
        if kind in ("state-effective-steps", "dod-corrective-steps"):
            det["incidents"] = [incident]
            if rng.random() < 0.3:  # later the suspects are released or the charges dropped: a setback
                self.investigations.append({
                    "id": f"v-{det['id']}", "kind": "prosecution", "by": "Synthetic prosecutor's office",
                    "incident": incident, "status": rng.choice(("dismissed", "suspects-released")),
                    "status_on": _iso(min(END, made + dt.timedelta(days=rng.randint(30, 300)))), "sources": [SOURCE]})
        else:
            det["proposal"] = dod[rng.randrange(len(dod))]
        if kind == "dod-emergency":
            det["emergency"] = rng.choice(("disaster-relief", "humanitarian", "national-security"))
        roll = rng.random()
        if roll < 0.2:
            det["review"] = _iso(min(END, made + dt.timedelta(days=365)))
        elif roll < 0.25:
            det["revoked"] = _iso(min(END, made + dt.timedelta(days=rng.randint(30, 400))))
        self.determinations.append(det)

    def case(self) -> dict:
        self.build_units()
        self.build_people()
        self.build_incidents()
        self.build_proposals()
        self.build_determinations()
        return {"units": self.units, "people": self.people, "incidents": self.incidents,
                "information": self.information, "investigations": self.investigations,
                "determinations": self.determinations, "proposals": self.proposals}


def generate(units: int, proposals: int, seed: int = 0, countries: int | None = None) -> dict:
    """The collections of a synthetic case (lists of plain dicts, as in case files); `countries` defaults to
    one per `UNITS_PER_COUNTRY` units."""
    if not 1 <= units <= MAX_UNITS:
        raise InputError(f"`{units}` units: expected 1 to {MAX_UNITS:,}", field="--units")
    if not 0 <= proposals <= 10 * MAX_UNITS:
        raise InputError(f"`{proposals}` proposals: expected 0 to {10 * MAX_UNITS:,}", field="--proposals")
    countries = default_countries(units) if countries is None else countries
    if not 1 <= countries <= min(units, len(COUNTRIES)):
        raise InputError(f"`{countries}` countries: expected 1 to {min(units, len(COUNTRIES))} (at most one a unit, "
                         f"and {len(COUNTRIES)} synthetic country codes)", field="--countries")
    return _Generator(units, proposals, seed, countries).case()


def write(folder, units: int, proposals: int, seed: int = 0, fmt: str = "json",
          countries: int | None = None) -> list[Path]:
    """Write a synthetic case into `folder` (created; it must be empty or new) and return the files written."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError("the output folder exists and is not empty", file=str(folder),
                         hint="name a new folder: generated files never replace a case")
    countries = default_countries(units) if countries is None else countries
    collections = generate(units, proposals, seed, countries)
    head = {"case": {"id": f"synthetic-{units}-{proposals}-{seed}-{countries}",
                     "title": f"Synthetic roster: {units:,} units in {countries} "
                              f"{'country' if countries == 1 else 'countries'}, {proposals:,} proposals (seed {seed})",
                     "description": f"Generated by `vetting generate --units {units} --proposals {proposals} "
                                    f"--seed {seed} --countries {countries}`; every name, unit and event is "
                                    f"synthetic. Evaluate it as of {AS_OF.isoformat()}."},
            "sources": [{"id": SOURCE, "title": "Synthetic roster generated by vetting", "publisher": "vetting",
                         "kind": "other", "date": AS_OF.isoformat(),
                         "attribution": "synthetic test data: not a real source"}]}
    if countries == 1:
        head["case"]["country"] = COUNTRIES[0]
    files = [("case", head)]
    for name, items in collections.items():
        for start in range(0, len(items), ENTITIES_PER_FILE):
            files.append((f"{name}-{start // ENTITIES_PER_FILE:03d}", {name: items[start:start + ENTITIES_PER_FILE]}))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, data in files:
        path = folder / f"{stem}.{fmt}"
        if fmt == "json":
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        else:
            import yaml

            text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                             allow_unicode=True, width=120)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
