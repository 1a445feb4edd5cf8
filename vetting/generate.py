"""A seeded generator of synthetic cases at any size, written as ordinary case files (`vetting generate`).

The case looks like a national roster vetted over several years: a unit tree five or six levels deep (one
headquarters per service, then commands, brigades, battalions, companies), an occasional operational link
across commands and reorganisations over time; people posted mostly near where they served before, with a
commander for most units; incidents with perpetrators named by unit, by person or not identified (a force
named instead); information of every status, violation kind and second-tier review; investigations;
determinations of the four kinds; and proposals under both laws from every funding authority, to units and
individuals, a few with several recipients or none identified.

Everything is obviously synthetic: ids such as `u-000123`, names such as "Synthetic unit 123 (battalion)", the
user-assigned country code `XS`, and one source saying the data is generated. Nothing in it is a real person,
unit or event. The same arguments give the same files, byte for byte.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from vetting.errors import InputError

COUNTRY = "XS"  # ISO 3166-1 user-assigned range: no real country
SOURCE = "synthetic-roster"
START = dt.date(2010, 1, 1)
END = dt.date(2016, 6, 30)
AS_OF = dt.date(2016, 6, 30)  # the date the benchmark asks about: every date of the case is on or before it
ECHELONS = ("headquarters", "command", "brigade", "battalion", "company", "platoon")
KINDS = ("military", "police", "border")
CORE = ("torture", "extrajudicial-killing", "enforced-disappearance", "rape-under-color-of-law")
SECOND = ("cruel-inhuman-degrading-treatment", "prolonged-detention-without-charge", "other-flagrant-denial")
# (funding sources, channel): the source of the money decides the law; an FMS sale says who pays for it
FUNDINGS = ((("faa",), None), (("faa",), None), (("faa",), None), (("aeca",), None), (("dod",), None),
            (("dod",), None), (("dod",), None), (("fmf",), "fms"), (("purchaser",), "dcs"), (("other",), None))
ENTITIES_PER_FILE = 5_000  # keeps each file well under the loader's size and value bounds
MAX_UNITS = 1_000_000


def _funding(sources: tuple, channel) -> dict:
    return {"sources": list(sources), **({"channel": channel} if channel else {})}


def _day(rng: random.Random, first: dt.date = START, last: dt.date = END) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _level_sizes(units: int) -> list[int]:
    """Units per level: 1, 8, 64, 512, 4,096, then the rest (a 50,000-unit roster is six levels deep)."""
    sizes, left = [], units
    for level in range(len(ECHELONS)):
        size = left if level == len(ECHELONS) - 1 else min(8 ** level, left)
        if size <= 0:
            break
        sizes.append(size)
        left -= size
    return sizes


class _Generator:
    def __init__(self, units: int, proposals: int, seed: int):
        self.rng = random.Random(seed)
        self.n_units, self.n_proposals = units, proposals
        self.units: list[dict] = []
        self.levels: list[list[str]] = []
        self.subtree: dict[str, str] = {}  # unit -> its level-2 ancestor (or itself above): where people move
        self.by_subtree: dict[str, list[str]] = {}

    # -- units

    def build_units(self) -> None:
        rng = self.rng
        number = 0
        for level, size in enumerate(_level_sizes(self.n_units)):
            ids = []
            for _ in range(size):
                uid = f"u-{number:06d}"
                unit = {"id": uid, "name": f"Synthetic unit {number} ({ECHELONS[level]})",
                        "kind": KINDS[number % len(KINDS)] if level else "military",
                        "echelon": ECHELONS[level], "country": COUNTRY, "sources": [SOURCE]}
                if level >= 3:
                    unit["personnel"] = rng.choice((40, 120, 600, 900))
                if level:
                    above = self.levels[level - 1]
                    parent = above[rng.randrange(len(above))]
                    if rng.random() < 0.03 and len(above) > 1:  # a reorganisation: a new parent from a day
                        moved = _day(rng, dt.date(2012, 1, 1))
                        before = above[rng.randrange(len(above))]
                        unit["parents"] = [
                            {"unit": before, "to": _iso(moved - dt.timedelta(days=1)), "sources": [SOURCE]},
                            {"unit": parent, "from": _iso(moved), "sources": [SOURCE]}]
                    else:
                        unit["parents"] = [{"unit": parent, "sources": [SOURCE]}]
                    if rng.random() < 0.02 and len(above) > 1:  # operational control by another formation
                        unit["parents"].append({"unit": above[rng.randrange(len(above))], "chain": "operational",
                                                "from": _iso(_day(rng)), "sources": [SOURCE]})
                    top = self.subtree[parent] if level > 2 else uid
                else:
                    top = uid
                self.subtree[uid] = top
                self.by_subtree.setdefault(top, []).append(uid)
                self.units.append(unit)
                ids.append(uid)
                number += 1
            self.levels.append(ids)
        self.unit_ids = [u["id"] for u in self.units]
        self.low = [uid for level in self.levels[2:] for uid in level] or self.unit_ids  # where things happen

    # -- people

    def build_people(self) -> None:
        rng = self.rng
        self.people: list[dict] = []
        self.commander_of: dict[str, str] = {}
        number = 0
        for uid in self.unit_ids:
            # most units have a commander today; a fifth had another before him
            if rng.random() < 0.9:
                start = _day(rng, dt.date(2011, 1, 1))
                if rng.random() < 0.2:
                    self.people.append(self.person(number, [self.posting(uid, "commander", None, start - dt.timedelta(days=1))]
                                                   + self.moves(uid)))
                    number += 1
                self.commander_of[uid] = f"p-{number:06d}"
                self.people.append(self.person(number, [self.posting(uid, "commander", start, None)]))
                number += 1
        while number < self.n_units:  # members: about one person per unit in all
            uid = self.low[rng.randrange(len(self.low))]
            start = _day(rng)
            postings = [self.posting(uid, "member" if rng.random() < 0.85 else "deputy-commander", start, None)]
            if rng.random() < 0.3:  # served elsewhere before, mostly in the same command
                postings[0]["from"] = _iso(start)
                postings.insert(0, self.posting(self.near(uid), "member", None, start - dt.timedelta(days=1)))
            if rng.random() < 0.05:
                postings = postings[:-1] or postings  # left the service: no posting today
            self.people.append(self.person(number, postings))
            number += 1
        self.person_ids = [p["id"] for p in self.people]
        self.posted: dict[str, list[str]] = {}
        for person in self.people:
            for posting in person["postings"]:
                self.posted.setdefault(posting["unit"], []).append(person["id"])

    def person(self, number: int, postings: list) -> dict:
        return {"id": f"p-{number:06d}", "name": f"Synthetic person {number}", "postings": postings,
                "sources": [SOURCE]}

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
        """A unit in the same command most of the time, anywhere now and then."""
        pool = self.by_subtree[self.subtree[uid]] if self.rng.random() < 0.9 else self.low
        return pool[self.rng.randrange(len(pool))]

    # -- incidents, information, investigations

    def build_incidents(self) -> None:
        rng = self.rng
        self.incidents, self.information, self.investigations = [], [], []
        count = max(2, self.n_units // 100)
        forces = self.levels[1] if len(self.levels) > 1 else self.unit_ids
        for i in range(count):
            first = _day(rng, START, dt.date(2016, 3, 1))
            last = first + dt.timedelta(days=rng.choice((0, 0, 0, 2, 30)))
            violations = rng.sample(CORE + SECOND, rng.choice((1, 1, 2))) + (["other"] if rng.random() < 0.1 else [])
            roll = rng.random()
            if roll < 0.15:
                perpetrators = {"unit_identified": False, "force": forces[rng.randrange(len(forces))]}
            else:
                units = [self.low[rng.randrange(len(self.low))] for _ in range(rng.choice((1, 1, 1, 2)))]
                perpetrators = {"units": sorted(set(units))}
                if roll > 0.7:  # a named person too: a member or the commander of one of those units
                    named = self.posted.get(units[0]) or self.person_ids
                    perpetrators["people"] = [named[rng.randrange(len(named))]]
            iid = f"i-{i:05d}"
            self.incidents.append({
                "id": iid, "title": f"Synthetic incident {i}",
                "date": _iso(first) if first == last else {"from": _iso(first), "to": _iso(last)},
                "place": {"name": f"Synthetic place {i % 97}", "country": COUNTRY},
                "violations": violations, "perpetrators": perpetrators, "sources": [SOURCE]})
            for k in range(rng.choice((1, 1, 2, 3))):
                self.information.append(self.item(f"n-{i:05d}-{k}", iid, last, perpetrators))
            if rng.random() < 0.3:
                self.investigations.append({
                    "id": f"v-{i:05d}", "kind": rng.choice(("investigation", "prosecution", "disciplinary")),
                    "by": "Synthetic prosecutor's office", "incident": iid,
                    "status": rng.choice(("open", "charged", "closed")), "sources": [SOURCE]})

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
        if rng.random() < 0.1:
            out["violations"] = [rng.choice(CORE + SECOND)]
        return out

    # -- proposals and determinations

    def build_proposals(self) -> None:
        rng = self.rng
        self.proposals = []
        upper = [uid for level in self.levels[1:3] for uid in level] or self.unit_ids
        for q in range(self.n_proposals):
            roll = rng.random()
            if roll < 0.03:
                recipients = {"identified": False, "description": "participants to be nominated"}
            elif roll < 0.13:
                chosen = rng.sample(self.person_ids, min(len(self.person_ids), rng.choice((1, 1, 2, 3))))
                recipients = {"people": sorted(chosen)}
            elif roll < 0.18:
                recipients = {"units": sorted({self.near(self.low[rng.randrange(len(self.low))]) for _ in range(3)})}
            elif roll < 0.20:
                recipients = {"units": [upper[rng.randrange(len(upper))]]}  # a whole formation
            else:
                recipients = {"units": [self.low[rng.randrange(len(self.low))]]}
            start = _day(rng, dt.date(2015, 1, 1), dt.date(2017, 1, 1))
            self.proposals.append({
                "id": f"q-{q:07d}", "title": f"Synthetic assistance {q}",
                "funding": _funding(*FUNDINGS[rng.randrange(len(FUNDINGS))]),
                "kind": rng.choice(("training", "training", "equipment", "other")), "recipients": recipients,
                "from": _iso(start), "to": _iso(start + dt.timedelta(days=rng.choice((30, 180, 365)))),
                "sources": [SOURCE]})

    def build_determinations(self) -> None:
        rng = self.rng
        self.determinations = []
        implicated = [(inc["id"], unit) for inc in self.incidents for unit in inc["perpetrators"].get("units", ())]
        dod = [p["id"] for p in self.proposals if "dod" in p["funding"]["sources"]]
        for d in range(max(1, len(self.incidents) // 8)):
            kind = rng.choice(("state-effective-steps", "dod-corrective-steps", "dod-emergency", "dod-waiver"))
            if not implicated:
                break
            if kind in ("dod-emergency", "dod-waiver") and not dod:
                kind = "state-effective-steps"
            incident, unit = implicated[rng.randrange(len(implicated))]
            made = _day(rng, dt.date(2014, 1, 1))
            det = {"id": f"d-{d:05d}", "kind": kind, "unit": unit, "made": _iso(made), "sources": [SOURCE]}
            if rng.random() < 0.7:
                det["reported"] = _iso(min(END, made + dt.timedelta(days=rng.choice((5, 20, 60)))))
            if kind.startswith("dod"):
                det["consulted_state"] = rng.random() < 0.85
            if kind in ("state-effective-steps", "dod-corrective-steps"):
                det["incidents"] = [incident]
            else:
                det["proposal"] = dod[rng.randrange(len(dod))]
            if kind == "dod-emergency":
                det["emergency"] = rng.choice(("disaster-relief", "humanitarian", "national-security"))
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


def generate(units: int, proposals: int, seed: int = 0) -> dict:
    """The collections of a synthetic case (lists of plain dicts, as in case files)."""
    if not 1 <= units <= MAX_UNITS:
        raise InputError(f"`{units}` units: expected 1 to {MAX_UNITS:,}", field="--units")
    if not 0 <= proposals <= 10 * MAX_UNITS:
        raise InputError(f"`{proposals}` proposals: expected 0 to {10 * MAX_UNITS:,}", field="--proposals")
    return _Generator(units, proposals, seed).case()


def write(folder, units: int, proposals: int, seed: int = 0, fmt: str = "json") -> list[Path]:
    """Write a synthetic case into `folder` (created; it must be empty or new) and return the files written."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError("the output folder exists and is not empty", file=str(folder),
                         hint="name a new folder: generated files never replace a case")
    collections = generate(units, proposals, seed)
    head = {"case": {"id": f"synthetic-{units}-{proposals}-{seed}",
                     "title": f"Synthetic roster: {units:,} units, {proposals:,} proposals (seed {seed})",
                     "country": COUNTRY,
                     "description": f"Generated by `vetting generate --units {units} --proposals {proposals} "
                                    f"--seed {seed}`; every name, unit and event is synthetic. Evaluate it "
                                    f"as of {AS_OF.isoformat()}."},
            "sources": [{"id": SOURCE, "title": "Synthetic roster generated by vetting", "publisher": "vetting",
                         "kind": "other", "date": AS_OF.isoformat(),
                         "attribution": "synthetic test data: not a real source"}]}
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
