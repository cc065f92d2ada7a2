"""Every problem of a report in one pass, each at its line, with hints for the usual mistakes;
and a published schema that rejects what `check` rejects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from checker.cli import check_command
from checker.models.submission import Submission
from checker.schemas import load_schema

REPORT = """\
{
  "$schema": "./langfang.schema.json",
  "plan": "langfang-14fyp",
  "reporter": "市市场监管局",
  "year": 2023,
  "indicators": [
    {"id": "LF-I01", "value": "2,950", "unit": "件"},
    {"id": "LF-I02",
     "value": 8.1},
    {"name": "专利授权量", "value": 3, "unit": "件"},
    {"id": "LF-I04", "value": 2,
     "unit": "件"},
    {"id": "LF-I06", "value": "12亿元"},
    {"id": "LF-I07", "name": "有效注册商标量", "value": 3, "unit": "家"}
  ],
  "obligations": [
    {"id": "LF-O-3.1.1", "status": "not_applicable"},
    {"id": "LF-O-3.1.2", "status": "completed",
     "evidence": [{"title": "政策", "date": "2023/4/2"}]},
    {"id": "LF-O-3.3", "status": "done"},
    {"id": "LF-O-4.3", "status": "completed"},
    {"id": "LF-O-3.4.1", "status": "completed"},
    {"id": "LF-O-3.4.1", "status": "completed"}
  ]
}
"""


def _stderr(tmp_path: Path, text: str, *args: str) -> list[str]:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(check_command, [str(path), *args])
    assert result.exit_code == 2
    return [line.removeprefix(f"{path}:") for line in result.stderr.splitlines()]


def test_schema_model_and_matching_problems_come_together(tmp_path: Path) -> None:
    assert _stderr(tmp_path, REPORT) == [
        "7: $.indicators[0].value: 类型错误:应为数值:“2,950” 请去掉千位分隔符和引号,写作 2950",
        "8: $.indicators[1]: 填报数值须注明单位 unit",
        "10: $.indicators[2].name: 未知指标“专利授权量”",
        "12: $.indicators[3].unit: 该指标为金额(亿元),所报单位 “件” 不是金额单位:请用 元、万元 或 亿元",
        "13: $.indicators[4].value: 类型错误:应为数值:数值与单位须分开填写,value 写 12,unit 写 “亿元”",
        "14: $.indicators[5].name: 编号 LF-I07 是“知识产权服务品牌机构”,与所填名称“有效注册商标量”不符(行被移动或编号被改动?请核对)",
        "17: $.obligations[0]: 状态为“不适用”时须说明理由 reason",
        "19: $.obligations[1].evidence[0].date: 日期格式应为 YYYY-MM-DD:“2023/4/2” 请写作 2023-04-02",
        "20: $.obligations[2].status: 取值 'done' 无效,可选:completed / in_progress / not_started / not_applicable",
        "21: $.obligations[3].id: 规则 LF-O-4.3“强化知识产权司法保护”不属于本报送主体的责任(责任单位:市法院、市检察院、市公安局、市司法局、廊坊仲裁委)",
        "23: $.obligations[5]: 规则 LF-O-3.4.1 重复填报(另见 $.obligations[4])",
    ]


def test_header_and_entry_problems_come_together(tmp_path: Path) -> None:
    text = REPORT.replace('"市市场监管局"', '"市场局"').replace('"year": 2023', '"year": 2030')
    lines = _stderr(tmp_path, text)
    assert lines[0].startswith("4: $.reporter: 规划 langfang-14fyp 中没有报送主体“市场局”;可能是:市市场监管局 (dept-scjgj)")
    assert "7: $.indicators[0].value: 类型错误:应为数值:“2,950” 请去掉千位分隔符和引号,写作 2950" in lines
    assert len(lines) == 7  # the reporter, and the six schema problems: matching needs a reporter


def test_year_outside_the_period_and_matching_together(tmp_path: Path) -> None:
    text = json.dumps({"plan": "langfang-14fyp", "reporter": "市市场监管局", "year": 2030,
                       "indicators": [{"name": "专利授权量", "value": 3, "unit": "件"}]}, ensure_ascii=False)
    assert _stderr(tmp_path, text) == [
        "1: $.indicators[0].name: 未知指标“专利授权量”",
        "1: $.year: 报告年度 2030 不在规划期 2021—2025 内",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"plan": "a"，"year": 1}', "1: JSON 格式错误:第 13 列:此处是全角字符 “，”,JSON 的标点须用半角 ,(请关闭中文标点输入)"),
        ('{\n  "plan"： "a"}', "2: JSON 格式错误:第 9 列:此处是全角字符 “：”,JSON 的标点须用半角 :(请关闭中文标点输入)"),
        ('{"plan": “a”}', "1: JSON 格式错误:第 10 列:此处是全角字符 ““”,JSON 的标点须用半角 \"(请关闭中文标点输入)"),
        ('{"plan" "a"}', "1: JSON 格式错误:第 9 列:此处应为冒号 :"),
        ('{"plan": "a" "year": 1}', "1: JSON 格式错误:第 14 列:此处应为逗号 ,(或缺少右括号 } ])"),
        ('{"plan": "a",}', "1: JSON 格式错误:第 14 列:最后一项后面多了逗号 ,(请删去)"),
        ('{"plan": [1, 2,]}', "1: JSON 格式错误:第 16 列:最后一项后面多了逗号 ,(请删去)"),
        ('{"plan": "a}', "1: JSON 格式错误:第 10 列:字符串没有结束(缺少右双引号 \")"),
        ('{"plan": }', "1: JSON 格式错误:第 10 列:此处应为一个值(数值、\"字符串\"、true/false/null、对象或数组)"),
    ],
)
def test_json_syntax_errors_in_our_words(tmp_path: Path, text: str, message: str) -> None:
    assert _stderr(tmp_path, text) == [message]


def test_percentage_written_as_a_fraction_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"plan": "langfang-14fyp", "reporter": "市市场监管局", "year": 2023,
                                "indicators": [{"id": "LF-I03", "value": 0.055, "unit": "%"}]}), encoding="utf-8")
    result = CliRunner().invoke(check_command, [str(path), "--format", "json"])
    [lf03] = [r for r in json.loads(result.stdout)["assessments"][0]["results"] if r["rule_id"] == "LF-I03"]
    # Against the baseline (2.4 %) the value is a fraction given as a percentage: one warning says so.
    assert [f["code"] for f in lf03["findings"]] == ["magnitude_fraction"]
    assert "疑似把比例的小数形式当作百分数填报:应为 5.5%" in lf03["findings"][0]["message"]


# --- the published schema agrees with the model --------------------------------------------------

BASE = {"plan": "p", "reporter": "r", "year": 2023}
DOCUMENTS: list[tuple[str, dict[str, Any]]] = [
    ("$schema and $comment", {**BASE, "$schema": "x.json", "$comment": "c"}),
    ("entry $comment", {**BASE, "indicators": [{"$comment": "c", "id": "a"}]}),
    ("value without unit", {**BASE, "indicators": [{"id": "a", "value": 1}]}),
    ("value with null unit", {**BASE, "indicators": [{"id": "a", "value": 1, "unit": None}]}),
    ("null value without unit", {**BASE, "indicators": [{"id": "a", "value": None}]}),
    ("quantity without unit", {**BASE, "obligations": [{"id": "a", "status": "in_progress", "quantity": 3}]}),
    ("not applicable without reason", {**BASE, "obligations": [{"id": "a", "status": "not_applicable"}]}),
    ("not applicable, blank reason", {**BASE, "obligations": [{"id": "a", "status": "not_applicable", "reason": "  "}]}),
    ("not applicable with reason", {**BASE, "obligations": [{"id": "a", "status": "not_applicable", "reason": "无"}]}),
    ("neither id nor name", {**BASE, "indicators": [{"value": 1, "unit": "件"}]}),
    ("empty id", {**BASE, "obligations": [{"id": "", "status": "completed"}]}),
    ("no status (a blank row)", {**BASE, "obligations": [{"id": "a"}]}),
    ("bad date", {**BASE, "submitted": "2023-02-30"}),
    ("good date", {**BASE, "submitted": "2023-02-28"}),
    ("unknown field", {**BASE, "yaer": 1}),
]


@pytest.mark.parametrize("document", [d for _, d in DOCUMENTS], ids=[n for n, _ in DOCUMENTS])
def test_schema_rejects_what_the_model_rejects(document: dict[str, Any]) -> None:
    schema = load_schema("submission")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    try:
        Submission.model_validate(document)
        model_ok = True
    except ValidationError:
        model_ok = False
    assert validator.is_valid(document) == model_ok


def test_schema_is_usable_by_editors() -> None:
    schema = load_schema("submission")
    assert schema["$id"] == "urn:plan-compliance-checker:schema:submission"
    entry = schema["$defs"]["ObligationEntry"]["properties"]
    assert entry["status"]["anyOf"][0]["enum"] == ["completed", "in_progress", "not_started", "not_applicable"]
    assert "万件" in schema["$defs"]["IndicatorEntry"]["properties"]["unit"]["anyOf"][0]["enum"]
    assert schema["properties"]["year"]["title"] == "报告年度"
    assert schema["properties"]["year"]["description"] == "报告年度 / the year reported on"
