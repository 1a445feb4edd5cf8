"""Load case files and hypothesis overlays, merge them and check everything that spans entities.

`load_case(paths)` returns a `Case` or raises one `InputError` naming file, line, field and what was expected.
`apply_hypotheses(case, paths)` validates each overlay whole before applying it: never a half-applied hypothesis.
"""
from __future__ import annotations

import hashlib
import re
import types
import typing
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel, ValidationError

from vetting import casejson, safeyaml
from vetting.casefile import COLLECTIONS, CaseFile, CaseInfo, Citation, HypothesisFile, HypothesisInfo
from vetting.errors import InputError, did_you_mean, field_path

KIND_OF_COLLECTION = {"sources": "source", "units": "unit", "people": "person", "incidents": "incident",
                      "information": "information item", "investigations": "investigation",
                      "determinations": "determination", "proposals": "proposal"}


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
    folder: Path | None = None
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
        counts = ", ".join(f"{len(self.collection(c))} {c}" for c in COLLECTIONS if self.collection(c))
        return f"{self.info.id}: {counts}" if counts else f"{self.info.id}: empty"


# ---------------------------------------------------------------- files


def case_files(path: Path) -> list[Path]:
    if path.is_dir():
        # a broken link named `units.yaml` is an error when read, never a file silently left out of the case
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".json") and not p.is_dir())
        if not files:
            raise InputError("the folder holds no `.yaml` case files", file=str(path))
        return files
    if not path.exists():
        raise InputError("no such file or folder", file=str(path))
    return [path]


def _validate(doc: safeyaml.Document, model: type[BaseModel]):
    if doc.data is None:
        raise InputError("the file is empty", file=doc.path, hint=f"sections: {', '.join(model.model_fields)}")
    if not isinstance(doc.data, dict):
        raise InputError("expected a mapping of sections at the top of the file", file=doc.path,
                         line=doc.line(()), hint=f"sections: {', '.join(model.model_fields)}")
    if model is CaseFile and "hypothesis" in doc.data:
        raise InputError("this file is a hypothesis, not part of a case", file=doc.path,
                         line=doc.line(("hypothesis",)), field="hypothesis",
                         hint="keep hypotheses in the case's `hypotheses/` folder and apply them with `--with`")
    if model is HypothesisFile and "hypothesis" not in doc.data and set(doc.data) & {"case", *COLLECTIONS}:
        raise InputError("this file is part of a case, not a hypothesis", file=doc.path, line=doc.line(()),
                         hint="a hypothesis has a `hypothesis` block (id, title, rationale) and `add`, `replace` "
                              "or `remove`")
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        raise pydantic_error(err, doc, model) from None


def pydantic_error(err: ValidationError, doc: safeyaml.Document, model: type[BaseModel],
                   prefix: tuple = ()) -> InputError:
    """The first validation error as one clear InputError."""
    errors = err.errors(include_url=False)
    # a misspelt key also makes the right one "missing": report the misspelling, it is the cause
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = prefix + tuple(part for part in first["loc"] if not _is_internal(part))
    kind = first["type"]
    given = first.get("input")
    hint = None
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _fields_at(model, loc[len(prefix):-1])
        message = f"unknown key `{key}`"
        hint = did_you_mean(key, allowed) or (f"expected one of: {', '.join(sorted(allowed))}" if allowed else None)
    elif kind == "missing":
        message = f"the required key `{loc[-1]}` is missing"
        loc_line = doc.line(loc[:-1])
        return InputError(message, file=doc.path, line=loc_line, field=field_path(loc))
    elif kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", first["msg"])
        message = f"`{given}` is not one of: {', '.join(f'`{c}`' for c in choices)}"
        hint = did_you_mean(given, choices)
    elif kind == "string_pattern_mismatch" and (_is_id(loc) or len(loc) > 1 and isinstance(loc[-1], int)):
        message = f"`{given}` is not a valid id: expected a short slug of a-z, 0-9, `.`, `_`, `-`"
    elif kind == "string_type":
        message = f"expected {'an id (a short slug)' if _is_id(loc) else 'text'}, not {_described(given)}"
        if isinstance(given, (int, float)) and not isinstance(given, bool):
            hint = f"put it in quotes (`'{given}'`) if it is meant as text"
    elif kind == "list_type":
        message = f"expected a list, not {_described(given)}"
        if given is None:
            hint = f"write `{loc[-1]}: []` for none, or leave the key out"
        elif not isinstance(given, dict):
            hint = f"write `[{given}]`, or one `- {given}` per line"
    elif kind in ("model_type", "dict_type"):
        expected = _EXPECTED_MAPPING.get((first.get("ctx") or {}).get("class_name"), "a mapping of keys")
        message = f"expected {expected}, not {_described(given)}"
    elif kind == "value_error":
        message = first["msg"].removeprefix("Value error, ")
    else:
        message = first["msg"][0].lower() + first["msg"][1:]
        if given is not None and not isinstance(given, (dict, list)):
            message += f" (got `{given}`)"
    loc = _written(doc, loc)
    return InputError(message, file=doc.path, line=doc.line(loc), field=field_path(loc), hint=hint)


