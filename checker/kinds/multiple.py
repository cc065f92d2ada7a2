"""multiple (较 2015 年翻番): the value against a factor times a base year's value.

Where the plan states the level to reach (翻番…9件以上) that level is the target; where the base
year's value is unknown there is no path, and the value is judged against the level in the target
year.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from checker.judgement import Msg
from checker.models.plan import IndicatorRule
from checker.progress import IndicatorInput, Outcome, Shape, judge_against_path

PATH: Shape = "geometric"  # 翻番 compounds: the path from the base is geometric by default


def target_level(rule: IndicatorRule) -> Decimal:
    """The level to reach: the one the plan states, else the factor times the base value."""
    if rule.target.level is not None:
        return rule.target.level
    assert rule.target.value is not None and rule.base is not None and rule.base.value is not None
    return rule.target.value * rule.base.value


def evaluate_multiple(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    target = target_level(rule)
    assert rule.base is not None and rule.target.value is not None and inp.value is not None
    base_value = rule.base.value
    start = rule.baseline or (None if base_value is None else rule.base)
    outcome = judge_against_path(
        inp.value, None if start is None else start.value, None if start is None else start.year, target,
        rule.target.year, rule.target.comparator, inp.year, rule.path or PATH, inp.thresholds, rule.unit,
    )
    if base_value is None:
        note = Msg.of("multiple_level", base_year=rule.base.year, unit=rule.unit, factor=rule.target.value, target=target)
        return replace(outcome, notes=(note, *outcome.notes))
    note = Msg.of("multiple", base_year=rule.base.year, base=base_value, unit=rule.unit, factor=rule.target.value, target=target)
    return replace(outcome, notes=(note, *outcome.notes))
