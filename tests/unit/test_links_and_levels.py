"""An obligation's quantity taken from an indicator, and 翻番 targets stated as a level without a base value."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from checker.errors import RuleFileError
from checker.links import linked_quantities
from checker.listing import record
from checker.models.results import RuleResult
from checker.models.submission import Submission
from checker.output.records import assessment_record
from checker.rulefile import Plan, load_rule_file
from checker.run import assess

PLAN = """\
schema_version: 1
plan:
  id: links
  title: 测试规划
  issuer: 测试
  published: 2016-06-21
  period: {{start: 2016, end: 2020, baseline: 2015}}
  jurisdiction: city
  source: {{file: seed.txt}}
entities:
  - {{id: city, name: 测试市, type: jurisdiction}}
categories:
  - {{id: c, name: 类}}
indicators:
  - id: I-ST
    name: 保护工作站
    kind: level
    unit: {station_unit}
    subject: city
    target: {{value: 20, year: 2020, comparator: ">="}}
    category: c
    source: {{document: seed.txt, section: 甲, quote: 20个以上保护工作站}}
  - id: I-DBL
    name: 每万人发明专利拥有量
    kind: multiple
    unit: 件
    subject: city
    base: {base}
    target: {{value: 2, {level}year: 2020, comparator: ">="}}
    category: c
    source: {{document: seed.txt, section: 甲, quote: "较2015年翻番,达到9件以上"}}
obligations:
  - id: O-ST
    title: 建立保护工作站
    category: c
    deliverable: {{type: quantity, value: 20, unit: 个, what: 保护工作站, from_indicator: {link}}}
    source: {{document: seed.txt, section: 乙, quote: 建立不少于20家知识产权保护工作站}}
