"""qualitative (全省前列, 全国第一方阵, 有新突破): an assessor's verdict or a reported rank decides."""

from __future__ import annotations

from checker.progress import IndicatorInput, Outcome
from checker.judgement import Msg


def evaluate_qualitative(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    final = inp.year >= rule.target.year
    fail = "missed" if final else "behind"
    if inp.verdict is not None:
        ok = inp.verdict == "met"
        return Outcome(
            "met" if ok else fail, Msg.of("verdict", verdict=inp.verdict), actual=inp.value,  # type: ignore[arg-type]
            progress="achieved" if ok else None, points=1.0 if ok else 0.0,
            fix=None if ok else Msg.of("missed_target"),
        )
    if inp.rank is not None and rule.rank_at_most is not None:
        ok = inp.rank <= rule.rank_at_most
        key = "rank_ok" if ok else "rank_missed"
        return Outcome(
            "met" if ok else fail, Msg.of(key, rank=inp.rank, rank_at_most=rule.rank_at_most),  # type: ignore[arg-type]
            progress="achieved" if ok else None, points=1.0 if ok else 0.0,
            fix=None if ok else Msg.of("missed_target"),
        )
    baseline = inp.baseline
    if rule.requires_increase and inp.value is not None and baseline is not None:
        if inp.value <= baseline.value:
            return Outcome(
                fail, Msg.of("no_increase", year=inp.year, actual=inp.value, unit=rule.unit, baseline=baseline.value),  # type: ignore[arg-type]
                actual=inp.value, progress="moving_away", points=0.0, fix=Msg.of("missed_target"),
            )
    return Outcome("needs_review", Msg.of("qualitative_review"), actual=inp.value, fix=Msg.of("give_verdict"))
