"""Build and check a case from data in memory (notebooks, generators, benchmarks): no files involved.

`case_from_data(parts)` takes what case files hold, as dicts (one dict, or several merged in order), validates
each against the case format and runs every cross-entity check, exactly as `load_case` does for files. Errors
are the same `InputError`s; they name the part (`<data:0>`) and the field instead of a file and a line.
"""
from __future__ import annotations

from collections.abc import Mapping

from vetting import safeyaml
from vetting.case.schema import COLLECTIONS, CaseFile, CaseInfo
from vetting.errors import InputError
from vetting.case.merged import Case, Location
from vetting.case.load import _add, _validate


def case_from_data(parts, case_id: str = "in-memory") -> Case:
    """A checked Case from one mapping of sections (`units`, `proposals`, ...) or a list of them."""
    parts = [parts] if isinstance(parts, Mapping) else list(parts)
    if not parts:
        raise InputError("no case data given", hint="pass a mapping of sections such as `units` and `proposals`")
    collections = {name: {} for name in COLLECTIONS}
    locations: dict = {}
    info = None
    for number, data in enumerate(parts):
        doc = safeyaml.Document(f"<data:{number}>", data, {})
        part = _validate(doc, CaseFile)
        if part.case is not None:
            if info is not None:
                raise InputError("a case has one `case` block, and this is the second", file=doc.path, field="case")
            info = part.case
        for name in COLLECTIONS:
            for index, entity in enumerate(getattr(part, name)):
                _add(collections, locations, name, entity, Location(doc, (name, index)))
    case = Case(info=info or CaseInfo(id=case_id, title=case_id), locations=locations, **collections)
    from vetting.case.checks import check_case

    check_case(case)
    return case
