"""Status timelines: when each unit, person and proposal changed status, and the information that moved it.

Computed through the library, never guessed: the case is evaluated on every day its inputs can change a
decision, and consecutive decisions are compared. A rule compares a fact's date with the as-of date (`at_most`,
`after`, ...; a rule's effective dates likewise) and derives dates only into its conclusions (`days_after` gives a
task's due date), so a decision can change only on a date the case or the rule set states, or on the day after it
(a comparison may be strict). Those days, up to the as-of date, are the days evaluated.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vetting.case.schema import COLLECTIONS

FORMAT = "vetting-timeline/1"
ONE_DAY = dt.timedelta(days=1)

# how an event reads: the field of the entity whose date it is
EVENT_WORDS = {"received.from": "received", "received.to": "received (at the latest)", "assessment.on": "assessed",
               "date.from": "happened", "date.to": "happened (at the latest)", "made": "made", "reported":
               "reported to Congress", "opened": "opened", "from": "begins", "to": "ends",
               "postings.from": "posting begins", "postings.to": "posting ends", "parents.from": "placed under",
               "parents.to": "no longer under"}


@dataclass(frozen=True)
class Change:
    date: dt.date
    law: str
    before: str
    after: str
    because: tuple  # ids the new decision rests on that the old one did not
    events: tuple  # what the case says happened on that day (or the day before), in words

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(), "law": self.law, "before": self.before, "after": self.after,
                "because": list(self.because), "events": list(self.events)}


@dataclass
class Line:
    kind: str  # unit, person, proposal
    id: str
    name: str
    start: dict  # law -> status (or outcome) before the first day evaluated
    end: dict  # law -> status on the as-of date
    changes: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "name": self.name, "start": self.start, "end": self.end,
                "changes": [c.to_dict() for c in self.changes]}


@dataclass
class Timeline:
    as_of: dt.date
    laws: tuple
    report: object  # the decisions on the as-of date
    first: dt.date | None  # the first day evaluated; `start` statuses hold the day before
    days: int  # how many days were evaluated
    lines: dict  # id -> Line


def _dated(value, path: str, out: list):
    if isinstance(value, dict):
        for key, item in value.items():
            _dated(item, f"{path}.{key}" if path else key, out)
    elif isinstance(value, list):
        for item in value:
            _dated(item, path, out)
    elif isinstance(value, dt.date):
        out.append((path, value))


def events(case, rules) -> dict:
    """Every date the case and the rule set state: day -> [(entity id, field path)], the day a fact takes effect
    (an inclusive end `to` takes effect the day after)."""
    found: dict = {}
    for name in COLLECTIONS:
        if name == "sources":  # a source's date is when it was published, not a fact the rules read
            continue
        for eid, entity in case.collection(name).items():
            dated: list = []
            _dated(entity.model_dump(by_alias=True), "", dated)
            for path, day in dated:
                found.setdefault(day, []).append((eid, path))
    for rule in rules.rules:
        if rule.effective:
            for path, day in (("effective.from", rule.effective.from_), ("effective.to", rule.effective.to)):
                if day:
                    found.setdefault(day, []).append((rule.id, path))
    return found


def _describe(eid: str, path: str) -> str:
    return f"{eid} {EVENT_WORDS.get(path, path)}"


def timeline(case, as_of, laws=("state", "dod"), rules=None) -> Timeline:
    """Every change of status up to `as_of` of every unit, person and proposal of `case` (hypotheses applied)."""
    from vetting.decide import evaluate
    from vetting.case.load import load_case

    if not hasattr(case, "units"):
        case = load_case(case)
    report = evaluate(case, as_of, laws, rules=rules)
    rules, as_of = report.rules, report.as_of
    stated = events(case, rules)
    days = sorted({d for day in stated for d in (day, day + ONE_DAY) if d <= as_of} | {as_of})
    first = days[0]
    decided = [evaluate(case, first - ONE_DAY, report.laws, rules=rules)] if first > dt.date.min else []
    decided += [evaluate(case, day, report.laws, rules=rules) for day in days[:-1]] + [report]
    lines = {}
    for kind, table, of in (("unit", "units", _status), ("person", "people", _status),
                            ("proposal", "proposals", _outcome)):
        for sid, subject in getattr(report, table).items():
            line = Line(kind, sid, getattr(subject, "name", getattr(subject, "title", sid)),
                        of(decided[0], table, sid), of(report, table, sid))
            for before, after in zip(decided, decided[1:]):
                old, new = of(before, table, sid), of(after, table, sid)
                for law in new:
                    if old.get(law) != new[law]:
                        line.changes.append(_change(stated, before, after, table, sid, law,
                                                    old.get(law, "absent"), new[law]))
            lines[sid] = line
    return Timeline(as_of, report.laws, report, first, len(decided), lines)


def _status(report, table: str, sid: str) -> dict:
    subject = getattr(report, table).get(sid)
    return dict(subject.status) if subject else {}


def _outcome(report, table: str, sid: str) -> dict:
    proposal = report.proposals.get(sid)
    return {proposal.law or "none": proposal.outcome} if proposal else {}


def _change(stated, before, after, table, sid, law, old, new) -> Change:
    def grounds(report):
        subject = getattr(report, table).get(sid)
        found = subject.findings if subject else []
        return {b for f in found if f.law == law and f.effect not in ("note", "covered") for b in f.because}

    grounds_now, grounds_before = grounds(after), grounds(before)
    because = tuple(sorted(grounds_now - grounds_before))
    day = after.as_of
    happened = [(eid, path) for d in (day, day - ONE_DAY) for eid, path in stated.get(d, ())
                if (d == day and not path.endswith("to")) or (d < day and path.endswith("to"))]
    # what happened to the grounds themselves (information newly received, or now assessed), else all that day
    relevant = ([e for e in happened if e[0] in because] or [e for e in happened if e[0] in grounds_now | grounds_before]
                or happened)
    return Change(day, law, old, new, because, tuple(dict.fromkeys(_describe(*e) for e in relevant)))


def to_json(result: Timeline, subject: str | None = None) -> dict:
    report = result.report
    lines = [result.lines[subject]] if subject else list(result.lines.values())
    return {"format": FORMAT, "as_of": result.as_of.isoformat(), "laws": list(result.laws),
            "rule_set": {"name": report.rules.info.name, "version": report.rules.info.version,
                         "sha256": report.rules.sha256},
            "cases": [{"id": report.case.info.id, "sha256": report.case.sha256}],
            "hypotheses": [h.id for h in report.case.hypotheses],
            "first_day": result.first.isoformat() if result.first else None, "days_evaluated": result.days,
            "subjects": [line.to_dict() for line in lines]}


def line_of(result: Timeline, subject: str) -> Line:
    from vetting.errors import InputError, did_you_mean

    if subject not in result.lines:
        raise InputError(f"`{subject}` is not a unit, person or proposal of the case", field="SUBJECT",
                         hint=did_you_mean(subject, result.lines))
    return result.lines[subject]


def _words(result: Timeline, change: Change) -> list:
    case = result.report.case
    out = []
    for ref in change.because:
        item = case.information.get(ref)
        out.append(f"{ref}: {item.summary}" if item is not None and item.summary else ref)
    return out or list(change.events)


def render_terminal(result: Timeline, subject: str, console) -> None:
    from rich.text import Text

    from vetting.reports.words import status_text
    from vetting.reports.layout import Column, print_table, print_wrapped

    line = line_of(result, subject)
    print_wrapped(console, Text(line.name, style="bold") + Text(f" ({line.id}, {line.kind}): status timeline up to "
                                                                f"{result.as_of.isoformat()}"), hang=2)
    hypotheses = [h.id for h in result.report.case.hypotheses]
    if hypotheses:
        print_wrapped(console, Text(f"with hypotheses: {', '.join(hypotheses)}", style="dim"), hang=2)
    print_wrapped(console, "before " + (result.first.isoformat() if result.first else "") + ": "
                  + ", ".join(f"{law}: {status}" for law, status in line.start.items()), hang=2)
    if not line.changes:
        print_wrapped(console, f"No change of status ({result.days} days decided).")
        return
    print_table(console, None, [Column("date", True), Column("law", True), Column("before", True),
                                Column("after", True), Column("because", True)],
                [[c.date.isoformat(), ", ".join(laws), status_text(c.before), status_text(c.after),
                  "; ".join(_words(result, c))] for laws, c in merged(line)], subject_first=False)


def merged(line: Line) -> list:
    """The changes with the laws that changed alike on one day written once: [(laws, change), ...]."""
    out: dict = {}
    for change in line.changes:
        key = (change.date, change.before, change.after, change.because, change.events)
        out.setdefault(key, ([], change))[0].append(change.law)
    return list(out.values())


def document(result: Timeline, subject: str):
    from vetting.reports.document import Document, Section

    line = line_of(result, subject)
    report = result.report
    meta = [f"The {line.kind} {line.id}, as decided on every day its case's facts change up to "
            f"{result.as_of.isoformat()} ({result.days} days from {result.first})."]
    if report.case.hypotheses:
        meta.append("With hypotheses: " + ", ".join(h.id for h in report.case.hypotheses) + ".")
    start = "Before " + (result.first.isoformat() if result.first else "") + ": " + ", ".join(
        f"{law}: {status}" for law, status in line.start.items()) + "."
    rows = [[c.date.isoformat(), c.law, c.before, c.after, _words(result, c)] for c in line.changes]
    section = Section("Changes of status", ["date", "law", "before", "after", "because"], rows,
                      paragraphs=[start] + ([] if rows else ["No change of status."]), status_columns=(2, 3))
    csv_rows = [[c.date.isoformat(), c.law, c.before, c.after, " ".join(c.because), "; ".join(c.events)]
                for c in line.changes]
    return Document(f"{line.name} ({line.id}) — status timeline", meta, [section],
                    csv=Section("timeline", ["date", "law", "before", "after", "because", "events"], csv_rows))
