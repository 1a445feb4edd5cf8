"""The documents of evaluate, register, whatif and explain, for Markdown, HTML and CSV.

Markdown and HTML say why in words (the rules' titles, the citations with their statute links); CSV keeps the
ids, one fact per cell, for other tools.
"""
from __future__ import annotations

from vetting.reports.document import Document, Link, Quote, Section, rule_titles


def heading(report) -> tuple[str, list]:
    case = report.case
    title = f"{case.info.title} — as of {report.as_of.isoformat()}"
    if case.hypotheses:
        title += " — with " + ", ".join(h.id for h in case.hypotheses)
    meta = [f"Rule set {report.rules.label} ({report.rules.sha256[:12]}); "
            f"laws: {', '.join(report.laws)}; case {case.info.id} (sha256 {case.sha256[:12]})."]
    meta += [f"Reading {r.name}: {r.title}. {r.says.strip()}" for _, r in report.rules.readings]
    meta += [f"Hypothesis {h.id}: {h.title}. {h.rationale.strip()}" for h in case.hypotheses]
    return title, meta


def _figure(value) -> str:
    return f"{value:,}" if value is not None else ""


def _number(value) -> str:
    """A figure for CSV: digits only, as spreadsheets read numbers."""
    return str(value) if value is not None else ""


def citation_link(rules, cid: str, day) -> Link:
    """The provision as it read on `day`, linked to its text."""
    cite = rules.citations[cid].on(day)
    return Link(cite.label(), cite.url)


def summary(report) -> Section:
    """Totals by status and law, and personnel each counted once (vetting.reports.personnel)."""
    from vetting.decide import OUTCOMES, UNIT_STATUSES
    from vetting.reports.personnel import with_status

    rows = []
    for law in report.laws:
        for status in UNIT_STATUSES:
            units = [u for u in report.units.values() if u.status[law] == status]
            people = [p for p in report.people.values() if p.status[law] == status]
            if units or people:
                rows.append([law, status, len(units), str(with_status(report, law, (status,))) if units else "",
                             len(people)])
    outcomes = {}
    for p in report.proposals.values():
        outcomes[(p.law or "none", p.outcome)] = outcomes.get((p.law or "none", p.outcome), 0) + 1
    proposal_rows = [[law, outcome, n] for (law, outcome), n in
                     sorted(outcomes.items(), key=lambda kv: (kv[0][0], OUTCOMES.index(kv[0][1])))]
    section = Section("Summary", ["law", "status", "units", "personnel", "people"], rows, status_columns=(1,))
    return section, Section("Proposals by outcome", ["law", "outcome", "proposals"], proposal_rows,
                            status_columns=(1,))


def evaluation(report) -> Document:
    rules, case, laws = report.rules, report.case, list(report.laws)
    title, meta = heading(report)
    units = [[u.name, u.id, _figure(case.units[u.id].personnel), *(u.status[law] for law in laws),
              rule_titles(rules, u.findings)] for u in report.units.values()]
    people = [[p.name, p.id, *(p.status[law] for law in laws), rule_titles(rules, p.findings)]
              for p in report.people.values()]
    proposals = [[p.title, p.id, p.law or "none", p.outcome, rule_titles(rules, p.findings, ("note", "covered"))]
                 for p in report.proposals.values()]
    tasks = [[t.kind, t.law, t.subject, t.due.isoformat() if t.due else "",
              citation_link(rules, t.citation, report.as_of)] for t in report.tasks]
    statuses = tuple(range(3, 3 + len(laws)))
    sections = [*summary(report),
                Section("Units", ["unit", "id", "personnel", *laws, "because"], units, status_columns=statuses),
                Section("People", ["person", "id", *laws, "because"], people,
                        status_columns=tuple(range(2, 2 + len(laws)))),
                Section("Proposals", ["proposal", "id", "law", "outcome", "because"], proposals,
                        paragraphs=_outcome_meanings(report), status_columns=(3,)),
                Section("Tasks", ["task", "law", "subject", "due", "citation"], tasks)]
    return Document(title, meta, [s for s in sections if s.rows], csv=_evaluation_csv(report),
                    case_id=case.info.id)


