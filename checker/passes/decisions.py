"""The assessor's decisions, applied to the reporter's claims before scoring.

A verdict decides a qualitative target; an evidence decision accepts or rejects a claim (the
outcome the judgement prepared for either answer); a waiver marks the rule waived, which only the
risk-accepted score applies. Every change is an Adjustment naming who decided, when, why and where
it is written; applying the same decisions again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from checker.decisions import DecisionSet, Placed
from checker.judgement import Adjustment, JudgedReport, Judgement, Msg
from checker.kinds.qualitative import decided
from checker.models.decisions import EvidenceDecision, VerdictDecision, Waiver
from checker.models.plan import IndicatorRule
from checker.progress import Outcome


def decisions_pass(decisions: DecisionSet, as_of: dt.date) -> Callable[[Sequence[JudgedReport]], list[JudgedReport]]:
    """The pass for these decisions (passes_for makes it only when there are some); waivers are
    judged expired or not on `as_of`."""

    def apply(batch: Sequence[JudgedReport]) -> list[JudgedReport]:
        return [_report(judged, decisions, as_of) for judged in batch]

    return apply


def _report(judged: JudgedReport, decisions: DecisionSet, as_of: dt.date) -> JudgedReport:
    report = judged.report
    changed = tuple(
        _judgement(j, decisions.applying(report.plan.id, j.rule.id, report.reporter_id, report.submission.year), report.submission.year, as_of)
        for j in judged.judgements
    )
    return replace(judged, judgements=changed)


def _judgement(judgement: Judgement, placed: list[Placed], year: int, as_of: dt.date) -> Judgement:
    for item in placed:
        if any(a.ref == item.ref for a in judgement.adjustments) or _noted(judgement, item.ref):
            continue  # already applied
        judgement = _apply(judgement, item, year, as_of)
    return judgement


def _noted(judgement: Judgement, ref: str) -> bool:
    return any(("ref", ref) in n.params for n in judgement.outcome.notes)


def _who(item: Placed) -> dict[str, object]:
    d = item.decision
    return {"assessor": d.assessor.name, "unit": d.assessor.unit, "date": d.date.isoformat(), "basis": d.basis}


def _apply(judgement: Judgement, item: Placed, year: int, as_of: dt.date) -> Judgement:
    d, rule = item.decision, judgement.rule
    if isinstance(d, Waiver):
        if as_of > d.expires:
            return _note(judgement, Msg.of("waiver_expired", expires=d.expires.isoformat(), ref=item.ref))
        reason = Msg.of(
            "waived", justification=d.justification, approver=d.approver, doc=d.doc_number or "—",
            expires=d.expires.isoformat(), **_who(item),
        )
        return _adjusted(judgement, "waiver", judgement.outcome, reason, item.ref, after="not_applicable")
    if isinstance(d, VerdictDecision):
        assert isinstance(rule, IndicatorRule)
        outcome = decided(rule, year, d.verdict, d.rank)
        assert outcome is not None  # the loader checked the rule can be decided so
        return _adjusted(judgement, "verdict", outcome, Msg.of("decided_verdict", **_who(item)), item.ref)
    assert isinstance(d, EvidenceDecision)
    claimed = judgement.outcome
    if claimed.claim != d.claim or claimed.if_accepted is None or claimed.if_rejected is None:
        return _note(judgement, Msg.of("decision_unmatched", claim=d.claim, ref=item.ref))
    accepted = d.decision == "accept"
    outcome = claimed.if_accepted if accepted else claimed.if_rejected
    reason = Msg.of("decided_accept" if accepted else "decided_reject", reason=d.reason, **_who(item))
    return _adjusted(judgement, "evidence", outcome, reason, item.ref)


def _adjusted(
    judgement: Judgement, step: str, outcome: Outcome, reason: Msg, ref: str, after: str | None = None
) -> Judgement:
    before = judgement.outcome
    kept = before if outcome is before else replace(outcome, notes=(*before.notes, *outcome.notes))
    adjustment = Adjustment(step, before.status, after or kept.status, reason, ref)  # type: ignore[arg-type]
    return replace(judgement, outcome=kept, adjustments=(*judgement.adjustments, adjustment))


def _note(judgement: Judgement, note: Msg) -> Judgement:
    return replace(judgement, outcome=replace(judgement.outcome, notes=(*judgement.outcome.notes, note)))
