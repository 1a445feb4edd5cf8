"""Load case files and hypothesis overlays, merge them and check everything that spans entities.

`load_case(paths)` returns a `Case` or raises one `InputError` naming file, line, field and what was expected.
`apply_hypotheses(case, paths)` validates each overlay whole before applying it: never a half-applied hypothesis.
"""
from __future__ import annotations

import os
import re
import types
import typing
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel, ValidationError

from vetting import collector, safeyaml
from vetting.case import jsonfile
from vetting.case.schema import (COLLECTIONS, CaseFile, CaseInfo, HypothesisFile, HypothesisInfo, Patches,
                                 Removals)
from vetting.case.merged import Case, Location, error_at_location, written
from vetting.case.checks import check_case, source_text_path
from vetting.errors import InputError, did_you_mean, field_path

KIND_OF_COLLECTION = {"sources": "source", "units": "unit", "people": "person", "incidents": "incident",
                      "information": "information item", "investigations": "investigation",
                      "determinations": "determination", "proposals": "proposal"}


# ---------------------------------------------------------------- files


def is_yaml(path: Path) -> bool:
    """A case or rule file: `.yaml` or `.yml` in any letter case (`information.YAML` is never left out)."""
    return path.suffix.lower() in (".yaml", ".yml")


def is_case_file(path: Path) -> bool:
    """A case file: YAML, or JSON (generated cases; YAML 1.2 reads JSON, and it parses far faster)."""
    return is_yaml(path) or path.suffix.lower() == ".json"


def ignored(path: Path) -> bool:
    """What a case or rule folder may hold beside its data, unread: hidden files and folders (`.git`,
    `.DS_Store`, editors' swap files), README or NOTES files that are not YAML, which are for people, and the
    `import-log.txt` that `vetting import` writes beside the case files it makes."""
    name = path.name
    return (name.startswith(".") or name.lower() == "import-log.txt"
            or (name.split(".")[0].lower() in ("readme", "notes") and not is_yaml(path)))


IGNORED = "README and NOTES files, `import-log.txt` and names starting with `.` are ignored"


def check_folder(folder: Path, what: str, read=frozenset(), known=()) -> None:
    """Every file under a case or rule `folder` is read or refused by name, so that a renamed or misplaced file
    never silently changes a decision. Read: the YAML files at the top, and the files in `read` (resolved
    paths: source texts); the top-level subfolders in `known` (`hypotheses`) are for their own use."""

    def unreadable(err: OSError):
        raise InputError(f"cannot read the folder: {(err.strerror or str(err)).lower()}",
                         file=err.filename or str(folder))

    seen = set()
    for top, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        top = Path(top)
        nested = top != folder
        if top.resolve() in seen:  # a link back up the tree
            dirs[:] = []
            continue
        seen.add(top.resolve())
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (nested or d not in known))
        for name in sorted(files):
            path = top / name
            readable = is_case_file(path) if what == "case" else is_yaml(path)
            if ignored(path) or (not nested and readable) or path.resolve() in read:
                continue
            if readable:
                raise InputError(f"this file is not read: {what} files are read only from the top of the "
                                 f"{what} folder", file=str(path),
                                 hint=f"move it up into `{folder}`" + (", or into `hypotheses/` if it is a "
                                                                       "hypothesis" if what == "case" else ""))
            kind = ("neither a case file (`.yaml`, `.yml`, `.json`) nor the text of a source" if what == "case" else
                    "not a rule file (`.yaml`, `.yml`)")
            raise InputError(f"this file is not read: it is {kind}", file=str(path),
                             hint=f"rename it, or move it out of the {what} folder ({IGNORED})")


def case_files(path: Path) -> list[Path]:
    if path.is_dir():
        # a broken link named `units.yaml` is an error when read, never a file silently left out of the case
        files = sorted(p for p in path.iterdir() if is_case_file(p) and not ignored(p) and not p.is_dir())
        if not files:
            raise InputError("the folder holds no `.yaml` case files", file=str(path))
        return files
    if not path.exists():
        raise InputError("no such file or folder", file=str(path))
    return [path]


