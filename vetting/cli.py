"""The `vetting` command: a thin layer that parses arguments and calls the library.

Exit status: 0 done (whatever the outcomes), 1 internal error, 2 bad input or usage.
"""
from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import tempfile
from pathlib import Path

from vetting.errors import InputError, _visible


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise InputError(message, hint=f"see `{self.prog} --help`")


def _given(value: str) -> str:
    """An empty argument (an unset shell variable) is an error, never "the current folder" or "today"."""
    if not value:
        raise argparse.ArgumentTypeError("an empty value is not allowed")
    return value


class _Once(argparse.Action):
    """An option given twice with two different values is an error: `--law state --law dod` is not both."""

    def __call__(self, parser, namespace, value, option_string=None):
        before = getattr(namespace, self.dest)
        if self.dest in getattr(namespace, "_given", set()) and before != value:
            raise argparse.ArgumentError(self, f"given twice, as `{before}` and `{value}`; give it once")
        namespace._given = getattr(namespace, "_given", set()) | {self.dest}
        setattr(namespace, self.dest, value)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vetting", description="Leahy-law vetting: decide, explain and compare.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("validate", help="check case files (and hypotheses) and summarise what was loaded")
    p.add_argument("case", nargs="+", type=_given, help="case files or folders, merged into one case")
    p.add_argument("--with", dest="hypotheses", action="append", default=[], metavar="HYPOTHESIS", type=_given,
                   help="a hypothesis overlay to apply, in order (repeatable)")

    p = sub.add_parser("evaluate", help="decide every unit, person and proposal of a case as of a date")
    _case_arguments(p)
    p.add_argument("--format", action=_Once, choices=("terminal", "json", "markdown", "html"), default="terminal")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output")

    p = sub.add_parser("whatif", help="compare a case with and without hypotheses: who changes status and why")
    _case_arguments(p)
    p.add_argument("--format", action=_Once, choices=("terminal", "json"), default="terminal")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output")

    p = sub.add_parser("register", help="the register of units barred or suspended on a date")
    _case_arguments(p)
    p.add_argument("--format", action=_Once, choices=("terminal", "json"), default="terminal")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output")

    p = sub.add_parser("explain", help="explain one unit, person or proposal down to statute and source")
    p.add_argument("subject", type=_given, help="the id of a unit, person or proposal")
    _case_arguments(p)
    p.add_argument("--format", action=_Once, choices=("terminal", "json"), default="terminal")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output")

    p = sub.add_parser("generate", help="write a synthetic case of any size (seeded), to test at scale")
    p.add_argument("--units", type=int, required=True, help="units in the roster (1 to 1,000,000)")
    p.add_argument("--proposals", type=int, required=True, help="proposals of assistance")
    p.add_argument("--seed", type=int, default=0, help="the same seed gives the same files")
    p.add_argument("--format", choices=("json", "yaml"), default="json", help="case files as JSON or YAML")
    p.add_argument("--output", "-o", metavar="FOLDER", required=True, type=_given, help="a new or empty folder")

    p = sub.add_parser("schema", help="print the JSON Schema of the case format (or of hypotheses)")
    p.add_argument("--hypothesis", action="store_true", help="the schema of hypothesis overlay files")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output")
    return parser


def _case_arguments(p) -> None:
    p.add_argument("case", nargs="+", type=_given, help="case files or folders, merged into one case")
    p.add_argument("--with", dest="hypotheses", action="append", default=[], metavar="HYPOTHESIS", type=_given,
                   help="a hypothesis overlay to apply, in order (repeatable)")
    p.add_argument("--as-of", dest="as_of", default=None, metavar="DATE", action=_Once, type=_given,
                   help="the date of the decision, YYYY-MM-DD (default: today)")
    p.add_argument("--law", choices=("state", "dod", "both"), default="both", action=_Once)
    p.add_argument("--rules", metavar="FOLDER", default=None, action=_Once, type=_given,
                   help="another rule set (default: rules/)")


def _decide(args):
    import datetime as dt

    from vetting.decide import evaluate
    from vetting.progress import PartsProgress

    progress = PartsProgress()  # on standard error, only on a terminal and after a couple of seconds
    try:
        return evaluate(args.case, args.as_of or dt.date.today(), args.law, args.hypotheses, args.rules,
                        progress=progress)
    finally:
        progress.close()


