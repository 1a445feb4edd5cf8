"""Personnel totals that count each person once and say what is unknown.

The convention (docs/case-format.md, "Personnel"): a unit's `personnel` figure counts everyone in it, the units
under it included. So the personnel of a set of units is the sum of the figures of the units in the set that have
a figure and no unit above them in the set (on the date, through any chain) with a figure of its own. A unit of
the set without a figure and with no unit of the set above it is personnel the case does not count: the total
names it instead of counting it as 0.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Personnel:
    """A personnel total: the people counted, and the units whose people are not in the count.

    `uncounted`: units of the set without a figure, no unit above them in the set, so their people are unknown.
    `overcounted`: units already counted elsewhere (already barred), without a figure, that sit inside `known`
    (a zone of 10,000 newly barred over a battalion already barred whose figure is unknown): `known` is then an
    upper bound, by those units' personnel.
    """

    known: int
    uncounted: tuple = ()
    overcounted: tuple = ()

    @property
    def exact(self) -> bool:
        return not self.uncounted and not self.overcounted

    def to_dict(self) -> dict:
        return {"known": self.known, "exact": self.exact, "units_without_figure": list(self.uncounted),
                "already_counted_without_figure": list(self.overcounted)}

    def __str__(self) -> str:
        text = f"{self.known:,}"
        if self.overcounted:
            text = f"at most {text} (less {_units(self.overcounted)} already counted, without a figure)"
        if self.uncounted:
            unknown = f"{_units(self.uncounted)} without a figure"
            text = f"unknown ({unknown})" if self.known == 0 and not self.overcounted else f"{text} + unknown ({unknown})"
        return text


def _units(ids) -> str:
    return "1 unit" if len(ids) == 1 else f"{len(ids)} units"


def total(unit_ids, figures: dict, ancestors: dict) -> Personnel:
    """The personnel of the units `unit_ids`: `figures` maps a unit to its figure or None, `ancestors` a unit to
    the units above it on the date (facts.ancestors_on)."""
    chosen = set(unit_ids)
    known, uncounted = 0, []
    for uid in sorted(chosen):
        above = [a for a in ancestors.get(uid, ()) if a in chosen]
        if figures.get(uid) is not None:
            if not any(figures.get(a) is not None for a in above):
                known += figures[uid]
        elif not above:
            uncounted.append(uid)
    return Personnel(known, tuple(uncounted))


def newly(after_ids, before_ids, figures: dict, ancestors: dict) -> Personnel:
    """The personnel in the units `after_ids` who are not already in the units `before_ids`: the total of both
    sets less the total of `before_ids`, so a zone of 10,000 newly barred over a battalion of 300 already barred
    adds 9,700, and a unit already barred adds nothing."""
    before = set(before_ids)
    both = before | set(after_ids)
    whole, already = total(both, figures, ancestors), total(before, figures, ancestors)
    # an already-counted unit without a figure inside a figured unit of `both`: its people are in `whole.known`
    overcounted = tuple(uid for uid in already.uncounted
                        if any(a in both and figures.get(a) is not None for a in ancestors.get(uid, ())))
    uncounted = tuple(uid for uid in whole.uncounted if uid not in before)
    # figures that do not nest (a unit with fewer people than a unit under it) could make this negative: never
    # fewer than nobody
    return Personnel(max(whole.known - already.known, 0), uncounted, overcounted)


def with_status(report, law: str, statuses) -> Personnel:
    """The personnel of the units of `report` whose status under `law` is one of `statuses`."""
    from vetting import facts as factlib

    units = report.case.units
    chosen = [uid for uid, unit in report.units.items() if unit.status[law] in statuses]
    return total(chosen, {uid: u.personnel for uid, u in units.items()}, factlib.ancestors_on(units, report.as_of))
