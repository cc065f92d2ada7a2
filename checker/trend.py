"""Trends from a value series: the CAGR ratio and the projection to the target year (预警).

Both are pure functions of the known values (baseline, earlier reports, the report itself).
See docs/series.md for the methods.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, DecimalException, localcontext
from functools import lru_cache

from checker.frozen import one_step_init
from checker.judgement import Msg
from checker.kinds import KINDS, increment, path_of
from checker.kinds.growth import MAX_LEVEL, root_growth
from checker.models.plan import IndicatorRule, ProgressThresholds
from checker.models.results import CagrClass, CagrRatio, Projection, SeriesPoint
from checker.progress import IndicatorInput, meets, published

# A projection or growth rate beyond this magnitude says only "the trend explodes": none is given.
# The bound on a growth target's level, as float and Decimal.
LIMIT = float(MAX_LEVEL)
_LIMIT = MAX_LEVEL


def target_level(inp: IndicatorInput) -> Decimal | None:
    """The value the reported series must reach by the target year, in the rule's unit."""
    return KINDS[inp.rule.kind].target_level(inp)


def stated_target_level(rule: IndicatorRule) -> Decimal | None:
    """The target level from the rule file alone, before any report (for the catalog)."""
    nothing = IndicatorInput(rule, rule.target.year, None, None, None, {}, rule.target.year, ProgressThresholds())
    return target_level(nothing)


