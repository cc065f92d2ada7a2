"""What an estimate, a bound or a part-year figure does to a status (docs/scoring.md, "Qualified figures").

A kind judges the number it is given. Here the outcome is qualified by how the entry states it:

- an estimate (预计) is judged as given; the status is marked provisional;
- a bound on the side the target dislikes (a lower bound of a ≥ target, an upper bound of a ≤ target)
  is the worst case: the true status is no worse. A target the bound meets is met for certain; short
  of it, the status judged on the bound stands as a floor and its gap is at most the one shown;
- a bound on the other side (a lower bound of a ≤ target, an upper bound of a ≥ target) is the best
  case: a status it fails to reach is certain (the true value is further off); a status it reaches
  (met, on_track) is not shown by it: an unsupported figure, scored as rejected (0) until an assessor
  accepts it, so writing a generous bound never beats reporting the figure;
- a part-year figure's status is the status at that date: provisional.
"""

from __future__ import annotations

from dataclasses import replace

from checker.judgement import Msg
from checker.models.plan import IndicatorRule
from checker.progress import Figure, Outcome, rejected_claim, rising, unverified

JUDGED = ("met", "on_track", "behind", "missed")
# Messages and fixes that state a gap: with a worst-case bound the gap is at most that.
AT_MOST = {"final_missed": "final_missed_at_most", "raise_value": "raise_value_at_most", "lower_value": "lower_value_at_most"}


def _at_most(msg: Msg | None) -> Msg | None:
    if msg is None or msg.key not in AT_MOST:
        return msg
    return Msg(AT_MOST[msg.key], msg.params)


def qualify(outcome: Outcome, rule: IndicatorRule, figure: Figure) -> Outcome:
    """The outcome of a qualified figure: marked, and where a bound decides nothing, not judged."""
    if outcome.status not in JUDGED:
        return outcome
    notes: list[Msg] = []
    provisional = False
    if figure.bound is not None and outcome.actual is not None:
        up = rising(rule.target.comparator) or rule.kind == "qualitative"
        worst_case = (figure.bound == "at_least") == up
        side = figure.bound
        if worst_case and outcome.status == "met":
            notes.append(Msg.of("bound_certain", bound=side, actual=outcome.actual, unit=rule.unit))
        elif worst_case:
            gap = None if outcome.expected is None else abs(outcome.expected - outcome.actual)
            notes.append(Msg.of("bound_floor", bound=side, actual=outcome.actual, unit=rule.unit,
                                gap="—" if gap is None else gap))
            outcome = replace(outcome, message=_at_most(outcome.message) or outcome.message, fix=_at_most(outcome.fix))
            provisional = True
        elif outcome.status in ("met", "on_track"):
            final = outcome.status == "met" and outcome.expected == outcome.target
            claimed = unverified(
                "figure", replace(outcome, provisional=True), rejected_claim(final, Msg.of("report_exact")),
                Msg.of("bound_inconclusive", bound=side, actual=outcome.actual, unit=rule.unit), Msg.of("report_exact"),
            )
            return replace(claimed, notes=(*outcome.notes, *notes), provisional=True)
        else:
            notes.append(Msg.of("bound_ceiling", bound=side, actual=outcome.actual, unit=rule.unit))
    if figure.estimate:
        notes.append(Msg.of("estimate_basis", status=outcome.status))
        provisional = True
    if figure.partial:
        provisional = True
    if not notes and not provisional:
        return outcome
    return replace(outcome, notes=(*outcome.notes, *notes), provisional=provisional or outcome.provisional)
