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
    matches = entities_named(plan, submission.reporter)
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


def entities_named(plan: Plan, text: str) -> list[Entity]:
    """The entities whose id is `text` or whose normalised name or alias is text's, in the plan's
    order, reporting or not: what to make of none, several or a non-reporting one is the caller's."""
    entities, by_id, by_name = _index(plan)
    found = set(by_name.get(normalise(text), ()))
    if text in by_id:
        found.add(by_id[text])
    return [entities[i] for i in sorted(found)]


def _index(plan: Plan) -> tuple[tuple[Entity, ...], dict[str, int], dict[str, tuple[int, ...]]]:
    """The plan's entities in order, the position of each id, and the positions of the entities
    bearing each normalised name or alias: made once per plan (a plan's entities never change;
    bounded by its own names) instead of normalising every name for every report."""
    return plan.memoised(("reporter index",), lambda: _make_index(plan))


def _make_index(plan: Plan) -> tuple[tuple[Entity, ...], dict[str, int], dict[str, tuple[int, ...]]]:
    entities = tuple(plan.entities.values())
    by_name: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        for n in dict.fromkeys(normalise(n) for n in (e.name, *e.aliases)):
            by_name.setdefault(n, []).append(i)
    return entities, {e.id: i for i, e in enumerate(entities)}, {n: tuple(at) for n, at in by_name.items()}


def zh_candidates(items: list[str]) -> str:
    return f";可能是:{'、'.join(items)}" if items else ""


def en_candidates(items: list[str]) -> str:
    return f"; did you mean: {', '.join(items)}" if items else ""
