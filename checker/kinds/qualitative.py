"""qualitative (全省前列, 全国第一方阵, 有新突破): an assessor's verdict or a rank decides.

A verdict or rank in the reporter's own file is a claim (自评): `unverified` until an assessor's
decision accepts it, and scored meanwhile as the claim rejected (awaiting review, not scored).
"""

from __future__ import annotations

from checker.codes import Claim
from checker.judgement import Msg
from checker.models.plan import IndicatorRule
from checker.progress import IndicatorInput, Outcome, unverified


def decided(rule: IndicatorRule, year: int, verdict: str | None = None, rank: int | None = None) -> Outcome | None:
    """The outcome a verdict (met / missed) or a rank gives; None when neither decides the rule."""
    final = year >= rule.target.year
    fail = "missed" if final else "behind"
    if verdict is not None:
        ok = verdict == "met"
        return Outcome(
            "met" if ok else fail, Msg.of("verdict", verdict=verdict),  # type: ignore[arg-type]
            progress="achieved" if ok else None, points=1.0 if ok else 0.0,
            fix=None if ok else Msg.of("missed_target"),
        )
    if rank is not None and rule.rank_at_most is not None:
        ok = rank <= rule.rank_at_most
        return Outcome(
            "met" if ok else fail, Msg.of("rank_ok" if ok else "rank_missed", rank=rank, rank_at_most=rule.rank_at_most),  # type: ignore[arg-type]
            progress="achieved" if ok else None, points=1.0 if ok else 0.0,
            fix=None if ok else Msg.of("missed_target"),
        )
    return None


def awaiting_review(inp: IndicatorInput) -> Outcome:
    return Outcome("needs_review", Msg.of("qualitative_review"), actual=inp.value, fix=Msg.of("give_verdict"))


def evaluate_qualitative(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    claimed = decided(rule, inp.year, inp.verdict, inp.rank)
    if claimed is not None:
        claim: Claim = "verdict" if inp.verdict is not None else "rank"
        said = Msg.of("self_verdict", verdict=inp.verdict) if inp.verdict is not None else Msg.of("self_rank", rank=inp.rank)
        return unverified(claim, claimed, awaiting_review(inp), said, Msg.of("confirm_claim"))
    baseline = inp.baseline
    if rule.requires_increase and inp.value is not None and baseline is not None:
        if inp.value <= baseline.value:
            return Outcome(
                "missed" if inp.year >= rule.target.year else "behind",
                Msg.of("no_increase", year=inp.year, actual=inp.value, unit=rule.unit, baseline=baseline.value),
                actual=inp.value, progress="moving_away", points=0.0, fix=Msg.of("missed_target"),
            )
    return awaiting_review(inp)
