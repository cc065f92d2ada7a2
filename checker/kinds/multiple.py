"""multiple (较 2015 年翻番): the value against a factor times a base year's value."""

from __future__ import annotations

from dataclasses import replace

from decimal import Decimal


from checker.judgement import Msg
from checker.models.plan import IndicatorRule
from checker.progress import IndicatorInput, Outcome, Shape, judge_against_path

PATH: Shape = "geometric"  # 翻番 compounds: the path from the base is geometric by default


def target_level(rule: IndicatorRule) -> Decimal | None:
    """The factor times the base year's value."""
    assert rule.base is not None and rule.target.value is not None
    return rule.target.value * rule.base.value


def evaluate_multiple(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    assert rule.base is not None and rule.target.value is not None and inp.value is not None
    target = target_level(rule)
    assert target is not None
    start = rule.baseline or rule.base
    outcome = judge_against_path(
        inp.value, start.value, start.year, target, rule.target.year, rule.target.comparator,
        inp.year, rule.path or PATH, inp.thresholds, rule.unit,
    )
    note = Msg.of("multiple", base_year=rule.base.year, base=rule.base.value, unit=rule.unit, factor=rule.target.value, target=target)
    return replace(outcome, notes=(note, *outcome.notes))
