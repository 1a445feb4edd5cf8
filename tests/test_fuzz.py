"""Fuzzing the command with mutants of the shipped case: every input is read or refused, never a crash.

2,000 mutants of `cases/mexico-2015` and its hypotheses, generated from a fixed seed (the same every run): one
file of the case (or one hypothesis) changed in one or two ways — keys and list items deleted, duplicated,
swapped or misspelt; scalars given another type or value (dates moved, impossible or far off, ids left
dangling, huge numbers, empty or blank text, unicode, control and bidirectional characters); mappings turned
into lists and back; the text truncated, lines dropped, doubled or shifted. Each runs through the command's
entry point, `vetting.cli.main([...])`, in-process (validate, evaluate in every format, register, explain,
whatif), and must end with exit status 0 or 2: an input error is one `error:` line (and a hint), never exit 1
(an internal error) and never a traceback.

Speed: the command parses YAML in pure Python, most of the cost of a run. The files a mutant leaves unchanged
are parsed once (`vetting.safeyaml.load` remembers a parse by path and bytes, in this test only), and the test
checks at the end that no run changed a cached document; the mutated file is parsed afresh every time. The
mutants are shared between two processes, one per core. docs/reliability.md gives the time it takes.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
import hashlib
import io
import multiprocessing
import random
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from vetting import safeyaml
from vetting.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "cases" / "mexico-2015"
COUNT = 2000
SEED = 20151

STRANGE_TEXT = ["", " ", "\t", "ü", "Apatzingán — “quoted”", "\u202eevil", "\u200b", "x" * 5000, "🙂", "a\nb",
                "null", "~", "yes", "no", "0x1F", "1e400", "-", "[", "{a: 1}", "*alias", "&anchor x", "!!str x"]
STRANGE_NUMBERS = [0, -1, 1, 2**31, 2**63, 10**30, -(10**30), 1.5, float("inf"), float("nan"), True, False]
STRANGE_DATES = ["2015-02-30", "2015-13-01", "0001-01-01", "9999-12-31", "9999-12-30", "2015-5-8", "15-05-08",
                 "2015-05-08T00:00:00", "2015/05/08", "٢٠١٥-٠٥-٠٨", "1969-12-31", "2015-05-08 "]
JUNK = ["\t", "\x00", "\ufeff", "\u202e", ": ", "- ", "{", "}", "[", "]", "&a ", "*a ", "!!python/object:os.system ",
        "'", '"', "%YAML 1.1\n", "---\n", "...\n", "#", "? ", "|", ">", "\x7f", "\r"]


# ---------------------------------------------------------------- the mutants


def _paths(node, path=()):
    """Every path into a YAML document (mappings and lists), the root included."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, path + (index,))


def _at(node, path):
    for key in path:
        node = node[key]
    return node


def _ids(data) -> list[str]:
    return sorted({str(v) for p in _paths(data) if p and p[-1] == "id" for v in [_at(data, p)]})


