"""steady_growth (稳步增长): every year's value above the year before's."""

from __future__ import annotations

from checker.judgement import Msg
from checker.progress import IndicatorInput, Outcome


def evaluate_steady(inp: IndicatorInput) -> Outcome:
    rule, value = inp.rule, inp.value
    assert value is not None
    series = inp.series()
    prev_year = inp.year - 1
    final = inp.year >= rule.target.year
    if prev_year not in series:
        return Outcome(
            "needs_review", Msg.of("steady_no_history", prev_year=prev_year), actual=value,
            fix=Msg.of("report_history", years=prev_year),
        )
    first = min(y for y in series if y >= inp.period_start - 1)
    pairs = [(y - 1, y) for y in range(first + 1, inp.year + 1) if y in series and y - 1 in series]
    falls = [(py, y) for py, y in pairs if series[y] <= series[py]]
    if not falls:
        return Outcome(
            "met" if final else "on_track", Msg.of("steady_ok", years=f"{first}—{inp.year}"),
            expected=series[prev_year], actual=value, progress="achieved" if final else "on_schedule", points=1.0,
        )
    py, y = falls[-1]
    return Outcome(
        "missed" if final else "behind",
        Msg.of("steady_fell", year=y, actual=series[y], unit=rule.unit, prev_year=py, prev=series[py]),
        expected=series[prev_year], actual=value, progress="moving_away",
        points=round(1 - len(falls) / len(pairs), 4), fix=Msg.of("missed_target"),
    )
