"""The merged case and where each of its entities was read: errors can point at the file, line and field.

Its own module so that reading (vetting.case.load) and checking (vetting.case.checks) both use it without importing each
other.
"""
from __future__ import annotations

import datetime as dt
import enum
import hashlib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from vetting import safeyaml
from vetting.case.schema import COLLECTIONS, CaseInfo, Citation
from vetting.errors import InputError, field_path


@dataclass(frozen=True)
class Location:
    doc: safeyaml.Document
    loc: tuple  # the entity's path inside the document, e.g. ("units", 3)


@dataclass(frozen=True)
class Case:
    """A merged, checked case: every collection keyed by id, in file order."""

    info: CaseInfo
    sources: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    incidents: dict = field(default_factory=dict)
    information: dict = field(default_factory=dict)
    investigations: dict = field(default_factory=dict)
    determinations: dict = field(default_factory=dict)
    proposals: dict = field(default_factory=dict)
    files: tuple = ()  # ((path, sha256), ...)
    hypotheses: tuple = ()  # HypothesisInfo, in the order applied
    folders: tuple = ()  # the folders of the case's files, where source texts are found
    folder: Path | None = None  # the first folder: the files' paths in a report are relative to it
    given: tuple = ()  # the files and folders named, as given: what a report records to re-run it
    locations: dict = field(default_factory=dict, compare=False, repr=False)
    removed: dict = field(default_factory=dict, compare=False, repr=False)  # id -> Location of its `remove`

    def collection(self, name: str) -> dict:
        return getattr(self, name)

    @property
    def sha256(self) -> str:
        digest = hashlib.sha256()
        for path, sha in self.files:
            digest.update(f"{Path(path).name}\0{sha}\n".encode("utf-8", "surrogateescape"))  # any file name
        return digest.hexdigest()

    def summary(self) -> str:
        counts = ", ".join(f"{len(self.collection(c))} {SINGULAR.get(c, c) if len(self.collection(c)) == 1 else c}"
                           for c in COLLECTIONS if self.collection(c))
        return f"{self.info.id}: {counts}" if counts else f"{self.info.id}: empty"


SINGULAR = {"sources": "source", "units": "unit", "people": "person", "incidents": "incident",
            "investigations": "investigation", "determinations": "determination", "proposals": "proposal"}


def written(doc: safeyaml.Document, loc: tuple) -> tuple:
    """The longest part of `loc` spelt out in the file: `date: 2014-06-30` is shorthand, it has no `date.from`."""
    written = tuple(loc)
    while written and written not in doc.lines:
        written = written[:-1]
    return written or tuple(loc)


def error_at_location(where: Location, sub: tuple, message: str, hint: str | None = None) -> InputError:
    loc = written(where.doc, where.loc + tuple(sub))
    return InputError(message, file=where.doc.path, line=where.doc.line(loc), field=field_path(loc), hint=hint)


def error_at(case: Case, entity_id: str, sub: tuple, message: str, hint: str | None = None) -> InputError:
    """An InputError pointing at a field of an entity of the case, wherever it was loaded from."""
    return error_at_location(case.locations[entity_id], sub, message, hint)


def citations(model: BaseModel, loc: tuple = ()):
    """Every (loc, Citation) inside a model, with its path relative to the model."""
    for name, key in _keys(type(model)):  # pydantic's `model_fields` is slow to read once per value
        value = getattr(model, name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Citation):
                    yield loc + (key, index), item
                elif isinstance(item, BaseModel):
                    yield from citations(item, loc + (key, index))
        elif isinstance(value, Citation):
            yield loc + (key,), value
        elif isinstance(value, BaseModel):
            yield from citations(value, loc + (key,))


_KEYS: dict = {}


def _keys(model: type[BaseModel]) -> list:
    """(field name, key as written) of the fields of a model that can hold a citation, computed once per model.

    Only those are walked: a case has hundreds of thousands of names, ids, dates and kinds, and looking into each
    was most of the time checks took. A field is left out only when its type is built of plain values alone
    (text, numbers, dates, enums, literals, and lists or unions of them), which after validation never hold a
    model; any field that may hold a model, or whose type is not understood here, is walked as before, in the
    same order."""
    keys = _KEYS.get(model)
    if keys is None:
        keys = _KEYS[model] = [(name, info.alias or name) for name, info in model.model_fields.items()
                               if not _plain(info.annotation)]
    return keys


_PLAIN = (str, int, float, bool, type(None), dt.date, dt.datetime)


def _plain(annotation) -> bool:
    """Whether a value of this type is plain data: no model (so no citation) can be inside it."""
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return issubclass(annotation, _PLAIN + (enum.Enum,)) and not issubclass(annotation, BaseModel)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _plain(typing.get_args(annotation)[0])
    if origin is typing.Literal:
        return True
    if origin in (list, tuple, set, frozenset, typing.Union, types.UnionType):
        return all(arg is Ellipsis or _plain(arg) for arg in typing.get_args(annotation))
    return False  # Any, a dict, a forward reference, anything else: walked
