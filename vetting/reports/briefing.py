"""The briefing: the report an analyst shares. One self-contained, printable HTML page (the command tree drawn
inline as SVG, no script, no network) or Markdown.

In order: the notice that this is not the government's determination; a summary with totals by status and law;
the command tree; each unit's status timeline with the dates and the information that moved it; the findings in
words with quotes, sources and statute links; the open tasks with their due dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from vetting.errors import escape_hidden
from vetting.reports import html as htmlout
from vetting.reports import markdown as mdout
from vetting.reports import tables, timeline_svg, tree_svg
from vetting.reports.document import NOTICE, Link, Quote
from vetting.reports.timeline import merged

LAW_NAMES = {"state": "State", "dod": "DoD"}
RESTRICTED = ("ineligible", "suspended", "remediated")
HELD = ("rejected", "suspended", "held", "approved-by-exception", "waived")


@dataclass
class Briefing:
    report: object
    timeline: object  # vetting.reports.timeline.Timeline
    explanations: list  # explain() of every unit, person and proposal not simply eligible or approved


def brief(case, as_of, laws=("state", "dod"), rules=None) -> Briefing:
    from vetting.explain import explain
    from vetting.reports.timeline import timeline

    line = timeline(case, as_of, laws, rules)
    report = line.report
    chosen = [u.id for u in report.units.values() if set(u.status.values()) & set(RESTRICTED)]
    chosen += [p.id for p in report.people.values() if set(p.status.values()) & set(RESTRICTED)]
    chosen += [p.id for p in report.proposals.values() if p.outcome in HELD]
    return Briefing(report, line, [explain(report, sid) for sid in chosen])


def _title(report) -> str:
    title = f"Briefing: {report.case.info.title} — as of {report.as_of.isoformat()}"
    if report.case.hypotheses:
        title += " — with " + ", ".join(h.id for h in report.case.hypotheses)
    return title


def headline(report) -> list[str]:
    """The summary in sentences: per law, how many units are ineligible and suspended, and their personnel."""
    from vetting.reports.personnel import with_status

    out = []
    for law in report.laws:
        parts = []
        for status in ("ineligible", "suspended"):
            units = [u for u in report.units.values() if u.status[law] == status]
            if units:
                personnel = with_status(report, law, (status,))
                parts.append(f"{len(units)} {'unit is' if len(units) == 1 else 'units are'} {status} "
                             f"(personnel: {personnel})")
        stopped = [p for p in report.proposals.values() if p.law == law and p.outcome in ("rejected", "suspended")]
        total = sum(1 for p in report.proposals.values() if p.law == law)
        parts.append(f"{len(stopped)} of {total} {'proposal is' if total == 1 else 'proposals are'} rejected or "
                     f"suspended")
        held = sum(1 for p in report.proposals.values() if p.law == law and p.outcome == "held")
        if held:  # a gap in the data, counted apart from the human-rights outcomes
            parts.append(f"{held} held because {'its' if held == 1 else 'their'} recipients are not identified")
        out.append(f"Under the {LAW_NAMES.get(law, law)} law: " + "; ".join(parts) + ".")
    return out


def _information_words(case, ids) -> list:
    """The ids a change rests on, each with what it is: the information's summary, the unit's or person's name."""
    out = []
    for ref in ids:
        item = case.information.get(ref)
        entity = case.units.get(ref) or case.people.get(ref) or case.incidents.get(ref)
        if item is not None and item.summary:
            out.append(f"{ref}: {item.summary}")
        elif entity is not None:
            out.append(f"{ref}: {getattr(entity, 'name', None) or getattr(entity, 'title', ref)}")
        else:
            out.append(ref)
    return out


# ---------------------------------------------------------------- HTML

STYLE = """
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
.headline li{margin:.2rem 0}.tree,.strip{max-width:100%;height:auto}
.timeline{list-style:none;padding-left:0}.timeline>li{margin:.8rem 0}.steps{margin:.2rem 0 0 1rem;padding:0}
.steps li{margin:.15rem 0}.status{display:inline-block;padding:0 .4rem;border-radius:.3rem;border:1px solid}
.finding{border-left:3px solid #ccc;padding-left:.8rem;margin:.8rem 0}.why{color:#444}
.badge{font-size:.8em;color:#555}code{white-space:nowrap}
"""


def _status(value: str) -> str:
    return f'<span class="status {escape(value)}">{escape(value)}</span>'


