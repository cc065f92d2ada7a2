"""What a kind receives: the entry's value and history in the rule's unit, with their sources."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from checker.errors import Problem
from checker.judgement import Msg
from checker.kinds import KINDS
from checker.locations import JsonPath, format_path
from checker.models.plan import (
    Baseline,
    IndicatorRule,
    ObligationRule,
    QuantityDeliverable,
)
from checker.models.submission import IndicatorEntry, ObligationEntry
from checker.progress import Figure, FoundBaseline, IndicatorInput
from checker.rulefile import Plan
from checker.units import UnitError, convert_reported, normalise_unit, parse_unit


class Stated(NamedTuple):
    """An indicator entry resolved: the kind's input, where each value came from, revisions seen.
    Made for every entry and read once: a NamedTuple, immutable, and made far faster than a
    frozen dataclass (which sets each field through object.__setattr__)."""

    input: IndicatorInput
    sources: dict[int, str]
    revisions: tuple[Msg, ...]
    found: tuple[Msg, ...] = ()  # where a baseline (or multiple's base) taken from the reports came from
    warnings: tuple[Msg, ...] = ()  # implausible magnitudes
    found_baseline: FoundBaseline | None = None
    history_only: bool = False  # the entry gives prior years only: this year is not reported
    hints: tuple[Msg, ...] = ()  # likely slips that change no status (a percentage written as a fraction)
    blank: bool = False  # the entry says nothing about the year: not reported


def to_rule_unit(
    value: Decimal, unit: str, rule_unit: str, name: str, at: JsonPath, problems: list[Problem],
    per_population: bool = False,
) -> Decimal | None:
    try:
        return convert_reported(value, unit, rule_unit, per_population)
    except UnitError as exc:
        problems.append(Problem(name, exc.zh, exc.en, format_path(at)))
        return None


def per_population(rule: IndicatorRule) -> bool:
    """A per-10,000-population ratio (每万人口…拥有量), by the plans' own wording."""
    return "万人" in rule.name and parse_unit(rule.unit).base != "%"


def baseline_year(plan: Plan) -> int:
    """The plan's baseline year (基期): as stated, else the year before its first (湖北 2025: 2024)."""
    period = plan.rules_file.plan.period
    return period.baseline if period.baseline is not None else period.start - 1


def indicator_input(
    plan: Plan, rule: IndicatorRule, entry: IndicatorEntry, at: JsonPath, year: int,
    name: str, problems: list[Problem], prior: Mapping[int, tuple[Decimal, str]],
    period_end: dt.date | None = None,
) -> Stated:
    """The kind's input for one entry, with earlier reports' values; problems for what does not fit."""
    value = None
    ratio_rule = per_population(rule)
    if entry.value is not None and entry.unit is not None:
        value = to_rule_unit(entry.value, entry.unit, rule.unit, name, at + ("unit",), problems, ratio_rule)
    elif KINDS[rule.kind].needs_value and not entry.history and not entry.blank and entry.rank is None and entry.verdict is None:
        # History only is no error (its years feed the series), and a blank entry is not reported.
        problems.append(Problem(
            name, f"指标 {rule.id} 须填报数值 value 及单位 unit(或仅在 history 中填报历年数据)",
            f"indicator {rule.id} needs a value and unit (or prior years only, under history)",
            format_path(at),
        ))
    history = {y: v for y, (v, _src) in prior.items() if y < year}
    sources = {y: src for y, (_v, src) in prior.items() if y < year}
    stated_sources: dict[int, str] = {}
    revisions = []
    for i, past in enumerate(entry.history):
        here = at + ("history", i)
        converted = to_rule_unit(past.value, past.unit, rule.unit, name, here + ("unit",), problems, ratio_rule)
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
            if past.source:
                stated_sources[past.year] = past.source
    if value is not None:
        sources[year] = name
    figure = _figure(entry, entry.period_end or period_end, year, name, at, problems)
    found_baseline = found_base = None
    if rule.baseline is None and _uses_baseline(rule):
        y0 = baseline_year(plan)
        if y0 < year and y0 in history:
            found_baseline = Baseline(value=history[y0], year=y0)
    if rule.base is not None and rule.base.value is None and rule.base.year < year and rule.base.year in history:
        found_base = Baseline(value=history[rule.base.year], year=rule.base.year)
    settings = plan.rules_file.scoring
    inp = IndicatorInput(
        rule, year, value, entry.rank, entry.verdict, history, plan.rules_file.plan.period.start, settings.progress,
        found_baseline, found_base, figure,
    )
    notes = []
    used = None
    for found, key in ((found_baseline, "baseline_from_data"), (found_base, "base_from_data")):
        if found is not None:
            origin = sources[found.year]
            if found.year in stated_sources:
                origin = f"{stated_sources[found.year]} · {origin}"
            notes.append(Msg.of(key, year=found.year, value=found.value, unit=rule.unit, source=origin))
            used = used or FoundBaseline(found.year, found.value, origin)
    warning = magnitude_warning(inp, entry.unit)
    history_only = bool(entry.history) and not inp.reported
    # Only a rule in % has fractions to hint at; the year's own is said once, if warned of.
    said = year if warning is not None and warning.key == "magnitude_fraction" else None
    hints = _fraction_hints(rule, inp.series(), history, year, said) if normalise_unit(rule.unit) == "%" else ()
    return Stated(
        inp, sources, tuple(revisions), tuple(notes), (warning,) if warning else (), used, history_only, hints, entry.blank,
    )


