"""The command tree on the as-of date as an SVG picture: one box per unit with its personnel and its status under
each law, barred and suspended subtrees shaded.

An indented tree (each unit on its own row, under its parent, as a file tree) rather than a top-down one: real
cases have many roots and few levels (a dozen forces side by side), which a top-down layout draws too wide to
print; rows stay legible on a page at any size of case. The layout is ours, small and tested
(tests/test_briefing.py): Graphviz would need a program installed beside Python, and the Python SVG libraries
(svgwrite, drawsvg) draw shapes but lay nothing out, which is all this module does.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from vetting import facts as factlib

SEVERITY = ("eligible", "remediated", "suspended", "ineligible")
FILL = {"ineligible": "#b00020", "suspended": "#b36b00", "remediated": "#00677a", "eligible": "#2e7d32"}
SHADE = {"ineligible": "#fbe3e6", "suspended": "#fff1d6"}
INDENT, ROW_GAP, LEFT, NAME_CHARS, NAME_LINES = 30, 10, 12, 64, 2
CHAR = {"name": 8.8, "small": 7.2}  # a generous average glyph width (px) at 14px and 12px, for box widths


def worst(status: dict) -> str:
    return max(status.values(), key=SEVERITY.index, default="eligible")


def _children(report) -> tuple[list, dict]:
    units = report.case.units
    parent = {uid: factlib.parent_on(units[uid], report.as_of) for uid in report.units}
    children: dict = {uid: [] for uid in report.units}
    roots = []
    for uid in report.units:  # case-file order
        if parent[uid] in children:
            children[parent[uid]].append(uid)
        else:
            roots.append(uid)
    return roots, children


def _name_lines(name: str) -> list[str]:
    words, lines, line = name.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > NAME_CHARS:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    if len(lines) > NAME_LINES:
        lines = lines[:NAME_LINES]
        lines[-1] = lines[-1][:NAME_CHARS - 1] + "…"  # the whole name is in the box's tooltip
    return [line if len(line) <= NAME_CHARS else line[:NAME_CHARS - 1] + "…" for line in lines]


def layout(report) -> list[dict]:
    """The rows of the tree, depth first: each unit with its depth, its box and its subtree's last row."""
    roots, children = _children(report)
    rows: list[dict] = []

    def visit(uid, depth, seen):
        if uid in seen:  # the loader forbids cycles; never loop on one regardless
            return
        unit = report.units[uid]
        personnel = report.case.units[uid].personnel
        row = {"id": uid, "name": unit.name, "depth": depth, "status": unit.status, "worst": worst(unit.status),
               "lines": _name_lines(unit.name),
               "detail": f"{uid} · " + (f"{personnel:,} personnel" if personnel is not None else "personnel unknown"),
               "laws": " · ".join(f"{law}: {status}" for law, status in unit.status.items())}
        rows.append(row)
        for child in children[uid]:
            visit(child, depth + 1, seen | {uid})
        row["last"] = len(rows) - 1

    for root in roots:
        visit(root, 0, frozenset())
    y = 8
    for row in rows:
        row["x"] = LEFT + row["depth"] * INDENT
        row["y"] = y
        row["height"] = 16 * len(row["lines"]) + 40
        row["width"] = 24 + max([CHAR["name"] * len(line) for line in row["lines"]]
                                + [CHAR["small"] * len(row["detail"]), CHAR["small"] * len(row["laws"])])
        y += row["height"] + ROW_GAP
    return rows


def render(report) -> str:
    rows = layout(report)
    width = int(max([r["x"] + r["width"] for r in rows] + [560])) + 16
    height = (rows[-1]["y"] + rows[-1]["height"] + 8 if rows else 40) + 28
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-labelledby="tree-title" class="tree" '
             'font-family="system-ui, -apple-system, Segoe UI, sans-serif">',
             f'<title id="tree-title">Command tree on {report.as_of.isoformat()}: each unit with its personnel and '
             'status; barred and suspended subtrees shaded</title>']
    if not rows:
        parts.append('<text x="12" y="24" font-size="14">The case has no units.</text>')
    # shading first, underneath: a subtree whose root is barred (or suspended) and whose parent is not as much
    parent_worst = {}
    for index, row in enumerate(rows):
        for child in range(index + 1, row["last"] + 1):
            if rows[child]["depth"] == row["depth"] + 1:
                parent_worst[child] = row["worst"]
    for index, row in enumerate(rows):
        if row["worst"] in SHADE and parent_worst.get(index) != row["worst"]:
            last = rows[row["last"]]
            parts.append(f'<rect class="shade {row["worst"]}" x="{row["x"] - 6}" y="{row["y"] - 4}" '
                         f'width="{width - row["x"] - 4}" height="{last["y"] + last["height"] - row["y"] + 8}" '
                         f'rx="8" fill="{SHADE[row["worst"]]}"/>')
    for index, row in enumerate(rows):  # connectors from each parent down its left side to each child
        for child in range(index + 1, row["last"] + 1):
            if rows[child]["depth"] == row["depth"] + 1:
                c = rows[child]
                mid = c["y"] + c["height"] / 2
                parts.append(f'<path d="M{row["x"] + 12} {row["y"] + row["height"]} V{mid} H{c["x"]}" '
                             'fill="none" stroke="#888" stroke-width="1.5"/>')
    for row in rows:
        x, y = row["x"], row["y"]
        colour = FILL[row["worst"]]
        parts.append(f'<g class="unit {row["worst"]}" data-id={quoteattr(row["id"])}>'
                     f'<title>{escape(row["name"])} ({escape(row["id"])})</title>'
                     f'<rect x="{x}" y="{y}" width="{row["width"]:.0f}" height="{row["height"]}" rx="6" '
                     f'fill="#fff" stroke="{colour}" stroke-width="1.5"/>'
                     f'<rect x="{x}" y="{y}" width="6" height="{row["height"]}" rx="3" fill="{colour}"/>')
        for number, line in enumerate(row["lines"]):
            parts.append(f'<text x="{x + 14}" y="{y + 19 + 16 * number}" font-size="14" font-weight="600">'
                         f'{escape(line)}</text>')
        base = y + 19 + 16 * len(row["lines"])
        parts.append(f'<text x="{x + 14}" y="{base}" font-size="12" fill="#333">{escape(row["detail"])}</text>')
        parts.append(f'<text x="{x + 14}" y="{base + 16}" font-size="12" fill="{colour}" font-weight="600">'
                     f'{escape(row["laws"])}</text></g>')
    legend_y = height - 10
    parts.append(f'<g font-size="12"><rect x="12" y="{legend_y - 11}" width="14" height="14" '
                 f'fill="{SHADE["ineligible"]}"/><text x="32" y="{legend_y}">barred (ineligible) and the units '
                 f'under it</text><rect x="300" y="{legend_y - 11}" width="14" height="14" '
                 f'fill="{SHADE["suspended"]}"/><text x="320" y="{legend_y}">suspended</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)
