"""Generate docs/coverage.md: each provision (citation) -> the rules that cite it -> the scenarios that test them.

Everything comes from the sources, nothing by hand:

- the rules and their citations from the rule set (rules/*.yaml, loaded and checked by `vetting.law.ruleset`);
- each scenario's tags from features/*.feature (a provision tag is a citation id with `-` written `_`);
- the rules each scenario fired from running the scenarios: `pytest features` with the environment variable
  `VETTING_FEATURES_RECORD` naming a file, into which features/conftest.py writes one JSON line per scenario
  (`{"feature", "scenario", "tags", "fired"}`, `fired` = the ids of the rules that concluded anything).

Usage (from the project folder):

    .venv/bin/python scripts/coverage_table.py            # run the scenarios, write docs/coverage.md
    .venv/bin/python scripts/coverage_table.py --check    # exit 1 if docs/coverage.md is out of date
    .venv/bin/python scripts/coverage_table.py --record FILE   # use a record already written, do not run

tests/test_feature_meta.py imports this file for its checks (every rule fired by some scenario, every
provision tag a citation, docs/coverage.md up to date).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "features"
OUTPUT = ROOT / "docs" / "coverage.md"
NOT_ENCODED = ROOT / "docs" / "not-encoded.md"
RECORD_ENV = "VETTING_FEATURES_RECORD"
LAW_NAMES = {"state": "State", "dod": "DoD"}


def tag_of(citation_id: str) -> str:
    """The tag of a provision: its citation id with `-` written `_` (`usc-22-2378d-b` -> `usc_22_2378d_b`)."""
    return citation_id.replace("-", "_")


def citation_of(tag: str, citations) -> str | None:
    """The citation id a tag names, or None if the tag is not a provision tag."""
    by_tag = {tag_of(c): c for c in citations}
    return by_tag.get(tag.lstrip("@"))


@dataclass(frozen=True)
class ScenarioInfo:
    feature: str  # file name relative to features/
    name: str
    line: int
    tags: frozenset  # the scenario's, its feature's and its rule's tags, and its Examples' tags
    steps: tuple  # (type, text) of its steps (Background included), rendered for every Examples row

    @property
    def key(self) -> tuple:
        return self.feature, self.name

    def label(self) -> str:
        return f"{Path(self.feature).stem}: {self.name}"


def feature_scenarios(features_dir: Path = FEATURES) -> list[ScenarioInfo]:
    """Every scenario of every .feature file under `features_dir`, in file and line order."""
    from pytest_bdd.parser import FeatureParser

    out = []
    features_dir = Path(features_dir).resolve()
    for path in sorted(features_dir.rglob("*.feature")):
        feature = FeatureParser(str(features_dir), str(path.relative_to(features_dir))).parse()
        for template in feature.scenarios.values():
            tags = set(template.tags) | set(feature.tags)
            if template.rule is not None:
                tags |= set(template.rule.tags)
            for examples in template.examples:
                tags |= set(examples.tags)
            contexts = [c for examples in template.examples for c in examples.as_contexts()] or [{}]
            steps = tuple(dict.fromkeys((step.type, step.name) for context in contexts
                                        for step in template.render(context).steps))
            out.append(ScenarioInfo(path.relative_to(features_dir).as_posix(), template.name, template.line_number,
                                    frozenset(tags),
                                    steps))
    return sorted(out, key=lambda s: (s.feature, s.line))


def run_scenarios(record: Path, features_dir: Path = FEATURES, *extra: str,
                  cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the scenarios in a fresh pytest, recording the rules each fires into `record` (emptied first)."""
    record = Path(record)
    record.write_text("", encoding="utf-8")
    env = dict(os.environ, **{RECORD_ENV: str(record)})
    env.pop("PYTEST_ADDOPTS", None)
    result = subprocess.run([sys.executable, "-m", "pytest", str(features_dir), "-q", "-p", "no:cacheprovider",
                             *extra], cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    if result.returncode not in (0, 1):  # 1: some scenario failed (its rules still count); else: no run at all
        raise RuntimeError(f"the scenarios did not run (pytest exit {result.returncode}):\n"
                           f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result


def read_record(record: Path) -> list[dict]:
    return [json.loads(line) for line in Path(record).read_text(encoding="utf-8").splitlines() if line.strip()]


def fired_by_scenario(records: list[dict]) -> dict:
    """(feature, scenario name) -> the rule ids it fired, over all its runs (Scenario Outline rows)."""
    out: dict = {}
    for line in records:
        out.setdefault((line["feature"], line["scenario"]), set()).update(line["fired"])
    return out


def uncovered_rules(ruleset, records: list[dict]) -> list[str]:
    """The ids of the rules of `ruleset` that no scenario fired, in rule-set order."""
    fired = set().union(*fired_by_scenario(records).values()) if records else set()
    return [rule.id for rule in ruleset.rules if rule.id not in fired]


def cited(ruleset) -> dict:
    """citation id -> [(rule id, [laws])], for every citation a rule names, in citations-file order."""
    out: dict = {cite: [] for cite in ruleset.citations}
    for rule in ruleset.rules:
        by_cite: dict = {}
        for law, cite in rule.citation.items():
            by_cite.setdefault(cite, []).append(law)
        for cite, laws in by_cite.items():
            out[cite].append((rule.id, laws))
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _link(scenario: ScenarioInfo) -> str:
    return f"[{_cell(scenario.label())}](../features/{scenario.feature}#L{scenario.line})"


SHOWN = 4  # a rule fired by more tagged scenarios than this shows their number; the list is further down


def render(ruleset, scenarios: list[ScenarioInfo], records: list[dict]) -> str:
    fired = fired_by_scenario(records)
    by_rule: dict = {}
    for scenario in scenarios:
        for rule_id in fired.get(scenario.key, ()):
            by_rule.setdefault(rule_id, []).append(scenario)
    uncovered = uncovered_rules(ruleset, records)
    provisions = cited(ruleset)
    lines = [
        "# Coverage: provisions, rules and scenarios",
        "",
        "Generated by `scripts/coverage_table.py` from the rule set (`rules/*.yaml`), the tags of",
        "`features/*.feature` and the rules each scenario fired when the scenarios ran. Do not edit it by hand:",
        "run `.venv/bin/python scripts/coverage_table.py` after changing a rule or a scenario;",
        "`tests/test_feature_meta.py` fails while this page is out of date.",
        "",
        "A provision's tag is its citation id with `-` written `_` (`usc-22-2378d-b` → `@usc_22_2378d_b`);",
        "`.venv/bin/pytest features -m usc_22_2378d_b` runs the scenarios of that provision.",
        "",
        f"{len(ruleset.citations)} provisions, {len(ruleset.rules)} rules, {len(scenarios)} scenarios. "
        + ("Every rule is fired by at least one scenario." if not uncovered else
           "Rules no scenario fires: " + ", ".join(f"`{r}`" for r in uncovered) + "."),
        "",
        "## Provision → rules → scenarios",
        "",
        "*Tagged*: the scenarios tagged with the provision that fire the rule (named when there are at most "
        f"{SHOWN};",
        "all are listed under the provision below). *All*: every scenario that fires the rule, tagged or not.",
        "",
        "| Provision | Tag | Rule (law) | Tagged | All |",
        "|---|---|---|---|---:|",
    ]
    for cite, rules in provisions.items():
        citation = ruleset.citations[cite]
        provision = f"[{_cell(citation.label())}]({citation.url}) — {_cell(citation.title)}"
        tag = f"`@{tag_of(cite)}`"
        if not rules:
            lines.append(f"| {provision} | {tag} | — (no rule cites it) | — | — |")
        for rule_id, laws in rules:
            firing = by_rule.get(rule_id, [])
            chosen = [s for s in firing if tag_of(cite) in s.tags]
            if not chosen:
                names = "— (none tagged)"
            elif len(chosen) <= SHOWN:
                names = "; ".join(_link(s) for s in chosen)
            else:
                names = f"{len(chosen)} scenarios"
            law_names = ", ".join(LAW_NAMES[law] for law in laws)
            lines.append(f"| {provision} | {tag} | `{rule_id}` ({law_names}) | {names} | {len(firing)} |")
            provision = tag = "〃"
    lines += ["", "## Scenarios by provision", "",
              "Each scenario tagged with the provision, and the rules citing the provision that it fires.", ""]
    for cite, rules in provisions.items():
        citation = ruleset.citations[cite]
        own = {rule_id for rule_id, _ in rules}
        tagged = [s for s in scenarios if tag_of(cite) in s.tags]
        lines += [f"### `@{tag_of(cite)}` — {citation.label()}, {citation.title}", ""]
        if not tagged:
            lines += ["No scenario is tagged with this provision.", ""]
            continue
        for scenario in tagged:
            fires = [r.id for r in ruleset.rules if r.id in own and r.id in fired.get(scenario.key, ())]
            lines.append(f"- {_link(scenario)}: " + (", ".join(f"`{r}`" for r in fires) or "no rule of this "
                                                                                           "provision fires"))
        lines.append("")
    lines += ["## Scenarios by feature", "", "| Feature | Scenarios | Provision tags |", "|---|---:|---|"]
    features: dict = {}
    for scenario in scenarios:
        features.setdefault(scenario.feature, []).append(scenario)
    for feature, items in features.items():
        tags = sorted({t for s in items for t in s.tags if citation_of(t, ruleset.citations)})
        lines.append(f"| [`{feature}`](../features/{feature}) | {len(items)} | "
                     f"{', '.join(f'`@{t}`' for t in tags)} |")
    # what the rule set does not encode, and why: written by hand, carried at the end of the page
    if NOT_ENCODED.exists():
        lines += ["", NOT_ENCODED.read_text(encoding="utf-8").rstrip("\n")]
    return "\n".join(lines) + "\n"


def build(record: Path | None = None, rules=None, features_dir: Path = FEATURES) -> str:
    """The text of docs/coverage.md; runs the scenarios unless a record is given."""
    from vetting.law.ruleset import load_ruleset

    ruleset = load_ruleset(rules)
    if record is None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "fired.jsonl"
            run_scenarios(path, features_dir)
            records = read_record(path)
    else:
        records = read_record(record)
    return render(ruleset, feature_scenarios(features_dir), records)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--record", type=Path, help="a record written by a run of the scenarios (JSON lines)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is out of date; write nothing")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = build(args.record)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run `.venv/bin/python scripts/coverage_table.py`", file=sys.stderr)
            return 1
        return 0
    tmp = args.output.with_name(args.output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.output)  # whole or not at all
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
