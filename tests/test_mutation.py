"""The rule-set mutation check (scripts/mutate_rules.py) in the default suite.

The whole check runs every mutant of rules/ and takes long (docs/reliability.md gives the figures); here a
fixed-seed sample runs on every test run: each mutant drawn must be killed by the scenarios or be listed as
equivalent in docs/equivalent-mutants.yaml. And the list of equivalent mutants cannot rot: each entry must
still name a mutant the rule set has, that compiles, with a reason.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from script_module import load_module

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "mutate_rules.py"
SAMPLE = 3
SEED = 2015


mutate = load_module("mutate_rules", SCRIPT)


def test_every_listed_equivalent_mutant_is_still_a_mutant_of_the_rules():
    from vetting.law.ruleset import load_ruleset

    listed = mutate.equivalents()
    assert listed, "docs/equivalent-mutants.yaml lists no mutant"
    candidates = {m.id: m for m in mutate.candidate_mutants(mutate.RULES)}
    stale = sorted(set(listed) - set(candidates))
    assert not stale, f"listed as equivalent but no longer a mutant of rules/ (remove or rename them): {stale}"
    documents = mutate.read_rule_files(mutate.RULES)
    citations = load_ruleset(mutate.RULES).citations
    for mutant_id, reason in listed.items():
        mutant = candidates[mutant_id]
        assert mutate.compiles(mutate.RULES, {**documents, mutant.file: mutant.document}, citations) is None, \
            f"`{mutant_id}` does not compile: a mutant the compiler refuses needs no listing"
        assert reason and reason.strip(), f"`{mutant_id}` is listed without a reason"


def test_the_mutants_change_the_rule_files_one_change_at_a_time():
    """Each mutant differs from rules/ in exactly one rule, and ids are unique (the list above relies on it)."""
    documents = mutate.read_rule_files(mutate.RULES)
    mutants = mutate.candidate_mutants(mutate.RULES)
    assert len({m.id for m in mutants}) == len(mutants)
    kinds = {m.kind for m in mutants}
    assert {"drop-condition", "drop-pattern", "literal", "comparison", "effect", "effective"} <= kinds, kinds
    for mutant in mutants:
        before, after = documents[mutant.file]["rules"], mutant.document["rules"]
        changed = [b["id"] for b, a in zip(before, after, strict=True) if a != b]
        assert changed == [mutant.rule], mutant.id


def test_a_fixed_sample_of_mutants_is_killed_by_the_scenarios():
    result = subprocess.run([sys.executable, str(SCRIPT), "--sample", str(SAMPLE), "--seed", str(SEED),
                             "--scenarios-only"], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"{SAMPLE} mutants of" in result.stdout, result.stdout
    lines = [line for line in result.stdout.splitlines() if line.startswith(("K ", "S ", "E "))]
    assert len(lines) == SAMPLE, result.stdout
    assert all(line.startswith("K ") or line.endswith("(listed equivalent)") for line in lines), result.stdout
