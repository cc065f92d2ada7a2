"""The gate: whether one assessment passes, given its outcome and the run's thresholds.

The gate reads the risk-accepted score by default: a waiver is an approved, documented exemption,
and a CI gate that failed reports for what was exempted would be ignored. `--gate-on raw` reads
the raw score (waivers not applied) for a stricter gate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.codes import FAILING_GRADE, ScoreBasis, Status
from checker.judgement import Gate, GateFailure, Judgement
from checker.scoring import ScoreSummary, below_threshold


@dataclass(frozen=True)
class GateOptions:
    fail_under: float | None = None  # fail below this score (or with no score)
    fail_on: tuple[Status, ...] = ()  # fail when any rule has one of these statuses
    basis: ScoreBasis = "risk_accepted"


def gate(raw: ScoreSummary, risk_accepted: ScoreSummary, judgements: Sequence[Judgement], options: GateOptions) -> Gate:
    """Every reason the assessment fails, in a fixed order: outcome, score, statuses."""
    summary = risk_accepted if options.basis == "risk_accepted" else raw
    failures: list[GateFailure] = []
    if summary.outcome == "incomplete":
        failures.append(GateFailure("incomplete", f"{summary.completeness:.0%}"))
    elif summary.outcome == "ungraded" and summary.ungraded_cause == "claims":
        failures.append(GateFailure("ungraded", "claims"))
    elif summary.veto:
        failures.append(GateFailure("veto", ", ".join(summary.veto)))
    elif summary.grade == FAILING_GRADE:
        failures.append(GateFailure("grade", FAILING_GRADE))
    if below_threshold(summary.score, options.fail_under):
        failures.append(GateFailure("fail_under", f"{summary.score} < {options.fail_under:g}"))
    counted = [j for j in judgements if not (options.basis == "risk_accepted" and j.waived)] if options.fail_on else []
    for status in options.fail_on:
        hits = [j.rule.id for j in counted if j.status == status]
        if hits:
            failures.append(GateFailure("fail_on", f"{status}: {', '.join(hits)}"))
    return Gate(tuple(failures))
