"""The plans' rule files: each validates, each quote is verbatim in its seed, the catalog lists all."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.catalog import default_rules_dir
from checker.cli import checker_group
from checker.rulefile import load_rule_file

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RULE_FILES = sorted(default_rules_dir().glob("*.yaml"))
PLANS = ["hubei-2025", "langfang-14fyp", "quzhou-2016", "wuhan-2017", "xianning-14fyp"]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the plan texts are missing: {SEEDS}")
        pytest.skip(f"the plan texts are not beside the repository: {SEEDS}")
    return {p.name: squash(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def test_every_plan_has_a_rule_file() -> None:
    assert sorted(p.stem for p in RULE_FILES) == PLANS


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_rule_file_validates_and_quotes_are_verbatim(path: Path, seeds: dict[str, str]) -> None:
    plan = load_rule_file(path)
    assert plan.id == path.stem
    rules = plan.rules_file
    assert rules.plan.source.file in seeds
    bad = [
        rule.id for rule in (*rules.indicators, *rules.obligations)
        if rule.source.document not in seeds or squash(rule.source.quote) not in seeds[rule.source.document]
    ]
    assert bad == []


def test_catalog_lists_every_rule_with_the_stable_fields() -> None:
    result = CliRunner().invoke(checker_group, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)["rules"]
    assert sorted({r["plan"] for r in records}) == PLANS
    total = sum(len(load_rule_file(p).rules) for p in RULE_FILES)
    assert len(records) == total
    for record in records:
        assert set(record["target"]) == {"value", "unit", "comparator", "year"}
        assert set(record["responsible"]) >= {"lead", "support"}
        assert set(record["source"]) == {"document", "section", "quote"}
        assert record["baseline"] is None or set(record["baseline"]) == {"value", "unit", "year"}
        assert {"id", "plan", "kind", "subject", "name", "attribute"} <= set(record)


def test_plans_doc_counts_match_the_rule_files() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "plans.md").read_text(encoding="utf-8")
    for path in RULE_FILES:
        rf = load_rule_file(path).rules_file
        row = next(line for line in doc.splitlines() if line.startswith(f"| [`{path.stem}`]"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[-3:] == [str(len(rf.indicators)), str(len(rf.obligations)), str(len(rf.entities))]