def _written(doc: safeyaml.Document, loc: tuple) -> tuple:
    """The longest part of `loc` spelt out in the file: `date: 2014-06-30` is shorthand, it has no `date.from`."""
    written = tuple(loc)
    while written and written not in doc.lines:
        written = written[:-1]
    return written or tuple(loc)


_EXPECTED_MAPPING = {"DayRange": "a date written `YYYY-MM-DD`, or a range of days `{from: ..., to: ...}`",
                     "Citation": "a source id, or a citation `{source: ..., quote: ...}`"}


def _is_id(loc: tuple) -> bool:
    """Whether the value at `loc` is an id: an entity's own, or a reference to one."""
    if not loc:
        return False
    if isinstance(loc[-1], int):
        return len(loc) > 1 and loc[-2] in COLLECTIONS + ("corroborated_by",)
    return loc[-1] in ("id", "source", "unit", "incident", "force", "proposal")


def _described(given) -> str:
    if given is None:
        return "an empty value"
    if isinstance(given, bool):
        return f"`{str(given).lower()}`"
    if isinstance(given, (int, float)):
        return f"the number `{given}`"
    if isinstance(given, list):
        return "a list"
    if isinstance(given, dict):
        return "a mapping"
    return f"`{given}`"


def _is_internal(part) -> bool:
    """pydantic adds validator names such as `function-before[...]` to error locations."""
    return isinstance(part, str) and ("[" in part or part in ("list", "str", "int", "float", "dict"))


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed at `loc` inside `model`, for a 'did you mean'."""
    current = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None)
        current = _model_in(info.annotation) if info else None
    if current is None:
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _model_in(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None


# ---------------------------------------------------------------- cases


def load_case(paths) -> Case:
    """Load one case from files and folders (merged, in order), and check it whole."""
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    if not paths:
        raise InputError("no case given", hint="name a case file or folder, e.g. `cases/mexico-2015`")
    collections = {name: {} for name in COLLECTIONS}
    locations: dict = {}
    files = []
    info = None
    info_doc = None
    seen: dict = {}
    for path in paths:
        for file in case_files(path):
            if file.resolve() in seen:  # else every id in it is "used twice", first used at the very same line
                raise InputError("the file is given twice", file=str(file),
                                 hint=f"it is already read as {seen[file.resolve()]}: name each file or folder once")
            seen[file.resolve()] = str(file)
            doc = casejson.load(file) if file.suffix == ".json" else safeyaml.load(file)
            files.append((str(file), doc.sha256))
            if doc.data is None:
                continue
            part = _validate(doc, CaseFile)
            if part.case is not None:
                if info is not None:
                    raise InputError("a case has one `case` block, and this is the second", file=doc.path,
                                     line=doc.line(("case",)), field="case",
                                     hint=f"the first is in {info_doc.path}")
                info, info_doc = part.case, doc
            for name in COLLECTIONS:
                for index, entity in enumerate(getattr(part, name)):
                    _add(collections, locations, name, entity, Location(doc, (name, index)))
    folder = paths[0] if paths[0].is_dir() else paths[0].parent
    if info is None:
        stem = paths[0].resolve().name if paths[0].is_dir() else paths[0].stem
        stem = stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # a name not in UTF-8
        # an id as case files require one: `_x`, `.hidden`, `Ünïcode` or 90 letters gave an internal error
        slug = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).lstrip("._-")[:80]
        info = CaseInfo(id=slug or "case", title=stem or "case")
    case = Case(info=info, files=tuple(files), folder=folder, locations=locations, **collections)
    from vetting.checks import check_case

    check_case(case)
    return case


def _add(collections, locations, name, entity, where: Location):
    if entity.id in locations:
        first = locations[entity.id]
        raise _error_at(where, ("id",), f"the id `{entity.id}` is used twice",
                        hint=f"first used at {first.doc.path}:{first.doc.line(first.loc + ('id',))}")
    collections[name][entity.id] = entity
    locations[entity.id] = where


def _error_at(where: Location, sub: tuple, message: str, hint: str | None = None) -> InputError:
    loc = _written(where.doc, where.loc + tuple(sub))
    return InputError(message, file=where.doc.path, line=where.doc.line(loc), field=field_path(loc), hint=hint)


def error_at(case: Case, entity_id: str, sub: tuple, message: str, hint: str | None = None) -> InputError:
    """An InputError pointing at a field of an entity of the case, wherever it was loaded from."""
    return _error_at(case.locations[entity_id], sub, message, hint)


# ---------------------------------------------------------------- hypotheses


@dataclass(frozen=True)
class Hypothesis:
    info: HypothesisInfo
    overlay: HypothesisFile
    doc: safeyaml.Document
    sha256: str


def load_hypothesis(path) -> Hypothesis:
    path = Path(path)
    if path.is_dir():
        raise InputError("a hypothesis is one file, not a folder", file=str(path))
    doc = safeyaml.load(path)
    overlay = _validate(doc, HypothesisFile)
    return Hypothesis(overlay.hypothesis, overlay, doc, doc.sha256)


def apply_hypotheses(case: Case, hypotheses) -> Case:
    for hypothesis in hypotheses:
        if not isinstance(hypothesis, Hypothesis):
            hypothesis = load_hypothesis(hypothesis)
        case = apply_hypothesis(case, hypothesis)
    return case


def apply_hypothesis(case: Case, hypothesis: Hypothesis) -> Case:
    """A new case with the overlay applied; the overlay is checked whole and the input case is untouched."""
    doc, overlay = hypothesis.doc, hypothesis.overlay
    if any(h.id == hypothesis.info.id for h in case.hypotheses):
        raise InputError(f"the hypothesis `{hypothesis.info.id}` is applied twice", file=doc.path,
                         line=doc.line(("hypothesis", "id")), field="hypothesis.id",
                         hint="give `--with` each hypothesis once; two different hypotheses need two ids")
    collections = {name: dict(case.collection(name)) for name in COLLECTIONS}
    locations = dict(case.locations)
    removed = dict(case.removed)
    for name in COLLECTIONS:
        for index, entity_id in enumerate(getattr(overlay.remove, name)):
            if entity_id not in collections[name]:
                raise _unknown(doc, ("remove", name, index), entity_id, name, collections[name])
            del collections[name][entity_id]
            del locations[entity_id]
            removed[entity_id] = Location(doc, ("remove", name, index))
        for index, entity in enumerate(getattr(overlay.replace, name)):
            if entity.id not in collections[name]:
                raise _unknown(doc, ("replace", name, index, "id"), entity.id, name, collections[name],
                               hint="`replace` changes an entity that exists; use `add` for a new one")
            collections[name][entity.id] = entity
            locations[entity.id] = Location(doc, ("replace", name, index))
        for index, entity in enumerate(getattr(overlay.add, name)):
            _add(collections, locations, name, entity, Location(doc, ("add", name, index)))
            removed.pop(entity.id, None)
    result = replace(case, locations=locations, removed=removed,
                     hypotheses=case.hypotheses + (hypothesis.info,),
                     files=case.files + ((doc.path, hypothesis.sha256),), **collections)
    from vetting.checks import check_case

    check_case(result)
    return result


def _unknown(doc, loc, entity_id, name, known, hint=None) -> InputError:
    return InputError(f"`{entity_id}` is not a known {KIND_OF_COLLECTION[name]} of the case", file=doc.path,
                      line=doc.line(loc), field=field_path(loc), hint=hint or did_you_mean(entity_id, known))


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
    """(field name, key as written) of a model's fields, computed once per model."""
    keys = _KEYS.get(model)
    if keys is None:
        keys = _KEYS[model] = [(name, info.alias or name) for name, info in model.model_fields.items()]
    return keys