def _validate(doc: safeyaml.Document, model: type[BaseModel]):
    if doc.data is None or doc.data == {}:  # a file left empty by mistake is not "nothing to vet"
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
    elif kind in ("int_type", "float_type"):  # strict: `count: true` is not 1, `"600"` is not 600
        message = f"expected a {'whole ' if kind == 'int_type' else ''}number, not {_described(given)}"
        if isinstance(given, str):
            hint = "write the number without quotes"
    elif kind in ("model_type", "dict_type"):
        expected = _EXPECTED_MAPPING.get((first.get("ctx") or {}).get("class_name"), "a mapping of keys")
        message = f"expected {expected}, not {_described(given)}"
    elif kind == "value_error":
        message = first["msg"].removeprefix("Value error, ")
    else:
        message = first["msg"][0].lower() + first["msg"][1:]
        if given is not None and not isinstance(given, (dict, list)):
            message += f" (got `{given}`)"
    loc = written(doc, loc)
    return InputError(message, file=doc.path, line=doc.line(loc), field=field_path(loc), hint=hint)


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
    with collector.paused():  # millions of objects, no cycles: vetting/collector.py
        return _load_case(paths)


def _load_case(paths) -> Case:
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    if not paths:
        raise InputError("no case given", hint="name a case file or folder, e.g. `cases/mexico-2015`")
    collections = {name: {} for name in COLLECTIONS}
    locations: dict = {}
    files = []
    info = None
    case_docs: dict = {}  # the file holding the `case` block of each path given
    combined: list = []  # the `case` blocks of other cases given with the first: several cases merged into one
    seen: dict = {}
    for path in paths:
        for file in case_files(path):
            if file.resolve() in seen:  # else every id in it is "used twice", first used at the very same line
                raise InputError("the file is given twice", file=str(file),
                                 hint=f"it is already read as {seen[file.resolve()]}: name each file or folder once")
            seen[file.resolve()] = str(file)
            doc = read_case_file(file)
            files.append((str(file), doc.sha256))
            part = _validate(doc, CaseFile)
            if part.case is not None:
                if path in case_docs:
                    raise InputError("a case has one `case` block, and this is the second", file=doc.path,
                                     line=doc.line(("case",)), field="case",
                                     hint=f"the first is in {case_docs[path].path}")
                case_docs[path] = doc
                if info is None:
                    info = part.case
                else:
                    combined.append(part.case)  # another case given: its entities join this one's
            for name in COLLECTIONS:
                for index, entity in enumerate(getattr(part, name)):
                    _add(collections, locations, name, entity, Location(doc, (name, index)))
    folders = tuple(dict.fromkeys(path if path.is_dir() else path.parent for path in paths))
    folder = folders[0]
    if info is None:
        stem = paths[0].resolve().name if paths[0].is_dir() else paths[0].stem
        stem = stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # a name not in UTF-8
        # an id as case files require one: `_x`, `.hidden`, `Ünïcode` or 90 letters gave an internal error
        slug = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).lstrip("._-")[:80]
        info = CaseInfo(id=slug or "case", title=stem or "case")
    if combined:
        info = _combined_info([info, *combined])
    case = Case(info=info, files=tuple(files), folders=folders, folder=folder, given=tuple(str(p) for p in paths),
                locations=locations, **collections)

    texts = {source_text_path(case, source).resolve() for source in case.sources.values() if source.text}
    for path in dict.fromkeys(path for path in paths if path.is_dir()):
        check_folder(path, "case", read=texts, known=("hypotheses", "expectations"))  # each for its own command
    check_case(case)
    return case


def _combined_info(infos: list) -> CaseInfo:
    """Several cases merged (`vetting audit cases/a cases/b`): one case named after all of them."""
    countries = {i.country for i in infos}
    return CaseInfo(id=".".join(i.id for i in infos)[:80].rstrip("._-"), title=" + ".join(i.title for i in infos),
                    country=countries.pop() if len(countries) == 1 else None,
                    description="Cases merged: " + ", ".join(i.id for i in infos))