def to_html(b: Briefing) -> str:
    report = b.report
    summary, outcomes = tables.summary(report)
    _, meta = tables.heading(report)
    body = [f"<h1>{escape(_title(report))}</h1>", f'<p class="notice"><strong>Notice.</strong> {escape(NOTICE)}</p>',
            *(f'<p class="meta">{htmlout.inline(m)}</p>' for m in meta),
            '<section id="summary"><h2>Summary</h2><ul class="headline">',
            *(f"<li>{escape(s)}</li>" for s in headline(report)), "</ul>",
            htmlout.table(summary.header, summary.rows, summary.status_columns),
            htmlout.table(outcomes.header, outcomes.rows, outcomes.status_columns), "</section>",
            '<section id="tree"><h2>Command tree</h2>',
            f"<p>The units and who they answer to on {report.as_of.isoformat()}, with the personnel the case gives "
            "(a unit's figure includes the units under it) and the status under each law.</p>",
            f"<figure>{tree_svg.render(report)}</figure></section>",
            '<section id="timeline"><h2>Status timelines</h2>',
            f"<p>Each change of status up to {report.as_of.isoformat()}, found by deciding the case on every day its "
            f"facts change ({b.timeline.days} days from {b.timeline.first}).</p>", '<ul class="timeline">']
    changed = [line for line in b.timeline.lines.values() if line.changes and line.kind == "unit"]
    for line in changed:
        start = " · ".join(f"{law}: {status}" for law, status in line.start.items())
        body.append(f'<li class="unit-timeline" data-id="{escape(line.id)}"><strong>{escape(line.name)}</strong> '
                    f'<code>{escape(line.id)}</code><br>{timeline_svg.strip(line, report.as_of)}'
                    f'<ol class="steps"><li>before: {escape(start)}</li>')
        for laws, change in merged(line):
            day, before, after = change.date, change.before, change.after
            why = _information_words(report.case, change.because) or list(change.events)
            # an id stays on one line (`code` does not break at its hyphens), its words wrap
            why_html = "; ".join(re.sub(r"^([a-z0-9._-]+)", r"<code>\1</code>", escape(w)) for w in why)
            body.append(f"<li><time>{day.isoformat()}</time> {escape(', '.join(laws))}: {_status(before)} → "
                        f"{_status(after)}" + (f' <span class="why">— {why_html}</span>' if why else "")
                        + "</li>")
        body.append("</ol></li>")
    if not changed:
        body.append("<li>No unit changed status.</li>")
    body += ["</ul></section>", '<section id="findings"><h2>Findings</h2>']
    for data in b.explanations:
        body.append(_finding_html(data))
    if not b.explanations:
        body.append("<p>Every unit and person is eligible, and every proposal approved.</p>")
    body += ["</section>", '<section id="tasks"><h2>Tasks</h2>']
    if report.tasks:
        rows = [[t.kind, t.law, t.subject, t.due.isoformat() if t.due else "no due date",
                 tables.citation_link(report.rules, t.citation, report.as_of), ", ".join(t.because)] for t in report.tasks]
        body.append(htmlout.table(["task", "law", "subject", "due", "citation", "because of"], rows))
    else:
        body.append("<p>No task is open.</p>")
    body.append("</section>")
    return htmlout.page(_title(report), body, STYLE)


def _finding_html(data: dict) -> str:
    state = (_status(data["outcome"]) + f" under the {escape(data['law'])} law" if data["kind"] == "proposal"
             else " · ".join(f"{escape(law)}: {_status(s)}" for law, s in data["status"].items()))
    parts = [f'<article class="finding"><h3>{escape(data["name"])} <code>{escape(data["id"])}</code> '
             f'<span class="badge">{escape(data["kind"])}</span></h3><p>{state}</p>']
    for f in data["findings"]:
        if f["effect"] in ("note", "covered"):
            continue
        cite = f["citation"]
        lifted = " (lifted by an exception)" if f["lifted"] else ""
        parts.append(f"<p><strong>{escape(f['law'])} · {escape(f['effect'])}{lifted}: {escape(f['title'])}.</strong> "
                     f"{escape(f['says'])} "
                     f"{htmlout.inline(Link(cite['label'] + ' — ' + cite['title'], cite['url']))}</p><ul>")
        for fact in f["because"]:
            parts.append(f"<li>{escape(fact['kind'])} <code>{escape(fact['id'])}</code>: {escape(str(fact['label']))}")
            if fact["assumption"]:
                parts.append(f"<br><em>assumption:</em> {escape(fact['assumption'])}")
            for s in fact["sources"]:
                where = ", ".join(p for p in (s["publisher"], s["date"]) if p)
                title = f"{s['title']} ({where})"
                parts.append("<br>" + (htmlout.inline(Link(title, s["url"])) if s["url"] else escape(title)))
                parts += [f"<blockquote>“{escape(q)}”</blockquote>" for q in s["quotes"]]
                parts += [f'<br><span class="why">{escape(n)}</span>' for n in s["notes"]]
            parts.append("</li>")
        parts.append("</ul>")
    parts.append("</article>")
    return "".join(parts)


