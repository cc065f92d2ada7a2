"""Real reported figures: baselines from the reports, history on its own, part-year figures,
estimates and bounds, implausible magnitudes, the units people write, small values shown.

Every case at mid-period (2023) and in the final year (2025), for targets of both directions
(F-UP ≥ 100 件, F-DOWN ≤ 30 天; flows F-FLOW ≥ 1000 件, F-FLOW-DOWN ≤ 20 件). No rule of the test
plan (tests/fixtures/figures-plan.yaml) has a baseline; the year 2020 is its baseline year.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from checker.errors import SubmissionError
from checker.i18n import fmt_number
from checker.models.results import RuleResult
from checker.rulefile import Plan, load_rule_file
from checker.run import CheckArgs
from tests.conftest import FIXTURES
from tests.harness import assess_record, run_check

FIGURES_PLAN = FIXTURES / "figures-plan.yaml"
UNITS = {"F-UP": "件", "F-DOWN": "天", "F-FLOW": "件", "F-FLOW-DOWN": "件", "F-DOUBLE": "件", "F-DOUBLE-BARE": "件",
         "F-RATIO": "件", "F-PCT": "%", "F-MONEY": "亿元", "F-STATIONS": "家", "F-STEADY": "件"}
BASE_2020 = {"F-UP": 50, "F-DOWN": 60, "F-FLOW": 500, "F-FLOW-DOWN": 40, "F-DOUBLE": 60}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_rule_file(FIGURES_PLAN)


def entry(rule: str, value: float | None = None, history: dict[int, float] | None = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rule, **extra}
    if value is not None:
        out.update(value=value, unit=extra.get("unit", UNITS[rule]))
    if history:
        out["history"] = [{"year": y, "value": v, "unit": UNITS[rule]} for y, v in history.items()]
    return out


def judged(plan: Plan, year: int, *entries: dict[str, Any], **top: Any) -> dict[str, RuleResult]:
    data = {"plan": "figures-test", "reporter": "咸宁市", "year": year, "indicators": list(entries), **top}
    return {r.rule_id: r for r in assess_record(plan, data).results}


def one(plan: Plan, year: int, e: dict[str, Any], **top: Any) -> RuleResult:
    return judged(plan, year, e, **top)[e["id"]]


def codes(r: RuleResult) -> list[str]:
    return [f.code for f in r.findings]


# ---- Baseline from the reports -------------------------------------------------------------------

@pytest.mark.parametrize("rule, year, value, with_history, status, score", [
    # ≥: E(2023) = 50 + (100 − 50)·3/5 = 80
    ("F-UP", 2023, 80, True, "on_track", 100.0),
    ("F-UP", 2023, 65, True, "behind", 50.0),          # G = 15/30
    ("F-UP", 2023, 65, False, "needs_review", None),   # no baseline, no path
    ("F-UP", 2025, 90, True, "missed", 80.0),          # G = 40/50: partial credit
    ("F-UP", 2025, 90, False, "missed", 0.0),
    # ≤: E(2023) = 60 + (30 − 60)·3/5 = 42
    ("F-DOWN", 2023, 42, True, "on_track", 100.0),
    ("F-DOWN", 2023, 51, True, "behind", 50.0),        # G = (51 − 60)/(42 − 60)
    ("F-DOWN", 2023, 51, False, "needs_review", None),
    ("F-DOWN", 2025, 36, True, "missed", 80.0),        # G = (36 − 60)/(30 − 60)
    ("F-DOWN", 2025, 36, False, "missed", 0.0),
])
def test_baseline_from_the_reports_history(plan: Plan, rule: str, year: int, value: float, with_history: bool,
                                           status: str, score: float | None) -> None:
    history = {2020: BASE_2020[rule], year - 1: value} if with_history else None
    r = one(plan, year, entry(rule, value, history))
    assert (r.status, r.score) == (status, score)
    if with_history:
        assert r.baseline is not None and (r.baseline.year, r.baseline.value, r.baseline.origin) == (2020, BASE_2020[rule], "reports")
        found = next(f for f in r.findings if f.code == "baseline_from_data")
        assert found.severity == "info" and found.params["value"] == BASE_2020[rule]
        assert f"2020 年 {BASE_2020[rule]}{UNITS[rule]}" in found.message
    else:
        assert r.baseline is None and "baseline_from_data" not in codes(r)


@pytest.mark.parametrize("rule, year, value, status, score", [
    ("F-UP", 2023, 65, "behind", 50.0), ("F-UP", 2025, 90, "missed", 80.0),
    ("F-DOWN", 2023, 51, "behind", 50.0), ("F-DOWN", 2025, 36, "missed", 80.0),
])
def test_baseline_from_an_earlier_report_of_the_series(tmp_path: Path, rule: str, year: int, value: float,
                                                       status: str, score: float) -> None:
    """The 2020 value stated (as history) by the 2021 report is the baseline of the later years."""
    first = {"plan": "figures-test", "reporter": "咸宁市", "year": 2021,
             "indicators": [entry(rule, BASE_2020[rule], {2020: BASE_2020[rule]}, source="2021年统计公报")]}
    later = {"plan": "figures-test", "reporter": "咸宁市", "year": year, "indicators": [entry(rule, value)]}
    for data in (first, later):
        (tmp_path / f"{data['year']}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    records, run, _ = run_check(CheckArgs((str(tmp_path),), FIGURES_PLAN))
    assert not run.problems
    r = next(x for x in records[-1].results if x.rule_id == rule)
    assert (r.status, r.score) == (status, score)
    assert r.baseline is not None and r.baseline.source == f"{tmp_path / '2021.json'} (history)"


@pytest.mark.parametrize("rule, year, value, history, status, score, note", [
    # base from the reports, no stated level: 2 × 60 = 120, geometric path 60 → 120
    ("F-DOUBLE-BARE", 2023, 91, {2020: 60}, "on_track", 100.0, "multiple"),
    ("F-DOUBLE-BARE", 2025, 110, {2020: 60}, "missed", 83.3, "multiple"),    # G = 50/60
    ("F-DOUBLE-BARE", 2025, 125, {2020: 60}, "met", 100.0, "multiple"),
    # base from the reports and a stated level: the plan's threshold (200件) is the target, the path
    # runs from the base: E(2023) = 60 · (200/60)^(3/5) = 123.56, G = (91 − 60)/(123.56 − 60) = 0.4877
    ("F-DOUBLE", 2023, 91, {2020: 60}, "behind", 48.8, "multiple"),
    ("F-DOUBLE", 2025, 210, {2020: 60}, "met", 100.0, "multiple"),
    # no base value anywhere: the stated level (200件) in the target year only
    ("F-DOUBLE", 2023, 150, None, "needs_review", None, "multiple_level"),
    ("F-DOUBLE", 2025, 210, None, "met", 100.0, "multiple_level"),
    ("F-DOUBLE", 2025, 150, None, "missed", 0.0, "multiple_level"),
    # neither base value nor level: nothing to double
    ("F-DOUBLE-BARE", 2023, 150, None, "needs_review", None, None),
    ("F-DOUBLE-BARE", 2025, 150, None, "needs_review", None, None),
])
def test_multiple_without_a_stated_base(plan: Plan, rule: str, year: int, value: float, history: dict[int, float] | None,
                                        status: str, score: float | None, note: str | None) -> None:
    r = one(plan, year, entry(rule, value, history))
    assert (r.status, r.score) == (status, score)
    if note:
        assert note in codes(r)
    else:
        assert r.message_key == "multiple_no_base" and r.fix_key == "report_history"
    if history:
        assert r.target == (200 if rule == "F-DOUBLE" else 120) and "base_from_data" in codes(r)


# ---- History on its own ------------------------------------------------------------------------

@pytest.mark.parametrize("rule", ["F-UP", "F-DOWN"])
@pytest.mark.parametrize("year", [2023, 2025])
def test_history_only_is_not_reported_and_keeps_its_years(plan: Plan, rule: str, year: int) -> None:
    r = one(plan, year, entry(rule, history={2020: BASE_2020[rule], 2021: BASE_2020[rule] + 1}))
    assert (r.status, r.score, r.message_key, r.fix_key) == ("not_reported", 0.0, "history_only", "report_value")
    assert [(p.year, p.value) for p in r.series] == [(2020, BASE_2020[rule]), (2021, BASE_2020[rule] + 1)]


@pytest.mark.parametrize("rule, year, value, status", [
    ("F-UP", 2023, 80, "on_track"), ("F-UP", 2025, 90, "missed"),
    ("F-DOWN", 2023, 42, "on_track"), ("F-DOWN", 2025, 36, "missed"),
])
def test_history_only_feeds_the_next_year(tmp_path: Path, rule: str, year: int, value: float, status: str) -> None:
    only = {"plan": "figures-test", "reporter": "咸宁市", "year": year - 1,
            "indicators": [entry(rule, history={2020: BASE_2020[rule]})]}
    later = {"plan": "figures-test", "reporter": "咸宁市", "year": year, "indicators": [entry(rule, value)]}
    for data in (only, later):
        (tmp_path / f"{data['year']}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    records, run, _ = run_check(CheckArgs((str(tmp_path),), FIGURES_PLAN))
    assert not run.problems and len(records) == 2
    assert next(x for x in records[0].results if x.rule_id == rule).status == "not_reported"
    r = next(x for x in records[1].results if x.rule_id == rule)
    assert r.status == status and r.baseline is not None and r.baseline.value == BASE_2020[rule]


def test_an_empty_entry_is_not_reported(plan: Plan) -> None:
    # A blank row (a template's unfilled line) says nothing about the year.
    assert one(plan, 2023, {"id": "F-UP"}).status == "not_reported"
    with pytest.raises(SubmissionError) as exc:  # a note alone does not give a level indicator its value
        one(plan, 2023, {"id": "F-UP", "note": "待统计"})
    assert "仅在 history 中填报历年数据" in exc.value.problems[0].zh


# ---- Part-year figures -------------------------------------------------------------------------

Q1 = Decimal(90) / Decimal(365)  # 2023-03-31 and 2025-03-31: 90 days of 365


@pytest.mark.parametrize("rule, period_end, value, status, score, expected", [
    # stocks on the path at the date: at = 2022 + 90/365, E = 50 + 50·(2.2466/5) = 72.4658
    ("F-UP", "2023-03-31", 72.5, "on_track", 100.0, 72.4658),
    ("F-UP", "2023-03-31", 60, "behind", 44.5, 72.4658),              # G = 10/22.4658
    # in the target year the year is not over: never missed; E = 50 + 50·(4.2466/5)
    ("F-UP", "2025-03-31", 80, "behind", 70.6, 92.4658),              # G = 30/42.4658 = 0.70645 (points from the exact G)
    ("F-UP", "2025-03-31", 100, "met", 100.0, 92.4658),               # already reached
    # ≤: 2025-06-30 is 181/365; E = 60 − 30·(4.4959/5) = 33.0247
    ("F-DOWN", "2025-06-30", 33, "on_track", 100.0, 33.0247),
    ("F-DOWN", "2025-06-30", 40, "behind", 74.1, 33.0247),            # G = −20/−26.9753
    ("F-DOWN", "2023-06-30", 48, "behind", 80.1, 45.0247),            # E = 60 − 30·(2.4959/5); G = 12/14.9753
])
def test_part_year_stock_is_judged_on_the_path_at_its_date(plan: Plan, rule: str, period_end: str, value: float,
                                                          status: str, score: float, expected: float) -> None:
    year = int(period_end[:4])
    r = one(plan, year, entry(rule, value, {2020: BASE_2020[rule]}), period_end=period_end)
    assert (r.status, r.score) == (status, score)
    assert r.provisional and r.figure is not None and r.figure.period_end == period_end
    if status != "met":
        assert r.expected == expected and r.message_key == "on_path_at"
    assert year not in [p.year for p in r.series]  # never a year-end value


@pytest.mark.parametrize("rule, year, value, status, score, expected", [
    # ≥ flow: E(2023) = 500 + 500·3/5 = 800, pro rata 800·90/365 = 197.2603
    ("F-FLOW", 2023, 200, "on_track", 100.0, 197.2603),
    ("F-FLOW", 2023, 150, "behind", 76.0, 197.2603),      # 150/197.26
    ("F-FLOW", 2025, 1100, "met", 100.0, 1000),           # the year's total cannot fall below it
    ("F-FLOW", 2025, 150, "behind", 60.8, 246.5753),      # not missed: the year is not over
    # ≤ flow: E(2023) = 40 − 20·3/5 = 28, pro rata 6.9041; ratio = pro rata / value
    ("F-FLOW-DOWN", 2023, 5, "on_track", 100.0, 6.9041),
    ("F-FLOW-DOWN", 2023, 10, "behind", 69.0, 6.9041),
    ("F-FLOW-DOWN", 2025, 25, "missed", 0.0, 20),          # already above the year's cap
    ("F-FLOW-DOWN", 2025, 3, "on_track", 100.0, 4.9315),
])
def test_part_year_flow_is_judged_pro_rata(plan: Plan, rule: str, year: int, value: float, status: str,
                                           score: float, expected: float) -> None:
    r = one(plan, year, entry(rule, value, {2020: BASE_2020[rule]}), period_end=f"{year}-03-31")
    assert (r.status, r.score, r.expected) == (status, score, expected)
    assert r.provisional and r.figure is not None and r.figure.year_share == round(float(Q1), 4)
    if status in ("on_track", "behind"):
        assert r.message_key == "flow_pro_rata" and "按时间进度折算" in r.message


@pytest.mark.parametrize("year", [2023, 2025])
def test_part_year_growth_needs_review_and_entry_period_end_overrides(plan: Plan, year: int) -> None:
    results = judged(
        plan, year, entry("F-STEADY", 5, {year - 1: 4}), entry("F-UP", 90, {2020: 50}, period_end=f"{year}-12-31"),
        period_end=f"{year}-06-30",
    )
    assert (results["F-STEADY"].status, results["F-STEADY"].fix_key) == ("needs_review", "report_year_end")
    assert results["F-UP"].figure is not None and results["F-UP"].figure.period_end is None  # the entry is year-end
    assert not results["F-UP"].provisional


def test_part_year_and_year_end_reports_of_one_year_form_one_series(tmp_path: Path) -> None:
    """The first-quarter report comes before the year-end report and gives later years no value."""
    reports = [
        ("q1.json", {"year": 2023, "period_end": "2023-03-31", "indicators": [entry("F-UP", 60, {2020: 50})]}),
        ("2023.json", {"year": 2023, "indicators": [entry("F-UP", 80)]}),
        ("2024.json", {"year": 2024, "indicators": [entry("F-UP", 90)]}),
    ]
    for name, data in reports:
        data = {"plan": "figures-test", "reporter": "咸宁市", **data}
        (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    records, run, _ = run_check(CheckArgs((str(tmp_path),), FIGURES_PLAN))
    assert not run.problems
    assert [Path(a.submission).name for a in records] == ["q1.json", "2023.json", "2024.json"]
    last = next(r for r in records[-1].results if r.rule_id == "F-UP")
    assert [(p.year, p.value) for p in last.series] == [(2020, 50), (2023, 80), (2024, 90)]


# ---- Estimates and bounds ----------------------------------------------------------------------

@pytest.mark.parametrize("rule, year, value, status", [
    ("F-UP", 2023, 80, "on_track"), ("F-UP", 2025, 90, "missed"),
    ("F-DOWN", 2023, 51, "behind"), ("F-DOWN", 2025, 30, "met"),
])
def test_an_estimate_is_judged_and_marked(plan: Plan, rule: str, year: int, value: float, status: str) -> None:
    plain = one(plan, year, entry(rule, value, {2020: BASE_2020[rule]}))
    estimated = one(plan, year, entry(rule, value, {2020: BASE_2020[rule]}, estimate=True))
    assert estimated.status == plain.status == status and estimated.score == plain.score
    assert estimated.provisional and not plain.provisional
    assert "estimate_basis" in codes(estimated) and estimated.figure is not None and estimated.figure.estimate


@pytest.mark.parametrize("rule, bound, year, value, status, score, provisional, key", [
    # worst-case bounds: the true status is no worse
    ("F-UP", "at_least", 2025, 120, "met", 100.0, False, "bound_certain"),
    ("F-UP", "at_least", 2025, 90, "missed", 80.0, True, "bound_floor"),
    ("F-UP", "at_least", 2023, 65, "behind", 50.0, True, "bound_floor"),
    ("F-DOWN", "at_most", 2025, 25, "met", 100.0, False, "bound_certain"),
    ("F-DOWN", "at_most", 2023, 51, "behind", 50.0, True, "bound_floor"),
    # best-case bounds: a requirement they reach is not shown; one they miss is missed for certain
    ("F-UP", "at_most", 2025, 120, "unverified", 0.0, True, None),
    ("F-UP", "at_most", 2023, 85, "unverified", 0.0, True, None),
    ("F-UP", "at_most", 2025, 90, "missed", 80.0, False, "bound_ceiling"),
    ("F-DOWN", "at_least", 2025, 25, "unverified", 0.0, True, None),
    ("F-DOWN", "at_least", 2025, 36, "missed", 80.0, False, "bound_ceiling"),
    ("F-DOWN", "at_least", 2023, 51, "behind", 50.0, False, "bound_ceiling"),
])
def test_a_bound_decides_what_it_can(plan: Plan, rule: str, bound: str, year: int, value: float, status: str,
                                     score: float | None, provisional: bool, key: str | None) -> None:
    r = one(plan, year, entry(rule, value, {2020: BASE_2020[rule]}, bound=bound))
    assert (r.status, r.score, r.provisional) == (status, score, provisional)
    assert r.figure is not None and r.figure.bound == bound
    if key:
        assert key in codes(r)
    else:
        assert (r.message_key, r.fix_key, r.claim) == ("bound_inconclusive", "report_exact", "figure")
    if key == "bound_floor":
        # the gap from a worst-case bound is at most the one shown
        assert r.message_key == "final_missed_at_most" if year == 2025 else r.fix_key.endswith("_at_most")  # type: ignore[union-attr]
        assert "至多" in (r.message + (r.fix or ""))


# ---- Implausible magnitudes --------------------------------------------------------------------

@pytest.mark.parametrize("year", [2023, 2025])
@pytest.mark.parametrize("rule, prev, value, unit, key, hint", [
    ("F-PCT", 85, 0.85, "%", "magnitude_fraction", "应为 85%"),
    ("F-PCT", 85, 8500, "%", "magnitude_percent_twice", "应为 85%"),
    ("F-MONEY", 2.3, 2.6, "万元", "magnitude_unit", "若原数为 亿元 而非 万元,应为 2.6亿元"),
    ("F-UP", 5000, 5200, "万件", "magnitude_unit", "若原数为 件 而非 万件,应为 5200件"),
    ("F-RATIO", 8.1, 2950, "件", "magnitude_per_population", "疑似填报了总量"),
    ("F-DOWN", 60, 6000, "天", "magnitude", "相差约 100 倍"),
])
def test_implausible_magnitude_is_a_warning_with_the_probable_mistake(
    plan: Plan, year: int, rule: str, prev: float, value: float, unit: str, key: str, hint: str,
) -> None:
    r = one(plan, year, entry(rule, value, {year - 1: prev}, unit=unit))
    warning = next(f for f in r.findings if f.code.startswith("magnitude"))
    assert (warning.code, warning.severity) == (key, "warning")
    assert hint in warning.message
    assert r.status in ("on_track", "behind", "met", "missed", "needs_review")  # judged, never rejected


@pytest.mark.parametrize("rule, prev, value", [("F-UP", 50, 65), ("F-STATIONS", 1, 40), ("F-PCT", 85, 97)])
def test_plausible_values_raise_no_warning(plan: Plan, rule: str, prev: float, value: float) -> None:
    r = one(plan, 2023, entry(rule, value, {2022: prev}))
    assert not [f for f in r.findings if f.code.startswith("magnitude")]


def test_the_baseline_is_the_reference_without_the_year_before(plan: Plan) -> None:
    r = one(plan, 2023, entry("F-UP", 0.5, {2020: 5000}))
    warning = next(f for f in r.findings if f.code == "magnitude_unit")
    assert (warning.params["ref_year"], warning.params["probable"], warning.params["corrected"]) == (2020, "万件", 5000)


def test_small_values_are_never_shown_as_zero(plan: Plan) -> None:
    r = one(plan, 2023, entry("F-MONEY", 2.6, {2022: 2.3}, unit="万元"))
    assert r.actual == 0.00026
    assert fmt_number(Decimal("0.00026")) == "0.00026"


@pytest.mark.parametrize("value, shown", [
    ("0.055", "0.055"), ("0.00026", "0.00026"), ("0.05", "0.05"), ("0.06", "0.06"), ("0.0456", "0.046"),
    ("1.234", "1.23"), ("0.125", "0.12"), ("27300.8", "27300.8"), ("-0.055", "-0.055"), ("0", "0"),
])
def test_fmt_number_keeps_significant_digits_of_small_values(value: str, shown: str) -> None:
    assert fmt_number(Decimal(value)) == shown


# ---- Units people write ------------------------------------------------------------------------

@pytest.mark.parametrize("rule, value, unit, actual", [
    ("F-MONEY", 3.42, "亿", 3.42), ("F-MONEY", 34200, "万", 3.42), ("F-UP", 3.9, "万", 39000),
    ("F-RATIO", 12.5, "件/万人", 12.5), ("F-RATIO", 12.5, "件/万人口", 12.5), ("F-RATIO", 12.5, "件每万人", 12.5),
    ("F-STATIONS", 12, "个", 12), ("F-STATIONS", 12, "家", 12),
])
def test_accepted_spellings(plan: Plan, rule: str, value: float, unit: str, actual: float) -> None:
    assert one(plan, 2023, entry(rule, value, unit=unit)).actual == actual


@pytest.mark.parametrize("rule, unit, hint", [
    ("F-UP", "件/万人", "为每万人口数,而该指标为总量"),
    ("F-STATIONS", "件", "计量的不是同一类对象"),
    ("F-MONEY", "件", "不是金额单位"),
    ("F-UP", "万元", "为金额,而该指标计 件"),
    ("F-RATIO", "万元", "该指标为每万人口数"),
    ("F-PCT", "亿", "未知单位"),
])
def test_refused_units_say_what_is_probably_wrong(plan: Plan, rule: str, unit: str, hint: str) -> None:
    with pytest.raises(SubmissionError) as exc:
        one(plan, 2023, entry(rule, 3, unit=unit))
    assert hint in exc.value.problems[0].zh and exc.value.problems[0].place == "$.indicators[0].unit"


# ---- Notes and sources shown -------------------------------------------------------------------

def test_note_and_source_appear_in_the_result(plan: Plan) -> None:
    r = one(plan, 2023, entry("F-UP", 80, {2020: 50}, note="含失效后恢复", source="2023年统计公报"))
    assert r.figure is not None and (r.figure.note, r.figure.source) == ("含失效后恢复", "2023年统计公报")


# ---- The worked example of docs/scoring.md §7 --------------------------------------------------

def test_worked_example() -> None:
    from tests.golden import REPO

    def results(folder: str) -> dict[str, RuleResult]:
        records, run, _ = run_check(CheckArgs((str(REPO / "submissions" / "hubei" / folder),)))
        assert not run.problems and len(records) == 1
        return {r.rule_id: r for r in records[0].results}

    year_end, q1 = results("real-figures"), results("first-quarter")
    got = {k: (year_end[k].status, year_end[k].score, year_end[k].provisional) for k in ("HB-I04", "HB-I02", "HB-I05", "HB-I06")}
    assert got == {
        "HB-I04": ("missed", 99.0, False), "HB-I02": ("missed", 81.0, False),
        "HB-I05": ("met", 100.0, False), "HB-I06": ("missed", 66.7, True),
    }
    assert year_end["HB-I04"].progress is not None and year_end["HB-I04"].progress.ratio == 1.0
    assert year_end["HB-I02"].progress is not None and year_end["HB-I02"].progress.ratio == 0.8095
    assert year_end["HB-I04"].baseline is not None and (year_end["HB-I04"].baseline.year, year_end["HB-I04"].baseline.value) == (2024, 1720)
    assert "bound_certain" in codes(year_end["HB-I05"])
    assert q1["HB-I01"].figure is not None and q1["HB-I01"].figure.year_share == 0.2466
    assert (q1["HB-I01"].status, q1["HB-I01"].expected, q1["HB-I01"].progress.ratio) == ("on_track", 21.6438, 1.3519)  # type: ignore[union-attr]
    assert (q1["HB-I04"].status, q1["HB-I04"].expected, q1["HB-I04"].progress.ratio) == ("on_track", 493.1507, 1.0544)  # type: ignore[union-attr]
    assert (q1["HB-I05"].status, q1["HB-I05"].expected, q1["HB-I05"].score) == ("behind", 78.9041, 76.0)
    assert all(q1[k].provisional for k in ("HB-I01", "HB-I04", "HB-I05", "HB-I06"))
