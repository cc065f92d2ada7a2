"""Score and grade: a pure function of the rule results and the plan's scoring settings.

Per rule, points p in [0, 1] (see docs/scoring.md). Within a category, the weighted mean of the
scored rules; across categories, the weighted mean by category weight; times 100.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from checker.models.plan import Category, ScoringSettings
from checker.models.results import STATUSES, CategoryScore, RuleResult

UNSCORED = ("not_applicable", "not_due")
GRADES = ("优秀", "良好", "合格", "不合格")


@dataclass(frozen=True)
class ScoreSummary:
    score: float | None
    grade: str | None  # None: 数据不足 (too much weight needs review)
    passed: bool
    veto: tuple[str, ...]
    unassessable_share: float
    categories: tuple[CategoryScore, ...]
    counts: dict[str, int]


def grade_for(score: float, settings: ScoringSettings) -> str:
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
    no score compares below it). Raises UsageError otherwise.

    Call site: cli.py, the --fail-under option: ``callback=lambda ctx, param, v: None if v is None
    else fail_under_threshold(v)`` (turning the UsageError into click.BadParameter, or letting _guard
    report it), and run._fails_thresholds may then rely on a finite threshold."""
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


def score(results: Sequence[RuleResult], categories: Sequence[Category], settings: ScoringSettings) -> ScoreSummary:
    """Score, grade and pass/fail of one assessment."""
    counts: dict[str, int] = {s: 0 for s in STATUSES}
    for r in results:
        counts[r.status] += 1
    applicable = [r for r in results if r.status not in UNSCORED]
    total_weight = sum(r.weight for r in applicable)
    review_weight = sum(r.weight for r in applicable if r.score is None)
    share = round(review_weight / total_weight, 4) if total_weight else 0.0

    per_category: list[CategoryScore] = []
    weighted, weights = 0.0, 0.0
    for cat in categories:
        scored = [r for r in applicable if r.category == cat.id and r.score is not None]
        if not any(r.category == cat.id for r in results):
            continue
        cat_score = None
        if scored:
            cat_score = sum(r.weight * (r.score or 0.0) for r in scored) / sum(r.weight for r in scored)
            weighted += cat.weight * cat_score
            weights += cat.weight
        per_category.append(CategoryScore(
            id=cat.id, name=cat.name, name_en=cat.name_en, weight=cat.weight, score=None if cat_score is None else round(cat_score, 1)
        ))
    total = round(weighted / weights, 1) if weights else None
    # Weights are bounded (checker.models.types: 1e-6 to 1e6) and points lie in [0, 100], so every
    # sum above is finite: a NaN or infinite score would be a bug, never an answer.
    assert total is None or math.isfinite(total), f"non-finite score {total}"

    veto = tuple(
        r.rule_id for r in results if r.attribute == "binding" and r.status == "missed" and settings.binding_veto
    )
    if total is None or share > settings.max_unassessable_share:
        grade = None
    elif veto:
        grade = "不合格"
    else:
        grade = grade_for(total, settings)
    passed = grade != "不合格"  # 数据不足 (no grade) is not a failure: gate it with --fail-on needs_review
    return ScoreSummary(total, grade, passed, veto, share, tuple(per_category), counts)