"""


def write_plan(tmp_path: Path, station_unit: str = "个", link: str = "I-ST", base: str = "{year: 2015}", level: str = "level: 9, ") -> Path:
    path = tmp_path / "links.yaml"
    path.write_text(PLAN.format(station_unit=station_unit, link=link, base=base, level=level), encoding="utf-8")
    return path


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return load_rule_file(write_plan(tmp_path))


def results(plan: Plan, year: int, indicators: list[dict[str, Any]], obligations: list[dict[str, Any]]) -> dict[str, RuleResult]:
    submission = Submission.model_validate(
        {"plan": "links", "reporter": "测试市", "year": year, "indicators": indicators, "obligations": obligations}
    )
    return {r.rule_id: r for r in assessment_record(assess(plan, submission, "report.json"), "zh").results}


DONE = {"id": "O-ST", "status": "completed", "evidence": [{"title": "工作站建设情况", "doc_number": "测〔2020〕1号"}]}


def test_the_quantity_is_taken_from_the_linked_indicator(plan: Plan) -> None:
    got = linked_quantities(plan, {"O-ST": None}, {"I-ST": Decimal(23)})
    assert got == {"O-ST": Decimal(23)}


def test_a_stated_quantity_is_kept_and_an_absent_entry_stays_absent(plan: Plan) -> None:
    assert linked_quantities(plan, {"O-ST": Decimal(21)}, {"I-ST": Decimal(23)}) == {"O-ST": Decimal(21)}
    assert linked_quantities(plan, {}, {"I-ST": Decimal(23)}) == {}
    assert linked_quantities(plan, {"O-ST": None}, {}) == {"O-ST": None}


def test_the_linked_value_is_converted_to_the_deliverables_unit(tmp_path: Path) -> None:
    plan = load_rule_file(write_plan(tmp_path, station_unit="万个"))
    assert linked_quantities(plan, {"O-ST": None}, {"I-ST": Decimal("0.0023")}) == {"O-ST": Decimal(23)}


def test_one_figure_serves_the_indicator_and_the_obligation(plan: Plan) -> None:
    got = results(plan, 2020, [{"id": "I-ST", "value": 23, "unit": "个"}], [DONE])
    assert (got["I-ST"].status, got["O-ST"].status, got["O-ST"].actual) == ("met", "met", 23.0)
    short = results(plan, 2020, [{"id": "I-ST", "value": 18, "unit": "个"}], [DONE])
    assert (short["O-ST"].status, short["O-ST"].actual) == ("missed", 18.0)


def test_without_the_indicator_a_completed_quantity_needs_its_number(plan: Plan) -> None:
    got = results(plan, 2020, [], [DONE])
    assert (got["O-ST"].status, got["O-ST"].claim, got["O-ST"].score) == ("unverified", "completed", 0.0)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"link": "I-NONE"}, "unknown indicator I-NONE"),
    ({"station_unit": "家"}, "does not convert to the deliverable's unit"),
])
def test_a_bad_link_is_a_rule_file_problem(tmp_path: Path, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(write_plan(tmp_path, **kwargs))
    [problem] = caught.value.problems
    assert "deliverable.from_indicator" in problem.place and message in problem.en


def test_a_doubling_without_a_base_value_is_judged_against_the_stated_level(plan: Plan) -> None:
    mid = results(plan, 2018, [{"id": "I-DBL", "value": 6.1, "unit": "件"}], [])["I-DBL"]
    assert (mid.status, mid.target) == ("needs_review", 9.0)  # no base value: no path
    assert results(plan, 2020, [{"id": "I-DBL", "value": 9, "unit": "件"}], [])["I-DBL"].status == "met"
    assert results(plan, 2020, [{"id": "I-DBL", "value": 8.9, "unit": "件"}], [])["I-DBL"].status == "missed"


def test_a_known_base_gives_the_path_to_the_stated_level(tmp_path: Path) -> None:
    plan = load_rule_file(write_plan(tmp_path, base="{value: 4.4, year: 2015}"))
    mid = results(plan, 2018, [{"id": "I-DBL", "value": 6.1, "unit": "件"}], [])["I-DBL"]
    assert mid.status == "behind" and mid.target == 9.0  # the level the plan states, not 2 x 4.4
    assert mid.expected is not None and 4.4 < mid.expected < 9


def test_without_a_level_the_target_is_the_factor_times_the_base(tmp_path: Path) -> None:
    plan = load_rule_file(write_plan(tmp_path, base="{value: 4.4, year: 2015}", level=""))
    final = results(plan, 2020, [{"id": "I-DBL", "value": 8.8, "unit": "件"}], [])["I-DBL"]
    assert (final.status, final.target) == ("met", 8.8)


def test_a_doubling_with_neither_base_value_nor_level_waits_for_the_reports(tmp_path: Path) -> None:
    bare = load_rule_file(write_plan(tmp_path, level=""))
    got = results(bare, 2020, [{"id": "I-DBL", "value": 9, "unit": "件"}], [])["I-DBL"]
    assert (got.status, got.findings[0].code if got.findings else None) == ("needs_review", None)
    assert got.fix == "请在 history 中补报 2015 年数值。"


def test_the_catalog_record_carries_level_and_base(plan: Plan) -> None:
    doubling = record(plan, plan.rules["I-DBL"])
    assert doubling["target"] == {"value": 2, "unit": "倍", "comparator": ">=", "year": 2020, "level": 9, "level_unit": "件"}
    assert doubling["base"] == {"value": None, "unit": "件", "year": 2015}
    station = record(plan, plan.rules["O-ST"])
    assert station["target"]["level"] == 20 and station["deliverable"]["from_indicator"] == "I-ST"


@pytest.mark.parametrize(
    "module", ["checker.trend", "checker.listing", "checker.kinds.multiple", "checker.links", "checker.models.plan", "checker.progress"],
)
def test_each_module_imports_on_its_own(module: str) -> None:
    # `checker rules` imports the listing (and so trend) before the kinds: no import cycle.
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
