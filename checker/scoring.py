"""Score and grade: a pure function of the rule results and the plan's scoring settings.

Per rule, points p in [0, 1] (see docs/scoring.md). Within a category, the weighted mean of the
scored rules; across categories, the weighted mean by category weight; times 100.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.codes import FAILING_GRADE, STATUS_POLICY, STATUSES, Grade
from checker.judgement import Judgement
from checker.models.plan import Category, IndicatorRule, ScoringSettings


@dataclass(frozen=True)
class CategoryScore:
    category: Category
    score: float | None


@dataclass(frozen=True)
class ScoreSummary:
    score: float | None
    grade: Grade | None  # None: 数据不足 (too much weight needs review)
    passed: bool
    veto: tuple[str, ...]
    unassessable_share: float
    categories: tuple[CategoryScore, ...]
    counts: dict[str, int]


def grade_for(score: float, settings: ScoringSettings) -> Grade:
    bands = settings.grades
    if score >= bands.excellent:
        return "优秀"
    if score >= bands.good:
        return "良好"
    if score >= bands.pass_:
        return "合格"
    return "不合格"


def score(results: Sequence[Judgement], categories: Sequence[Category], settings: ScoringSettings) -> ScoreSummary:
    """Score, grade and pass/fail of one assessment."""
    counts: dict[str, int] = {s: 0 for s in STATUSES}
    for r in results:
        counts[r.status] += 1
    applicable = [r for r in results if STATUS_POLICY[r.status].in_scope]
    total_weight = sum(r.rule.weight for r in applicable)
    review_weight = sum(r.rule.weight for r in applicable if r.score is None)
    share = round(review_weight / total_weight, 4) if total_weight else 0.0

    per_category: list[CategoryScore] = []
    weighted, weights = 0.0, 0.0
    for cat in categories:
        scored = [r for r in applicable if r.rule.category == cat.id and r.score is not None]
        if not any(r.rule.category == cat.id for r in results):
            continue
        cat_score = None
        if scored:
            cat_score = sum(r.rule.weight * (r.score or 0.0) for r in scored) / sum(r.rule.weight for r in scored)
            weighted += cat.weight * cat_score
            weights += cat.weight
        per_category.append(CategoryScore(cat, None if cat_score is None else round(cat_score, 1)))
    total = round(weighted / weights, 1) if weights else None

    veto = tuple(
        r.rule.id for r in results
        if isinstance(r.rule, IndicatorRule) and r.rule.attribute == "binding" and r.status == "missed" and settings.binding_veto
    )
    if total is None or share > settings.max_unassessable_share:
        grade = None
    elif veto:
        grade = FAILING_GRADE
    else:
        grade = grade_for(total, settings)
    passed = grade != FAILING_GRADE  # 数据不足 (no grade) is not a failure: gate it with --fail-on needs_review
    return ScoreSummary(total, grade, passed, veto, share, tuple(per_category), counts)
