"""The gate: whether one assessment passes, given the plan's verdict and the run's thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.codes import FAILING_GRADE, Status
from checker.judgement import Gate, GateFailure, Judgement
from checker.scoring import ScoreSummary


@dataclass(frozen=True)
class GateOptions:
    fail_under: float | None = None  # fail below this score (or with no score)
    fail_on: tuple[Status, ...] = ()  # fail when any rule has one of these statuses


def gate(summary: ScoreSummary, judgements: Sequence[Judgement], options: GateOptions) -> Gate:
    """Every reason the assessment fails, in a fixed order: veto or grade, score, statuses."""
    failures: list[GateFailure] = []
    if summary.veto:
        failures.append(GateFailure("veto", ", ".join(summary.veto)))
    elif summary.grade == FAILING_GRADE:
        failures.append(GateFailure("grade", FAILING_GRADE))
    if options.fail_under is not None and (summary.score is None or summary.score < options.fail_under):
        failures.append(GateFailure("fail_under", f"{summary.score} < {options.fail_under:g}"))
    for status in options.fail_on:
        hits = [j.rule.id for j in judgements if j.status == status]
        if hits:
            failures.append(GateFailure("fail_on", f"{status}: {', '.join(hits)}"))
    return Gate(tuple(failures))
