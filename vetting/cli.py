"""The `vetting` command: a thin layer that parses arguments and calls the library.

Exit status: 0 done (whatever the outcomes), 1 internal error, 2 bad input or usage, 3 a check failed: `verify`
did not reproduce a report, `--fail-on` found a decision it names, or `vetting test` an expectation not met;
130 interrupted (Ctrl-C), 143 terminated (SIGTERM), 141 when the reader of standard output went away (`| head`),
quietly.
"""
from __future__ import annotations

import argparse
import functools
import os
import signal
import stat
import sys
import tempfile
import threading
from pathlib import Path

from vetting.errors import InputError, _visible, escape_hidden


FAILED = 3  # exit status: a check the user asked for failed (see the module's docstring)

EXAMPLES = """examples:
  vetting evaluate cases/mexico-2015 --as-of 2015-05-08
  vetting explain mx-bn-102 cases/mexico-2015 --as-of 2015-01-31 --law state
  vetting whatif cases/mexico-2015 --with cases/mexico-2015/hypotheses/zone-commander-implicated.yaml
  vetting brief cases/mexico-2015 --as-of 2015-05-08 -o briefing.html
  vetting test cases/mexico-2015/expectations/analyst-checks.yaml
  cat case.yaml | vetting evaluate - --format json

exit status: 0 done (whatever the decisions), 1 internal error, 2 bad input or usage,
  3 a check failed (`verify`: not the same; `--fail-on`; an expectation of `vetting test` not met),
  130 interrupted, 141 standard output closed by its reader (| head), 143 terminated"""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

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
    from vetting import __version__

    parser = _Parser(prog="vetting", description="Leahy-law vetting: decide, explain and compare.", epilog=EXAMPLES)
    parser.add_argument("--version", action="version", version=f"vetting {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("validate", help="check case files (and hypotheses) and summarise what was loaded")
    p.add_argument("case", nargs="+", type=_given, help="case files or folders (`-`: standard input); "
                   "two or more that each hold a `case` block are separate cases")
    p.add_argument("--with", dest="hypotheses", action="append", default=[], metavar="HYPOTHESIS", type=_given,
                   help="a hypothesis overlay to apply, in order (repeatable)")

    p = sub.add_parser("evaluate", help="decide every unit, person and proposal of a case as of a date",
                       epilog="examples:\n  vetting evaluate cases/mexico-2015 --as-of 2015-05-08 --law state\n"
                              "  vetting evaluate cases/mexico-2015 --format csv -o decisions.csv\n"
                              "  vetting evaluate cases/a cases/b --fail-on barred   # two cases, exit 3 if any bar")
    _case_arguments(p)
    _fail_on_argument(p)
    _output_arguments(p)

    p = sub.add_parser("whatif", help="compare a case with and without hypotheses: who changes status and why",
                       epilog="example:\n  vetting whatif cases/mexico-2015 --as-of 2015-05-08 "
                              "--with cases/mexico-2015/hypotheses/zone-commander-implicated.yaml")
    _case_arguments(p)
    _output_arguments(p)

    p = sub.add_parser("register", help="the register of units barred or suspended on a date",
                       epilog="example:\n  vetting register cases/mexico-2015 --as-of 2015-05-08 --format csv")
    _case_arguments(p)
    _fail_on_argument(p)
    _output_arguments(p)

    p = sub.add_parser("explain", help="explain one unit, person or proposal down to statute and source",
                       epilog="example (the id first, then the case):\n"
                              "  vetting explain mx-bn-102 cases/mexico-2015 --as-of 2015-01-31 --format html")
    p.add_argument("subject", type=_given, help="the id of a unit, person or proposal")
    _case_arguments(p)
    _output_arguments(p)

    p = sub.add_parser("timeline", help="when one unit, person or proposal changed status, and what moved it",
                       epilog="example:\n  vetting timeline mx-iguala-police cases/mexico-2015 --as-of 2015-05-08")
    p.add_argument("subject", type=_given, help="the id of a unit, person or proposal")
    _case_arguments(p)
    _output_arguments(p)

    p = sub.add_parser("diff", help="who changes status between two dates, or between hypotheses A and A+B",
                       epilog="examples:\n  vetting diff cases/mexico-2015 --as-of 2015-01-31 --to-as-of 2015-05-08\n"
                              "  vetting diff cases/mexico-2015 --as-of 2015-05-08 --with A.yaml --plus B.yaml")
    _case_arguments(p)
    p.add_argument("--to-as-of", dest="to_as_of", default=None, metavar="DATE", action=_Once, type=_given,
                   help="the second date (default: the --as-of date)")
    p.add_argument("--plus", dest="plus", action="append", default=[], metavar="HYPOTHESIS", type=_given,
                   help="a hypothesis applied on the second side only, after the --with ones (repeatable)")
    p.add_argument("--to-reading", dest="to_readings", action="append", default=[], metavar="NAME", type=_given,
                   help="a reading of the law applied on the second side only, after the --reading ones "
                        "(repeatable): how much the answer depends on the reading")
    _output_arguments(p)

    p = sub.add_parser("brief", help="the briefing to share: summary, command tree, timelines, findings, tasks",
                       epilog="example:\n  vetting brief cases/mexico-2015 --as-of 2015-05-08 -o briefing.html")
    _case_arguments(p)
    p.add_argument("--format", action=_Once, choices=("html", "markdown"), default="html",
                   help="html (default): one self-contained page, printable, the command tree drawn inline; "
                        "markdown: the same in text, the tree as a list")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output (whole, or not at all)")

    p = sub.add_parser("test", help="check a case against the expectations an analyst wrote (YAML)",
                       epilog="example:\n  vetting test cases/mexico-2015/expectations/analyst-checks.yaml\n\n"
                              "exit status 3 when an expectation is not met; the file's format is in "
                              "docs/case-format.md")
    p.add_argument("expectations", type=_given, help="a YAML file of expectations (a case, and checks on dates)")
    _rules_arguments(p)
    p.add_argument("--format", action=_Once, choices=("terminal", "json"), default="terminal")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output (whole, or not at all)")

    p = sub.add_parser("verify", help="re-run a JSON report from the inputs it records: the same decisions?",
                       description="Re-run a `vetting evaluate --format json` report from the case, hypotheses and "
                                   "rule files it records (by sha256) and compare every decision. Exit status: 0 the "
                                   "same inputs and decisions, 3 not the same (a file changed, missing or new, or a "
                                   "decision differs), 2 bad input or usage, 1 internal error.")
    p.add_argument("report", type=_given, help="a JSON report (`vetting-report/2`)")
    p.add_argument("--case", action="append", default=None, type=_given, metavar="CASE",
                   help="a case file or folder, instead of those the report records (repeatable)")
    p.add_argument("--with", dest="hypotheses", action="append", default=None, metavar="HYPOTHESIS", type=_given,
                   help="the hypotheses, instead of those the report records (repeatable)")
    p.add_argument("--rules", metavar="FOLDER", default=None, action=_Once, type=_given,
                   help="the rule-set folder, instead of the one the report records")
    p.add_argument("--format", action=_Once, choices=("terminal", "json"), default="terminal")

    p = sub.add_parser("audit", help="assistance records whose recipient was barred or suspended, with totals")
    p.add_argument("case", nargs="+", type=_given, help="case files or folders, merged into one case")
    p.add_argument("--as-of-each-record", dest="each_record", action="store_true",
                   help="judge each record as of its own date (default: all as of --as-of)")
    p.add_argument("--as-of", dest="as_of", default=None, metavar="DATE", action=_Once, type=_given,
                   help="the date of the decision, YYYY-MM-DD (default: today)")
    p.add_argument("--law", choices=("state", "dod", "both"), default="both", action=_Once)
    _rules_arguments(p)
    p.add_argument("--format", action=_Once, choices=("terminal", "json", "csv", "markdown"), default="terminal")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output")

    from vetting.importers.commands import add_parsers as add_import_parsers

    add_import_parsers(sub, _given)

    p = sub.add_parser("generate", help="write a synthetic case of any size (seeded), to test at scale")
    p.add_argument("--units", type=int, required=True, help="units in the roster (1 to 1,000,000)")
    p.add_argument("--proposals", type=int, required=True, help="proposals of assistance")
    p.add_argument("--seed", type=int, default=0, help="the same seed gives the same files")
    p.add_argument("--countries", type=int, default=None,
                   help="countries the roster is split into, each with its own forces (default: one per 2,500 units)")
    p.add_argument("--format", choices=("json", "yaml"), default="json", help="case files as JSON or YAML")
    p.add_argument("--output", "-o", metavar="FOLDER", required=True, type=_given, help="a new or empty folder")

    p = sub.add_parser("schema", help="print the JSON Schema of the case format (or of hypotheses)")
    p.add_argument("--hypothesis", action="store_true", help="the schema of hypothesis overlay files")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output")
    return parser


FORMATS = ("terminal", "json", "markdown", "html", "csv")


def _fail_on_argument(p) -> None:
    p.add_argument("--fail-on", dest="fail_on", choices=("barred", "suspended"), default=None, action=_Once,
                   help="exit with status 3 (after the report) when a unit or person is ineligible or a proposal "
                        "rejected (barred), or also suspended or held for unidentified recipients (suspended): for CI")


def _output_arguments(p) -> None:
    p.add_argument("--format", action=_Once, choices=FORMATS, default="terminal",
                   help="terminal (default): tables for reading here; json: the versioned contract for other tools; "
                        "markdown or html: a shareable report that says why in words, with statute links; "
                        "csv: one table for spreadsheets")
    p.add_argument("--output", "-o", metavar="FILE", action=_Once, type=_given,
                   help="write to FILE instead of standard output (whole, or not at all)")


def _case_arguments(p) -> None:
    p.add_argument("case", nargs="+", type=_given,
                   help="case files or folders; `-` reads one case file from standard input. Files of one case "
                        "merge; two or more that each hold a `case` block are separate cases")
    p.add_argument("--with", dest="hypotheses", action="append", default=[], metavar="HYPOTHESIS", type=_given,
                   help="a hypothesis overlay to apply, in order (repeatable)")
    p.add_argument("--as-of", dest="as_of", default=None, metavar="DATE", action=_Once, type=_given,
                   help="the date of the decision, YYYY-MM-DD (default: today)")
    p.add_argument("--law", choices=("state", "dod", "both"), default="both", action=_Once,
                   help="state: 22 U.S.C. 2378d (State Department assistance); dod: 10 U.S.C. 362 (Defense "
                        "Department); both (default): each decision under each law")
    _rules_arguments(p)


def _rules_arguments(p) -> None:
    p.add_argument("--rules", metavar="FOLDER", default=None, action=_Once, type=_given,
                   help="another rule set (default: rules/)")
    p.add_argument("--reading", dest="readings", action="append", default=[], metavar="NAME", type=_given,
                   help="read the law as the rule set's reading NAME does (its `readings/NAME.yaml`, or a "
                        "reading file), in order (repeatable); the report records it")


def _cases(args) -> list:
    """The cases named, hypotheses applied: files of one case merge, and each file or folder with a `case` block
    of its own is a separate case when there are several; `-` is a case file read from standard input."""
    from vetting.case.load import apply_hypotheses, load_case, split_cases

    with _StdinAsFile(args.case) as paths:
        return [apply_hypotheses(load_case(group), args.hypotheses) for group in split_cases(paths)]


def _one_case(args):
    cases = _cases(args)
    if len(cases) > 1:
        raise InputError(f"`{args.command}` takes one case, and {len(cases)} are given",
                         hint="run it once per case; `evaluate`, `register` and `validate` take several")
    return cases[0]


class _StdinAsFile:
    """`-` among the case paths: standard input saved to a temporary file for the loader, and named `<stdin>` in
    any error."""

    NAME = "<stdin>"

    def __init__(self, paths):
        self.paths, self.folder = list(paths), None

    def __enter__(self) -> list:
        if "-" not in self.paths:
            return self.paths
        if self.paths.count("-") > 1:
            raise InputError("standard input (`-`) is given twice", hint="give `-` once")
        data = sys.stdin.buffer.read()
        if not data.strip():
            raise InputError("standard input is empty", file=self.NAME, hint="pipe a case file into it, e.g. "
                                                                               "`cat case.yaml | vetting evaluate -`")
        self.folder = tempfile.TemporaryDirectory(prefix="vetting-stdin-")
        self.file = Path(self.folder.name) / "stdin.yaml"
        self.file.write_bytes(data)
        return [str(self.file) if p == "-" else p for p in self.paths]

    def __exit__(self, kind, err, trace) -> None:
        if self.folder is None:
            return
        self.folder.cleanup()
        if isinstance(err, InputError):
            for key in ("file", "message", "hint"):
                if getattr(err, key):
                    setattr(err, key, getattr(err, key).replace(str(self.file), self.NAME))


def _decide(args):
    """The decisions on the one case named (bad input when several are)."""
    import datetime as dt

    from vetting.decide import evaluate
    from vetting.progress import PartsProgress

    progress = PartsProgress()  # on standard error, only on a terminal and after a couple of seconds
    try:
        return evaluate(_one_case(args), args.as_of or dt.date.today(), args.law, (), args.rules, progress=progress)
    finally:
        progress.close()


def _decide_all(args) -> list:
    """The decisions on every case named, one rule set for all."""
    import datetime as dt

    from vetting.decide import evaluate
    from vetting.progress import PartsProgress

    reports, rules = [], args.rules
    for case in _cases(args):
        progress = PartsProgress()
        try:
            reports.append(evaluate(case, args.as_of or dt.date.today(), args.law, (), rules, progress=progress))
        finally:
            progress.close()
        rules = reports[-1].rules  # one rule set for every case
    return reports


def _verdict(args, reports) -> int:
    """0, or FAILED when `--fail-on` finds a decision it names (said on standard error, after the report)."""
    if not args.fail_on:
        return 0
    statuses = {"ineligible"} if args.fail_on == "barred" else {"ineligible", "suspended"}
    # `suspended` also fails on a proposal held for unidentified recipients: it was `suspended` before the two
    # were told apart, and a CI check must not start passing what it stopped
    outcomes = {"rejected"} if args.fail_on == "barred" else {"rejected", "suspended", "held"}
    found = [f"{r.case.info.id}: {sid}" for r in reports
             for sid, subject in (*r.units.items(), *r.people.items()) if statuses & set(subject.status.values())]
    found += [f"{r.case.info.id}: {pid}" for r in reports for pid, p in r.proposals.items() if p.outcome in outcomes]
    if not found:
        return 0
    shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
    print(_visible(f"failed: `--fail-on {args.fail_on}`: {shown}"), file=sys.stderr)
    return FAILED


def _subject_first(args) -> None:
    """`explain cases/mexico-2015 mx-bn-102`: the id and the case swapped is told so, with the right order."""
    if Path(args.subject).exists() and not Path(args.case[0]).exists():
        raise InputError(f"`{args.subject}` is a file or folder, not the id of a unit, person or proposal",
                         field="SUBJECT", hint=f"the id comes first: `vetting {args.command} {args.case[0]} "
                                               f"{' '.join([args.subject, *args.case[1:]])}`")


# The exit status when the reader of standard output goes away (`vetting evaluate ... | head`): 128 + SIGPIPE, what a
# shell reports for a command that a closed pipe stops, quietly; the report was not all delivered.
EXIT_BROKEN_PIPE = 141
STOPPED = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


class _Stopped:
    """Ctrl-C or SIGTERM, remembered as it arrives: the KeyboardInterrupt it raises may come back wrapped in
    durable_rules' text of an action error (it catches everything an action raises), and the signal decides."""

    def __init__(self):
        self.signal = None
        self.previous = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():  # signals reach the main thread only
            for signum in STOPPED:
                self.previous[signum] = signal.signal(signum, self.stop)
        return self

    def stop(self, signum, frame):
        self.signal = signum
        raise KeyboardInterrupt

    def __exit__(self, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


def main(argv=None) -> int:
    with _Stopped() as stopped:
        try:
            args = _parser().parse_args(argv)
            if getattr(args, "output", None) and getattr(args, "case", None):  # before any work, so any write
                from vetting.outputs import refuse_overwriting_inputs

                refuse_overwriting_inputs(args.output, args.case, getattr(args, "hypotheses", ()),
                                          getattr(args, "rules", None))
            if getattr(args, "readings", None):  # one rule set, read so, for every evaluation of the command
                from vetting.law.ruleset import load_ruleset

                args.rules = load_ruleset(args.rules, args.readings)
            from vetting import collector

            # loading, deciding and writing each pause the collector; paused from the first to the last, it
            # does not scan the case's millions of objects in between (0.75 s a scan at 10,000 units)
            with collector.paused():
                status = COMMANDS[args.command](args)
            if sys.stdout is not None:
                sys.stdout.flush()  # here, not at exit: a closed pipe is then seen below
            return status
        except BaseException as err:  # noqa: B036 - every way out gets its status and one line, never a traceback
            return _failed(err, stopped.signal)


def _failed(err: BaseException, stopped) -> int:
    if stopped is not None:
        print(f"error: {STOPPED[stopped]}", file=sys.stderr)
        return 128 + stopped
    if isinstance(err, KeyboardInterrupt):  # Ctrl-C with our handler not installed (another thread)
        print("error: interrupted", file=sys.stderr)
        return 128 + signal.SIGINT
    if isinstance(err, SystemExit):  # argparse's --help
        raise err
    if isinstance(err, BrokenPipeError) or isinstance(err.__cause__, BrokenPipeError):
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    if isinstance(err, InputError):
        print(err, file=sys.stderr)
        return 2
    if not isinstance(err, Exception):
        raise err
    first = (str(err).strip().splitlines() or [""])[0]  # one line, even for an error that lists several
    print(_visible(f"internal error: {type(err).__name__}: {first}"), file=sys.stderr)
    if os.environ.get("VETTING_DEBUG"):
        raise err
    return 1


def _quiet_stdout() -> None:
    """Point standard output at /dev/null: the interpreter's last flush would meet the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _stdout():
    """Standard output, or bad usage when it is closed (`vetting evaluate ... >&-`): the report cannot go anywhere."""
    if sys.stdout is None or sys.stdout.closed:
        raise InputError("standard output is closed: there is nowhere to write the report",
                         hint="write to a file with `-o FILE`")
    return sys.stdout


def _validate(args) -> int:
    for case in _cases(args):
        suffix = f" (with {', '.join(h.id for h in case.hypotheses)})" if case.hypotheses else ""
        print(f"ok: {case.summary()}{suffix}")
    return 0


def _evaluate(args) -> int:
    from vetting import report as reports
    from vetting.reports import tables

    decided = _decide_all(args)
    _show_all(args, decided, reports.to_json, reports.render_terminal, tables.evaluation)
    return _verdict(args, decided)


def _register(args) -> int:
    from vetting import report as reports
    from vetting.reports import tables

    decided = _decide_all(args)
    _show_all(args, [(r, reports.register(r)) for r in decided], lambda pair: pair[1],
          lambda pair, console: reports.render_register(pair[1], console), lambda pair: tables.register(*pair))
    return _verdict(args, decided)


def _explain(args) -> int:
    from vetting import explain
    from vetting.reports import tables

    _subject_first(args)
    data = explain.explain(_decide(args), args.subject)
    _show(args, data, lambda d: d, explain.render_terminal, tables.explanation)
    return 0


def _whatif(args) -> int:
    import datetime as dt

    from vetting import whatif
    from vetting.reports import tables

    if not args.hypotheses:
        raise InputError("`whatif` needs at least one hypothesis", hint="add `--with HYPOTHESIS.yaml`")
    hypotheses, args.hypotheses = args.hypotheses, []  # the baseline is the case without them
    result = whatif.whatif(_one_case(args), hypotheses, args.as_of or dt.date.today(), args.law, args.rules)
    _show(args, result, whatif.to_json, whatif.render_terminal, tables.whatif)
    return 0


def _timeline(args) -> int:
    import datetime as dt

    from vetting.reports import timeline

    _subject_first(args)
    result = timeline.timeline(_one_case(args), args.as_of or dt.date.today(), args.law, args.rules)
    timeline.line_of(result, args.subject)  # an unknown id is bad input, before anything is printed
    _show(args, result, lambda r: timeline.to_json(r, args.subject),
          lambda r, console: timeline.render_terminal(r, args.subject, console),
          lambda r: timeline.document(r, args.subject))
    return 0


def _diff(args) -> int:
    import datetime as dt

    from vetting.reports import diff

    hypotheses, args.hypotheses = args.hypotheses, []
    to_rules = None
    if args.to_readings:
        from vetting.law.ruleset import load_ruleset

        folder = args.rules.folder if hasattr(args.rules, "folder") else args.rules
        to_rules = load_ruleset(folder, args.readings + args.to_readings)
    result = diff.diff(_one_case(args), args.as_of or dt.date.today(), args.to_as_of, hypotheses, args.plus,
                       args.law, args.rules, to_rules)
    _show(args, result, diff.to_json, diff.render_terminal, diff.document)
    return 0


def _brief(args) -> int:
    import datetime as dt

    from vetting.reports import briefing

    result = briefing.brief(_one_case(args), args.as_of or dt.date.today(), args.law, args.rules)
    emit(briefing.to_html(result) if args.format == "html" else briefing.to_markdown(result), args.output)
    return 0


def _test(args) -> int:
    from vetting import expectations

    results = expectations.run(args.expectations, args.rules)
    _show(args, results, lambda r: expectations.to_json(args.expectations, r),
          lambda r, console: expectations.render_terminal(args.expectations, r, console), None)
    return FAILED if any(not r.ok for r in results) else 0


def _show(args, result, as_json, render, document=None) -> None:
    """Print or write one result whole, in the format asked: JSON, terminal, or a document (Markdown, HTML, CSV)
    that `document(result)` describes."""
    _show_all(args, [result], as_json, render, document)


def _show_all(args, results: list, as_json, render, document=None) -> None:
    """Print or write the results whole (one per case); JSON wraps several as `vetting-reports/1`."""
    import io

    from vetting.report import dumps

    if args.format == "json":
        data = [as_json(r) for r in results]
        emit(dumps(data[0] if len(data) == 1 else {"format": "vetting-reports/1", "reports": data}), args.output)
    elif args.format in ("markdown", "html", "csv"):
        from vetting.reports import csv_export, html, markdown

        renderer = {"markdown": markdown, "html": html, "csv": csv_export}[args.format]
        emit(renderer.render_many([document(r) for r in results]), args.output)
    # highlight=False: rich's highlighter adds nothing to a report, and its regexes take minutes on a long name
    elif not args.output:
        console = _console_class()(file=_stdout(), highlight=False)
        for index, result in enumerate(results):
            if index:
                console.print()
            render(result, console)
    else:
        buffer = io.StringIO()
        console = _console_class()(file=buffer, width=120, no_color=True, highlight=False)
        for index, result in enumerate(results):
            if index:
                console.print()
            render(result, console)
        emit(buffer.getvalue(), args.output)


@functools.cache
def _console_class():
    from rich.console import Console

    class SafeConsole(Console):
        """A rich Console that writes hidden characters out (`\\u202e`) and lets a closed pipe reach `main`
        (rich's own answer is to exit with status 1)."""

        def render_str(self, text, *args, **kwargs):
            return super().render_str(escape_hidden(text), *args, **kwargs)

        def on_broken_pipe(self):
            self.quiet = True
            raise BrokenPipeError

    return SafeConsole


def _verify(args) -> int:
    from vetting import verify

    from vetting.report import dumps

    result = verify.verify(args.report, args.case, args.hypotheses, args.rules)
    emit(dumps(verify.to_json(result)) if args.format == "json" else _visible(verify.render(result)), None)
    return 0 if result.same else verify.EXIT_DIFFERS


def _generate(args) -> int:
    from vetting.generate import AS_OF, write

    files = write(args.output, args.units, args.proposals, args.seed, args.format, args.countries)
    print(f"wrote {len(files)} files to {args.output}: evaluate it with `vetting evaluate {args.output} "
          f"--as-of {AS_OF.isoformat()}`")
    return 0


def _schema(args) -> int:
    from vetting import jsontext
    from vetting.case.schema import CaseFile, HypothesisFile

    model = HypothesisFile if args.hypothesis else CaseFile
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    emit(jsontext.dumps(schema, indent=2) + "\n", args.output)
    return 0


def emit(text: str, output: str | None) -> None:
    """Print, or write a file whole (a temporary file renamed into place): never a half-written file."""
    text = escape_hidden(text)  # every format: a bidirectional override in a name must not reorder a report
    if not output:
        _stdout().write(text)
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
            try:
                target = target.resolve(strict=True)  # write the file the link names, and keep the link
            except FileNotFoundError:
                target = target.resolve()  # a link to a file yet to be written
            except RuntimeError:  # Python 3.11's answer to a loop of links (3.12 raises OSError, caught below)
                raise InputError("cannot write there: the link leads round in a loop", file=output,
                                 hint="name a file, or a link to one") from None
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


def _audit(args) -> int:
    import datetime as dt

    from vetting import audit
    from vetting.decide import _as_of

    if args.each_record and args.as_of:
        raise InputError("give `--as-of` or `--as-of-each-record`, not both")
    as_of = None if args.each_record else _as_of(args.as_of or dt.date.today())
    data = audit.audit(args.case, as_of, args.each_record, args.law, args.rules)
    if args.format in ("csv", "markdown"):
        emit(audit.to_csv(data) if args.format == "csv" else audit.to_markdown(data), args.output)
        return 0
    _show(args, data, lambda d: d, audit.render_terminal)
    return 0


def _import(args) -> int:
    from vetting.importers.commands import run

    return run(args)


COMMANDS = {"validate": _validate, "evaluate": _evaluate, "register": _register, "explain": _explain,
            "whatif": _whatif, "verify": _verify, "import": _import, "audit": _audit,
            "timeline": _timeline, "diff": _diff, "brief": _brief, "test": _test,
            "schema": _schema, "generate": _generate}
