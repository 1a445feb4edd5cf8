"""The rule-set mutation check: can the specification fail? (issue 7)

For every rule of a rule set (rules/*.yaml by default) this makes small wrong versions, *mutants*, one change
each, and runs the tests on each mutant's rule folder. A mutant no test notices is a hole in the specification:
the law could be mistyped that way and every scenario would still pass.

The changes (all read from the rule files; no rule id is named here, so any rule set works):

- `when`: drop each condition of each fact pattern (each field comparison; `any` whole, each of its
  alternatives, and each condition inside an alternative); drop each whole fact pattern, where the rule still
  compiles without it; in a `one_of`, drop each value and replace each value by another allowed value of the
  field; replace each equality literal by the field's other allowed values (at most three); move each date
  comparison by one day (`at_most` <-> `before`, `at_least` <-> `after`); turn `not: x` into `x`.
- `effective`: drop it; move each of its dates one day either way.
- `then`: change a finding's `effect` (a literal to each other effect of its family, a reference to `bar` and
  `suspend`); change each literal of a derived fact to the field's other values; change the day count of a
  `days_after` by one either way.

"Allowed values" of a field are the case-file vocabulary (vetting.case.schema) for the facts a case gives, and
for facts the rules derive, every value some rule's `then` gives that field. Mutants that do not compile
(`vetting.law.ruleset.load_ruleset` refuses them) are counted and dropped: they cannot slip through.

Each mutant's rule folder is written to a temporary folder and the tests run on it in a subprocess with the
environment variable VETTING_RULES naming it; only the test fixtures read it (tests/conftest.py and
features/conftest.py point the default rule folder there), never the library. First the Gherkin scenarios
(features/); a mutant they do not kill then meets the rest of the suite that decides (SUITE: the reference
tests and the other decision tests; `--scenarios-only` skips this). A mutant that is equivalent (no input can
tell it from the rule set) is listed with the reason in docs/equivalent-mutants.yaml.

Usage (from the project folder):

    .venv/bin/python scripts/mutate_rules.py --list                  # the mutants, one id a line
    .venv/bin/python scripts/mutate_rules.py                          # scenarios on every mutant, then the suite
    .venv/bin/python scripts/mutate_rules.py --only ID --only ID      # some mutants
    .venv/bin/python scripts/mutate_rules.py --rule RULE --rule RULE  # the mutants of some rules (after a merge)
    .venv/bin/python scripts/mutate_rules.py --sample 6 --seed 7      # a fixed random sample
    .venv/bin/python scripts/mutate_rules.py --json results.json      # also write every result

Exit status: 0 when every mutant is killed by the scenarios or listed as equivalent, 1 otherwise.
tests/test_mutation.py imports this file: a fixed-seed sample runs in the default suite.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
EQUIVALENTS = ROOT / "docs" / "equivalent-mutants.yaml"
RULES_ENV = "VETTING_RULES"
RECORD_ENV = "VETTING_FEATURES_RECORD"  # features/conftest.py writes the rules each scenario fires there
SCENARIOS = ["features"]
# the rest of the suite that decides (a test reading the rule files themselves would not see the mutant)
SUITE = ["tests/test_reference.py", "tests/test_mexico_decisions.py", "tests/test_mexico_case.py",
         "tests/test_decide.py", "tests/test_whatif.py", "tests/test_explain.py", "tests/test_report_formats.py"]
MAX_REPLACEMENTS = 3  # other values tried for one equality literal
DATE_OPERATORS = {"at_most": "before", "before": "at_most", "at_least": "after", "after": "at_least"}
EFFECT_FAMILIES = [("bar", "suspend", "hold", "lift", "note"), ("covered", "not-covered"), ("except", "waive", "note")]


def vocabulary() -> dict:
    """(fact type, field) -> the values a case can give it, in the case-file vocabulary's order."""
    from vetting.case import schema as cf

    def values(enum):
        return [member.value for member in enum]

    return {
        ("unit", "kind"): values(cf.UnitKind),
        ("posting", "role"): values(cf.Role),
        ("violation", "kind"): values(cf.Violation),
        ("information", "status"): values(cf.AssessmentStatus),
        ("information", "review"): values(cf.SecondTierReview) + ["none"],
        ("investigation", "status"): values(cf.InvestigationStatus),
        ("determination", "kind"): values(cf.DeterminationKind),
        ("determination", "consulted"): [True, False],
        ("incident", "identified"): [True, False],
        ("proposal", "law"): ["state", "dod", "none"],
        ("proposal", "authority"): values(cf.Authority),
        ("proposal", "kind"): values(cf.AssistanceKind),
        ("proposal", "identified"): [True, False],
        ("finding", "about"): ["unit", "person", "proposal"],
    }


