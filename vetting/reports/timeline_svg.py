"""A unit's status over time as a small SVG strip for the briefing: one band per period, coloured by its most
restrictive status under the laws applied, with the date of each change under it."""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from vetting.reports.tree_svg import FILL, SEVERITY

WIDTH, BAND, LEFT, RIGHT = 640, 16, 8, 8
LIGHT = {"eligible": "#dcefdc", "remediated": "#d5ecf0", "suspended": "#ffe2b3", "ineligible": "#f7c5cc"}


def strip(line, as_of: dt.date) -> str:
    """`line` is a vetting.reports.timeline.Line with at least one change."""
    days = sorted({c.date for c in line.changes})
    start = days[0] - dt.timedelta(days=max(30, (as_of - days[0]).days // 8))  # a little of the time before
    span = max((as_of - start).days, 1)

    def x(day: dt.date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span

    status = dict(line.start)
    periods = [(start, dict(status))]
    for day in days:
        for change in line.changes:
            if change.date == day:
                status[change.law] = change.after
        periods.append((day, dict(status)))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="strip" viewBox="0 0 {WIDTH} 44" width="{WIDTH}" '
             f'height="44" role="img" font-family="system-ui, sans-serif" font-size="11">',
             f"<title>{escape(line.name)}: status from {start.isoformat()} to {as_of.isoformat()}</title>"]
    for index, (day, statuses) in enumerate(periods):
        end = periods[index + 1][0] if index + 1 < len(periods) else as_of
        worst = max(statuses.values(), key=SEVERITY.index, default="eligible")
        parts.append(f'<rect class="{worst}" x="{x(day):.1f}" y="4" width="{max(x(end) - x(day), 2):.1f}" '
                     f'height="{BAND}" fill="{LIGHT[worst]}" stroke="{FILL[worst]}" stroke-width="1"/>')
    last_label = -100.0
    for day in days:
        parts.append(f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="2" y2="{BAND + 8}" stroke="#333"/>')
        if x(day) - last_label > 70:  # dates closer than a label's width share the first one's label
            anchor = "end" if x(day) > WIDTH - 70 else "start"
            parts.append(f'<text x="{x(day):.1f}" y="38" text-anchor="{anchor}">{day.isoformat()}</text>')
            last_label = x(day)
    parts.append("</svg>")
    return "".join(parts)
