"""increment (新增, 新建): additions since the baseline year against the number required."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from checker.judgement import Msg
from checker.models.plan import IndicatorRule
from checker.progress import IndicatorInput, Outcome, judge_against_path

# What a report's value may mean; the first is the default.
MODES = ("added_since_baseline", "level", "annual_addition")


def mode(rule: IndicatorRule) -> str:
    return rule.reported_as or MODES[0]


def target_level(inp: IndicatorInput) -> Decimal | None:
    """The additions required, or the stock to reach when the report gives the stock."""
    rule = inp.rule
    if rule.target.value is None or mode(rule) == "annual_addition":
        return None
    if mode(rule) == "level":
        assert rule.baseline is not None
        return rule.baseline.value + rule.target.value
    return rule.target.value


def added_so_far(inp: IndicatorInput) -> tuple[Decimal, list[int]]:
    """Additions since the baseline, and the years whose annual additions are missing."""
    rule, value = inp.rule, inp.value
    assert value is not None
    if mode(rule) == "level":
        assert rule.baseline is not None
        return value - rule.baseline.value, []
    if mode(rule) == "annual_addition":
        years = range(inp.period_start, inp.year)
        missing = [y for y in years if y not in inp.history]
        return value + sum((inp.history.get(y, Decimal(0)) for y in years), Decimal(0)), missing
    return value, []


def evaluate_increment(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    assert rule.target.value is not None
    start_year = rule.baseline.year if rule.baseline else inp.period_start - 1
    added, missing = added_so_far(inp)
    # Additions so far form a running total: known part-way through a year, judged on the path then.
    partial = inp.figure.partial
    outcome = judge_against_path(
        added, Decimal(0), start_year, rule.target.value, rule.target.year, rule.target.comparator,
        inp.year, rule.path or "linear", inp.thresholds, rule.unit,
        at=inp.at if partial else None, date=inp.figure.period_end,
    )
    if not missing:
        return outcome
    years = "、".join(map(str, missing))
    return replace(
        outcome, notes=(*outcome.notes, Msg.of("missing_years", years=years)), fix=Msg.of("report_history", years=years),
    )
