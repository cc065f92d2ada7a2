"""What a kind receives: the entry's value and history in the rule's unit, with their sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from checker.errors import Problem
from checker.judgement import Msg
from checker.locations import JsonPath, format_path
from checker.models.plan import IndicatorRule, ObligationRule, QuantityDeliverable
from checker.models.submission import IndicatorEntry, ObligationEntry
from checker.kinds import KINDS
from checker.progress import IndicatorInput
from checker.rulefile import Plan
from checker.units import UnitError, convert, normalise_unit


@dataclass(frozen=True)
class Stated:
    """An indicator entry resolved: the kind's input, where each value came from, revisions seen."""

    input: IndicatorInput
    sources: dict[int, str]
    revisions: tuple[Msg, ...]
    hints: tuple[Msg, ...] = ()  # likely slips that change no status (a percentage written as a fraction)
    blank: bool = False  # the entry says nothing about the year: not reported


def to_rule_unit(
    value: Decimal, unit: str, rule_unit: str, name: str, at: JsonPath, problems: list[Problem]
) -> Decimal | None:
    try:
        return convert(value, unit, rule_unit)
    except UnitError as exc:
        problems.append(Problem(name, exc.zh, exc.en, format_path(at)))
        return None


def indicator_input(
    plan: Plan, rule: IndicatorRule, entry: IndicatorEntry, at: JsonPath, year: int,
    name: str, problems: list[Problem], prior: Mapping[int, tuple[Decimal, str]],
) -> Stated:
    """The kind's input for one entry, with earlier reports' values; problems for what does not fit."""
    value = None
    if entry.value is not None and entry.unit is not None:
        value = to_rule_unit(entry.value, entry.unit, rule.unit, name, at + ("unit",), problems)
    elif KINDS[rule.kind].needs_value and not entry.blank:  # a blank entry is judged not reported
        problems.append(Problem(
            name, f"指标 {rule.id} 须填报数值 value 及单位 unit", f"indicator {rule.id} needs a value and unit",
            format_path(at),
        ))
    history = {y: v for y, (v, _src) in prior.items() if y < year}
    sources = {y: src for y, (_v, src) in prior.items() if y < year}
    revisions = []
    for i, past in enumerate(entry.history):
        here = at + ("history", i)
        converted = to_rule_unit(past.value, past.unit, rule.unit, name, here + ("unit",), problems)
        if past.year >= year:
            problems.append(Problem(
                name, f"历史数据年份 {past.year} 应早于报告年度 {year}", f"history year {past.year} must precede the report year {year}",
                format_path(here + ("year",)),
            ))
        elif converted is not None:
            if past.year in history and history[past.year] != converted:
                # A revised figure is normal, but never silent: show both and use the newer one.
                revisions.append(Msg.of(
                    "revision", year=past.year, old=history[past.year], old_source=sources[past.year],
                    new=converted, new_source=past.source or name, unit=rule.unit,
                ))
            history[past.year] = converted
            sources[past.year] = f"{name} (history)"
    if value is not None:
        sources[year] = name
    settings = plan.rules_file.scoring
    inp = IndicatorInput(
        rule, year, value, entry.rank, entry.verdict, history, plan.rules_file.plan.period.start, settings.progress,
    )
    hints = tuple(
        Msg.of("percent_fraction", year=y, value=v, scale=_plan_scale(rule))
        for y, v in sorted(inp.series().items()) if _looks_like_fraction(rule, v) and (y == year or y in history)
    )
    return Stated(inp, sources, tuple(revisions), hints, entry.blank)


def _plan_figures(rule: IndicatorRule) -> list[Decimal]:
    return [abs(v) for v in (rule.baseline.value if rule.baseline else None, rule.target.value) if v is not None]


def _plan_scale(rule: IndicatorRule) -> Decimal:
    return max(_plan_figures(rule))


def _looks_like_fraction(rule: IndicatorRule, value: Decimal) -> bool:
    """0.55 where the rule counts in % and the plan's own figures are above 1: 55% written as a fraction?"""
    if normalise_unit(rule.unit) != "%" or not 0 < abs(value) < 1:
        return False
    figures = _plan_figures(rule)
    return bool(figures) and min(figures) > 1


def quantity(
    rule: ObligationRule, entry: ObligationEntry, at: JsonPath, name: str, problems: list[Problem]
) -> Decimal | None:
    """The quantity an obligation entry reports, in the deliverable's unit."""
    if entry.quantity is None or entry.unit is None:
        return None
    if not isinstance(rule.deliverable, QuantityDeliverable):
        problems.append(Problem(
            name, f"任务 {rule.id} 没有数量要求,不应填报 quantity", f"obligation {rule.id} has no quantity to report",
            format_path(at + ("quantity",)),
        ))
        return None
    return to_rule_unit(entry.quantity, entry.unit, rule.deliverable.unit, name, at + ("unit",), problems)
