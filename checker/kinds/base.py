"""What every indicator kind receives and returns, and the shared path arithmetic (序时进度)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, DecimalException, localcontext
from typing import Literal

from checker.messages import Msg
from checker.models.plan import Comparator, IndicatorRule, ProgressThresholds
from checker.models.results import ProgressClass, Status

Shape = Literal["linear", "geometric"]


@dataclass(frozen=True)
class IndicatorInput:
    """One indicator rule with what the report (and earlier reports) say about it."""

    rule: IndicatorRule
    year: int
    value: Decimal | None  # in the rule's unit
    rank: int | None
    verdict: Literal["met", "missed"] | None
    history: Mapping[int, Decimal]  # earlier years' values, in the rule's unit
    period_start: int
    thresholds: ProgressThresholds

    @property
    def reported(self) -> bool:
        return self.value is not None or self.rank is not None or self.verdict is not None

    def series(self) -> dict[int, Decimal]:
        """Every known value up to the reporting year, the baseline included."""
        out = {y: v for y, v in self.history.items() if y < self.year}
        if self.rule.baseline is not None:
            out.setdefault(self.rule.baseline.year, self.rule.baseline.value)
        if self.value is not None:
            out[self.year] = self.value
        return dict(sorted(out.items()))


@dataclass(frozen=True)
class Outcome:
    """What a kind decides; the evaluator adds rule id, subject, citation and score."""

    status: Status
    message: Msg
    expected: Decimal | None = None
    target: Decimal | None = None
    actual: Decimal | None = None
    ratio: float | None = None
    progress: ProgressClass | None = None
    points: float | None = None  # 0..1; None: not scored
    fix: Msg | None = None
    notes: tuple[Msg, ...] = field(default_factory=tuple)


def meets(value: Decimal, target: Decimal, comparator: Comparator) -> bool:
    if comparator == ">=":
        return value >= target
    if comparator == ">":
        return value > target
    if comparator == "<=":
        return value <= target
    return value < target


def expected_on_path(
    start: Decimal, start_year: int, target: Decimal, target_year: int, year: int, shape: Shape
) -> Decimal:
    """Where the value should be in `year` on the way from start to target."""
    if year >= target_year or target_year <= start_year:
        return target
    if year <= start_year:
        return start
    share = Decimal(year - start_year) / Decimal(target_year - start_year)
    if shape == "geometric" and start > 0 and target > 0:
        geometric = _geometric(start, target, share)
        if geometric is not None:
            return geometric
    return start + (target - start) * share


def _geometric(start: Decimal, target: Decimal, share: Decimal) -> Decimal | None:
    """start × (target / start)^share, to 6 decimals; in floats where they suffice, else in Decimals."""
    try:
        value = float(start) * (float(target) / float(start)) ** float(share)
        if math.isfinite(value) and value > 0:
            return Decimal(value).quantize(Decimal("1e-6"))
    except (OverflowError, ZeroDivisionError, DecimalException):
        pass
    try:
        with localcontext() as ctx:
            ctx.prec = 34
            value_d = start * ((target / start).ln() * share).exp()
            return value_d.quantize(Decimal("1e-6")) if value_d.adjusted() < 25 else value_d
    except DecimalException:
        return None


Ratio = Decimal


def progress_ratio(actual: Decimal, start: Decimal, expected: Decimal) -> Ratio | None:
    """G = (actual - start) / (expected - start), exact and unrounded; the sign of the denominator
    handles direction.

    Progress is judged on this ratio (G = 0.94995 is below 0.95, as in the peer benchmark);
    display_ratio() rounds it for the output only.
    """
    if expected == start:
        return None
    try:
        with localcontext() as ctx:
            ctx.prec = 34
            ratio = (actual - start) / (expected - start)
    except DecimalException:
        return None
    return ratio if ratio.is_finite() else None


def display_ratio(ratio: Ratio | None) -> float | None:
    """The ratio as shown and published: four decimals."""
    if ratio is None:
        return None
    shown = float(ratio)
    return round(shown, 4) if math.isfinite(shown) else None


def at_least(ratio: Ratio, threshold: float) -> bool:
    """ratio ≥ threshold, the threshold read as the decimal it is written as (0.95, not the binary
    float just below it)."""
    return ratio >= Decimal(repr(threshold))


def classify(ratio: Ratio | None, achieved: bool, thresholds: ProgressThresholds) -> ProgressClass | None:
    if achieved:
        return "achieved"
    if ratio is None:
        return None
    if at_least(ratio, thresholds.on_track):
        return "on_schedule"
    if at_least(ratio, thresholds.lagging):
        return "lagging"
    if ratio >= 0:
        return "seriously_lagging"
    return "moving_away"


def closing_fix(comparator: Comparator, expected: Decimal, actual: Decimal, unit: str, year: int) -> Msg:
    """What it takes to get back on the path: raise the value, or lower it for ≤ targets."""
    key = "raise_value" if comparator in (">=", ">") else "lower_value"
    return Msg.of(key, gap=abs(expected - actual), unit=unit, year=year)


def capped(ratio: Ratio | float | None) -> float:
    """Points from a ratio: the ratio within [0, 1]."""
    return 0.0 if ratio is None else float(min(Decimal(1), max(Decimal(0), Decimal(ratio))))


def judge_against_path(
    actual: Decimal,
    start: Decimal | None,
    start_year: int | None,
    target: Decimal,
    target_year: int,
    comparator: Comparator,
    year: int,
    shape: Shape,
    thresholds: ProgressThresholds,
    unit: str,
) -> Outcome:
    """The common judgement of a quantity against its target and the path to it."""
    achieved = meets(actual, target, comparator)
    final = year >= target_year
    rising = comparator in (">=", ">")
    if start is None or start_year is None:
        # Without a baseline there is no path: judged at the target year only.
        if final:
            return _final(actual, target, comparator, year, unit, achieved, None, thresholds)
        return Outcome(
            "needs_review", Msg.of("no_baseline_mid", year=year, actual=actual, unit=unit, target_year=target_year),
            target=target, actual=actual,
        )
    if (target < start) == rising and target != start and not achieved:
        # The target lies behind the baseline (廊坊's 2.4 → 1 亿元 with ≥): the path is meaningless,
        # so the target is a floor to hold every year.
        status: Status = "missed" if final else "behind"
        return Outcome(
            status, Msg.of("hold_floor", cmp=comparator, target=target, unit=unit, year=year, actual=actual),
            expected=target, target=target, actual=actual, points=0.0,
            fix=Msg.of("missed_target") if final else closing_fix(comparator, target, actual, unit, year),
        )
    expected = expected_on_path(start, start_year, target, target_year, year, shape)
    ratio = progress_ratio(actual, start, expected)
    if final or achieved:
        return _final(actual, target, comparator, year, unit, achieved, ratio, thresholds, expected)
    category = classify(ratio, False, thresholds)
    on_track = meets(actual, expected, comparator) if ratio is None else at_least(ratio, thresholds.on_track)
    if ratio is None:
        category = "on_schedule" if on_track else "lagging"
    return Outcome(
        "on_track" if on_track else "behind",
        Msg.of("on_path", year=year, expected=expected, unit=unit, actual=actual,
               ratio="—" if ratio is None else f"{ratio:.2f}", progress=category),
        expected=expected, target=target, actual=actual, ratio=display_ratio(ratio), progress=category,
        points=1.0 if on_track else capped(ratio),
        fix=None if on_track else closing_fix(comparator, expected, actual, unit, year),
    )


def _final(
    actual: Decimal,
    target: Decimal,
    comparator: Comparator,
    year: int,
    unit: str,
    achieved: bool,
    ratio: Ratio | None,
    thresholds: ProgressThresholds,
    expected: Decimal | None = None,
) -> Outcome:
    if achieved:
        return Outcome(
            "met", Msg.of("reached", year=year, actual=actual, unit=unit, cmp=comparator, target=target),
            expected=expected if expected is not None else target, target=target, actual=actual,
            ratio=display_ratio(ratio), progress="achieved", points=1.0,
        )
    return Outcome(
        "missed",
        Msg.of("final_missed", year=year, actual=actual, unit=unit, cmp=comparator, target=target, gap=abs(target - actual)),
        expected=target, target=target, actual=actual, ratio=display_ratio(ratio),
        progress=classify(ratio, False, thresholds), points=min(capped(ratio), 0.99),
        fix=Msg.of("missed_target"),
    )
