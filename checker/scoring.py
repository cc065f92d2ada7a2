"""Score and grade: a pure function of the rule results and the plan's scoring settings.

Per rule, points p in [0, 1] (see docs/scoring.md). Within a category, the weighted mean of the
scored rules; across categories, the weighted mean by category weight; times 100. Then the
outcome: incomplete (too little answered), ungraded (too much awaiting review), fail or pass.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from checker.codes import (
    FAILING_GRADE,
    STATUS_POLICY,
    STATUSES,
    Grade,
    Outcome,
    Status,
    UngradedCause,
)
from checker.judgement import Judgement
from checker.models.plan import Category, IndicatorRule, ScoringSettings


@dataclass(frozen=True)
class CategoryScore:
    category: Category
    score: float | None


@dataclass(frozen=True)
class ScoreSummary:
    score: float | None
    grade: Grade | None  # None: no grade, as `outcome` says (incomplete or ungraded)
    passed: bool
    veto: tuple[str, ...]
    unassessable_share: float
    categories: tuple[CategoryScore, ...]
    counts: dict[str, int]
    completeness: float = 1.0  # share of the owed weight the report answers
    outcome: Outcome = "pass"
    ungraded_cause: UngradedCause | None = None


def grade_for(score: float, settings: ScoringSettings) -> Grade:
    bands = settings.grades
    if score >= bands.excellent:
        return "优秀"
    if score >= bands.good:
        return "良好"
    if score >= bands.pass_:
        return "合格"
    return "不合格"


def fail_under_threshold(value: float) -> float:
    """A --fail-under threshold: a finite number from 0 to 100 (NaN would turn the gate off, since
    no score compares below it). Raises UsageError otherwise."""
    from checker.errors import Problem, UsageError

    if not math.isfinite(value) or not 0 <= value <= 100:
        raise UsageError([Problem(
            "--fail-under", f"阈值 {value} 无效:应为 0 到 100 之间的数", f"invalid threshold {value}: must be a number from 0 to 100",
        )])
    return value


def below_threshold(score: float | None, threshold: float | None) -> bool:
    """Whether a score fails a --fail-under threshold: no score (数据不足) fails, and so does any
    score against a threshold that is not a finite number (a gate is never silently off)."""
    if threshold is None:
        return False
    if score is None or not math.isfinite(threshold):
        return True
    return score < threshold


def score(
    judgements: Sequence[Judgement], categories: Sequence[Category], settings: ScoringSettings, waivers: bool = False
) -> ScoreSummary:
    """Score, grade and outcome of one assessment: raw, or with waivers applied (risk-accepted)."""
    view = [_as_seen(j, waivers) for j in judgements]
    counts: dict[str, int] = {s: 0 for s in STATUSES}
    applicable = []
    # The applicable weights, summed in one walk (each sum adds in judgement order, as sum() would).
    total_weight: float = 0
    plan_review: float = 0
    claim_review: float = 0
    answered: float = 0
    for seen in view:
        j, status, pts = seen
        counts[status] += 1
        if STATUS_POLICY[status].in_scope:
            applicable.append(seen)
            weight = j.rule.weight
            total_weight += weight
            if pts is None:
                if status == "unverified":
                    claim_review += weight
                else:
                    plan_review += weight
            # A rule is answered by an entry that says something: a blank row or history alone (both
            # not reported) and an unsupported claim do not make a report complete.
            if j.location is not None and status not in ("unverified", "not_reported"):
                answered += weight
    share = round((plan_review + claim_review) / total_weight, 4) if total_weight else 0.0
    completeness = round(answered / total_weight, 4) if total_weight else 1.0

    # Each category's scored rules, in judgement order (the sums below add in that order), found in one walk.
    present = {j.rule.category for j in judgements}
    by_category: dict[str, list[tuple[Judgement, float]]] = {}
    for j, _status, points in applicable:
        if points is not None:
            by_category.setdefault(j.rule.category, []).append((j, points))
    per_category: list[CategoryScore] = []
    weighted, weights = 0.0, 0.0
    for cat in categories:
        if cat.id not in present:
            continue
        scored = by_category.get(cat.id, [])
        cat_score = None
        if scored:
            cat_score = sum(j.rule.weight * (pts or 0.0) for j, pts in scored) / sum(j.rule.weight for j, _p in scored)
            weighted += cat.weight * cat_score
            weights += cat.weight
        per_category.append(CategoryScore(cat, None if cat_score is None else round(cat_score, 1)))
    total = round(weighted / weights, 1) if weights else None
    # Weights are bounded (checker.models.types: 1e-6 to 1e6) and points lie in [0, 100], so every
    # sum above is finite: a NaN or infinite score would be a bug, never an answer.
    assert total is None or math.isfinite(total), f"non-finite score {total}"

    veto = tuple(
        j.rule.id for j, status, _p in view
        if status == "missed" and isinstance(j.rule, IndicatorRule) and j.rule.attribute == "binding"
    ) if settings.binding_veto else ()
    grade: Grade | None = None
    outcome: Outcome
    cause: UngradedCause | None = None
    if completeness < settings.min_completeness:
        outcome = "incomplete"  # 退回补报: too little answered to grade at all
    elif total is None or share > settings.max_unassessable_share:
        outcome = "ungraded"
        plan_lacks = total_weight == 0 or plan_review / total_weight > settings.max_unassessable_share
        cause = "plan_data" if plan_lacks or not claim_review else "claims"
    else:
        grade = FAILING_GRADE if veto else grade_for(total, settings)
        outcome = "fail" if grade == FAILING_GRADE else "pass"
    return ScoreSummary(total, grade, passes(outcome, cause), veto, share, tuple(per_category), counts, completeness, outcome, cause)


def passes(outcome: Outcome, cause: UngradedCause | None) -> bool:
    """Pass, or no grade only because the plan lacks the data (not the reporter's doing)."""
    return outcome == "pass" or (outcome == "ungraded" and cause == "plan_data")


def _as_seen(judgement: Judgement, waivers: bool) -> tuple[Judgement, Status, float | None]:
    """A judgement's status and score, a waived rule counting as not applicable when waivers apply."""
    if waivers and judgement.waived:
        return judgement, "not_applicable", None
    return judgement, judgement.status, judgement.score
