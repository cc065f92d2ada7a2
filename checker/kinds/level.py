"""level (拥有量, 有效…), flow (年度…) and cumulative (累计): a value judged against its target's path."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from checker.progress import IndicatorInput, Outcome, judge_against_path
from checker.judgement import Msg
from checker.models.plan import IndicatorRule


def target_level(rule: IndicatorRule) -> Decimal | None:
    """The target is itself a level of the reported value."""
    return rule.target.value


def evaluate_level(inp: IndicatorInput) -> Outcome:
    """Judge the reported value against the target and the path from the baseline."""
    rule, value = inp.rule, inp.value
    assert value is not None and rule.target.value is not None
    baseline = rule.baseline
    return judge_against_path(
        value,
        baseline.value if baseline else None,
        baseline.year if baseline else None,
        rule.target.value,
        rule.target.year,
        rule.target.comparator,
        inp.year,
        rule.path or "linear",
        inp.thresholds,
        rule.unit,
    )


def evaluate_cumulative(inp: IndicatorInput) -> Outcome:
    """As a level; a running total that falls is flagged as a probable annual/cumulative mix-up."""
    outcome = evaluate_level(inp)
    series = inp.series()
    falls = [
        Msg.of("cumulative_fell", year=y, actual=v, prev_year=py, prev=pv, unit=inp.rule.unit)
        for (py, pv), (y, v) in zip(series.items(), list(series.items())[1:])
        if v < pv and y == py + 1
    ]
    if not falls:
        return outcome
    return replace(outcome, notes=(*outcome.notes, *falls))
