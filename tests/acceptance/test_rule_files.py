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
from checker.rulefile import Plan, load_rule_file

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


BROKEN_QUOTES = [  # (rule file, quote, what it is made, the start and a part of the one line reported)
    ("hubei-2025.yaml", "quote: 推进实施知识产权保护工作站省级标准,新建50家", "quote: 推进实施知识产权保护工作站省级标准,新建60家",
     "HB-O-15.", "引文未在原文中找到:“"),
    ("xianning-14fyp.yaml", "quote: '深化知识产权金融服务,实施知识产权质押融资入园惠企行动", "quote: '实施知识产权质押融资入园惠企行动",
     "XN-O-5.5.5: 引文在原文中出现 2 次", "引文在原文中出现 2 次"),
]


@pytest.mark.parametrize(("name", "quote", "broken_quote", "start", "part"), BROKEN_QUOTES, ids=["not verbatim", "ambiguous"])
def test_validate_command_reports_a_broken_quote(
    tmp_path: Path, seeds: Path, name: str, quote: str, broken_quote: str, start: str, part: str,
) -> None:
    text = (default_rules_dir() / name).read_text(encoding="utf-8")
    broken = tmp_path / name
    broken.write_text(text.replace(quote, broken_quote), encoding="utf-8")
    result = CliRunner().invoke(checker_group, ["validate", str(broken), "--seeds", str(seeds)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{broken}: {start}") and part in line


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


def test_catalog_states_the_level_and_base_of_a_doubling_target() -> None:
    result = CliRunner().invoke(checker_group, ["rules", "quzhou-2016", "--format", "json"])
    records = {r["id"]: r for r in json.loads(result.stdout)["rules"]}
    assert records["QZ-I02"]["target"] == {
        "value": 2, "unit": "倍", "comparator": ">=", "year": 2020, "level": 9, "level_unit": "件",
    }
    assert records["QZ-I02"]["base"] == {"value": None, "unit": "件", "year": 2015}  # not invented
    assert records["QZ-I03"]["target"]["level"] == 857


def test_plans_doc_counts_match_the_rule_files() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "plans.md").read_text(encoding="utf-8")
    for path in RULE_FILES:
        rf = load_rule_file(path).rules_file
        row = next(line for line in doc.splitlines() if line.startswith(f"| [`{path.stem}`]"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[-3:] == [str(len(rf.indicators)), str(len(rf.obligations)), str(len(rf.entities))]


def with_quote(plan: Plan, rule_id: str, quote: str) -> Plan:
    """The plan with one rule's quote replaced (as it stood before the audit of issue 13)."""
    rf = plan.rules_file
    swap = {rule_id: plan.rules[rule_id]}
    changed = swap[rule_id].model_copy(update={"source": swap[rule_id].source.model_copy(update={"quote": quote})})
    indicators = [changed if r.id == rule_id else r for r in rf.indicators]
    obligations = [changed if r.id == rule_id else r for r in rf.obligations]
    return Plan(plan.path, rf.model_copy(update={"indicators": indicators, "obligations": obligations}), plan.entities)


# The audit's cases: quotes that occurred twice in the seed (each matched a task and a duty) ...
AMBIGUOUS = [
    ("XN-O-4.5.1.3", "开设快审快结“绿色通道”"),
    ("XN-O-4.5.1.4", "探索建立跨区域知识产权远程诉讼平台"),
    ("XN-O-4.5.1.6", "对于情节严重的侵害知识产权行为,依法从高确定赔偿数额"),
    ("XN-O-4.5.1.7", "深入开展以打击知识产权刑事犯罪等为重点的“昆仑”行动,持续保持打击假冒知名品牌、侵害商业秘密、侵权盗版等领域违法行为的高压态势"),
    ("XN-O-4.5.1.8", "规范知识产权犯罪侦查工作制度,探索建立情报导侦机制"),
    ("XN-O-4.5.1.9", "推进知识产权刑事案件批捕、起诉集中管辖工作"),
    ("XN-O-5.4.11", "规范地理标志专用标志使用"),
    ("XN-O-5.5.5", "实施知识产权质押融资入园惠企行动,引导更多金融机构开展知识产权质押"),
]
# ... and recurring rules whose recurring words were not quoted (now split off as rules of their own).
UNQUOTED_RECURRENCE = [
    ("langfang-14fyp", "LF-O-8.1a", "加强组织领导。各级政府要高度重视知识产权强市建设,将知识产权工作纳入重要议事日程"),
    ("langfang-14fyp", "LF-O-3.2a", "激励高质量版权创造。加强版权宣传工作,做好世界版权与图书日的版权宣传工作"),
    ("langfang-14fyp", "LF-O-4.2.1a", "开展知识产权保护专项行动。发挥廊坊市打击侵犯知识产权和制售假冒伪劣商品工作领导小组作用"),
    ("langfang-14fyp", "LF-O-5.1.2a", "健全知识产权运营服务体系。深化知识产权运营服务体系建设"),
    ("langfang-14fyp", "LF-O-6.1.1a", "提升知识产权信息服务水平。进一步加强廊坊市知识产权信息公共服务平台和河北省知识产权数据统计分析系统引接建设"),
    ("xianning-14fyp", "XN-O-6.1.1", "全面加强党对知识产权工作的领导"),
]


@pytest.mark.parametrize(("rule_id", "quote"), AMBIGUOUS, ids=[r for r, _ in AMBIGUOUS])
def test_validate_catches_a_quote_that_occurs_twice(seeds: Path, rule_id: str, quote: str) -> None:
    plan = with_quote(load_rule_file(default_rules_dir() / "xianning-14fyp.yaml"), rule_id, quote)
    [problem] = quote_problems(plan, seeds)
    assert problem.place == rule_id and "occurs 2 times" in problem.en


@pytest.mark.parametrize(("plan_id", "rule_id", "quote"), UNQUOTED_RECURRENCE, ids=[r for _, r, _ in UNQUOTED_RECURRENCE])
def test_validate_catches_a_recurring_rule_without_its_words(seeds: Path, plan_id: str, rule_id: str, quote: str) -> None:
    plan = load_rule_file(default_rules_dir() / f"{plan_id}.yaml")
    assert plan.rules[rule_id].recurrence != "once"  # type: ignore[union-attr]
    [problem] = quote_problems(with_quote(plan, rule_id, quote), seeds)
    assert problem.place == rule_id and "no word that makes it recur" in problem.en