# ---------------------------------------------------------------- the mutants


@dataclass(frozen=True)
class Mutant:
    id: str  # "<rule id>: <where>: <change>", stable while the rule is unchanged
    rule: str
    file: str  # the rule file's name
    kind: str  # drop-condition, drop-pattern, one-of, literal, comparison, effective, effect, derive, days
    document: dict  # the whole mutated rule file

    def write(self, source: Path, target: Path) -> Path:
        """The rule folder `source` with this mutant's file replaced, written to `target`."""
        shutil.copytree(source, target)
        text = yaml.safe_dump(self.document, sort_keys=False, allow_unicode=True, width=1000)
        (target / self.file).write_text(text, encoding="utf-8")
        return target


def _is_ref(value, aliases) -> bool:
    return isinstance(value, str) and "." in value and value.split(".", 1)[0] in aliases


def _pools(documents: dict) -> dict:
    """(fact type, field) -> allowed values: the case vocabulary, and for derived facts every value some rule
    gives the field (and every literal the rules compare it with)."""
    pools = {key: list(values) for key, values in vocabulary().items()}

    def add(key, value):
        if isinstance(value, (str, bool, int)) and value not in pools.setdefault(key, []):
            pools[key].append(value)

    for document in documents.values():
        for rule in document.get("rules", []):
            then = rule.get("then", {})
            for part, template in then.items():
                if not isinstance(template, dict):
                    continue
                kind = template.get("type") if part == "derive" else part
                for field, value in template.items():
                    if field != "type" and not (isinstance(value, str) and "." in value):
                        add((kind, field), value)
            for pattern in rule.get("when", {}).values():
                kind = pattern.get("type")
                for field, value in pattern.items():
                    if field in ("type", "any"):
                        continue
                    if isinstance(value, dict) and "one_of" in value:
                        for item in value["one_of"]:
                            if not (isinstance(item, str) and "." in item):
                                add((kind, field), item)
                    elif not isinstance(value, dict) and not (isinstance(value, str) and "." in value):
                        add((kind, field), value)
    return pools


def _others(pool: list, value, limit: int) -> list:
    """Up to `limit` other values of the pool, starting after `value` (cyclic), so the choice is stable."""
    if value not in pool:
        return [v for v in pool if v != value][:limit]
    start = pool.index(value)
    return [pool[(start + i) % len(pool)] for i in range(1, len(pool))][:limit]


