"""Obligation rules (tasks, projects, duties): a reported status, evidence and quantity against the rule."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from checker.codes import Claim, Status
from checker.judgement import Msg
from checker.models.plan import (
    DocumentDeliverable,
    ObligationPoints,
    ObligationRule,
    ProgressThresholds,
    QuantityDeliverable,
    Recurrence,
)
from checker.models.submission import Evidence, ObligationEntry, ObligationStatus
from checker.progress import Outcome, judge_against_path, rejected_claim, unverified


class ObligationInput(NamedTuple):
    """One obligation entry with what judging it needs. Made for every entry: a NamedTuple,
    immutable, and made far faster than a frozen dataclass."""

    rule: ObligationRule
    entry: ObligationEntry
    quantity: Decimal | None  # in the deliverable's unit
    year: int
    due: int
    period_start: int
    thresholds: ProgressThresholds
    points: ObligationPoints


def evaluate_obligation(inp: ObligationInput) -> Outcome:
    """Judge one obligation entry; the evaluator handles obligations not reported at all.

    What the reporter claims without support (completed without substantive evidence, a count
    without its number, not applicable) is `unverified`: scored as the claim rejected until an
    assessor's decision accepts it.
    """
    entry, rule = inp.entry, inp.rule
    if entry.status == "not_applicable":
        accepted = Outcome("not_applicable", Msg.of("ob_na", reason=entry.reason or ""))
        if rule.not_applicable_when is not None:
            # The rule file itself says when the rule does not apply: the reporter invokes it.
            return replace(accepted, notes=(Msg.of("ob_na_rule", when=rule.not_applicable_when),))
        return unverified(
            "not_applicable", accepted, _rejected(inp), Msg.of("ob_na_claim", reason=entry.reason or ""), Msg.of("support_na"),
        )
    deliverable = rule.deliverable
    if isinstance(deliverable, QuantityDeliverable) and inp.quantity is not None:
        return _with_evidence_check(_quantity(inp, deliverable), inp)
    outcome = _by_status(inp)
    if isinstance(deliverable, QuantityDeliverable) and entry.status == "completed":
        message = Msg.of(
            "ob_quantity_missing", cmp=deliverable.comparator, target=deliverable.value, unit=deliverable.unit,
            what=deliverable.what,
        )
        return unverified("completed", replace(outcome, target=deliverable.value), _rejected(inp), message, Msg.of("add_quantity"))
    return _with_evidence_check(outcome, inp)


def _rejected(inp: ObligationInput) -> Outcome:
    """A claim not accepted: nothing is known to be done, so no points (as if not reported)."""
    return rejected_claim(inp.year >= inp.due, Msg.of("report_obligation"))


def _by_status(inp: ObligationInput) -> Outcome:
    return _status_outcome(inp.entry.status, inp.rule.recurrence, inp.due, inp.year >= inp.due, inp.points)


@lru_cache(maxsize=1024)
def _status_outcome(
    status: ObligationStatus | None, recurrence: Recurrence, due: int, late: bool, pts: ObligationPoints,
) -> Outcome:
    """The outcome of a reported status: a function of these arguments alone (most obligations of a
    report share a handful), and immutable, so one instance serves them all."""
    if status == "completed":
        return Outcome("met", Msg.of("ob_completed"), progress="achieved", points=pts.met)
    if recurrence in ("annual", "periodic"):
        if status == "in_progress":
            return _scored("behind", Msg.of("ob_recurring_partial"), pts, Msg.of("finish_task"))
        return _scored("missed", Msg.of("ob_recurring_missed"), pts, Msg.of("start_task"))
    if recurrence == "continuous" and status == "in_progress":
        return Outcome("met" if late else "on_track", Msg.of("ob_continuous"), points=pts.met if late else pts.on_track)
    if status == "in_progress":
        if late:
            return _scored("missed", Msg.of("ob_in_progress_late", due=due), pts, Msg.of("finish_task"))
        return Outcome("on_track", Msg.of("ob_in_progress", due=due), points=pts.on_track)
    if late:
        return _scored("missed", Msg.of("ob_not_started_late", due=due), pts, Msg.of("start_task"))
    return _scored("behind", Msg.of("ob_not_started", due=due), pts, Msg.of("start_task"))


def _scored(status: Status, message: Msg, pts: ObligationPoints, fix: Msg) -> Outcome:
    points = {"behind": pts.behind, "missed": pts.missed}[status]
    return Outcome(status, message, points=points, fix=fix)


def _quantity(inp: ObligationInput, d: QuantityDeliverable) -> Outcome:
    assert inp.quantity is not None
    recurring = inp.rule.recurrence in ("annual", "periodic")
    # A yearly quantity is judged in full every year; a period quantity along the path from zero.
    start_year = inp.year - 1 if recurring else inp.period_start - 1
    due = inp.year if recurring else inp.due
    outcome = judge_against_path(
        inp.quantity, Decimal(0), start_year, d.value, due, d.comparator, inp.year, "linear", inp.thresholds, d.unit
    )
    if outcome.status in ("met", "missed"):
        message = Msg.of("ob_quantity", actual=inp.quantity, unit=d.unit, what=d.what, cmp=d.comparator, target=d.value)
    else:
        message = Msg.of(
            "ob_quantity_path", actual=inp.quantity, unit=d.unit, what=d.what, expected=outcome.expected or 0,
            due=due, cmp=d.comparator, target=d.value,
        )
    return replace(outcome, message=message)


def substantive(evidence: Evidence) -> bool:
    """Evidence that names something: a title with at least one letter, digit or character."""
    return any(map(str.isalnum, evidence.title))


def web_link(link: str | None) -> bool:
    """An http(s) address with a host: what a link must be to count (never javascript: and the like)."""
    if not link:
        return False
    parts = urlsplit(link.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _with_evidence_check(outcome: Outcome, inp: ObligationInput) -> Outcome:
    """A completed measure needs substantive evidence; a document deliverable needs the document named."""
    if outcome.status != "met" or inp.entry.status != "completed":
        return outcome
    deliverable = inp.rule.deliverable
    claim: Claim = "quantity" if isinstance(deliverable, QuantityDeliverable) else "completed"
    evidence = [e for e in inp.entry.evidence if substantive(e)]
    if not evidence:
        return unverified(claim, outcome, _rejected(inp), Msg.of("ob_no_evidence"), Msg.of("add_evidence"))
    named = any((e.doc_number or "").strip() or web_link(e.link) for e in evidence)
    if isinstance(deliverable, DocumentDeliverable) and not named:
        return unverified(
            claim, outcome, _rejected(inp), Msg.of("ob_no_document", title=deliverable.title),
            Msg.of("add_document", title=deliverable.title),
        )
    return outcome
