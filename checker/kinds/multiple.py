"""multiple (较 2015 年翻番): the value against a factor times a base year's value.

Where the plan states the level to reach (翻番…9件以上) that level is the target; where the base
year's value is unknown there is no path, and the value is judged against the level in the target
year.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from checker.judgement import Msg
from checker.progress import IndicatorInput, Outcome, Shape, judge_against_path

PATH: Shape = "geometric"  # 翻番 compounds: the path from the base is geometric by default


def target_level(inp: IndicatorInput) -> Decimal | None:
    """The level the plan states (翻番…达到9件以上: the plan's own threshold is the target), else the
    factor times the base year's value (from the rule, else the reports); None when neither is known."""
    rule, base = inp.rule, inp.base
    assert rule.target.value is not None
    if rule.target.level is not None:
        return rule.target.level
    return None if base is None else rule.target.value * base.value


def evaluate_multiple(inp: IndicatorInput) -> Outcome:
    rule, base = inp.rule, inp.base
    assert rule.base is not None and rule.target.value is not None and inp.value is not None
    target = target_level(inp)
    if target is None:
        # Neither the plan nor the reports give the base year's value: nothing to double.
        return Outcome(
            "needs_review", Msg.of("multiple_no_base", base_year=rule.base.year, factor=rule.target.value),
            actual=inp.value, fix=Msg.of("report_history", years=rule.base.year),
        )
    # Without the base year's value the stated level is judged in the target year only (no path).
    start = inp.baseline or base
    partial = inp.figure.partial
    outcome = judge_against_path(
        inp.value, start.value if start else None, start.year if start else None, target, rule.target.year,
        rule.target.comparator, inp.year, rule.path or PATH, inp.thresholds, rule.unit,
        at=inp.at if partial else None, date=inp.figure.period_end,
    )
    if base is None:
        note = Msg.of("multiple_level", base_year=rule.base.year, factor=rule.target.value, unit=rule.unit, target=target)
    else:
        note = Msg.of("multiple", base_year=base.year, base=base.value, unit=rule.unit, factor=rule.target.value, target=target)
    return replace(outcome, notes=(note, *outcome.notes))