class Fuzzer:
    """Mutants of a case folder's YAML files (one file changed per mutant); mutant n comes from its own random
    generator seeded with (SEED, n), so each can be made alone and the mutants can be shared out."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.rng = random.Random(SEED)  # replaced for each mutant (see `mutant`)
        self.files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml"))
        self.text = {f: (folder / f).read_text(encoding="utf-8") for f in self.files}
        self.data = {f: yaml.load(self.text[f], Loader=yaml.CSafeLoader) for f in self.files}
        self.ids = sorted({i for f in self.files for i in _ids(self.data[f])})
        self.hypotheses = [f for f in self.files if f.startswith("hypotheses/")]

    def mutant(self) -> tuple[str, str, str]:
        """(file, new text, what was done)."""
        rng = self.rng
        name = rng.choice(self.files)
        if rng.random() < 0.2:
            text, done = self.text_mutation(self.text[name])
            return name, text, done
        data = copy.deepcopy(self.data[name])
        done = []
        for _ in range(rng.choice((1, 1, 1, 2))):
            data, what = self.data_mutation(data)
            done.append(what)
        text = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True,
                         width=rng.choice((80, 10000)), default_flow_style=rng.choice((False, None)))
        return name, text, "; ".join(done)

    def text_mutation(self, text: str) -> tuple[str, str]:
        rng = self.rng
        lines = text.splitlines(keepends=True)
        i = rng.randrange(len(lines))
        kind = rng.randrange(7)
        if kind == 0:
            cut = rng.randrange(len(text) + 1)
            return text[:cut], f"truncated at character {cut}"
        if kind == 1:
            return "".join(lines[:i] + lines[i + 1:]), f"line {i + 1} deleted"
        if kind == 2:
            return "".join(lines[:i + 1] + lines[i:]), f"line {i + 1} doubled"
        if kind == 3:
            return "".join(lines[:i] + [" " * rng.choice((1, 2, 4)) + lines[i]] + lines[i + 1:]), f"line {i + 1} shifted"
        if kind == 4:
            j = min(i + 1, len(lines) - 1)
            lines[i], lines[j] = lines[j], lines[i]
            return "".join(lines), f"lines {i + 1} and {j + 1} swapped"
        if kind == 5:
            at = rng.randrange(len(text) + 1)
            junk = rng.choice(JUNK)
            return text[:at] + junk + text[at:], f"{junk!r} inserted at character {at}"
        return rng.choice(["", "# nothing\n", "[]\n", "null\n", "42\n", "- a\n- b\n"]), "whole file replaced"

    def data_mutation(self, data):
        rng = self.rng
        paths = list(_paths(data))
        path = rng.choice(paths)
        node = _at(data, path)
        where = "/".join(map(str, path)) or "(top)"
        if not path:
            replacement = rng.choice([None, [], {}, "text", [data], {"wrapped": data}])
            return replacement, f"the whole document replaced by {type(replacement).__name__}"
        parent, key = _at(data, path[:-1]), path[-1]
        kind = rng.randrange(10)
        if kind == 0:
            del parent[key]
            return data, f"{where} deleted"
        if kind == 1 and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(node))
            return data, f"{where} duplicated"
        if kind == 2 and isinstance(parent, list) and len(parent) > 1:
            other = rng.randrange(len(parent))
            parent[key], parent[other] = parent[other], parent[key]
            return data, f"{where} swapped with item {other}"
        if kind == 3 and isinstance(parent, dict):
            new_key = rng.choice([str(key) + "s", str(key)[:-1], str(key).upper(), "unknown_key", str(key) + " ", ""])
            parent[new_key] = parent.pop(key)
            return data, f"{where} renamed {new_key!r}"
        if kind == 4 and isinstance(parent, dict) and len(parent) > 1:
            other = rng.choice([k for k in parent if k != key])
            parent[key], parent[other] = parent[other], parent[key]
            return data, f"{where} swapped with {other}"
        if kind == 5:
            value = rng.choice(self.ids + ["no-such-id", "", " mx-bn-102", "MX-BN-102"])
        elif kind == 6:
            value = rng.choice(STRANGE_DATES) if rng.random() < 0.6 else self.moved_date(node)
        elif kind == 7:
            value = rng.choice(STRANGE_NUMBERS)
        elif kind == 8:
            value = rng.choice(STRANGE_TEXT)
        else:
            value = rng.choice([None, [], {}, [node], {"value": node}, [node, node]])
        parent[key] = value
        return data, f"{where} = {value!r:.60}"

    def moved_date(self, node):
        if isinstance(node, dt.date):
            return node + dt.timedelta(days=self.rng.choice((-400, -31, -1, 1, 31, 400)))
        return dt.date(2015, 5, 8) + dt.timedelta(days=self.rng.randrange(-900, 30))

    def command(self, name: str, folder: Path) -> list[str]:
        """The command a mutant runs: a mutated hypothesis is applied; else one command of the five."""
        rng = self.rng
        as_of = rng.choice(["2014-06-01", "2015-01-31", "2015-05-08", "2016-01-01"])
        case = str(folder)
        with_ = [] if name.startswith("hypotheses/") else (["--with", str(folder / rng.choice(self.hypotheses))]
                                                           if rng.random() < 0.3 else [])
        if name.startswith("hypotheses/"):
            with_ = ["--with", str(folder / name)]
        command = rng.choice(["validate", "evaluate", "evaluate", "register", "explain", "whatif"])
        if command == "whatif" and not with_:
            with_ = ["--with", str(folder / rng.choice(self.hypotheses))]
        if command == "validate":
            return ["validate", case, *with_]
        tail = ["--as-of", as_of, "--law", rng.choice(["state", "dod", "both"]), *with_]
        if command == "evaluate":
            return ["evaluate", case, *tail, "--format", rng.choice(["terminal", "json", "markdown", "html"])]
        if command == "explain":
            return ["explain", rng.choice(self.ids), case, *tail, "--format", rng.choice(["terminal", "json"])]
        return [command, case, *tail, "--format", rng.choice(["terminal", "json"])]


_FUZZER: list = []


def mutant(number: int, folder: Path) -> tuple[str, str, str, list[str]]:
    """Mutant `number`: (file, text, what was done, command); the command names the case copy `folder`."""
    if not _FUZZER:
        _FUZZER.append(Fuzzer(CASE))
    fuzzer = _FUZZER[0]
    fuzzer.rng = random.Random(f"{SEED}:{number}")
    name, text, done = fuzzer.mutant()
    return name, text, done, fuzzer.command(name, folder)


# ---------------------------------------------------------------- running them


def run(argv: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except BaseException as exc:  # noqa: BLE001 - anything escaping the entry point is the failure reported
            status = f"escaped: {type(exc).__name__}: {exc}"
    return status, out.getvalue(), err.getvalue()


def verdict(status, out: str, err: str) -> str | None:
    """None if the run kept the contract, else what went wrong."""
    if "Traceback" in out or "Traceback" in err:
        return f"a traceback (status {status})"
    if status == 0:
        return None
    if status == 2:
        lines = err.rstrip("\n").split("\n")
        if out:
            return "exit 2 with output on stdout"
        if not lines[0].startswith("error: ") or len(lines) > 2 or (len(lines) == 2 and not lines[1].startswith("  hint: ")):
            return f"exit 2 without one error line (and a hint): {err[:300]!r}"
        return None
    return f"status {status}: {err.strip()[:300]}"


@contextlib.contextmanager
def parse_once():
    """Remember the parse of each file by path and bytes, so a file the mutants leave unchanged is parsed once;
    afterwards, check that no run changed a document it was given."""
    original, cache = safeyaml.load, {}

    def load(path):
        raw = Path(path).read_bytes() if Path(path).is_file() else None
        if raw is None:
            return original(path)
        key = (str(path), hashlib.sha256(raw).digest())
        if key not in cache:
            cache[key] = original(path)  # an error is raised, not remembered
        return cache[key]

    safeyaml.load = load
    try:
        yield
    finally:
        safeyaml.load = original
    for (path, digest), document in cache.items():
        if Path(path).is_file() and hashlib.sha256(Path(path).read_bytes()).digest() == digest:
            assert original(path).data == document.data, f"a run changed the parsed document of {path}"


def run_mutants(folder: str, numbers: list[int]) -> tuple[dict, list[str]]:
    """Run these mutants on a fresh copy of the case in `folder`: (count of each exit status, failures)."""
    target = Path(folder) / "mexico-2015"
    shutil.copytree(CASE, target)
    statuses: dict = {}
    failures = []
    with parse_once():
        for number in numbers:
            name, text, done, argv = mutant(number, target)
            path = target / name
            original = path.read_bytes()
            path.write_text(text, encoding="utf-8")
            try:
                status, out, err = run(argv)
            finally:
                path.write_bytes(original)
            statuses[status] = statuses.get(status, 0) + 1
            problem = verdict(status, out, err)
            if problem:
                failures.append(f"mutant {number}: {name}: {done}: `vetting {argv[0]}`: {problem}")
    return statuses, failures


def test_every_mutant_of_the_case_is_read_or_refused(tmp_path):
    """The mutants are shared between two processes (the machine's two cores); each runs them in-process."""
    numbers = list(range(COUNT))
    shares = [numbers[0::2], numbers[1::2]]
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(run_mutants, [str(tmp_path / str(i)) for i in range(2)], shares))
    statuses: dict = {}
    failures = []
    for counted, failed in results:
        for status, count in counted.items():
            statuses[status] = statuses.get(status, 0) + count
        failures += failed
    assert sum(statuses.values()) == len(numbers)
    assert not failures, f"{len(failures)} of {COUNT} mutants broke the contract:\n" + "\n".join(failures[:30])
    # not vacuous: many mutants are accepted and decided, many refused
    assert statuses.get(0, 0) >= COUNT // 20 and statuses.get(2, 0) >= COUNT // 20, statuses


def test_the_mutants_are_fixed_and_reach_every_file_and_command(tmp_path):
    first = [mutant(n, tmp_path) for n in range(0, COUNT, 5)]
    assert first == [mutant(n, tmp_path) for n in range(0, COUNT, 5)], "the same seed must give the same mutants"
    assert {argv[0] for *_, argv in first} == {"validate", "evaluate", "register", "explain", "whatif"}
    assert {name for name, *_ in first} == {p.relative_to(CASE).as_posix() for p in CASE.rglob("*.yaml")}
    assert len({text for _, text, *_ in first}) > len(first) * 0.9, "most mutants differ"