def _evaluation_csv(report) -> Section:
    """One row per unit, person or proposal and law: a tidy table for spreadsheets."""
    rows = []
    for kind, table in (("unit", report.units), ("person", report.people)):
        for s in table.values():
            for law in report.laws:
                mine = [f for f in s.findings if f.law == law and f.effect != "note"]
                personnel = report.case.units[s.id].personnel if kind == "unit" else report.case.people[s.id].count
                rows.append([kind, s.id, s.name, law, s.status[law], _number(personnel),
                             " ".join(dict.fromkeys(f.rule for f in mine)),
                             " ".join(dict.fromkeys(b for f in mine for b in f.because))])
    for p in report.proposals.values():
        mine = [f for f in p.findings if f.effect not in ("note", "covered")]
        rows.append(["proposal", p.id, p.title, p.law or "none", p.outcome, "",
                     " ".join(dict.fromkeys(f.rule for f in mine)),
                     " ".join(dict.fromkeys(b for f in mine for b in f.because))])
    return Section("decisions", ["kind", "id", "name", "law", "status", "personnel", "rules", "because"], rows)


def register(report, data: dict) -> Document:
    from vetting.reports.words import REGISTER_SECTIONS, withholding_text

    rules, laws = report.rules, data["laws"]
    title = f"Register of barred units — as of {data['as_of']}"
    if data["hypotheses"]:
        title += " — with " + ", ".join(data["hypotheses"])
    _, meta = heading(report)
    info = report.case.information
    sections, csv_rows = [], []
    for name, heading_text in REGISTER_SECTIONS.items():
        if name == "held":
            rows = [[row["title"], row["id"], row["law"] or "none", row["outcome"],
                     [rules.rule(r).title for r in row["rules"]]] for row in data[name]]
            sections.append(Section(heading_text, ["proposal", "id", "law", "outcome", "because"], rows,
                                    paragraphs=[] if rows else ["None."], status_columns=(3,)))
            csv_rows += [[name, row["id"], row["title"], "", *(row["outcome"] for _ in laws), " ".join(row["rules"]),
                          "", ""] for row in data[name]]
            continue
        withheld = name == "withheld"
        rows = [[row["name"], row["id"], _figure(row["personnel"]), *(row["status"][law] for law in laws),
                 [rules.rule(r).title for r in row["rules"]],
                 [f"{i}: {info[i].summary}" if info[i].summary else i for i in row["information"]],
                 *([withholding_text(row["withholding"])] if withheld else [])]
                for row in data[name]]
        sections.append(Section(heading_text, ["unit", "id", "personnel", *laws, "because", "information",
                                               *(["withheld"] if withheld else [])], rows,
                                paragraphs=[] if rows else ["None."],
                                status_columns=tuple(range(3, 3 + len(laws)))))
        csv_rows += [[name, row["id"], row["name"], _number(row["personnel"]), *(row["status"][law] for law in laws),
                      " ".join(row["rules"]), " ".join(row["information"]),
                      withholding_text(row["withholding"]) if withheld else ""] for row in data[name]]
    return Document(title, meta, sections,
                    csv=Section("register", ["section", "id", "name", "personnel", *laws, "rules", "information",
                                             "withheld"], csv_rows),
                    case_id=report.case.info.id)


def whatif(result) -> Document:
    hyp = result.hypothesis
    rules = hyp.rules
    title = f"What if: {'; '.join(h.title for h in hyp.case.hypotheses)}"
    _, meta = heading(hyp)
    rows = [[c.name, c.id, c.kind, c.law, c.before, c.after, _figure(c.personnel),
             [rules.rule(r).title for r in c.because]] for c in result.changes]
    barred = "; ".join(f"{law}: {n}" for law, n in result.personnel_newly_barred.items())
    section = Section("Who changes status", ["who", "id", "kind", "law", "before", "after", "personnel", "because"],
                      rows, paragraphs=[f"Personnel newly barred — {barred}."] +
                      ([] if rows else ["No unit, person or proposal changes status."]), status_columns=(4, 5))
    csv_rows = [[c.kind, c.id, c.name, c.law, c.before, c.after, _number(c.personnel), " ".join(c.because)]
                for c in result.changes]
    return Document(title, meta, [section],
                    csv=Section("changes", ["kind", "id", "name", "law", "before", "after", "personnel", "rules"],
                                csv_rows))