def _shift(day: str, days: int) -> str | None:
    try:
        return (date.fromisoformat(str(day)) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def rule_mutations(rule: dict, pools: dict):
    """(where, change, kind, mutate) for one rule, `mutate` changing a deep copy of the rule in place."""
    when = rule.get("when", {})
    aliases = list(when)

    def setter(path, value=None, delete=False):
        def mutate(r):
            target = r
            for key in path[:-1]:
                target = target[key]
            if delete:
                del target[path[-1]]
            else:
                target[path[-1]] = value
        return mutate

    # -- effective dates
    effective = rule.get("effective")
    if isinstance(effective, dict):
        yield "effective", "drop", "effective", setter(("effective",), delete=True)
        for end in ("from", "to"):
            if end in effective:
                for days in (-1, 1):
                    moved = _shift(effective[end], days)
                    if moved:
                        yield (f"effective.{end}", f"{effective[end]} -> {moved}", "effective",
                               setter(("effective", end), moved))

    # -- when: whole patterns, conditions, literals
    for alias, pattern in when.items():
        if not isinstance(pattern, dict):
            continue
        kind = pattern.get("type")
        if len(when) > 1:
            yield f"when.{alias}", "drop pattern", "drop-pattern", setter(("when", alias), delete=True)
        for field, value in pattern.items():
            if field == "type":
                continue
            where = f"when.{alias}.{field}"
            path = ("when", alias, field)
            yield where, "drop", "drop-condition", setter(path, delete=True)
            if field == "any" and isinstance(value, list):
                for i, option in enumerate(value):
                    if len(value) > 1:
                        yield f"{where}[{i}]", "drop", "drop-condition", _drop_item(path, i)
                    if isinstance(option, dict) and len(option) > 1:
                        for key in option:
                            yield (f"{where}[{i}].{key}", "drop", "drop-condition",
                                   setter(path + (i, key), delete=True))
                    if isinstance(option, dict):
                        for key, cond in option.items():
                            yield from _condition_mutations(f"{where}[{i}].{key}", path + (i, key), kind, key,
                                                            cond, aliases, pools, setter)
                continue
            yield from _condition_mutations(where, path, kind, field, value, aliases, pools, setter)

    # -- then
    then = rule.get("then", {})
    for part, template in then.items():
        if not isinstance(template, dict):
            continue
        for field, value in template.items():
            where, path = f"then.{part}.{field}", ("then", part, field)
            if part == "finding" and field == "effect":
                if _is_ref(value, aliases):
                    alternatives = ["bar", "suspend"]
                else:
                    family = next((f for f in EFFECT_FAMILIES if value in f), ())
                    alternatives = [e for e in family if e != value]
                for other in alternatives:
                    yield where, f"{value} -> {other}", "effect", setter(path, other)
            elif part == "derive" and field != "type" and not _is_ref(value, aliases) \
                    and isinstance(value, (str, bool, int)):
                for other in _others(pools.get((template.get("type"), field), []), value, MAX_REPLACEMENTS):
                    yield where, f"{_show(value)} -> {_show(other)}", "derive", setter(path, other)
            elif isinstance(value, dict) and isinstance(value.get("days_after"), list) \
                    and len(value["days_after"]) == 2 and isinstance(value["days_after"][1], int):
                days = value["days_after"][1]
                for other in (days - 1, days + 1):
                    yield (f"{where}.days_after", f"{days} -> {other}", "days",
                           setter(path + ("days_after", 1), other))


def _drop_item(path, index):
    def mutate(r):
        target = r
        for key in path:
            target = target[key]
        del target[index]
    return mutate


def _show(value) -> str:
    return json.dumps(value) if not isinstance(value, str) or value == "" else value


def _condition_mutations(where, path, kind, field, value, aliases, pools, setter):
    pool = pools.get((kind, field), [])
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "one_of" and isinstance(arg, list):
            for i, item in enumerate(arg):
                if len(arg) > 1:
                    yield f"{where}.one_of", f"drop {_show(item)}", "one-of", _drop_item(path + ("one_of",), i)
            if not any(_is_ref(item, aliases) for item in arg):
                spare = [v for v in pool if v not in arg]
                for i, item in enumerate(arg):
                    if spare:
                        other = spare[i % len(spare)]
                        yield (f"{where}.one_of", f"{_show(item)} -> {_show(other)}", "one-of",
                               setter(path + ("one_of", i), other))
        elif op in DATE_OPERATORS:
            yield where, f"{op} -> {DATE_OPERATORS[op]}", "comparison", setter(path, {DATE_OPERATORS[op]: arg})
        elif op == "not":
            yield where, f"not {_show(arg)} -> {_show(arg)}", "comparison", setter(path, arg)
            if not _is_ref(arg, aliases):
                for other in _others(pool, arg, 1):
                    yield where, f"not {_show(arg)} -> not {_show(other)}", "literal", setter(path, {"not": other})
        return
    if isinstance(value, (str, bool, int)) and not _is_ref(value, aliases) and value not in ("as_of", "law"):
        for other in _others(pool, value, MAX_REPLACEMENTS):
            yield where, f"{_show(value)} -> {_show(other)}", "literal", setter(path, other)


def read_rule_files(folder: Path) -> dict:
    """file name -> the file's data as the library reads it (vetting.safeyaml), for the rule files only."""
    from vetting import safeyaml

    out = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in (".yaml", ".yml") and path.name not in ("ruleset.yaml", "citations.yaml"):
            out[path.name] = safeyaml.load(path).data
    return out


def candidate_mutants(folder: Path = RULES) -> list[Mutant]:
    """Every mutant of the rule set, compiling or not, in file and rule order."""
    documents = read_rule_files(folder)
    pools = _pools(documents)
    out, seen = [], set()
    for name, document in documents.items():
        for index, rule in enumerate(document.get("rules", [])):
            for where, change, kind, mutate in rule_mutations(rule, pools):
                mutant_id = f"{rule['id']}: {where}: {change}"
                if mutant_id in seen:
                    continue
                seen.add(mutant_id)
                mutated = copy.deepcopy(document)
                mutate(mutated["rules"][index])
                out.append(Mutant(mutant_id, rule["id"], name, kind, mutated))
    return out


def compiles(folder: Path, documents: dict, citations: dict) -> str | None:
    """None if the rule set made of these rule files (file name -> data) compiles, else the error's first line.

    The same models and compiler as `vetting.law.ruleset.load_ruleset`, in memory: parsing YAML is most of the cost
    of loading a rule folder, and this runs once per candidate mutant.
    """
    from pydantic import ValidationError

    from vetting import safeyaml
    from vetting.errors import InputError
    from vetting.law.ruleset import RuleFile, _Compiler

    rules, where = [], {}
    try:
        for name, data in documents.items():
            doc = safeyaml.Document(str(Path(folder) / name), data, {})
            for index, rule in enumerate(RuleFile.model_validate(data).rules):
                if rule.id in where:
                    return f"the rule id `{rule.id}` is used twice"
                where[rule.id] = (doc, ("rules", index))
                rules.append(rule)
        _Compiler(rules, citations, where).compile()
    except (InputError, ValidationError) as error:
        return str(error).splitlines()[0]
    return None


def mutants(folder: Path = RULES, refused: list | None = None) -> list[Mutant]:
    """The mutants the rule compiler accepts (those it refuses are appended to `refused` with the error)."""
    from vetting.law.ruleset import load_ruleset

    folder = Path(folder)
    baseline_check(folder)
    documents = read_rule_files(folder)
    citations = load_ruleset(folder).citations
    accepted = []
    for mutant in candidate_mutants(folder):
        error = compiles(folder, {**documents, mutant.file: mutant.document}, citations)
        if error is None:
            accepted.append(mutant)
        elif refused is not None:
            refused.append((mutant, error))
    return accepted


def baseline_check(folder: Path):
    """Rewriting the rule files (as the mutants are written) must not change what they compile to."""
    from vetting.law.ruleset import load_ruleset

    documents = read_rule_files(folder)
    with tempfile.TemporaryDirectory(prefix="mutant-baseline-") as tmp:
        target = Path(tmp) / "rules"
        shutil.copytree(folder, target)
        for name, document in documents.items():
            (target / name).write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1000),
                                       encoding="utf-8")
        if load_ruleset(target).definition != load_ruleset(folder).definition:
            raise SystemExit("rewriting the rule files changes what they compile to: the mutants would be wrong")


