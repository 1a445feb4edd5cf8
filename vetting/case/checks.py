"""Checks that span entities: references, the hierarchy over time, quotes, and the order of dates."""
from __future__ import annotations

import datetime as dt
import re
import weakref
from functools import lru_cache
from pathlib import Path, PurePosixPath

from vetting.case.merged import citations, error_at
from vetting.errors import InputError, did_you_mean

_NEVER = dt.date.max
_CHECKED: weakref.WeakValueDictionary = weakref.WeakValueDictionary()  # id -> a case that passed check_case


def is_checked(case) -> bool:
    """Whether this very case object passed `check_case` (cases are frozen: it cannot have changed since)."""
    return _CHECKED.get(id(case)) is case


def check_case(case) -> None:

    def ref(entity_id, sub, target, collection):
        known = case.collection(collection)
        if target not in known:
            kind = {"units": "unit", "people": "person", "incidents": "incident", "sources": "source",
                    "information": "information item", "proposals": "proposal"}[collection]
            gone = case.removed.get(target)
            hint = (f"a hypothesis removes it ({gone.doc.path}:{gone.doc.line(gone.loc)}): remove or change "
                    f"what refers to it too" if gone else did_you_mean(target, known))
            raise error_at(case, entity_id, sub, f"`{target}` is not a known {kind} of the case", hint=hint)

    def refs(entity_id, sub, group):
        for i, unit in enumerate(group.units):
            ref(entity_id, sub + ("units", i), unit, "units")
        for i, person in enumerate(group.people):
            ref(entity_id, sub + ("people", i), person, "people")

    _check_not_empty(case)
    for unit in case.units.values():
        for i, link in enumerate(unit.parents):
            if not link.known:  # `unit: unknown`: a parent the sources do not name
                continue
            ref(unit.id, ("parents", i, "unit"), link.unit, "units")
            if link.unit == unit.id:
                raise error_at(case, unit.id, ("parents", i, "unit"), "a unit cannot be its own parent")
    for person in case.people.values():
        for i, posting in enumerate(person.postings):
            ref(person.id, ("postings", i, "unit"), posting.unit, "units")
    for incident in case.incidents.values():
        refs(incident.id, ("perpetrators",), incident.perpetrators)
        if incident.perpetrators.force:
            ref(incident.id, ("perpetrators", "force"), incident.perpetrators.force, "units")
    for item in case.information.values():
        if item.incident is not None:
            ref(item.id, ("incident",), item.incident, "incidents")
        if item.alleges is not None:
            if not (item.alleges.units or item.alleges.people):  # else it would implicate nobody, silently
                raise error_at(case, item.id, ("alleges",), "`alleges` names no unit and no person",
                               hint="name the `units` or `people` it implicates, or leave `alleges` out to "
                                    "implicate the incident's perpetrators")
            refs(item.id, ("alleges",), item.alleges)
        for i, other in enumerate(item.corroborated_by):
            ref(item.id, ("corroborated_by", i), other, "information")
        _check_information_dates(case, item)
    for inv in case.investigations.values():
        if inv.incident:
            ref(inv.id, ("incident",), inv.incident, "incidents")
        refs(inv.id, ("subjects",), inv.subjects)
        if inv.opened and inv.closed and inv.closed < inv.opened:
            raise error_at(case, inv.id, ("closed",), f"`closed` ({inv.closed}) is before `opened` ({inv.opened})")
        if inv.opened and inv.incident and inv.opened < case.incidents[inv.incident].date.from_:
            raise error_at(case, inv.id, ("opened",),
                           f"opened ({inv.opened}) before the incident it investigates began "
                           f"({case.incidents[inv.incident].date.from_})")
    for det in case.determinations.values():
        ref(det.id, ("unit",), det.unit, "units")
        for i, incident in enumerate(det.incidents):
            ref(det.id, ("incidents", i), incident, "incidents")
            began = case.incidents[incident].date.from_
            if det.made < began:
                raise error_at(case, det.id, ("incidents", i),
                               f"the determination is made ({det.made}) before the incident `{incident}` began "
                               f"({began})", hint="check the year of `made` and of the incident's `date`")
        for i, item_id in enumerate(det.information):
            ref(det.id, ("information", i), item_id, "information")
            if case.information[item_id].incident is not None:
                raise error_at(case, det.id, ("information", i),
                               f"`{item_id}` describes the incident `{case.information[item_id].incident}`",
                               hint="name the incident in `incidents`; `information` is for information "
                                    "without an incident")
        if det.proposal:
            ref(det.id, ("proposal",), det.proposal, "proposals")
            if det.kind not in ("dod-emergency", "dod-waiver"):
                raise error_at(case, det.id, ("proposal",),
                               f"a `{det.kind}` determination concerns a unit, not one proposal")
            law = case.proposals[det.proposal].law
            if "dod" not in case.proposals[det.proposal].laws:
                raise error_at(case, det.id, ("proposal",),
                               f"a `{det.kind}` applies only to assistance under the DoD law, and "
                               f"`{det.proposal}` is funded under {law or 'neither'} law",
                               hint="the State law has no waiver and no emergency exception")
    for proposal in case.proposals.values():
        refs(proposal.id, ("recipients",), proposal.recipients)
    _check_citations(case, ref)
    _check_hierarchy(case)
    _CHECKED[id(case)] = case


