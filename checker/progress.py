"""What every indicator kind receives and returns, and the shared path arithmetic (序时进度)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from checker.judgement import Msg
from checker.models.plan import Comparator, IndicatorRule, ProgressThresholds
from checker.codes import Claim, Status
from checker.models.results import ProgressClass

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
    # The reporter's claim this outcome rests on (自评), which an assessor may accept or reject:
    # until then the status is `unverified` and the points are those of the claim rejected.
    claim: Claim | None = None
    if_accepted: Outcome | None = None
    if_rejected: Outcome | None = None


def unverified(claim: Claim, accepted: Outcome, rejected: Outcome, message: Msg, fix: Msg) -> Outcome:
    """An outcome awaiting an assessor: scored as the claim rejected, shown as the claim made."""
    return Outcome(
        "unverified", message, expected=accepted.expected, target=accepted.target, actual=accepted.actual,
        points=rejected.points, fix=fix, claim=claim, if_accepted=accepted, if_rejected=rejected,
    )


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
        return Decimal(float(start) * (float(target) / float(start)) ** float(share)).quantize(Decimal("1e-6"))
    return start + (target - start) * share


def progress_ratio(actual: Decimal, start: Decimal, expected: Decimal) -> float | None:
    """G = (actual - start) / (expected - start); the sign of the denominator handles direction."""
    if expected == start:
        return None
    return round(float((actual - start) / (expected - start)), 4)


def classify(ratio: float | None, achieved: bool, thresholds: ProgressThresholds) -> ProgressClass | None:
    if achieved:
        return "achieved"
    if ratio is None:
        return None
    if ratio >= thresholds.on_track:
        return "on_schedule"
    if ratio >= thresholds.lagging:
        return "lagging"
    if ratio >= 0:
        return "seriously_lagging"
    return "moving_away"


def closing_fix(comparator: Comparator, expected: Decimal, actual: Decimal, unit: str, year: int) -> Msg:
    """What it takes to get back on the path: raise the value, or lower it for ≤ targets."""
    key = "raise_value" if comparator in (">=", ">") else "lower_value"
    return Msg.of(key, gap=abs(expected - actual), unit=unit, year=year)


def capped(ratio: float | None) -> float:
    return 0.0 if ratio is None else min(1.0, max(0.0, ratio))


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
    on_track = meets(actual, expected, comparator) if ratio is None else ratio >= thresholds.on_track
    if ratio is None:
        category = "on_schedule" if on_track else "lagging"
    return Outcome(
        "on_track" if on_track else "behind",
        Msg.of("on_path", year=year, expected=expected, unit=unit, actual=actual,
               ratio="—" if ratio is None else f"{ratio:.2f}", progress=category),
        expected=expected, target=target, actual=actual, ratio=ratio, progress=category,
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
    ratio: float | None,
    thresholds: ProgressThresholds,
    expected: Decimal | None = None,
) -> Outcome:
    if achieved:
        return Outcome(
            "met", Msg.of("reached", year=year, actual=actual, unit=unit, cmp=comparator, target=target),
            expected=expected if expected is not None else target, target=target, actual=actual,
            ratio=ratio, progress="achieved", points=1.0,
        )
    return Outcome(
        "missed",
        Msg.of("final_missed", year=year, actual=actual, unit=unit, cmp=comparator, target=target, gap=abs(target - actual)),
        expected=target, target=target, actual=actual, ratio=ratio,
        progress=classify(ratio, False, thresholds), points=min(capped(ratio), 0.99),
        fix=Msg.of("missed_target"),
    )
