"""What every indicator kind receives and returns, and the shared path arithmetic (序时进度)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal, DecimalException, localcontext
from functools import lru_cache
from typing import Literal

from checker.codes import Claim, Status
from checker.frozen import one_step_init
from checker.judgement import Msg
from checker.models.plan import Baseline, Comparator, IndicatorRule, ProgressThresholds
from checker.models.results import ProgressClass

Shape = Literal["linear", "geometric"]


Bound = Literal["at_least", "at_most"]


@one_step_init
@dataclass(frozen=True)
class Figure:
    """How an entry states its figure: qualifiers that change what a status means, and its note and
    source (shown beside the figure). See docs/scoring.md, "Qualified figures"."""

    estimate: bool = False  # 预计
    bound: Bound | None = None  # 下限 (at least) / 上限 (at most)
    period_end: str | None = None  # ISO date, when the value covers the year only up to it
    share: Decimal | None = None  # share of the year covered, when part of the year
    note: str | None = None
    source: str | None = None

    @property
    def partial(self) -> bool:
        return self.share is not None


@one_step_init
@dataclass(frozen=True)
class FoundBaseline:
    """A baseline (or multiple's base) taken from the reports, and where it was stated."""

    year: int
    value: Decimal
    source: str


@one_step_init
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
    # The plan's baseline-year value taken from the reports, when the rule states no baseline.
    found_baseline: Baseline | None = None
    # multiple: the base year's value taken from the reports, when the rule does not state it.
    found_base: Baseline | None = None
    figure: Figure = field(default_factory=Figure)

    @property
    def reported(self) -> bool:
        return self.value is not None or self.rank is not None or self.verdict is not None

    @property
    def baseline(self) -> Baseline | None:
        """The path's start: the rule's baseline, else the baseline-year value the reports give."""
        return self.rule.baseline or self.found_baseline

    @property
    def base(self) -> Baseline | None:
        """multiple: the base year's value, from the rule or else from the reports; None if unknown."""
        base = self.rule.base
        if base is not None and base.value is not None:
            return Baseline(value=base.value, year=base.year)
        return self.found_base

    @property
    def at(self) -> Decimal:
        """When the value stands, in years: the year's end, or part-way through it (2022-03-31: 2021.25)."""
        share = self.figure.share
        return Decimal(self.year) if share is None else Decimal(self.year - 1) + share

    def series(self) -> Mapping[int, Decimal]:
        """Every known year-end value up to the reporting year, the baseline included (a value for
        part of the year is not a year-end value: it is left out). Read by several steps of one
        judgement: made once (the input is frozen), read-only. Kept in the instance's __dict__ by
        hand: functools.cached_property (Python 3.11) runs its pure-Python __get__ and takes its
        lock, one shared by every instance, on each instance's first read, and most inputs are
        read only a few times (measured: that first read costs several times as much)."""
        made: Mapping[int, Decimal] | None = self.__dict__.get("_series")
        if made is None:
            made = self._make_series()
            object.__setattr__(self, "_series", made)
        return made

    def _make_series(self) -> Mapping[int, Decimal]:
        out = {y: v for y, v in self.history.items() if y < self.year}
        if self.baseline is not None:
            out.setdefault(self.baseline.year, self.baseline.value)
        if self.value is not None and not self.figure.partial:
            out[self.year] = self.value
        return dict(sorted(out.items()))


@one_step_init
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
    # The status rests on an estimate, a bound or part of the year: it may change with the final figure.
    provisional: bool = False
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


def rejected_claim(final: bool, fix: Msg) -> Outcome:
    """A claim not accepted: nothing it asserts counts, so no points; missed once it was due."""
    return Outcome("missed" if final else "behind", Msg.of("claim_rejected"), points=0.0, fix=fix)


def meets(value: Decimal, target: Decimal, comparator: Comparator) -> bool:
    if comparator == ">=":
        return value >= target
    if comparator == ">":
        return value > target
    if comparator == "<=":
        return value <= target
    return value < target


def expected_on_path(
    start: Decimal, start_year: int, target: Decimal, target_year: int, year: int | Decimal, shape: Shape
) -> Decimal:
    """Where the value should be in `year` (a year's end, or a point in a year) on the way from start to target."""
    if year >= target_year or target_year <= start_year:
        return target
    if year <= start_year:
        return start
    share = (Decimal(year) - start_year) / Decimal(target_year - start_year)
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

# The 34 digits path arithmetic works in. Its other settings (traps, exponent range) are the default
# context's, which the checker never changes: its methods give what `localcontext()` with
# prec = 34 gives, without entering and leaving a context on every call.
PREC34 = Context(prec=34)


def progress_ratio(actual: Decimal, start: Decimal, expected: Decimal) -> Ratio | None:
    """G = (actual - start) / (expected - start), exact and unrounded; the sign of the denominator
    handles direction.

    Progress is judged on this ratio (G = 0.94995 is below 0.95, as in the peer benchmark);
    display_ratio() rounds it for the output only.
    """
    if expected == start:
        return None
    try:
        ratio = PREC34.divide(PREC34.subtract(actual, start), PREC34.subtract(expected, start))
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
    return ratio >= _as_written(threshold)


@lru_cache(maxsize=256)
def _as_written(threshold: float) -> Decimal:
    # A pure function of the float; a rule file sets a handful of thresholds.
    return Decimal(repr(threshold))


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


_CENT = Decimal("0.01")


def published(value: Decimal) -> float:
    """A value as the JSON output carries it: four decimals, or four significant digits for smaller
    values (2.6 万元 in 亿元 is 0.00026, not 0.0003)."""
    if value and abs(value) < _CENT:
        return float(value.quantize(Decimal(1).scaleb(value.adjusted() - 3)))
    return float(round(value, 4))


def rising(comparator: Comparator) -> bool:
    """Higher is better (≥, >)."""
    return comparator in (">=", ">")


def year_share(share: Decimal) -> str:
    """The share of the year elapsed, as shown: 24.7%."""
    return f"{share * 100:.1f}%"


def closing_fix(comparator: Comparator, expected: Decimal, actual: Decimal, unit: str, year: int) -> Msg:
    """What it takes to get back on the path: raise the value, or lower it for ≤ targets."""
    key = "raise_value" if comparator in (">=", ">") else "lower_value"
    return Msg.of(key, gap=abs(expected - actual), unit=unit, year=year)


def capped(ratio: Ratio | float | None) -> float:
    """Points from a ratio: the ratio within [0, 1]."""
    return 0.0 if ratio is None else float(min(_ONE, max(_ZERO, Decimal(ratio))))


_ZERO, _ONE = Decimal(0), Decimal(1)


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
    at: Decimal | None = None,
    date: str | None = None,
) -> Outcome:
    """The common judgement of a quantity against its target and the path to it.

    `at` and `date`: the value stands part-way through `year` (a stock on 2022-03-31), judged on the
    path at that point; the target year is not over until its end."""
    achieved = meets(actual, target, comparator)
    when = Decimal(year) if at is None else at
    final = when >= target_year
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
    expected = expected_on_path(start, start_year, target, target_year, when, shape)
    ratio = progress_ratio(actual, start, expected)
    if final or achieved:
        return _final(actual, target, comparator, year, unit, achieved, ratio, thresholds, expected)
    category = classify(ratio, False, thresholds)
    on_track = meets(actual, expected, comparator) if ratio is None else at_least(ratio, thresholds.on_track)
    if ratio is None:
        category = "on_schedule" if on_track else "lagging"
    shown = "—" if ratio is None else f"{ratio:.2f}"
    message = (
        Msg.of("on_path", year=year, expected=expected, unit=unit, actual=actual, ratio=shown, progress=category)
        if date is None else
        Msg.of("on_path_at", date=date, expected=expected, unit=unit, actual=actual, ratio=shown, progress=category)
    )
    return Outcome(
        "on_track" if on_track else "behind",
        message,
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
