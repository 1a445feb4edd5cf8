"""A Document's table as CSV (RFC 4180 quoting, UTF-8, lines ending in LF), for spreadsheets.

A cell that a spreadsheet would read as a formula (starting `=`, `+`, `-`, `@`, a tab or a carriage return) is
written with a leading `'`, as OWASP advises: a name in a case file must not run in an analyst's spreadsheet.
"""
from __future__ import annotations

import csv
import io

from vetting.errors import InputError, escape_hidden
from vetting.reports.document import Document, plain


def _safe(text: str) -> str:
    """A cell with hidden characters written out (per cell: the line ends are CSV's own) and never a formula."""
    text = escape_hidden(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render(doc: Document) -> str:
    return render_many([doc])


def render_many(docs: list[Document]) -> str:
    """One table; with several documents (several cases) a first column `case` says whose each row is."""
    if any(doc.csv is None for doc in docs):
        raise InputError("this report has no table to write as CSV", field="--format",
                         hint="use `--format json`, `markdown` or `html`")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")  # LF: every output is written with CR shown as `\\u000d`
    several = len(docs) > 1
    writer.writerow((["case"] if several else []) + docs[0].csv.header)
    for doc in docs:
        for row in doc.csv.rows:
            writer.writerow(([_safe(doc.case_id or "")] if several else []) + [_safe(plain(cell)) for cell in row])
    return out.getvalue()
