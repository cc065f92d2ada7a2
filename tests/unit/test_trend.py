"""Trend measures: target levels per kind, the CAGR ratio and the projection."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from checker.models.plan import IndicatorRule, ProgressThresholds
from checker.progress import IndicatorInput
from checker.trend import cagr_ratio, project, stated_target_level

SOURCE = {"document": "d.txt", "section": "s", "quote": "q"}


def rule(**fields: Any) -> IndicatorRule:
    base: dict[str, Any] = {
        "id": "R", "name": "r", "kind": "level", "unit": "件", "subject": "x", "category": "c",
        "baseline": {"value": 100, "year": 2020}, "target": {"value": 200, "year": 2025, "comparator": ">="},
        "source": SOURCE,
    }
    return IndicatorRule.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("fields", "level"),
    [({}, Decimal(200)),
     ({"kind": "multiple", "target": {"value": 2, "year": 2025, "comparator": ">="}, "base": {"value": 50, "year": 2015}}, Decimal(100)),
     ({"kind": "growth_rate", "target": {"value": 10, "year": 2022, "comparator": ">="}}, Decimal("121.00")),
     ({"kind": "growth_rate", "reported_as": "rate", "target": {"value": 10, "year": 2022, "comparator": ">="}}, None),
     ({"kind": "increment", "target": {"value": 30, "year": 2025, "comparator": ">="}}, Decimal(30)),
     ({"kind": "increment", "reported_as": "level", "target": {"value": 30, "year": 2025, "comparator": ">="}}, Decimal(130)),
     ({"kind": "increment", "reported_as": "annual_addition", "target": {"value": 30, "year": 2025, "comparator": ">="}}, None),
     ({"kind": "steady_growth", "target": {"year": 2025, "comparator": ">"}}, None)],
)
def test_target_level_per_kind(fields: dict[str, Any], level: Decimal | None) -> None:
    assert stated_target_level(rule(**fields)) == level


def inp(r: IndicatorRule | None = None) -> IndicatorInput:
    return IndicatorInput(r or rule(), 2022, None, None, None, {}, 2021, ProgressThresholds())


def test_linear_projection_reaches_or_misses() -> None:
    series = {2020: Decimal(100), 2021: Decimal(120), 2022: Decimal(140)}
    projection = project(inp(), series, 2022)
    assert projection is not None
    assert (projection.value, projection.method, projection.reaches, projection.gap) == (200.0, "linear", True, 0.0)
    slow = project(inp(), {2020: Decimal(100), 2022: Decimal(110)}, 2022)
    assert slow is not None and (slow.value, slow.reaches, slow.gap) == (125.0, False, -75.0)


def test_no_projection_from_one_point_or_in_the_target_year() -> None:
    assert project(inp(), {2020: Decimal(100)}, 2020) is None
    assert project(inp(), {2020: Decimal(100), 2025: Decimal(150)}, 2025) is None


def test_cagr_ratio_classes() -> None:
    # Required: 100 -> 200 over 5 years, 14.87 % a year; actual 100 -> 121 over 2 years, 10 % a year.
    ratio = cagr_ratio(inp(), {2020: Decimal(100), 2022: Decimal(121)}, 2022)
    assert ratio is not None
    assert (ratio.actual, ratio.required, ratio.category) == (10.0, 14.87, "needs_acceleration")
    falling = cagr_ratio(inp(), {2020: Decimal(100), 2022: Decimal(90)}, 2022)
    assert falling is not None and falling.category == "moving_away"
    assert cagr_ratio(inp(rule(baseline={"value": 0, "year": 2020})), {2020: Decimal(0), 2022: Decimal(5)}, 2022) is None


# --- The CAGR ratio in floats gives the Decimals' record, or defers to them --------------------

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.trend import _cagr_exact, _cagr_fast

_values = st.decimals(min_value=Decimal("1e-6"), max_value=Decimal("1e15"), allow_nan=False, places=6).filter(lambda v: v > 0)
_required = st.one_of(
    st.just(Decimal(0)),
    st.decimals(min_value=Decimal(-100), max_value=Decimal(1000), allow_nan=False, places=30),
)


@settings(max_examples=3000, deadline=None)
@given(_values, _values, st.integers(1, 30), _required)
def test_fast_cagr_is_the_exact_one_or_defers(v1: Decimal, v0: Decimal, years: int, required: Decimal) -> None:
    fast = _cagr_fast(v1, v0, years, required)
    if fast is not None:
        assert fast == _cagr_exact(v1, v0, years, required)


@pytest.mark.parametrize("v1, v0, years, required", [
    # Right on a rounding boundary of the actual CAGR (10 % a year) and of the ratio (exactly 0.95, 0.6):
    (Decimal("1.1"), Decimal(1), 1, Decimal("10.526315789473684210526315789473684")),
    (Decimal("1.1"), Decimal(1), 1, Decimal(10) / Decimal("0.95")),
    (Decimal("1.06"), Decimal(1), 1, Decimal(10)),
    (Decimal("1.001"), Decimal(1), 1, Decimal(2)),  # 0.1 % against 2 %: 0.05 exactly
])
def test_fast_cagr_on_boundaries(v1: Decimal, v0: Decimal, years: int, required: Decimal) -> None:
    fast = _cagr_fast(v1, v0, years, required)
    assert fast is None or fast == _cagr_exact(v1, v0, years, required)


def test_fast_cagr_answers_ordinary_figures() -> None:
    assert _cagr_fast(Decimal("390.596"), Decimal("324.509"), 1, Decimal("13.2")) == _cagr_exact(
        Decimal("390.596"), Decimal("324.509"), 1, Decimal("13.2"))
    assert _cagr_fast(Decimal("390.596"), Decimal("324.509"), 1, Decimal("13.2")) is not None