def _fit_line(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares slope and intercept."""
    xs, ys = [x for x, _ in points], [y for _, y in points]  # summed in the points' order, as ever
    n = len(points)
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum([(x - mean_x) ** 2 for x in xs])
    slope = sum([(x - mean_x) * (y - mean_y) for x, y in points]) / sxx
    return slope, mean_y - slope * mean_x


def project(inp: IndicatorInput, series: Mapping[int, Decimal], year: int) -> Projection | None:
    """Extrapolate the series to the target year: least squares on the values (linear path) or on
    their logarithms (geometric path: growth and multiple targets); needs two years or more."""
    rule, goal = inp.rule, target_level(inp)
    points = [(y, float(v)) for y, v in series.items() if y <= year]
    if goal is None or len(points) < 2 or year >= rule.target.year:
        return None
    geometric = path_of(rule) == "geometric"
    geometric = geometric and all(v > 0 for _, v in points)
    try:
        if geometric:
            slope, intercept = _fit_line([(y, math.log(v)) for y, v in points])
            value = math.exp(intercept + slope * rule.target.year)
        else:
            slope, intercept = _fit_line(points)
            value = intercept + slope * rule.target.year
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    if not math.isfinite(value) or abs(value) > LIMIT:
        return None
    projected = Decimal(repr(round(value, 4)))
    return Projection.built(
        year=rule.target.year,
        value=float(projected),
        method="geometric" if geometric else "linear",
        reaches=meets(projected, goal, rule.target.comparator),
        gap=round(float(projected - goal), 4),
    )


def cagr_ratio(inp: IndicatorInput, series: Mapping[int, Decimal], year: int) -> CagrRatio | None:
    """Actual CAGR (first positive value to this year) over the CAGR required from baseline to target.

    Classes as Eurostat's SDG assessment: >= 95 % on track, 60-95 % needs acceleration,
    0-60 % limited progress, < 0 moving away.
    """
    rule, goal = inp.rule, target_level(inp)
    baseline = inp.baseline
    if goal is None or baseline is None or baseline.value <= 0 or goal <= 0 or rule.target.year <= baseline.year:
        return None
    positive = [(y, v) for y, v in series.items() if y <= year and v > 0]
    if len(positive) < 2:
        return None
    (y0, v0), (y1, v1) = positive[0], positive[-1]
    required = _required_growth(goal, baseline.value, rule.target.year - baseline.year)
    if required is None or abs(required) > _LIMIT:
        return None
    return _cagr_fast(v1, v0, y1 - y0, required) or _cagr_exact(v1, v0, y1 - y0, required)


def _cagr_exact(v1: Decimal, v0: Decimal, years: int, required: Decimal) -> CagrRatio | None:
    try:
        with localcontext() as ctx:
            ctx.prec = 34
            actual = root_growth(v1 / v0, years)
            if actual is None or abs(actual) > _LIMIT:
                return None
            exact = None if required == 0 else actual / required
    except DecimalException:
        return None
    category: CagrClass | None = None
    if exact is not None:
        # Classified on the unrounded ratio; rounded for display only.
        category = _cagr_class(exact)
    ratio = None if exact is None or abs(exact) > _LIMIT else round(float(exact), 4)
    if ratio is None:
        category = None
    return CagrRatio.built(
        actual=round(float(actual), 2), required=round(float(required), 2), ratio=ratio, category=category,
    )


_ON_TRACK, _NEEDS_ACCELERATION = Decimal("0.95"), Decimal("0.6")


def _least_float_at_or_above(bound: Decimal) -> float:
    """The least float ≥ bound: a float is ≥ it exactly when it is ≥ the bound (the float 0.95 is
    below Decimal("0.95"), so the bound for floats is the next float up)."""
    f = float(bound)
    return f if Decimal(f) >= bound else math.nextafter(f, math.inf)


# The same bounds for floats: a float compares with a Decimal exactly, but converts on every comparison.
_ON_TRACK_F, _NEEDS_ACCELERATION_F = _least_float_at_or_above(_ON_TRACK), _least_float_at_or_above(_NEEDS_ACCELERATION)


def _cagr_class(ratio: Decimal | float) -> CagrClass:
    on_track, accelerate = (_ON_TRACK, _NEEDS_ACCELERATION) if isinstance(ratio, Decimal) else (_ON_TRACK_F, _NEEDS_ACCELERATION_F)
    return (
        "on_track" if ratio >= on_track else "needs_acceleration" if ratio >= accelerate
        else "limited_progress" if ratio >= 0 else "moving_away"
    )


def _cagr_fast(v1: Decimal, v0: Decimal, years: int, required: Decimal) -> CagrRatio | None:
    """_cagr_exact's record computed in floats (a Decimal logarithm costs tens of microseconds), or
    None when the floats cannot guarantee it: the true values are bracketed by an error bound a
    thousand times the floats' own, and the bracket must give one rounding and one class at both
    ends (rounding and classes are monotonic), else the Decimals decide."""
    f1, f0 = float(v1), float(v0)
    if not (1e-200 < f0 < 1e200 and 1e-200 < f1 < 1e200 and 1e-12 < (p := f1 / f0) < 1e12):
        return None
    actual = math.expm1(math.log(p) / years) * 100
    slack = 1e-9 * (1 + abs(actual))
    shown = round(actual - slack, 2)
    if shown != round(actual + slack, 2):
        return None
    ratio = category = None
    if required != 0:
        req = float(required)
        r = actual / req
        if not abs(r) < 1e15:
            return None
        r_slack = slack / abs(req) + 1e-12 * (1 + abs(r))
        low, high = r - r_slack, r + r_slack
        ratio, category = round(low, 4), _cagr_class(low)
        if ratio != round(high, 4) or category != _cagr_class(high):
            return None
    return CagrRatio.built(actual=shown, required=round(float(required), 2), ratio=ratio, category=category)


@lru_cache(maxsize=4096)
def _required_growth(goal: Decimal, baseline: Decimal, years: int) -> Decimal | None:
    """The CAGR the plan requires: the same for every report of a rule, so worked out once (a
    Decimal logarithm costs tens of microseconds), its context entered only then. In Decimals: no
    float division by zero, underflow or overflow, whatever the values."""
    try:
        with localcontext() as ctx:
            ctx.prec = 34
            return root_growth(goal / baseline, years)
    except DecimalException:
        return None


@one_step_init
@dataclass(frozen=True)
class Trend:
    """An indicator's series with its trend measures, and the early warnings they raise."""

    series: tuple[SeriesPoint, ...] = ()
    cagr: CagrRatio | None = None
    projection: Projection | None = None
    warnings: tuple[Msg, ...] = ()


def trend_of(inp: IndicatorInput, sources: Mapping[int, str]) -> Trend:
    """Series, CAGR ratio and projection of one reported indicator; a binding indicator projected
    to miss its target raises an early warning (预警) in every year before the target year."""
    rule = inp.rule
    series = measure = inp.series()  # read only: copied where it changes
    if rule.kind == "increment" and increment.mode(rule) == "added_since_baseline" and inp.baseline is not None:
        # The reported values are additions: the baseline year stands at zero, not at the stock.
        series = measure = {**series, inp.baseline.year: Decimal(0)}
    points = tuple([
        SeriesPoint.built(year=y, value=published(v), source=sources.get(y, "baseline")) for y, v in series.items()
    ])
    cagr = None if rule.kind == "increment" else cagr_ratio(inp, measure, inp.year)
    projection = project(inp, measure, inp.year)
    warnings: tuple[Msg, ...] = ()
    if projection is not None and not projection.reaches and rule.attribute == "binding":
        warnings = (Msg.of(
            "early_warning", year=projection.year, value=Decimal(repr(projection.value)),
            gap=Decimal(repr(abs(projection.gap))), unit=rule.unit,
        ),)
    return Trend(points, cagr, projection, warnings)