# ---------------------------------------------------------------- Markdown


def to_markdown(b: Briefing) -> str:
    report = b.report
    summary, outcomes = tables.summary(report)
    _, meta = tables.heading(report)
    e = mdout.escape
    out = [f"# {e(_title(report))}", "", f"> **Notice.** {e(NOTICE)}", ""]
    out += [line for m in meta for line in (mdout.inline(m), "")]
    out += ["## Summary", ""] + [f"- {e(s)}" for s in headline(report)] + [""]
    for section in (summary, outcomes):
        out += ["| " + " | ".join(section.header) + " |", "|" + "---|" * len(section.header)]
        out += ["| " + " | ".join(mdout.inline(c) for c in row) + " |" for row in section.rows] + [""]
    out += ["## Command tree", "",
            f"The units and who they answer to on {report.as_of.isoformat()}; personnel includes the units under "
            "a unit; **barred** and *suspended* units marked.", ""]
    for row in tree_svg.layout(report):
        mark = {"ineligible": "**", "suspended": "*"}.get(row["worst"], "")
        out.append("  " * row["depth"] + f"- {mark}{e(row['name'])}{mark} — {e(row['detail'])} — {e(row['laws'])}")
    out += ["", "## Status timelines", "",
            f"Each change of status up to {report.as_of.isoformat()} ({b.timeline.days} days decided from "
            f"{b.timeline.first}).", ""]
    changed = [line for line in b.timeline.lines.values() if line.changes and line.kind == "unit"]
    for line in changed:
        start = ", ".join(f"{law}: {status}" for law, status in line.start.items())
        out.append(f"- **{e(line.name)}** ({e(line.id)}) — before: {e(start)}")
        for laws, change in merged(line):
            day, before, after = change.date, change.before, change.after
            why = _information_words(report.case, change.because) or list(change.events)
            out.append(f"  - {day.isoformat()} {e(', '.join(laws))}: {before} → **{after}**"
                       + (f" — {e('; '.join(why))}" if why else ""))
    if not changed:
        out.append("No unit changed status.")
    out += ["", "## Findings", ""]
    for data in b.explanations:
        state = (f"{data['outcome']} under the {data['law']} law" if data["kind"] == "proposal"
                 else ", ".join(f"{law}: {s}" for law, s in data["status"].items()))
        out += [f"### {e(data['name'])} ({e(data['id'])})", "", f"{e(data['kind'])}: {e(state)}", ""]
        for f in data["findings"]:
            if f["effect"] in ("note", "covered"):
                continue
            cite = f["citation"]
            out.append(f"- **{e(f['law'])} · {e(f['effect'])}: {e(f['title'])}.** {e(f['says'])} "
                       f"{mdout.inline(Link(cite['label'] + ' — ' + cite['title'], cite['url']))}")
            for fact in f["because"]:
                out.append(f"  - {e(fact['kind'])} {e(fact['id'])}: {e(str(fact['label']))}")
                for s in fact["sources"]:
                    where = ", ".join(p for p in (s["publisher"], s["date"]) if p)
                    title = f"{s['title']} ({where})"
                    out.append("    - " + (mdout.inline(Link(title, s["url"])) if s["url"] else e(title)))
                    out += [f"      - {mdout.inline(Quote(q))}" for q in s["quotes"]]
        out.append("")
    out += ["## Tasks", ""]
    if report.tasks:
        out += ["| task | law | subject | due | citation |", "|---|---|---|---|---|"]
        out += [f"| {e(t.kind)} | {t.law} | {e(t.subject)} | {t.due.isoformat() if t.due else 'no due date'} | "
                f"{mdout.inline(tables.citation_link(report.rules, t.citation, report.as_of))} |" for t in report.tasks]
    else:
        out.append("No task is open.")
    return escape_hidden("\n".join(out) + "\n")
