"""increment (新增, 新建): additions since the baseline year against the number required."""

from __future__ import annotations

from dataclasses import replace

from decimal import Decimal

from checker.kinds.base import IndicatorInput, Outcome, judge_against_path
from checker.messages import Msg


def added_so_far(inp: IndicatorInput) -> tuple[Decimal, list[int]]:
    """Additions since the baseline, and the years whose annual additions are missing."""
    rule, value = inp.rule, inp.value
    assert value is not None
    mode = rule.reported_as or "added_since_baseline"
    if mode == "level":
        assert rule.baseline is not None
        return value - rule.baseline.value, []
    if mode == "annual_addition":
        years = range(inp.period_start, inp.year)
        missing = [y for y in years if y not in inp.history]
        return value + sum((inp.history.get(y, Decimal(0)) for y in years), Decimal(0)), missing
    return value, []


def evaluate_increment(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    assert rule.target.value is not None
    start_year = rule.baseline.year if rule.baseline else inp.period_start - 1
    added, missing = added_so_far(inp)
    outcome = judge_against_path(
        added, Decimal(0), start_year, rule.target.value, rule.target.year, rule.target.comparator,
        inp.year, rule.path or "linear", inp.thresholds, rule.unit,
    )
    notes = []
    fix = outcome.fix
    if missing:
        notes.append(Msg.of("missing_years", years="、".join(map(str, missing))))
        fix = Msg.of("report_history", years="、".join(map(str, missing)))
    return replace(outcome, notes=(*outcome.notes, *notes), fix=fix)
