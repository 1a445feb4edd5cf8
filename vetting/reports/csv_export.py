"""A Document's table as CSV (RFC 4180, UTF-8), for spreadsheets.

A cell that a spreadsheet would read as a formula (starting `=`, `+`, `-`, `@`, a tab or a carriage return) is
written with a leading `'`, as OWASP advises: a name in a case file must not run in an analyst's spreadsheet.
"""
from __future__ import annotations

import csv
import io

from vetting.errors import InputError
from vetting.reports.document import Document, plain


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render(doc: Document) -> str:
    if doc.csv is None:
        raise InputError("this report has no table to write as CSV", field="--format",
                         hint="use `--format json`, `markdown` or `html`")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(doc.csv.header)
    for row in doc.csv.rows:
        writer.writerow([_safe(plain(cell)) for cell in row])
    return out.getvalue()