def split_cases(paths) -> list[list[Path]]:
    """The files and folders given, grouped into cases: when two or more of them hold a `case` block, each of those
    is a case of its own (`vetting evaluate cases/a cases/b`); else they are the files of one case, merged."""
    paths = [Path(p) for p in paths]
    if len(paths) < 2:
        return [paths]
    files = {p: case_files(p) for p in paths}
    every = [f.resolve() for p in paths for f in files[p]]
    if len(set(every)) < len(every):  # a file named twice: load_case says so
        return [paths]
    holding = [p for p in paths if any(_has_case_block(f) for f in files[p])]
    if len(holding) < 2:
        return [paths]
    alone = [p for p in paths if p not in holding]
    if alone:
        raise InputError("this file has no `case` block, and the others are several cases", file=str(alone[0]),
                         hint="put the file in its case's folder, or evaluate one case at a time")
    return [[p] for p in paths]


def read_case_file(file: Path):
    """A case file parsed: `.json` with the C parser (the line of an error found when needed), else YAML."""
    return jsonfile.load(file) if file.suffix.lower() == ".json" else safeyaml.load(file)


def _has_case_block(file: Path) -> bool:
    doc = read_case_file(file)
    return isinstance(doc.data, dict) and "case" in doc.data


def _add(collections, locations, name, entity, where: Location):
    if entity.id in locations:
        first = locations[entity.id]
        raise error_at_location(where, ("id",), f"the id `{entity.id}` is used twice",
                        hint=f"first used at {first.doc.path}:{first.doc.line(first.loc + ('id',))}")
    collections[name][entity.id] = entity
    locations[entity.id] = where


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
    if (overlay.add == CaseFile() and overlay.replace == CaseFile() and overlay.patch == Patches()
            and overlay.remove == Removals()):
        raise InputError("the hypothesis changes nothing", file=doc.path, line=doc.line(("hypothesis",)),
                         field="hypothesis", hint="say what it supposes under `add`, `replace`, `patch` or `remove`")
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
        for index, patch in enumerate(getattr(overlay.patch, name)):
            if patch.id not in collections[name]:
                raise _unknown(doc, ("patch", name, index, "id"), patch.id, name, collections[name],
                               hint="`patch` changes a field of an entity that exists")
            collections[name][patch.id] = _patched(doc, ("patch", name, index), collections[name][patch.id], patch)
            locations[patch.id] = Location(doc, ("patch", name, index))
        for index, entity in enumerate(getattr(overlay.add, name)):
            _add(collections, locations, name, entity, Location(doc, ("add", name, index)))
            removed.pop(entity.id, None)
    result = replace(case, locations=locations, removed=removed,
                     hypotheses=case.hypotheses + (hypothesis.info,),
                     files=case.files + ((doc.path, hypothesis.sha256),), **collections)

    check_case(result)
    return result


def _patched(doc, loc: tuple, entity: BaseModel, patch) -> BaseModel:
    """The entity with one field changed, validated whole: an error points at the patch, never half applied."""
    model = type(entity)
    fields = {f.alias or n: n for n, f in model.model_fields.items()}
    if patch.field not in fields or patch.field == "id":
        choices = [f for f in fields if f != "id"]
        raise InputError(f"`{patch.field}` is not a field a patch can change here", file=doc.path,
                         line=doc.line(loc + ("field",)), field=field_path(loc + ("field",)),
                         hint=did_you_mean(patch.field, choices) or f"one of: {', '.join(choices)}")
    data = entity.model_dump(by_alias=True, exclude_unset=True)
    data[patch.field] = patch.value
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        message = first["msg"].removeprefix("Value error, ")
        where = ".".join(str(p) for p in first["loc"] if not _is_internal(p))
        raise InputError(f"the patched entity is not valid: {where + ': ' if where else ''}{message[0].lower()}"
                         f"{message[1:]}", file=doc.path, line=doc.line(loc + ("value",)),
                         field=field_path(loc + ("value",))) from None


def _unknown(doc, loc, entity_id, name, known, hint=None) -> InputError:
    return InputError(f"`{entity_id}` is not a known {KIND_OF_COLLECTION[name]} of the case", file=doc.path,
                      line=doc.line(loc), field=field_path(loc), hint=hint or did_you_mean(entity_id, known))