def equivalents(path: Path = EQUIVALENTS) -> dict:
    """Mutant id -> why it is equivalent (docs/equivalent-mutants.yaml)."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {entry["mutant"]: entry["reason"] for entry in data.get("equivalent", [])}


# ---------------------------------------------------------------- running the tests on a mutant
#
# Each run of pytest is a child process forked from this one, which has already imported the library, pytest
# and its plugins, and parsed the project's YAML files once: parsing YAML is most of the cost of a scenario run,
# so the children reuse the parsed documents of files whose bytes are unchanged (a deep copy each time; a
# mutated rule file is parsed afresh). The children set VETTING_RULES, which the test fixtures read.


def _memoize_yaml():
    """Make `vetting.safeyaml.load` reuse the parse of bytes it has seen (in this process and its children).

    The documents are shared, not copied: the library never changes a parsed document (tests/test_fuzz.py
    checks this over 2,000 runs). A document's path is the file's own, so messages name the right file.
    """
    from vetting import safeyaml

    original, cache = safeyaml.load, {}

    def load(path):
        try:
            key = hashlib.sha256(Path(path).read_bytes()).digest()
        except OSError:
            return original(path)
        if key not in cache:
            cache[key] = original(path)
        parsed = cache[key]
        return safeyaml.Document(str(path), parsed.data, parsed.lines, parsed.sha256)

    safeyaml.load = load
    for path in sorted(ROOT.glob("cases/**/*.y*ml")) + sorted(RULES.glob("*.y*ml")):
        try:
            load(path)
        except Exception:  # noqa: BLE001 - a file that does not load is no use warm; the tests will say why
            pass


def _pytest_child(rules_folder: str, targets: list, connection, record: str | None = None):
    """In a forked child: run pytest on `targets` with the rules in `rules_folder`; send (exit code, failed ids).
    With `record`, the scenarios write the rules each fires into that file (features/conftest.py)."""
    os.environ[RULES_ENV] = rules_folder
    if record:
        os.environ[RECORD_ENV] = record
    else:
        os.environ.pop(RECORD_ENV, None)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    import pytest

    class Failures:
        def __init__(self):
            self.ids = []

        def pytest_configure(self, config):
            from hypothesis import Phase, settings

            # a mutant is killed or not: shrinking the failing example found would only cost time
            settings.register_profile("mutants", phases=(Phase.explicit, Phase.reuse, Phase.generate))
            settings.load_profile("mutants")

        def pytest_runtest_logreport(self, report):
            if report.failed:
                self.ids.append(report.nodeid)

    failures = Failures()
    try:
        code = pytest.main([*targets, "-x", "-q", "-p", "no:cacheprovider", "--assert=plain"], plugins=[failures])
        connection.send((int(code), failures.ids))
    except BaseException:  # noqa: BLE001 - reported as an error of the run, never as a kill
        connection.send((-1, traceback.format_exc().strip().splitlines()[-1:]))
    connection.close()
    os._exit(0)


@dataclass
class _Job:
    mutant: Mutant
    rules: Path
    stage: str  # "likely" (the scenarios that killed earlier mutants), "fires", "scenarios", "suite"
    result: dict


class Runner:
    """Runs the stages of every mutant, `jobs` children at a time.

    A mutant's scenarios run first as the few scenarios that killed earlier mutants (most often the one that
    kills the next), then as the scenarios in which the mutated rule fires on the unmutated rule set, then, if
    none fails, as the whole of features/; a mutant the scenarios do not kill then meets the rest of the suite
    (SUITE) unless `suite` is false. Which stage killed it changes nothing in the result, only how soon it is
    known: a survivor always meets the whole of features/.
    """

    STAGES = ("likely", "fires", "scenarios")

    def __init__(self, folder: Path = RULES, jobs: int = 2, suite: bool = True, timeout: int = 900):
        self.folder, self.jobs, self.suite, self.timeout = Path(folder), jobs, suite, timeout
        self.killers: list[str] = []  # scenario node ids that killed a mutant, most recent first
        self.firing: dict[str, list[str]] = {}  # rule id -> node ids of the scenarios in which it fires

    def record_firing(self) -> None:
        """Run the scenarios once on the unmutated rules, recording which rules each fires. They must pass:
        a mutant can only be judged against a specification that holds for the rules as they are."""
        import multiprocessing

        context = multiprocessing.get_context("fork")
        with tempfile.TemporaryDirectory(prefix="mutant-firing-") as tmp:
            record = Path(tmp) / "fired.jsonl"
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_pytest_child, args=(str(self.folder), SCENARIOS, send, str(record)))
            process.start()
            send.close()
            code, failed = receive.recv()
            process.join()
            if code != 0:
                raise SystemExit(f"the scenarios fail on the unmutated rules (pytest exit {code}): {failed[:3]}")
            for line in record.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                for rule in entry["fired"]:
                    self.firing.setdefault(rule, []).append(entry["node"])

    def targets(self, job: _Job) -> list:
        if job.stage == "likely":
            return self.killers[:8]
        if job.stage == "fires":
            return [n for n in self.firing.get(job.mutant.rule, []) if n not in self.killers[:8]]
        return SCENARIOS if job.stage == "scenarios" else SUITE

    def first_stage(self, mutant: Mutant, after: str | None = None) -> str:
        """The first stage after `after` with scenarios to run (the whole of features/ always has)."""
        stages = self.STAGES[self.STAGES.index(after) + 1:] if after else self.STAGES
        for stage in stages:
            if stage == "scenarios" or self.targets(_Job(mutant, Path(), stage, {})):
                return stage
        raise AssertionError("unreachable: the last stage always runs")

    def run(self, chosen: list[Mutant], report=print) -> list[dict]:
        import multiprocessing
        from multiprocessing.connection import wait

        context = multiprocessing.get_context("fork")
        tmp = Path(tempfile.mkdtemp(prefix="mutants-"))
        pending = list(chosen)
        queue: list[_Job] = []
        running: dict = {}  # sentinel -> (process, connection, job, started)
        results = {}
        try:
            while pending or queue or running:
                while len(running) < self.jobs and (queue or pending):
                    if queue:
                        job = queue.pop(0)
                    else:
                        mutant = pending.pop(0)
                        rules = mutant.write(self.folder, tmp / f"m{chosen.index(mutant)}")
                        job = _Job(mutant, rules, self.first_stage(mutant),
                                   {"mutant": mutant.id, "rule": mutant.rule, "kind": mutant.kind,
                                    "scenarios": "not run", "suite": "not run", "seconds": 0.0})
                    receive, send = context.Pipe(duplex=False)
                    process = context.Process(target=_pytest_child, args=(str(job.rules), self.targets(job), send))
                    process.start()
                    send.close()
                    running[process.sentinel] = (process, receive, job, time.monotonic())
                for sentinel in wait(list(running), timeout=5):
                    process, receive, job, started = running.pop(sentinel)
                    try:
                        outcome = receive.recv()
                    except EOFError:  # the child died (killed after the time limit, or crashed)
                        outcome = None
                    process.join()
                    job.result["seconds"] = round(job.result["seconds"] + time.monotonic() - started, 1)
                    follow = self.finish(job, outcome)
                    if follow:
                        queue.insert(0, follow)
                    elif job.mutant.id not in results:
                        shutil.rmtree(job.rules, ignore_errors=True)
                        results[job.mutant.id] = job.result
                        report(job.result)
                for sentinel, (process, receive, job, started) in list(running.items()):
                    if time.monotonic() - started > self.timeout:  # a mutant that makes the tests hang is noticed
                        process.kill()
        finally:
            for process, *_ in running.values():
                process.kill()
            shutil.rmtree(tmp, ignore_errors=True)
        return [results[m.id] for m in chosen]

    def finish(self, job: _Job, outcome) -> _Job | None:
        """Record one stage's outcome; the next stage of the same mutant, if one is needed."""
        if outcome is None:
            status, failed = "killed", []  # stopped after the time limit, or died: noticed either way
        else:
            code, failed = outcome
            status = {0: "survived", 1: "killed"}.get(code, f"error: pytest exit {code}: {failed[-1:]}")
        if job.stage in self.STAGES:
            if status == "killed":
                job.result["scenarios"] = job.result["suite"] = "killed"
                for node in failed[:1]:
                    if node in self.killers:
                        self.killers.remove(node)
                    self.killers.insert(0, node)
                return None
            if job.stage != "scenarios":
                return _Job(job.mutant, job.rules, self.first_stage(job.mutant, job.stage), job.result)
            job.result["scenarios"] = status
            if status == "survived" and self.suite:
                return _Job(job.mutant, job.rules, "suite", job.result)
            return None
        job.result["suite"] = status
        return None