def _uses_baseline(rule: IndicatorRule) -> bool:
    """Whether a baseline changes the judgement: a path from it (level, flow, cumulative, multiple), or
    an increase over it (qualitative with requires_increase). Not for additions or rates, whose series
    is not the level a baseline stands for, nor for steady growth, which reads the history itself."""
    return rule.kind in ("level", "flow", "cumulative", "multiple") or (rule.kind == "qualitative" and rule.requires_increase)


PLAIN = Figure()  # a figure stated without qualifiers, note or source: immutable, shared


def _figure(
    entry: IndicatorEntry, period_end: dt.date | None, year: int, name: str, at: JsonPath, problems: list[Problem]
) -> Figure:
    share = None
    if period_end is not None and entry.value is not None:
        if period_end.year != year:
            where = at + ("period_end",) if entry.period_end else ("period_end",)
            problems.append(Problem(
                name, f"period_end {period_end.isoformat()} 不在报告年度 {year} 内",
                f"period_end {period_end.isoformat()} is not in the report year {year}", format_path(where),
            ))
        elif period_end != dt.date(year, 12, 31):
            days = (dt.date(year, 12, 31) - dt.date(year - 1, 12, 31)).days
            share = Decimal(period_end.timetuple().tm_yday) / Decimal(days)
    if share is None and not entry.estimate and entry.bound is None and entry.note is None and entry.source is None:
        return PLAIN  # the usual entry
    return Figure(
        estimate=entry.estimate, bound=entry.bound, period_end=period_end.isoformat() if share is not None and period_end else None,
        share=share, note=entry.note, source=entry.source,
    )


# A value this many powers of ten from the reference is implausible (about ×100 or ×10⁴ and beyond).
MAGNITUDE_LOG10 = 1.5
_LEVEL_LIKE = {"level", "flow", "cumulative", "multiple", "steady_growth", "qualitative"}


def magnitude_warning(inp: IndicatorInput, entered_unit: str | None) -> Msg | None:
    """A warning, with the probable mistake, when the year's value is about ×100 or ×10⁴ away from the
    year before (else the baseline). Never an error: real figures do jump; the reader decides."""
    rule, value = inp.rule, inp.value
    if value is None or value <= 0 or inp.figure.partial or (rule.kind == "growth_rate" and rule.reported_as == "rate"):
        return None
    ref_year, ref = inp.year - 1, inp.history.get(inp.year - 1)
    compares_with_stock = rule.kind in _LEVEL_LIKE or (rule.kind, rule.reported_as) in (("increment", "level"), ("growth_rate", None), ("growth_rate", "level"))
    if ref is None and inp.baseline is not None and compares_with_stock:
        ref_year, ref = inp.baseline.year, inp.baseline.value
    if ref is None or ref <= 0:
        return None
    base = parse_unit(rule.unit).base
    if base not in ("元", "%") and max(value, ref) < 100:
        return None  # small counts move by large factors (1 → 40 stations): no signal
    lg = math.log10(float(value) / float(ref))
    if abs(lg) < MAGNITUDE_LOG10:
        return None
    power = round(lg)
    common = dict(value=value, unit=rule.unit, ref=ref, ref_year=ref_year, factor=Decimal(10) ** abs(power) if abs(lg - power) < 0.5 else Decimal(repr(round(10 ** abs(lg)))))
    if per_population(rule) and lg > 0:
        return Msg.of("magnitude_per_population", **common)
    if base == "%" and power == -2:
        return Msg.of("magnitude_fraction", corrected=value * 100, **common)
    if base == "%" and power == 2:
        return Msg.of("magnitude_percent_twice", corrected=value / 100, **common)
    if abs(power) == 4 and entered_unit:
        unit = _unit_off_by_wan(entered_unit, power < 0)
        if unit is not None:
            corrected = value * 10_000 if power < 0 else value / 10_000
            return Msg.of("magnitude_unit", entered=entered_unit, probable=unit, corrected=corrected, **common)
    return Msg.of("magnitude", **common)


def _unit_off_by_wan(unit: str, too_small: bool) -> str | None:
    """The unit 10⁴ larger (too_small) or smaller than the one written: 万元 ↔ 亿元, 件 ↔ 万件."""
    try:
        parsed = parse_unit(unit)
    except UnitError:
        return None
    steps = {Decimal(1): "", Decimal(10_000): "万", Decimal(100_000_000): "亿"}
    if parsed.factor not in steps or parsed.base == "%":
        return None
    factor = parsed.factor * 10_000 if too_small else parsed.factor / 10_000
    return steps[factor] + parsed.base if factor in steps else None


def _fraction_hints(
    rule: IndicatorRule, series: Mapping[int, Decimal], history: Mapping[int, Decimal], year: int, said: int | None,
) -> tuple[Msg, ...]:
    """For a rule in %: the year's and history's values like 0.55 where the plan's own figures are
    above 1 (55% written as a fraction?), in year order (the series is sorted); none for `said`."""
    figures = [abs(v) for v in (rule.baseline.value if rule.baseline else None, rule.target.value) if v is not None]
    if not figures or min(figures) <= 1:
        return ()
    scale = max(figures)
    return tuple(
        Msg.of("percent_fraction", year=y, value=v, scale=scale)
        for y, v in series.items() if 0 < abs(v) < 1 and (y == year or y in history) and y != said
    )


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
