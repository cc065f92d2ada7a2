"""Each indicator kind at the baseline value, mid-period and the final year."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import report


def ind(rule_id: str, value: float | None = None, unit: str = "件", **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": rule_id, **extra}
    if value is not None:
        entry.update(value=value, unit=unit)
    return entry


def hist(unit: str = "件", **years: float) -> list[dict[str, Any]]:
    return [{"year": int(y[1:]), "value": v, "unit": unit} for y, v in years.items()]


CASES = [
    # id, year, entry, status, expected value, progress ratio, progress class
    # level 1.91 -> 5 (2020 -> 2025), >=: path 2023 = 3.764
    ("level at baseline", 2023, ind("XN-I02", 1.91), "behind", 3.764, 0.0, "seriously_lagging"),
    ("level on path", 2023, ind("XN-I02", 3.764), "on_track", 3.764, 1.0, "on_schedule"),
    ("level lagging", 2023, ind("XN-I02", 3.1), "behind", 3.764, 0.6419, "lagging"),
    ("level moving away", 2023, ind("XN-I02", 1.5), "behind", 3.764, -0.2211, "moving_away"),
    ("level achieved early", 2023, ind("XN-I02", 5.2), "met", 3.764, 1.7745, "achieved"),
    ("level final met", 2025, ind("XN-I02", 5), "met", 5.0, 1.0, "achieved"),
    ("level final missed", 2025, ind("XN-I02", 4.9), "missed", 5.0, 0.9676, "on_schedule"),
    # flow 78 -> 200: path 2021 = 102.4
    ("flow first year", 2021, ind("XN-I03", 102.4), "on_track", 102.4, 1.0, "on_schedule"),
    ("flow final", 2025, ind("XN-I03", 199), "missed", 200.0, 0.9918, "on_schedule"),
    # cumulative 5060 -> 10000 万元, reported in 亿元
    ("cumulative in 亿元", 2023, ind("XN-I07", 0.8, "亿元"), "on_track", 8024.0, 0.9919, "on_schedule"),
    # increment: 10 additions by 2025; path 2023 = 6
    ("increment none yet", 2023, ind("XN-I09", 0), "behind", 6.0, 0.0, "seriously_lagging"),
    ("increment on path", 2023, ind("XN-I09", 6), "on_track", 6.0, 1.0, "on_schedule"),
    ("increment final", 2025, ind("XN-I09", 10), "met", 10.0, 1.0, "achieved"),
    # growth > 20 %/yr from 5060 (2020): geometric path 2023 = 8743.68
    ("growth exactly 20% is not above 20%", 2023, ind("XN-I10", 8743.68, "万元"), "behind", 8743.68, 1.0, "on_schedule"),
    ("growth above 20%", 2023, ind("XN-I10", 9000, "万元"), "on_track", 8743.68, 1.0696, "on_schedule"),
    ("growth final missed", 2025, ind("XN-I10", 10000, "万元"), "missed", 12590.9, 0.656, "lagging"),
    ("growth final met", 2025, ind("XN-I10", 13000, "万元"), "met", 12590.9, 1.0543, "achieved"),
    # binding, lower is better: 90 -> 60 天; path 2023 = 72
    ("lower-better on path", 2023, ind("T-CYCLE", 72, "天"), "on_track", 72.0, 1.0, "on_schedule"),
    ("lower-better lagging", 2023, ind("T-CYCLE", 80, "天"), "behind", 72.0, 0.5556, "seriously_lagging"),
    ("lower-better rising", 2023, ind("T-CYCLE", 95, "天"), "behind", 72.0, -0.2778, "moving_away"),
    ("lower-better final met", 2025, ind("T-CYCLE", 60, "天"), "met", 60.0, 1.0, "achieved"),
    ("lower-better final missed", 2025, ind("T-CYCLE", 61, "天"), "missed", 60.0, 0.9667, "on_schedule"),
    # multiple: 2 x 300 (2015) = 600; geometric from 488 (2020)
    ("multiple mid", 2023, ind("T-DOUBLE", 550), "on_track", 552.4064, 0.9626, "on_schedule"),
    ("multiple final", 2025, ind("T-DOUBLE", 600), "met", 600.0, 1.0, "achieved"),
    # no baseline: needs review before the target year, met/missed at it
    ("no baseline mid", 2023, ind("T-TEA", 350), "needs_review", None, None, None),
    ("no baseline final met", 2025, ind("T-TEA", 300), "met", 300.0, None, "achieved"),
    ("no baseline final missed", 2025, ind("T-TEA", 299), "missed", 300.0, None, None),
    # steady growth
    ("steady rising", 2023, ind("XN-I04", 9, history=hist(y2021=7, y2022=8)), "on_track", 8.0, None, "on_schedule"),
    ("steady flat", 2023, ind("XN-I04", 9, history=hist(y2022=9)), "behind", 9.0, None, "moving_away"),
    ("steady without last year", 2023, ind("XN-I04", 9), "needs_review", None, None, None),
    ("steady first year uses baseline", 2021, ind("XN-I04", 7), "on_track", 6.0, None, "on_schedule"),
    ("steady final", 2025, ind("XN-I04", 12, history=hist(y2021=7, y2022=8, y2023=10, y2024=11)), "met", 11.0, None, "achieved"),
    # qualitative
    # a rank or verdict in the reporter's own file is a claim until an assessor decides (test_decisions.py)
    ("rank good", 2023, ind("T-RANK", rank=3), "unverified", None, None, None),
    ("rank poor final", 2025, ind("T-RANK", rank=8), "unverified", None, None, None),
    ("verdict", 2025, ind("T-RANK", verdict="met"), "unverified", None, None, None),
    ("only a note: awaiting a verdict", 2023, ind("T-RANK", note="待省考核结果"), "needs_review", None, None, None),
    ("a blank entry is not reported", 2023, ind("T-RANK"), "not_reported", None, None, None),
    ("a blank entry with its unit (a template row)", 2023, ind("XN-I02", unit="件"), "not_reported", None, None, None),
]


@pytest.mark.parametrize(
    ("year", "entry", "status", "expected", "ratio", "progress"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_indicator_kind(
    result_of: Callable[..., Any], year: int, entry: dict[str, Any], status: str,
    expected: float | None, ratio: float | None, progress: str | None,
) -> None:
    result = result_of(report(year, indicators=[entry]), entry["id"])
    assert result.status == status
    assert result.expected == (None if expected is None else pytest.approx(expected, abs=1e-3))
    got_ratio = result.progress.ratio if result.progress else None
    assert got_ratio == (None if ratio is None else pytest.approx(ratio, abs=1e-4))
    assert (result.progress.category if result.progress else None) == progress


def test_not_reported(result_of: Callable[..., Any]) -> None:
    result = result_of(report(2023), "XN-I02")
    assert (result.status, result.score, result.fix) == ("not_reported", 0.0, "请填报 2023 年数值及单位。")


def test_message_cites_the_plan(result_of: Callable[..., Any]) -> None:
    result = result_of(report(2023, indicators=[ind("XN-I02", 3.1)]), "XN-I02")
    assert result.message == (
        "2023年应达 3.76件(序时进度),实际 3.1件,进度比 0.64(进度滞后)。 "
        "规划原文:“每万人口发明专利拥有量达到5件”(三、(二)具体目标)"
    )
    assert result.fix == "须提升至少 0.66件 才能达到 2023 年序时要求。"
    assert result.gap == pytest.approx(-0.664)
    assert result.score == 64.2


def test_cumulative_fall_is_flagged(result_of: Callable[..., Any]) -> None:
    entry = ind("XN-I07", 6000, "万元", history=hist("万元", y2021=5500, y2022=6500))
    result = result_of(report(2023, indicators=[entry]), "XN-I07")
    assert [f.code for f in result.findings] == ["cumulative_fell"]
    assert "疑似误填了年度值" in result.findings[0].message


def test_increment_from_annual_additions(mini_plan: Any, assess_dict: Callable[..., Any]) -> None:
    from checker.models.plan import IndicatorRule

    rule = mini_plan.rules["XN-I09"]
    assert isinstance(rule, IndicatorRule) and rule.reported_as is None
    result = next(r for r in assess_dict(report(2023, indicators=[ind("XN-I09", 6)])).results if r.rule_id == "XN-I09")
    assert result.actual == 6.0