def sample(folder: Path, size: int, seed: int) -> list[Mutant]:
    """`size` mutants the compiler accepts, drawn at random (seeded) from every candidate; only the drawn ones
    are compiled, so a small sample is quick."""
    from vetting.law.ruleset import load_ruleset

    folder = Path(folder)
    baseline_check(folder)
    documents = read_rule_files(folder)
    citations = load_ruleset(folder).citations
    candidates = candidate_mutants(folder)
    order = list(range(len(candidates)))
    random.Random(seed).shuffle(order)
    chosen = []
    for index in order:
        if len(chosen) == size:
            break
        mutant = candidates[index]
        if compiles(folder, {**documents, mutant.file: mutant.document}, citations) is None:
            chosen.append(index)
    return [candidates[i] for i in sorted(chosen)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", type=Path, default=RULES, help="the rule folder (default: rules/)")
    parser.add_argument("--list", action="store_true", help="print the mutants' ids and stop")
    parser.add_argument("--only", action="append", default=[], metavar="ID", help="run this mutant (repeatable)")
    parser.add_argument("--rule", action="append", default=[], metavar="RULE_ID",
                        help="run the mutants of this rule (repeatable)")
    parser.add_argument("--sample", type=int, default=None, help="run a random sample of this size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenarios-only", action="store_true", help="do not run the suite on survivors")
    parser.add_argument("--jobs", type=int, default=2, help="test runs at once (default 2)")
    parser.add_argument("--json", type=Path, default=None,
                        help="write every result to this file (rewritten as each mutant finishes)")
    parser.add_argument("--skip-listed", action="store_true",
                        help="do not run the mutants listed as equivalent (they survive by their argument)")
    args = parser.parse_args(argv)

    refused: list = []
    if args.sample is not None:
        chosen = sample(args.rules, args.sample, args.seed)
        total = len(candidate_mutants(args.rules))
    else:
        chosen = mutants(args.rules, refused)
        total = len(chosen)
    if args.rule:
        unknown = sorted(set(args.rule) - {m.rule for m in chosen})
        if unknown:
            parser.error(f"no mutant of a rule `{unknown[0]}` (a rule id of {args.rules})")
        chosen = [m for m in chosen if m.rule in args.rule]
    if args.list:
        for mutant in chosen:
            print(mutant.id)
        print(f"{total} mutants ({len(refused)} more refused by the compiler)", file=sys.stderr)
        return 0
    if args.only:
        unknown = sorted(set(args.only) - {m.id for m in chosen})
        if unknown:
            parser.error(f"no such mutant: {unknown[0]}")
        chosen = [m for m in chosen if m.id in args.only]
    listed = equivalents()
    skipped = [m for m in chosen if m.id in listed] if args.skip_listed else []
    chosen = [m for m in chosen if m not in skipped]
    done: list = []
    started = time.monotonic()

    def write_json(results):
        if args.json:
            args.json.write_text(json.dumps({"mutants": total, "refused": [(m.id, e) for m, e in refused],
                                             "skipped_as_listed": [m.id for m in skipped],
                                             "seconds": round(time.monotonic() - started), "results": results},
                                            indent=1) + "\n", encoding="utf-8")

    def show(result):
        result["equivalent"] = result["mutant"] in listed
        mark = {"killed": "K", "survived": "S"}.get(result["scenarios"], "E")
        print(f"{mark} scenarios:{result['scenarios']:8} suite:{result['suite']:8} {result['seconds']:6.1f}s  "
              f"{result['mutant']}{'  (listed equivalent)' if result['equivalent'] else ''}", flush=True)
        done.append(result)
        write_json(done)

    _memoize_yaml()
    runner = Runner(args.rules, args.jobs, not args.scenarios_only)
    runner.record_firing()
    results = runner.run(chosen, show)
    seconds = time.monotonic() - started
    errors = [r for r in results if r["scenarios"].startswith("error") or r["suite"].startswith("error")]
    by_scenarios = sum(r["scenarios"] == "killed" for r in results)
    by_suite = sum(r["suite"] == "killed" for r in results)
    n_equivalent = sum(r["equivalent"] and r["scenarios"] == "survived" for r in results)
    holes = [r for r in results if r["scenarios"] != "killed" and not r["equivalent"]]
    n = len(results) or 1
    of = f"{total} candidates" if args.sample is not None else f"{total} ({len(refused)} refused by the compiler)"
    print(f"\n{len(results)} mutants of {of}, {seconds:.0f} s")
    print(f"killed by the scenarios: {by_scenarios} ({100 * by_scenarios / n:.1f}%)")
    if not args.scenarios_only:
        print(f"killed by the suite (scenarios, then the reference tests): {by_suite} ({100 * by_suite / n:.1f}%)")
    print(f"listed equivalent (docs/equivalent-mutants.yaml): {n_equivalent} run"
          + (f", {len(skipped)} not run (--skip-listed)" if args.skip_listed else ""))
    print(f"not killed by the scenarios and not listed: {len(holes)}")
    for result in holes:
        print(f"  {result['mutant']}  (suite: {result['suite']})")
    for result in errors:
        print(f"ERROR {result['mutant']}: {result['scenarios']} {result['suite']}")
    write_json(results)
    return 1 if holes or errors else 0


if __name__ == "__main__":
    sys.exit(main())
