"""Who owes what, and how report entries find their rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from checker.errors import SubmissionError
from checker.names import normalise
from tests.conftest import report

ALL_CITY = [
    "XN-I02", "XN-I03", "XN-I05", "XN-I07", "XN-I09", "XN-I10", "XN-I04", "T-RANK", "T-DOUBLE", "T-CYCLE", "T-TEA",
    "XN-O-STATIONS", "T-DOC", "T-ANNUAL", "T-ONGOING",
]


@pytest.mark.parametrize(
    ("reporter", "owed"),
    [
        ("咸宁市", [(r, "subject") for r in ALL_CITY]),
        ("xianan", [("XN-XA-I01", "subject"), ("T-ANNUAL", "joint")]),
        ("咸安区", [("XN-XA-I01", "subject"), ("T-ANNUAL", "joint")]),
        ("市科技局", [("XN-I02", "support"), ("T-DOC", "lead")]),
        ("市知识产权局", [("XN-I02", "lead"), ("T-CYCLE", "lead"), ("XN-O-STATIONS", "lead"), ("T-DOC", "support"), ("T-ONGOING", "lead")]),
        ("市教育局", [("T-ANNUAL", "joint")]),
    ],
)
def test_reporter_sees_exactly_what_it_owes(
    assess_dict: Callable[..., Any], reporter: str, owed: list[tuple[str, str]]
) -> None:
    assessment = assess_dict(report(2023, reporter))
    assert [(r.rule_id, r.role) for r in assessment.results] == owed


def _problems(assess_dict: Callable[..., Any], data: dict[str, Any]) -> list[str]:
    with pytest.raises(SubmissionError) as info:
        assess_dict(data)
    return [f"{p.place}: {p.zh}" for p in info.value.problems]


def test_industry_chain_cannot_report(assess_dict: Callable[..., Any]) -> None:
    assert _problems(assess_dict, report(2023, "茶叶产业链")) == ["$.reporter: “茶叶产业链”不单独报送(由上级汇总报送)"]


def test_unknown_reporter_lists_candidates(assess_dict: Callable[..., Any]) -> None:
    [message] = _problems(assess_dict, report(2023, "咸安"))
    assert message.startswith("$.reporter: 规划 mini-xianning 中没有报送主体“咸安”;可能是:咸安区 (xianan)")


def test_name_matching_normalises_width_and_spaces(result_of: Callable[..., Any]) -> None:
    entry = {"name": "每万人口 发明专利拥有量", "value": 3.764, "unit": "件"}
    assert result_of(report(2023, indicators=[entry]), "XN-I02").status == "on_track"
    entry = {"name": "年度ＰＣＴ国际专利申请量", "value": 7, "unit": "件"}
    assert result_of(report(2021, indicators=[entry]), "XN-I04").status == "on_track"


def test_alias_matches(result_of: Callable[..., Any]) -> None:
    entry = {"name": "万人发明专利拥有量", "value": 3.764, "unit": "件"}
    assert result_of(report(2023, indicators=[entry]), "XN-I02").status == "on_track"


def test_same_name_resolves_within_the_reporter(result_of: Callable[..., Any]) -> None:
    """年度发明专利授权总量 is both the city's and 咸安区's; each report finds its own."""
    entry = {"name": "年度发明专利授权总量", "value": 44, "unit": "件"}
    assert result_of(report(2023, "咸安区", indicators=[entry]), "XN-XA-I01").status == "on_track"


def test_unknown_name_lists_candidates(assess_dict: Callable[..., Any]) -> None:
    [message] = _problems(assess_dict, report(2023, indicators=[{"name": "发明专利拥有量", "value": 1, "unit": "件"}]))
    assert message.startswith("$.indicators[0].name: 未知指标“发明专利拥有量”;可能是:")
    assert "每万人口发明专利拥有量 (XN-I02)" in message


def test_obligation_not_owed_names_who_owes_it(assess_dict: Callable[..., Any]) -> None:
    data = report(2023, "市科技局", obligations=[{"id": "XN-O-STATIONS", "status": "completed"}])
    assert _problems(assess_dict, data) == [
        "$.obligations[0].id: 规则 XN-O-STATIONS“建成维权援助工作站”不属于本报送主体的责任(责任单位:市市场监管局)"
    ]


def test_every_problem_is_reported_together(assess_dict: Callable[..., Any]) -> None:
    data = report(2023, indicators=[
        {"id": "XN-I02", "value": 3, "unit": "万元"},
        {"id": "NOPE", "value": 1, "unit": "件"},
        {"id": "XN-I02", "value": 3, "unit": "件"},
    ])
    assert _problems(assess_dict, data) == [
        "$.indicators[0].unit: 该指标为每万人口数(件/万人),所报单位 “万元” 不符:请填报 件 或 件/万人 计的比值,而非总量",
        "$.indicators[1].id: 未知指标“NOPE”",
        "$.indicators[2]: 规则 XN-I02 重复填报(另见 $.indicators[0])",
    ]


def test_year_outside_period(assess_dict: Callable[..., Any]) -> None:
    assert _problems(assess_dict, report(2026)) == ["$.year: 报告年度 2026 不在规划期 2021—2025 内"]


def test_normalise() -> None:
    assert normalise(" ＰＣＴ 国际 专利 ") == "pct国际专利"
