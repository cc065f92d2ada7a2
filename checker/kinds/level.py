"""level (拥有量, 有效…), flow (年度…) and cumulative (累计): a value judged against its target's path."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from checker.judgement import Msg
from checker.progress import (
    IndicatorInput,
    Outcome,
    at_least,
    capped,
    classify,
    closing_fix,
    display_ratio,
    expected_on_path,
    judge_against_path,
    meets,
    rising,
    year_share,
)


def target_level(inp: IndicatorInput) -> Decimal | None:
    """The target is itself a level of the reported value."""
    return inp.rule.target.value


def evaluate_level(inp: IndicatorInput) -> Outcome:
    """Judge the reported value against the target and the path from the baseline (a stock known
    part-way through the year: on the path at that date)."""
    rule, value = inp.rule, inp.value
    assert value is not None and rule.target.value is not None
    baseline = inp.baseline
    partial = inp.figure.partial
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
        at=inp.at if partial else None,
        date=inp.figure.period_end,
    )


def evaluate_flow(inp: IndicatorInput) -> Outcome:
    """A year's flow; for part of the year, judged pro rata (按时间进度折算), never as the year's total."""
    if not inp.figure.partial:
        return evaluate_level(inp)
    return part_year_flow(inp)


def part_year_flow(inp: IndicatorInput) -> Outcome:
    """Year to date against the year's expected value times the share of the year elapsed.

    Certain conclusions are drawn where a flow can only grow over the rest of the year: a ≥ target the
    year to date already meets is met, and in the target year a ≤ target it already exceeds is missed.
    Otherwise on_track or behind, never met or missed: the year is not over (docs/scoring.md)."""
    rule, value, share = inp.rule, inp.value, inp.figure.share
    assert value is not None and rule.target.value is not None and share is not None
    target, cmp, unit, date = rule.target.value, rule.target.comparator, rule.unit, inp.figure.period_end
    final_year = inp.year >= rule.target.year
    up = rising(cmp)
    shown_share = year_share(share)
    if up and meets(value, target, cmp):
        return Outcome(
            "met", Msg.of("flow_part_reached", date=date, actual=value, unit=unit, cmp=cmp, target=target),
            expected=target, target=target, actual=value, progress="achieved", points=1.0,
        )
    if not up and final_year and not meets(value, target, cmp):
        return Outcome(
            "missed", Msg.of("flow_part_exceeded", date=date, actual=value, unit=unit, cmp=cmp, target=target),
            expected=target, target=target, actual=value, progress="moving_away", points=0.0,
            fix=Msg.of("missed_target"),
        )
    baseline = inp.baseline
    if baseline is None and not final_year:
        return Outcome(
            "needs_review",
            Msg.of("flow_part_no_baseline", date=date, share=shown_share, actual=value, unit=unit, target_year=rule.target.year),
            target=target, actual=value,
        )
    year_expected = target if baseline is None else expected_on_path(
        baseline.value, baseline.year, target, rule.target.year, inp.year, rule.path or "linear",
    )
    pro_rata = year_expected * share
    ratio: Decimal | None
    if up:
        ratio = value / pro_rata if pro_rata > 0 else None
    else:
        ratio = pro_rata / value if value > 0 else None
    # Judged on the exact ratio; rounded for display only.
    on_track = meets(value, pro_rata, cmp) if ratio is None else at_least(ratio, inp.thresholds.on_track)
    shown = display_ratio(ratio)
    category = classify(ratio, False, inp.thresholds) or ("on_schedule" if on_track else "lagging")
    return Outcome(
        "on_track" if on_track else "behind",
        Msg.of(
            "flow_pro_rata", date=date, share=shown_share, actual=value, unit=unit, year=inp.year,
            year_expected=year_expected, expected=pro_rata, ratio="—" if shown is None else f"{shown:.2f}",
            progress=category,
        ),
        expected=pro_rata, target=target, actual=value, ratio=shown, progress=category,
        points=1.0 if on_track else capped(ratio),
        fix=None if on_track else closing_fix(cmp, pro_rata, value, unit, inp.year),
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
