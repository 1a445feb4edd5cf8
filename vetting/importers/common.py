"""What every importer shares: reading delimited files, row errors, counts that add up, and output written whole.

- `read_table(path)` reads a tab- or comma-separated file with a header row; every row keeps its line number.
- `RowError` names the file, the row (its line in the file) and the column; `--skip-bad` collects them instead.
- `write_folder(target, files)` writes every file into a temporary folder beside the target and moves it into
  place only when all are written: a failed import leaves nothing behind, and an existing folder is replaced
  whole (never merged with stale files).
- `dump_yaml(data)` is deterministic: the same data gives the same bytes (no timestamps, no set order).
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from vetting.errors import InputError

csv.field_size_limit(10_000_000)  # an SFM incident description can run to pages


@dataclass(frozen=True)
class Table:
    path: Path
    columns: tuple
    rows: list  # (line number, {column: value})


def read_table(path) -> Table:
    """A delimited file with a header row: tabs if the header holds one, else commas."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the file: {(err.strerror or str(err)).lower()}", file=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        raise InputError("the file is not UTF-8 text", file=str(path), line=line,
                         hint="save it as UTF-8 (the SFM and FMTRPT downloads are UTF-8)") from None
    lines = text.splitlines(keepends=True)
    if not lines or not lines[0].strip():
        raise InputError("the file is empty: expected a header row of column names", file=str(path), line=1)
    delimiter = "\t" if "\t" in lines[0] else ","
    reader = csv.reader(lines, delimiter=delimiter)
    columns = tuple(name.strip() for name in next(reader))
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise InputError(f"the column `{duplicates[0]}` is given twice in the header", file=str(path), line=1)
    rows = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue  # a blank line is no row
        if len(values) > len(columns):
            raise InputError(f"the row has {len(values)} cells and the header {len(columns)} columns",
                             file=str(path), line=line,
                             hint="a cell holding the delimiter must be quoted")
        values = values + [""] * (len(columns) - len(values))
        rows.append((line, dict(zip(columns, values))))
    return Table(path, columns, rows)


class RowError(InputError):
    """A bad row: file, row (its line in the file) and column."""

    def __init__(self, table: Table, line: int, column: str, message: str, hint: str | None = None):
        super().__init__(message, file=str(table.path), line=line, field=column, hint=hint)


@dataclass
class Counts:
    """Rows read = imported + totals + skipped; imported = matched + unmatched (where matching applies)."""

    read: int = 0
    imported: int = 0
    unmatched: int = 0
    totals: int = 0
    skipped: list = field(default_factory=list)  # RowError, in file order

    def check(self) -> None:
        if self.read != self.imported + self.totals + len(self.skipped) or self.unmatched > self.imported:
            raise AssertionError(f"import counts do not add up: {self}")


def slug(text: str, limit: int = 60) -> str:
    """A case id from free text: lower case, a-z 0-9 and `-`."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:limit].strip("-") or "x"


_PLAIN = re.compile(r"^[a-z][a-z0-9._-]*$")
_RESERVED = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})


def dump_yaml(data, header: str = "") -> str:
    """Block-style YAML of plain data (dicts, lists, text, numbers, booleans), keys in the order given.

    Written by hand because PyYAML's representer takes seconds on 6,000 rows: a slug is written plain and any
    other text as a JSON string, which is a valid YAML double-quoted scalar (same escapes), so nothing is ever
    read back as another type. The same data always gives the same bytes.
    """
    out: list = [header]
    _emit(data, 0, out)
    return "".join(out)


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    if _PLAIN.match(value) and value not in _RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)


def _emit(value, indent: int, out: list) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                out.append(f"{pad}{_scalar(key)}:\n")
                _emit(item, indent + 2, out)
            else:
                out.append(f"{pad}{_scalar(key)}: {_inline(item)}\n")
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                text: list = []
                _emit(item, indent + 2, text)
                first = "".join(text)
                out.append(f"{pad}- {first[indent + 2:]}")
            else:
                out.append(f"{pad}- {_inline(item)}\n")


def _inline(value) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def write_folder(target, files: dict) -> None:
    """Write `{name: text}` into the folder `target` whole: a temporary folder renamed into place."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise InputError("cannot write there: it is a file, not a folder", file=str(target),
                         hint="`-o` names the folder the case files go into")
    parent = target.parent if str(target.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}."))
    except OSError as err:
        raise InputError(f"cannot write there: {(err.strerror or str(err)).lower()}", file=str(target)) from None
    try:
        for name, text in files.items():
            (tmp / name).write_text(text, encoding="utf-8")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # as any new folder: mkdtemp's 0700 would hide the case from its readers
        old = None
        if target.exists():  # a folder cannot be renamed over a full one: set the old one aside first
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.old."))
            os.replace(target, old / "x")
        try:
            os.replace(tmp, target)
        except OSError:
            if old is not None:
                os.replace(old / "x", target)  # put the old folder back as it was
                old.rmdir()
            raise
        if old is not None:
            shutil.rmtree(old)
    except BaseException as err:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(err, OSError):
            raise InputError(f"cannot write there: {(err.strerror or str(err)).lower()}", file=str(target)) from None
        raise


def logged(err: InputError) -> str:
    """A skipped row for the import log: the file by its name only, so the log is the same from any folder."""
    return f"{Path(err.file).name}:{err.line}: `{err.field}`: {err.message}"