def _outcome_meanings(report) -> list:
    from vetting.reports.words import OUTCOME_MEANING

    shown = {p.outcome for p in report.proposals.values()}
    return [f"{outcome}: {meaning}." for outcome, meaning in OUTCOME_MEANING.items() if outcome in shown]


def _explanation_context(data: dict) -> list:
    """The sections of an explanation beside its findings (vetting.explain_context)."""
    from vetting.explain import barred_line, determination_line, item_line, left_out_line, task_line

    out = []
    if data["information"]:
        out.append(Section(f"Information held on {data['as_of']}", ["id", "incident", "received, held, assessed"],
                           [[i["id"], i["incident"] or "", item_line(i)] for i in data["information"]]))
    if data["determinations"]:
        out.append(Section("Determinations", ["id", "determination", "why"],
                           [[d["id"], determination_line(d), list(d["reasons"])] for d in data["determinations"]]))
    if data["tasks"]:
        out.append(Section("Tasks", ["task"], [[task_line(t)] for t in data["tasks"]]))
    if data["barred_under"]:
        out.append(Section("Barred or suspended units under it (a bar runs down, never up)", ["unit"],
                           [[barred_line(u)] for u in data["barred_under"]]))
    if left_out_line(data):
        out.append(Section("Left out", paragraphs=[left_out_line(data)]))
    return out


def explanation(data: dict) -> Document:
    from vetting.reports.words import OUTCOME_MEANING

    meaning = f" ({OUTCOME_MEANING[data['outcome']]})" if data.get("outcome") in OUTCOME_MEANING else ""
    state = (f"{data['outcome']} under the {data['law']} law{meaning}" if data["kind"] == "proposal"
             else "; ".join(f"{law}: {status}" for law, status in data["status"].items()))
    title = f"{data['name']} ({data['id']}) — as of {data['as_of']}"
    meta = [f"The {data['kind']} {data['id']}: {state}."]
    if data["hypotheses"]:
        meta.append("With hypotheses: " + ", ".join(data["hypotheses"]) + ".")
    sections, csv_rows = [], []
    for f in data["findings"]:
        cite = f["citation"]
        lifted = " (lifted by an exception)" if f["lifted"] else ""
        rows = []
        for fact in f["because"]:
            evidence = []
            if fact["later_sources_left_out"]:
                n = fact["later_sources_left_out"]
                evidence.append(f"{n} source{'s' if n != 1 else ''} dated after {data['as_of']} left out")
            for s in fact["sources"]:
                where = ", ".join(p for p in (s["publisher"], s["date"], s.get("dated")) if p)
                evidence.append(Link(f"{s['title']} ({where})", s["url"]) if s["url"] else f"{s['title']} ({where})")
                evidence += [Quote(q) for q in s["quotes"]] + list(s["notes"])
            if fact["assumption"]:
                evidence.append(f"assumption: {fact['assumption']}")
            rows.append([fact["kind"], fact["id"], fact["label"], evidence])
        sections.append(Section(f"{f['law']} · {f['effect']}{lifted} · {f['title']}", ["fact", "id", "what", "evidence"],
                                rows, paragraphs=[f["says"], [Link(f"{cite['label']} — {cite['title']}", cite["url"])]]))
        csv_rows += [[f["law"], f["effect"], "yes" if f["lifted"] else "", f["rule"], f["title"], cite["id"],
                      cite["url"], fact["kind"], fact["id"]] for fact in f["because"]] or [
            [f["law"], f["effect"], "yes" if f["lifted"] else "", f["rule"], f["title"], cite["id"], cite["url"], "", ""]]
    if not sections:
        from vetting.explain import no_finding

        sections.append(Section("Findings", paragraphs=[no_finding(data)]))
    sections += _explanation_context(data)
    return Document(title, meta, sections,
                    csv=Section("findings", ["law", "effect", "lifted", "rule", "title", "citation", "url",
                                             "fact kind", "fact"], csv_rows))
