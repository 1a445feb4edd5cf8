"""A Document as one self-contained HTML page (no script, no network), every text escaped."""
from __future__ import annotations

from html import escape

from vetting.errors import escape_hidden
from vetting.reports.document import NOTICE, Document, Link, Quote

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;
color:#111;line-height:1.4}
table{border-collapse:collapse;margin:.5rem 0 2rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;
vertical-align:top}th{background:#f4f4f4}.notice{border-left:4px solid #a60;background:#fff8e6;padding:.5rem 1rem}
.meta{color:#444}code{font-size:.9em}blockquote{margin:.3rem 0 .3rem 1rem;font-style:italic}
.ineligible,.rejected{color:#b00;font-weight:bold}.suspended{color:#a60;font-weight:bold}.held{color:#2255aa;font-weight:bold}
.eligible,.approved{color:#070}.remediated,.approved-by-exception{color:#067}.waived{color:#808}
.not-covered{color:#666}
@media print{body{margin:0;max-width:none}a{color:inherit}h2{break-after:avoid}tr,figure{break-inside:avoid}}
"""


def inline(cell) -> str:
    if isinstance(cell, (list, tuple)):
        return "<br>".join(inline(c) for c in cell)
    if isinstance(cell, Link):
        return f'<a href="{escape(cell.url, quote=True)}">{escape(cell.text)}</a>'
    if isinstance(cell, Quote):
        return f"<q>{escape(cell.text)}</q>"
    return escape("" if cell is None else str(cell))


def page(title: str, body: list[str], style: str = "") -> str:
    return escape_hidden("\n".join(['<!doctype html>', '<html lang="en"><head><meta charset="utf-8">',
                      '<meta name="viewport" content="width=device-width, initial-scale=1">',
                      f"<title>{escape(title)}</title>", f"<style>{STYLE}{style}</style></head><body>",
                      *body, "</body></html>", ""]))


def table(header, rows, status_columns=()) -> str:
    from vetting.reports.words import STATUS_STYLE

    parts = ["<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr></thead><tbody>"]
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            kind = str(cell) if i in status_columns and str(cell) in STATUS_STYLE else ""
            cells.append(f'<td class="{escape(kind)}">{inline(cell)}</td>' if kind else f"<td>{inline(cell)}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts)


def render(doc: Document) -> str:
    return page(doc.title, body(doc))


def render_many(docs: list[Document]) -> str:
    """One page: each document in turn (several cases), a rule between them."""
    if len(docs) == 1:
        return render(docs[0])
    parts = []
    for index, doc in enumerate(docs):
        parts += (["<hr>"] if index else []) + body(doc)
    return page("; ".join(doc.title for doc in docs), parts)


def body(doc: Document) -> list[str]:
    body = [f"<h1>{escape(doc.title)}</h1>"]
    body += [f'<p class="meta">{inline(meta)}</p>' for meta in doc.meta]
    if doc.notice:
        body.append(f'<p class="notice">{escape(NOTICE)}</p>')
    for section in doc.sections:
        body.append(f"<h2>{escape(section.title)}</h2>")
        body += [f"<p>{inline(p)}</p>" for p in section.paragraphs]
        if section.rows:
            body.append(table(section.header, section.rows, section.status_columns))
    return body
