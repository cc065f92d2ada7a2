"""multiple (较 2015 年翻番): the value against a factor times a base year's value.

Where the plan states the target level itself (翻番…达到9件以上: `target.level`), that level is the
target; without a known base value (no `base.value`, no `baseline`) there is no path, and the value
is judged against the level in the target year only.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from checker.kinds.base import IndicatorInput, Outcome, judge_against_path
from checker.messages import Msg
from checker.models.plan import IndicatorRule


def multiple_target(rule: IndicatorRule) -> Decimal:
    """The level to reach: the one the plan states (翻番…9件以上), else the factor times the base value."""
    if rule.target.level is not None:
        return rule.target.level
    assert rule.target.value is not None and rule.base is not None and rule.base.value is not None
    return rule.target.value * rule.base.value


def evaluate_multiple(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    target = multiple_target(rule)
    assert rule.base is not None and rule.target.value is not None and inp.value is not None
    base_value = rule.base.value
    start = rule.baseline or (None if base_value is None else rule.base)
    outcome = judge_against_path(
        inp.value, None if start is None else start.value, None if start is None else start.year, target,
        rule.target.year, rule.target.comparator, inp.year, rule.path or "geometric", inp.thresholds, rule.unit,
    )
    if base_value is None:
        return outcome
    note = Msg.of("multiple", base_year=rule.base.year, base=base_value, unit=rule.unit, factor=rule.target.value, target=target)
    return replace(outcome, notes=(note, *outcome.notes))