def main(argv=None) -> int:
    try:
        args = _parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except InputError as err:
        print(err, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1
    except Exception as err:  # an internal error: one line, not a traceback
        first = (str(err).strip().splitlines() or [""])[0]  # one line, even for an error that lists several
        print(_visible(f"internal error: {type(err).__name__}: {first}"), file=sys.stderr)
        if os.environ.get("VETTING_DEBUG"):
            raise
        return 1


def _validate(args) -> int:
    from vetting.load import apply_hypotheses, load_case

    case = apply_hypotheses(load_case(args.case), args.hypotheses)
    suffix = f" (with {', '.join(h.id for h in case.hypotheses)})" if case.hypotheses else ""
    print(f"ok: {case.summary()}{suffix}")
    return 0


def _evaluate(args) -> int:
    from vetting import report as reports

    report = _decide(args)
    if args.format in ("markdown", "html"):
        emit(reports.to_markdown(report) if args.format == "markdown" else reports.to_html(report), args.output)
        return 0
    _show(args, report, reports.to_json, reports.render_terminal)
    return 0


def _register(args) -> int:
    from vetting import report as reports

    _show(args, reports.register(_decide(args)), lambda d: d, reports.render_register)
    return 0


def _explain(args) -> int:
    from vetting import explain

    data = explain.explain(_decide(args), args.subject)
    _show(args, data, lambda d: d, explain.render_terminal)
    return 0


def _whatif(args) -> int:
    import datetime as dt

    from vetting import whatif

    if not args.hypotheses:
        raise InputError("`whatif` needs at least one hypothesis", hint="add `--with HYPOTHESIS.yaml`")
    result = whatif.whatif(args.case, args.hypotheses, args.as_of or dt.date.today(), args.law, args.rules)
    _show(args, result, whatif.to_json, whatif.render_terminal)
    return 0


def _show(args, result, as_json, render) -> None:
    """Print or write the result whole, as JSON or as the terminal report."""
    import io

    from rich.console import Console

    from vetting.report import dumps

    if args.format == "json":
        emit(dumps(as_json(result)), args.output)
    # highlight=False: rich's highlighter adds nothing to a report, and its regexes take minutes on a long name
    elif not args.output:
        render(result, Console(highlight=False))
    else:
        buffer = io.StringIO()
        render(result, Console(file=buffer, width=120, no_color=True, highlight=False))
        emit(buffer.getvalue(), args.output)


def _generate(args) -> int:
    from vetting.generate import AS_OF, write

    files = write(args.output, args.units, args.proposals, args.seed, args.format)
    print(f"wrote {len(files)} files to {args.output}: evaluate it with `vetting evaluate {args.output} "
          f"--as-of {AS_OF.isoformat()}`")
    return 0


def _schema(args) -> int:
    from vetting.casefile import CaseFile, HypothesisFile

    model = HypothesisFile if args.hypothesis else CaseFile
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    emit(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", args.output)
    return 0


def emit(text: str, output: str | None) -> None:
    """Print, or write a file whole (a temporary file renamed into place): never a half-written file."""
    if not output:
        sys.stdout.write(text)
        return
    target = Path(output)
    if target.is_dir():
        raise InputError("cannot write there: it is a folder", file=output, hint="name a file")
    try:
        if target.exists() and not target.is_file():
            # a device or a pipe (`/dev/stdout`): write into it; a file renamed over it would replace the node itself
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(text)
            return
        if target.is_symlink():
            target = target.resolve()  # write the file the link names, and keep the link
        if target.exists():
            mode = stat.S_IMODE(target.stat().st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # as any new file: mkstemp's 0600 would hide a shared report from its readers
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    except OSError as err:
        raise InputError(f"cannot write there: {(err.strerror or str(err)).lower()}", file=output) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise InputError(f"cannot write there: {(err.strerror or str(err)).lower()}", file=output) from None
        raise


COMMANDS = {"validate": _validate, "evaluate": _evaluate, "register": _register, "explain": _explain,
            "whatif": _whatif,
            "schema": _schema, "generate": _generate}
