"""The plans' rule files: each validates, each quote is verbatim in its seed, the catalog lists all."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.catalog import default_rules_dir
from checker.citations import quote_problems
from checker.cli import checker_group
from checker.rulefile import load_rule_file

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RULE_FILES = sorted(default_rules_dir().glob("*.yaml"))
PLANS = ["hubei-2025", "langfang-14fyp", "quzhou-2016", "wuhan-2017", "xianning-14fyp"]


@pytest.fixture(scope="module")
def seeds() -> Path:
    if not SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the plan texts are missing: {SEEDS}")
        pytest.skip(f"the plan texts are not beside the repository: {SEEDS}")
    return SEEDS


def test_every_plan_has_a_rule_file() -> None:
    assert sorted(p.stem for p in RULE_FILES) == PLANS


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_rule_file_validates_and_quotes_are_verbatim(path: Path, seeds: Path) -> None:
    plan = load_rule_file(path)
    assert plan.id == path.stem
    assert (seeds / plan.rules_file.plan.source.file).is_file()
    assert [p.render() for p in quote_problems(plan, seeds)] == []


def test_validate_reports_a_quote_that_is_not_verbatim(tmp_path: Path, seeds: Path) -> None:
    text = (default_rules_dir() / "hubei-2025.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "hubei-2025.yaml"
    broken.write_text(text.replace("quote: 推进实施知识产权保护工作站省级标准,新建50家", "quote: 推进实施知识产权保护工作站省级标准,新建60家"), encoding="utf-8")
    result = CliRunner().invoke(checker_group, ["validate", str(broken), "--seeds", str(seeds)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{broken}: HB-O-15.") and "引文未在原文中找到:“" in line


def test_catalog_lists_every_rule_with_the_stable_fields() -> None:
    result = CliRunner().invoke(checker_group, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)["rules"]
    assert sorted({r["plan"] for r in records}) == PLANS
    total = sum(len(load_rule_file(p).rules) for p in RULE_FILES)
    assert len(records) == total
    for record in records:
        assert set(record["target"]) == {"value", "unit", "comparator", "year", "level", "level_unit"}
        assert set(record["responsible"]) >= {"lead", "support"}
        assert set(record["source"]) == {"document", "section", "quote"}
        assert record["baseline"] is None or set(record["baseline"]) == {"value", "unit", "year"}
        assert (record["base"] is not None) == (record["kind"] == "multiple")
        assert record["base"] is None or set(record["base"]) == {"value", "unit", "year"}
        assert {"id", "plan", "kind", "subject", "name", "attribute"} <= set(record)
    # every target that is one level states it, in the unit a report gives it
    by_id = {(r["plan"], r["id"]): r for r in records}
    for path in RULE_FILES:
        plan = load_rule_file(path)
        for rule in plan.rules_file.indicators:
            one_level = rule.kind not in ("steady_growth", "qualitative") and rule.reported_as != "annual_addition"
            target = by_id[(plan.id, rule.id)]["target"]
            assert (target["level"] is not None) == one_level, rule.id
            assert target["level_unit"] == (rule.unit if one_level else None), rule.id


def test_plans_doc_counts_match_the_rule_files() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "plans.md").read_text(encoding="utf-8")
    for path in RULE_FILES:
        rf = load_rule_file(path).rules_file
        row = next(line for line in doc.splitlines() if line.startswith(f"| [`{path.stem}`]"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[-3:] == [str(len(rf.indicators)), str(len(rf.obligations)), str(len(rf.entities))]