def _check_not_empty(case) -> None:
    """A case with no unit has nothing to vet: most likely a file was left out or a section misnamed."""
    if case.units:
        return
    removals = [where for where in case.removed.values() if where.loc[:2] == ("remove", "units")]
    if removals:
        where = removals[-1]
        raise InputError("the hypothesis removes every unit of the case", file=where.doc.path,
                         line=where.doc.line(where.loc), field="remove.units",
                         hint="a case needs at least one unit to vet")
    first = case.files[0][0] if case.files else None
    raise InputError("the case has no units", file=first, field="units",
                     hint="list the units of the security forces under `units`; a case folder's files are "
                          "merged, so check that none was left out")


def _check_information_dates(case, item) -> None:
    """Information cannot arrive before its incident began, nor be assessed before it arrived."""

    when = case.incidents[item.incident].date if item.incident is not None else item.date
    received = item.received
    if when is None:  # information without an incident or a date: nothing to order it by but its assessment
        _check_assessed_after_received(case, item)
        return
    began = when.from_
    if received.to < began:
        raise error_at(case, item.id, ("received",),
                       f"received ({received.to}) before the incident it describes began ({began})")
    if received.from_ < began:  # counted from its first day: the unit would be held before anything happened
        raise error_at(case, item.id, ("received", "from"),
                       f"the `received` range starts ({received.from_}) before the incident it describes began "
                       f"({began})", hint=f"start the range on or after {began}")
    _check_assessed_after_received(case, item)


def _check_assessed_after_received(case, item) -> None:

    received = item.received
    on = item.assessment.on
    if on is not None and on < received.from_:
        raise error_at(case, item.id, ("assessment", "on"),
                       f"assessed ({on}) before the information was received ({received.from_})",
                       hint="check the year: an assessment follows the receipt of what it assesses")


def _check_citations(case, ref) -> None:

    for name in ("units", "people", "incidents", "information", "investigations", "determinations",
                 "proposals"):
        for entity in case.collection(name).values():
            for loc, cite in citations(entity):
                ref(entity.id, loc + ("source",), cite.source, "sources")
                source = case.sources[cite.source]
                if source.text is None:
                    continue
                if not cite.quote:
                    raise error_at(case, entity.id, loc, f"a citation of `{source.id}` needs a `quote` from it",
                                   hint=f"the case ships the text of `{source.id}`: quote the words the fact "
                                        f"rests on")
                text = _source_text(case, source)
                if _normal(cite.quote) not in text:
                    raise error_at(case, entity.id, loc + ("quote",),
                                   f"the quote is not found in the text of `{source.id}`",
                                   hint="copy the words exactly as they stand in the source")


def _source_text(case, source) -> str:

    def fail(message, hint="the path is relative to the case folder"):
        return error_at(case, source.id, ("text",), f"the source text `{source.text}` {message}", hint=hint)

    relative = PurePosixPath(source.text)
    if relative.is_absolute() or ".." in relative.parts:
        raise fail("is outside the case folder", hint="keep source texts inside the case folder, "
                                                       "e.g. `sources/article.txt`")
    path = source_text_path(case, source)
    try:
        return _read_normal(str(path.resolve()))
    except FileNotFoundError:
        raise fail("is not found") from None
    except OSError as err:
        raise fail(f"cannot be read: {(err.strerror or str(err)).lower()}") from None
    except UnicodeDecodeError:
        raise fail("is not valid UTF-8", hint="save it as UTF-8") from None
    except ValueError:
        raise fail(f"is larger than {MAX_TEXT // (1024 * 1024)} MiB", hint="ship the part the quotes come from") \
            from None


