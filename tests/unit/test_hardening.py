"""The low-level guards: echoing, bounds on numbers, units' signs, suggestions, exact growth maths."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from checker import echo, names
from checker.errors import Problem
from checker.kinds.growth import cagr_percent, root_growth
from checker.models.plan import ProgressThresholds
from checker.models.types import number_problem
from checker.progress import classify, display_ratio, expected_on_path, progress_ratio


@pytest.mark.parametrize(("text", "shown"), [
    ("T-X\nforged.json: ok", "T-X\\nforged.json: ok"),
    ("\x1b[31mred", "\\x1b[31mred"),
    ("a\udc00b", "a\\udc00b"),
    ("file-\udcff.json", "file-\\xff.json"),
    ("\u202eevil\u2028x", "\\u202eevil\\u2028x"),
    ("tab\there\r", "tab\\there\\r"),
    ("普通文字 plain", "普通文字 plain"),
])
def test_clean_escapes_what_could_forge_or_fail_to_encode(text: str, shown: str) -> None:
    assert echo.clean(text) == shown
    echo.clean(text).encode("utf-8")


def test_clean_cuts_long_text_and_says_how_much() -> None:
    cut = echo.clean("市" * 1_000_000)
    assert cut == "市" * 200 + "…(+999800)"
    assert echo.clean("\n" * 300, 10) == "\\n" * 5 + "…(+295)"
    assert echo.clean("x" * 50, None) == "x" * 50


def test_problems_are_always_printable_single_lines() -> None:
    p = Problem("a\udcff\nb.json", "未知“x\ny”" + "长" * 10_000, "e\udc00", "$.x\r")
    rendered = p.render() + p.render("en")
    assert "\n" not in rendered and "\r" not in rendered
    rendered.encode("utf-8")
    assert len(p.zh) < echo.MAX_MESSAGE + 20


def test_path_text_and_write_problem() -> None:
    import errno
    import os

    assert echo.path_text(os.fsdecode(b"x\xff.json")) == "x\\xff.json"
    assert echo.write_problem(OSError(errno.ENOSPC, "No space")).zh.startswith("设备已满")


@pytest.mark.parametrize(("text", "fragment"), [
    ("1e-999999", "过小"), ("1e999999", "超出范围"), ("1e16", "超出范围"), ("-1000000000000000.5", "超出范围"),
    ("1e-13", "过小"), ("NaN", "非有限"), ("1.00000000000000000000000000001", "有效数字"),
])
def test_number_bounds(text: str, fragment: str) -> None:
    problem = number_problem(Decimal(text))
    assert problem is not None and fragment in problem[0]


@pytest.mark.parametrize("text", ["0", "1e15", "-1e15", "1e-12", "0.30000000000000004", "66900", "1.500000000000000000000000000000000"])
def test_numbers_within_bounds(text: str) -> None:
    assert number_problem(Decimal(text)) is None


@pytest.mark.parametrize(("text", "bad"), [
    # Around the cheap pre-checks: the comparison at adjusted() == 15, the 28-character length test.
    ("1000000000000000.0000001", True), ("999999999999999.99", False), ("1000000000000000.000", False),
    ("0.1234567890123456789012345678", False), ("0.12345678901234567890123456789", True),
    ("1.234567890123456789012345678E-5", False), ("1.2345678901234567890123456789E-5", True),
    ("12345678901234.50000000000000000000", False),
])
def test_number_bounds_written_or_not(text: str, bad: bool) -> None:
    assert (number_problem(Decimal(text)) is not None) == bad
    assert (number_problem(Decimal(text), text) is not None) == bad


@pytest.mark.parametrize(("token", "value"), [
    ("999999999999999", 999999999999999), ("-99999999999999", -99999999999999), ("0", 0),
    ("1000000000000000", 1000000000000000), ("1000000000000001", None), ("-1000000000000001", None),
])
def test_json_integer_bounds(token: str, value: int | None) -> None:
    from checker.loading import _integer

    result = _integer(token)
    assert result == value if value is not None else not isinstance(result, int)


def test_progress_classified_unrounded_displayed_rounded() -> None:
    thresholds = ProgressThresholds()
    ratio = progress_ratio(Decimal("94.995"), Decimal(0), Decimal(100))
    assert ratio == Decimal("0.94995") and display_ratio(ratio) == pytest.approx(0.95, abs=1e-4)
    assert classify(ratio, False, thresholds) == "lagging"
    assert classify(Decimal("0.95"), False, thresholds) == "on_schedule"
    assert classify(Decimal("0.9499999999999999999999"), False, thresholds) == "lagging"
    assert classify(Decimal("0.6"), False, thresholds) == "lagging"
    assert classify(Decimal("0.5999999999999999999"), False, thresholds) == "seriously_lagging"


@pytest.mark.parametrize(("start", "end", "years"), [
    ("1e-400", "1", 3), ("1e-300", "1e300", 1), ("1", "1e-400", 2), ("1e-12", "1e15", 1), ("5", "0", 2),
])
def test_growth_maths_never_crashes(start: str, end: str, years: int) -> None:
    value = cagr_percent(Decimal(start), Decimal(end), years)
    assert value is None or value.is_finite()
    assert root_growth(Decimal(-1), 2) is None and root_growth(Decimal(0), 3) == -100


def test_geometric_path_without_float_overflow() -> None:
    value = expected_on_path(Decimal("1e-300"), 2020, Decimal("1e300"), 2025, 2023, "geometric")
    assert value.is_finite() and value > 0


def test_trend_measures_never_crash_on_extreme_series() -> None:
    from checker.models.plan import IndicatorRule, ProgressThresholds
    from checker.progress import IndicatorInput
    from checker.rulefile import load_rule_file
    from checker.trend import cagr_ratio, project
    from tests.conftest import FIXTURES

    plan = load_rule_file(FIXTURES / "history-plan.yaml")
    for rule_id in ("H-GROW", "H-DOUBLE", "H-CUM", "H-LOW"):
        rule = plan.rules[rule_id]
        assert isinstance(rule, IndicatorRule)
        inp = IndicatorInput(rule, 2022, None, None, None, {}, 2021, ProgressThresholds())
        for series in ({2021: Decimal("1e-400"), 2022: Decimal("1e300")}, {2021: Decimal("1e-300"), 2022: Decimal("1e-400")},
                       {2021: Decimal(0), 2022: Decimal("1e15")}, {2021: Decimal("1e15"), 2022: Decimal("-1e15")}):
            cagr_ratio(inp, series, 2022)
            projection = project(inp, series, 2022)
            assert projection is None or abs(projection.value) <= 1e18


def test_suggestions_are_the_same_and_bounded() -> None:
    options = {f"指标名称{i}": f"R-{i}" for i in range(300)}
    assert "指标名称12 (R-12)" in names.suggest("指标名称12", options)
    start = time.monotonic()
    names.suggest("长" * 1_000_000, options)
    suggester = names.Suggester(fuzzy=10)
    for i in range(20_000):
        suggester(f"未知{i}", options)
    assert time.monotonic() - start < 5
    assert suggester("指标名称299", options) == ["指标名称2 (R-2)", "指标名称29 (R-29)", "指标名称299 (R-299)"]


def test_conversion_results_are_bounded() -> None:
    from checker.units import UnitError, convert

    assert convert(Decimal("6.69"), "万件", "件") == Decimal("66900.00")
    assert convert(Decimal("1e12"), "亿元", "元") == Decimal("1e20")
    with pytest.raises(UnitError, match="1e20"):
        convert(Decimal("999999999999999.9999"), "亿元", "元")
