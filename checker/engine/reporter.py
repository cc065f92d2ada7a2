"""Who submits a report (报送主体): the entity behind `reporter`, with suggestions when unknown."""

from __future__ import annotations

from checker.errors import Problem, SubmissionError
from checker.models.plan import Entity
from checker.models.submission import Submission
from checker.names import normalise, suggest
from checker.rulefile import Plan
from checker.scope import NON_REPORTING


def resolve_reporter(plan: Plan, submission: Submission, name: str) -> Entity:
    """The entity behind `reporter`, by id, name or alias."""
    wanted = normalise(submission.reporter)
    matches = [
        e for e in plan.entities.values()
        if e.id == submission.reporter or wanted in {normalise(n) for n in (e.name, *e.aliases)}
    ]
    if len(matches) == 1 and matches[0].type not in NON_REPORTING:
        return matches[0]
    if len(matches) == 1:
        raise SubmissionError([Problem(
            name, f"“{matches[0].name}”不单独报送(由上级汇总报送)",
            f"'{matches[0].name}' does not report on its own (its parent reports for it)", "$.reporter",
        )])
    candidates = [e for e in plan.entities.values() if e.type not in NON_REPORTING]
    close = suggest(submission.reporter, {e.name: e.id for e in candidates})
    raise SubmissionError([Problem(
        name, f"规划 {plan.id} 中没有报送主体“{submission.reporter}”{zh_candidates(close)}",
        f"plan {plan.id} has no reporter '{submission.reporter}'{en_candidates(close)}", "$.reporter",
    )])


def zh_candidates(items: list[str]) -> str:
    return f";可能是:{'、'.join(items)}" if items else ""


def en_candidates(items: list[str]) -> str:
    return f"; did you mean: {', '.join(items)}" if items else ""
