"""Blank reports: template -> filled in -> check, in JSON and XLSX, giving the same assessment."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from checker.catalog import Catalog
from checker.cli import checker_group
from checker.intake import read
from checker.models.submission import Submission
from checker.plan_schema import plan_schema
from checker.rulefile import Plan
from checker.run import CheckArgs
from checker.template import blank_report, json_bytes
from checker.workbook import workbook_bytes
from tests.filling import answers, filled_json, filled_workbook
from tests.harness import run_check

# (plan, reporter): two plans, a department and a county of each
CASES = [
    ("langfang-14fyp", "市科技局"),
    ("langfang-14fyp", "固安县"),
    ("langfang-14fyp", "市市场监管局"),
    ("xianning-14fyp", "市市场监督管理局"),
    ("xianning-14fyp", "赤壁市"),
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(None)


def _plan(catalog: Catalog, plan_id: str) -> Plan:
    plan = catalog.get(plan_id)
    assert plan is not None
    return plan


def _comparable(record: Any) -> dict[str, Any]:
    """An assessment without what names the file (its path, the entries' lines or cells)."""
    data: dict[str, Any] = record.model_dump(mode="json")
    data.pop("submission")
    for result in data["results"]:
        result.pop("location")
        for point in result["series"]:
            point.pop("source")  # names the file the figure came from
    return data


def _check(*paths: Path) -> tuple[list[Any], list[str]]:
    records, run, _ = run_check(CheckArgs(tuple(str(p) for p in paths)))
    return records, [p.render() for p in run.problems]


@pytest.mark.parametrize(("plan_id", "reporter"), CASES)
def test_round_trip_json_and_xlsx_give_the_same_assessment(catalog: Catalog, tmp_path: Path, plan_id: str, reporter: str) -> None:
    blank = blank_report(_plan(catalog, plan_id), reporter, 2023)
    given = answers(blank)
    (tmp_path / "j").mkdir()
    (tmp_path / "x").mkdir()
    as_json = tmp_path / "j" / "report.json"
    as_json.write_text(json.dumps(filled_json(blank, given), ensure_ascii=False), encoding="utf-8")
    as_xlsx = tmp_path / "x" / "report.xlsx"
    as_xlsx.write_bytes(filled_workbook(blank, given))
    quirky = tmp_path / "q" / "report.xlsx"
    quirky.parent.mkdir()
    quirky.write_bytes(filled_workbook(blank, given, quirks=True))
    records, problems = _check(as_json, as_xlsx, quirky)
    assert problems == []
    assert len(records) == 3
    assert _comparable(records[0]) == _comparable(records[1]) == _comparable(records[2])
    # Every rule the reporter owes that year is answered: nothing is left not reported.
    assert {r.rule_id for r in records[0].results} == {row.rule.id for row in blank.rows} | {o.rule.id for o in blank.not_due}
    assert all(r.status != "not_reported" for r in records[0].results)
    # The workbook reads back into exactly the JSON's submission (less the JSON template's guidance).
    assert _content(read(as_xlsx).submission) == _content(read(as_json).submission)


def _content(submission: Submission) -> dict[str, Any]:
    guidance: Any = {"comment": True, "indicators": {"__all__": {"comment"}}, "obligations": {"__all__": {"comment"}}}
    return submission.model_dump(mode="json", exclude=guidance)


@pytest.mark.parametrize(("plan_id", "reporter"), CASES)
def test_unfilled_templates_check_as_not_reported(catalog: Catalog, tmp_path: Path, plan_id: str, reporter: str) -> None:
    blank = blank_report(_plan(catalog, plan_id), reporter, 2023)
    (tmp_path / "j").mkdir()
    (tmp_path / "j" / "blank.json").write_bytes(json_bytes(blank))
    (tmp_path / "blank.xlsx").write_bytes(workbook_bytes(blank))
    records, problems = _check(tmp_path / "j" / "blank.json", tmp_path / "blank.xlsx")
    assert problems == []
    for record in records:
        statuses = {r.rule_id: r.status for r in record.results}
        assert {rid for rid, s in statuses.items() if s == "not_reported"} == {row.rule.id for row in blank.rows}
        assert {rid for rid, s in statuses.items() if s != "not_reported"} == {o.rule.id for o in blank.not_due}
        assert all(r.fix for r in record.results if r.status == "not_reported")
    assert _comparable(records[0]) == _comparable(records[1])


def test_template_rows_say_role_unit_target_expected_and_quote(catalog: Catalog) -> None:
    blank = blank_report(_plan(catalog, "langfang-14fyp"), "市科技局", 2023)
    first = blank.rows[0]
    assert (first.rule.id, first.role_label, first.unit, first.target) == ("LF-I01", "配合", "件", "2025年 ≥ 3.7件")
    assert first.expected == Decimal("2.88")  # 1.65 + (3.7 - 1.65) × 3/5
    assert first.comment(2023) == (
        "本单位职责:配合 · 单位:件 · 目标:2025年 ≥ 3.7件 · 2023年序时应达:2.88件 · "
        "规划原文:“每万人口高价值发明专利拥有量(件)1.653.7市市场监管局牵头”"
    )
    # LF-O-8.4-final starts in 2025: not due in 2023, so not a row but named in the instructions.
    assert [o.rule.id for o in blank.not_due] == ["LF-O-8.4-final"]


def test_template_json_is_a_valid_report_skeleton(catalog: Catalog) -> None:
    plan = _plan(catalog, "langfang-14fyp")
    data = json.loads(json_bytes(blank_report(plan, "市科技局", 2023)))
    jsonschema.validate(data, plan_schema(plan))
    Submission.model_validate(data)


def test_from_earlier_report_prefills_history(catalog: Catalog, tmp_path: Path) -> None:
    plan = _plan(catalog, "langfang-14fyp")
    earlier = read(Path("submissions/langfang/2023-dept-scjgj-self-check.json"))
    blank = blank_report(plan, "市市场监管局", 2024, earlier)
    rows = {r.rule.id: r for r in blank.rows}
    assert [(p.year, p.value, p.unit) for p in rows["LF-I13"].history] == [(2021, 18500, "件"), (2022, 19200, "件"), (2023, 20500, "件")]
    # And from the workbook of that year: the same history.
    book = tmp_path / "2024.xlsx"
    book.write_bytes(workbook_bytes(blank))
    again = blank_report(plan, "市市场监管局", 2025, read(book))
    assert [(p.year, p.value) for p in {r.rule.id: r for r in again.rows}["LF-I13"].history] == [(2021, 18500), (2022, 19200), (2023, 20500)]


def test_from_another_reporter_is_refused(catalog: Catalog) -> None:
    from checker.errors import UsageError

    earlier = read(Path("submissions/langfang/2023-dept-scjgj-self-check.json"))
    with pytest.raises(UsageError) as caught:
        blank_report(_plan(catalog, "langfang-14fyp"), "市科技局", 2024, earlier)
    assert [p.zh for p in caught.value.problems] == ["--from 报告的报送主体是“市市场监管局”,不是“市科技局”"]


def test_cli_template_and_schema(tmp_path: Path) -> None:
    cli = CliRunner()
    out = tmp_path / "kjj.xlsx"
    result = cli.invoke(checker_group, ["template", "langfang-14fyp", "--reporter", "市科技局", "--year", "2023", "-o", str(out)])
    assert (result.exit_code, result.output) == (0, "")
    assert out.read_bytes()[:2] == b"PK" and not list(tmp_path.glob(".*.tmp"))
    result = cli.invoke(checker_group, ["template", "langfang-14fyp", "--reporter", "市科技局", "--year", "2023"])
    assert json.loads(result.stdout)["reporter"] == "市科技局"
    result = cli.invoke(checker_group, ["template", "langfang-14fyp", "--reporter", "无此单位", "--year", "2023"])
    assert (result.exit_code, result.stderr) == (2, "无此单位: 规划 langfang-14fyp 中没有报送主体“无此单位”\n")
    result = cli.invoke(checker_group, ["template", "langfang-14fyp", "--reporter", "市科技局", "--year", "2030"])
    assert (result.exit_code, result.stderr) == (2, "2030: 年度不在规划期 2021—2025 内\n")
    result = cli.invoke(checker_group, ["schema", "langfang-14fyp"])
    schema = json.loads(result.stdout)
    assert schema["$id"] == "urn:plan-compliance-checker:schema:submission:langfang-14fyp"
    assert "LF-I01" in schema["$defs"]["IndicatorEntry"]["properties"]["id"]["enum"]
