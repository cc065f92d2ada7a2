"""multiple (较 2015 年翻番): the value against a factor times a base year's value."""

from __future__ import annotations

from dataclasses import replace

from checker.kinds.base import IndicatorInput, Outcome, judge_against_path
from checker.messages import Msg


def evaluate_multiple(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    assert rule.base is not None and rule.target.value is not None and inp.value is not None
    target = rule.target.value * rule.base.value
    start = rule.baseline or rule.base
    outcome = judge_against_path(
        inp.value, start.value, start.year, target, rule.target.year, rule.target.comparator,
        inp.year, rule.path or "geometric", inp.thresholds, rule.unit,
    )
    note = Msg.of("multiple", base_year=rule.base.year, base=rule.base.value, unit=rule.unit, factor=rule.target.value, target=target)
    return replace(outcome, notes=(note, *outcome.notes))
