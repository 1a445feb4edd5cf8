"""The `vetting import` subcommands: read, import, print the counts, write the output folder whole."""
from __future__ import annotations

import sys

from vetting.errors import InputError


def add_parsers(sub, given) -> None:
    """`vetting import fmtrpt|sfm ...` under the main parser's subcommands."""
    p = sub.add_parser("import", help="import real data (SFM rosters, the training report) to case files")
    kinds = p.add_subparsers(dest="importer", required=True, parser_class=type(p))
    f = kinds.add_parser("fmtrpt", help="Foreign Military Training report rows to proposals")
    f.add_argument("file", type=given, help="a training-report file (TSV or CSV, SFM fmtrpt_data columns)")
    f.add_argument("-o", "--output", required=True, type=given, metavar="DIR", help="the folder to write")
    f.add_argument("--roster", action="append", default=[], type=given, metavar="CASE",
                   help="a case whose units trainee units are matched to (repeatable)")
    f.add_argument("--aliases", default=None, type=given, metavar="FILE",
                   help="more names for roster units, each with its rationale (YAML; see docs/importers.md)")
    f.add_argument("--skip-bad", action="store_true", help="skip bad rows, list them at the end")
    s = kinds.add_parser("sfm", help="Security Force Monitor download files to a case")
    s.add_argument("files", nargs="+", type=given, help="SFM download files (TSV or CSV), any names")
    s.add_argument("-o", "--output", required=True, type=given, metavar="DIR", help="the folder to write")
    s.add_argument("--case-id", default=None, type=given, help="the id of the case written (default: the folder's name)")
    s.add_argument("--skip-bad", action="store_true", help="skip bad rows, list them at the end")


def run(args) -> int:
    from vetting.importers.common import write_folder

    if args.importer == "fmtrpt":
        from vetting.importers import fmtrpt

        result = fmtrpt.import_rows(args.file, _roster(args.roster, args.aliases), args.skip_bad)
        summary = fmtrpt.summary(result.counts)
    else:
        from vetting.importers import sfm

        result = sfm.import_files(args.files, args.case_id or _folder_id(args.output), args.skip_bad)
        summary = sfm.summary(result.counts)
    write_folder(args.output, result.files)
    for err in result.counts.skipped:
        print(f"skipped {str(err).splitlines()[0].removeprefix('error: ')}", file=sys.stderr)
    for note in getattr(result, "notes", ()):
        print(f"note: {note}", file=sys.stderr)
    print(f"{summary}; written to {args.output}")
    return 0


def _roster(paths, aliases_file=None):
    from vetting.importers.match import Matcher
    from vetting.case.load import load_case

    names: dict = {}
    for path in paths:
        case = load_case(path)
        for uid, unit in case.units.items():
            names[uid] = [unit.name, *unit.aliases]
    if aliases_file:
        for uid, extra in _aliases(aliases_file, names).items():
            names[uid] = names[uid] + extra
    return Matcher(sorted(names.items()))


def _aliases(path, known: dict) -> dict:
    """`aliases: [{unit: ID, names: [...], rationale: "..."}]`: names a report uses for a roster unit."""
    from pathlib import Path

    from vetting import safeyaml
    from vetting.errors import did_you_mean

    doc = safeyaml.load(Path(path))
    entries = (doc.data or {}).get("aliases") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        raise InputError("expected `aliases:`, a list of `{unit, names, rationale}`", file=path, line=1)
    out: dict = {}
    for index, entry in enumerate(entries):
        loc = ("aliases", index)
        if not isinstance(entry, dict) or set(entry) != {"unit", "names", "rationale"}:
            raise InputError("each alias entry has exactly `unit`, `names` and `rationale`", file=path,
                             line=doc.line(loc), field=f"aliases[{index}]")
        if entry["unit"] not in known:
            raise InputError(f"`{entry['unit']}` is not a unit of the roster cases", file=path,
                             line=doc.line(loc + ("unit",)), field=f"aliases[{index}].unit",
                             hint=did_you_mean(str(entry["unit"]), known))
        names = entry["names"]
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise InputError("expected a list of names", file=path, line=doc.line(loc + ("names",)),
                             field=f"aliases[{index}].names")
        if not isinstance(entry["rationale"], str) or len(entry["rationale"].strip()) < 3:
            raise InputError("say why these names mean this unit", file=path,
                             line=doc.line(loc + ("rationale",)), field=f"aliases[{index}].rationale")
        out.setdefault(entry["unit"], []).extend(names)
    return out


def _folder_id(output: str) -> str:
    from pathlib import Path

    from vetting.importers.common import slug

    name = Path(output).resolve().name
    if not name:
        raise InputError("name the case with `--case-id`", field="--case-id")
    return slug(name, 80)
