"""Who submits a report (报送主体): the entity behind `reporter`, with suggestions when unknown."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from checker.errors import Problem, SubmissionError
from checker.models.plan import Entity
from checker.models.submission import Submission
from checker.names import normalise
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


def suggest(text: str, options: Mapping[str, str]) -> list[str]:
    """Up to five of the options closest to text, as 'name (id)'."""
    normal = {normalise(k): k for k in options}
    wanted = normalise(text)
    hits = [n for n in normal if wanted in n or n in wanted]
    hits += difflib.get_close_matches(wanted, list(normal), n=5, cutoff=0.5)
    shown: dict[str, str] = {}  # one name per target, so a rule's aliases do not crowd the list
    for hit in hits:
        shown.setdefault(options[normal[hit]], normal[hit])
    return [name if rid == name else f"{name} ({rid})" for rid, name in list(shown.items())[:5]]


def zh_candidates(items: list[str]) -> str:
    return f";可能是:{'、'.join(items)}" if items else ""


def en_candidates(items: list[str]) -> str:
    return f"; did you mean: {', '.join(items)}" if items else ""
