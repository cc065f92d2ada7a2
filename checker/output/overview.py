"""What batch overviews share: one small row per assessment, and the roster of missing reports.

Renderers that show an overview before the details keep these rows, not whole assessments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from checker.codes import STATUS_POLICY, STATUSES, Status
from checker.i18n import Lang, fmt_number, label, word
from checker.judgement import Assessment, Gate
from checker.models.plan import Entity
from checker.rulefile import Plan
from checker.scope import NON_REPORTING, OwedRule, owed_rules


@dataclass(frozen=True)
class Row:
    """One assessment in an overview."""

    plan: str
    plan_title: str
    reporter: str
    reporter_id: str
    year: int
    file: str
    score: float | None
    grade: str | None
    passed: bool
    counts: tuple[tuple[str, int], ...]  # status -> count, every status, in STATUSES order

    @property
    def failing(self) -> int:
        return sum(n for s, n in self.counts if STATUS_POLICY[cast(Status, s)].failing)


def row(assessment: Assessment) -> Row:
    report, summary = assessment.report, assessment.summary
    return Row(
        plan=report.plan.id, plan_title=report.plan.rules_file.plan.title, reporter=report.reporter.name,
        reporter_id=report.reporter.id, year=report.submission.year, file=report.source.file,
        score=summary.score, grade=summary.grade, passed=assessment.gate.passed,
        counts=tuple((s, summary.counts.get(s, 0)) for s in STATUSES),
    )


def shown_score(score: float | None, grade: str | None) -> float | None:
    """The score as shown: none when there is no grade (数据不足), whatever number was computed."""
    return None if grade is None else score


def score_text(score: float | None, grade: str | None) -> str:
    shown = shown_score(score, grade)
    return "—" if shown is None else fmt_number(shown)


def grade_text(grade: str | None, lang: Lang) -> str:
    return label("grade", grade, lang) if grade else "—"


def outcome_text(passed: bool, lang: Lang) -> str:
    return word("passed" if passed else "failed", lang)


def counts_text(counts: Iterable[tuple[str, int]], lang: Lang) -> str:
    return " · ".join(f"{label('status', s, lang)} {n}" for s, n in counts if n)


def gate_text(gate: Gate, lang: Lang) -> str:
    """Why an assessment fails its gate, on one line: each reason with its detail."""
    detail = "; ".join(f"{f.reason}: {f.detail}" for f in gate.failures)
    return f"{word('failed', lang)} ({detail})"


@dataclass(frozen=True)
class Missing:
    """An entity that owes rules under a plan and sent no report for some years of the batch."""

    entity: Entity
    owed: tuple[OwedRule, ...]
    years: tuple[int, ...]

    def roles(self) -> dict[str, int]:
        """Rules owed per role, in the order subject, lead, support, joint."""
        out = {role: 0 for role in ("subject", "lead", "support", "joint")}
        for owed in self.owed:
            out[owed.role] += 1
        return {role: n for role, n in out.items() if n}


def roster(plan: Plan, reported: set[tuple[str, int]]) -> list[Missing]:
    """Every reporting entity of the plan owing rules, with the batch's years it sent no report for.

    `reported` holds (entity id, year) of every assessment of this plan in the batch; the years
    asked about are the years of those reports. Entities are in rule-file order.
    """
    years = sorted({year for _, year in reported})
    out: list[Missing] = []
    for entity in plan.entities.values():
        if entity.type in NON_REPORTING:
            continue
        missing = tuple(y for y in years if (entity.id, y) not in reported)
        if not missing:
            continue
        owed = tuple(owed_rules(plan, entity))
        if owed:
            out.append(Missing(entity, owed, missing))
    return out