def source_text_path(case, source) -> Path:
    """Where the text of `source` is: in the folder of the case file that declares it, else in the first case
    folder that has it (a case given as several folders, or a source a hypothesis adds)."""
    where = case.locations.get(source.id)
    folders = [Path(where.doc.path).parent] if where is not None and where.loc[0] == "sources" else []
    folders += [folder for folder in case.folders if folder not in folders]
    candidates = [folder / source.text for folder in folders] or [Path(source.text)]
    return next((path for path in candidates if path.exists()), candidates[0])


MAX_TEXT = 8 * 1024 * 1024


@lru_cache(maxsize=32)
def _read_normal(path: str) -> str:
    with open(path, "rb") as handle:  # bounded: a link to `/dev/zero` fails fast
        raw = handle.read(MAX_TEXT + 1)
    if len(raw) > MAX_TEXT:
        raise ValueError("too large")
    return _normal(raw.decode("utf-8"))


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _overlap(a, b) -> bool:
    a_from, a_to = a.from_ or dt.date.min, a.to or _NEVER
    b_from, b_to = b.from_ or dt.date.min, b.to or _NEVER
    return a_from <= b_to and b_from <= a_to


def _check_hierarchy(case) -> None:
    """No unit has two parents on one date in one chain, and the hierarchy has no cycle on any date."""

    for unit in case.units.values():
        for i, a in enumerate(unit.parents):
            for j in range(i):
                b = unit.parents[j]
                if a.chain == b.chain and _overlap(a, b):
                    raise error_at(case, unit.id, ("parents", i),
                                   f"`{unit.id}` has two {a.chain} parents on the same dates "
                                   f"(`{b.unit}` and `{a.unit}`)",
                                   hint="end one link (`to`) before the other begins (`from`)")
    cycle = find_cycle(case.units)
    if cycle:
        day, path = cycle
        raise error_at(case, path[0], ("parents",),
                       f"the hierarchy has a cycle on {day}: {' -> '.join(f'`{u}`' for u in path + [path[0]])}",
                       hint="a unit cannot be under itself; check the `from`/`to` dates of these links")


def find_cycle(units: dict):
    """(day, [unit ids]) of a cycle in the parent links on some day, or None.

    Only units on a cycle of the timeless graph can be on a cycle on some day, so the day-by-day sweep looks
    at those links alone.
    """
    edges = {u.id: {link.unit for link in u.parents if link.known} for u in units.values()}
    suspects = _units_on_cycles(edges)
    if not suspects:
        return None
    links = [(u, link) for u in suspects for link in units[u].parents if link.unit in suspects]
    days = sorted({dt.date.min} | {link.from_ for _, link in links if link.from_}
                  | {link.to + dt.timedelta(days=1) for _, link in links if link.to and link.to < _NEVER})
    for day in days:
        active = {}
        for unit, link in links:
            if link.covers(day):
                active.setdefault(unit, set()).add(link.unit)
        path = _a_cycle(active)
        if path:
            return (day if day != dt.date.min else "every date before the first `from`"), path
    return None


def _units_on_cycles(edges: dict) -> set:
    """Units on some cycle of the graph (Tarjan's strongly connected components, iteratively)."""
    index, low, on_stack, stack, result = {}, {}, set(), [], set()
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        result.update(component)
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges.get(child, ()))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return result


def _a_cycle(active: dict):
    colour = {}
    for root in sorted(active):
        if root in colour:
            continue
        path, work = [root], [iter(sorted(active.get(root, ())))]
        colour[root] = 1
        while work:
            child = next(work[-1], None)
            if child is None:
                colour[path.pop()] = 2
                work.pop()
            elif colour.get(child) == 1:
                return path[path.index(child):]
            elif child not in colour:
                colour[child] = 1
                path.append(child)
                work.append(iter(sorted(active.get(child, ()))))
    return None
