"""Neutral judgements: what the engine decides, before any language or format.

A judgement carries a status, its numbers, a message key with parameters, where its entry was,
and what each pass changed. The output layer alone turns keys into sentences and locations into
lines, cells or SARIF regions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.frozen import one_step_init

if TYPE_CHECKING:
    from checker.codes import GateReason, Grade, Status
    from checker.locations import Location
    from checker.progress import Figure, FoundBaseline, Outcome
    from checker.rulefile import Rule
    from checker.scope import Role
    from checker.scoring import ScoreSummary
    from checker.series import Report
    from checker.trend import Trend


@one_step_init
@dataclass(frozen=True)
class Msg:
    """A message key with its parameters, rendered in the chosen language by the output layer."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **params: Any) -> Msg:
        return cls(key, tuple(sorted(params.items())))


@one_step_init
@dataclass(frozen=True)
class Adjustment:
    """What a pass changed in a judgement, and why."""

    step: str  # the pass: rollup, decisions, waivers…
    before: Status
    after: Status
    reason: Msg
    ref: str | None = None  # what it rests on, e.g. decisions.yaml:12


@one_step_init
@dataclass(frozen=True)
class Judgement:
    """One owed rule judged for one report."""

    rule: Rule
    role: Role
    outcome: Outcome
    trend: Trend
    location: Location | None = None  # the entry that answered the rule; None when not reported
    adjustments: tuple[Adjustment, ...] = ()
    figure: Figure | None = None  # how the entry states its figure (qualifiers, note, source)
    found: FoundBaseline | None = None  # the baseline (or base) taken from the reports, when the rule has none

    @property
    def status(self) -> Status:
        return self.outcome.status

    @property
    def waived(self) -> bool:
        """A waiver (豁免) holds for it: it counts as not applicable in the risk-accepted score."""
        return bool(self.adjustments) and any(a.step == "waiver" for a in self.adjustments)  # most have none: no generator

    @property
    def score(self) -> float | None:
        """Points as 0–100, rounded as they are shown; None when not scored."""
        points = self.outcome.points
        return None if points is None else round(points * 100, 1)


@dataclass(frozen=True)
class JudgedReport:
    """A report's judgements (and report-wide findings), as the passes see them before scoring."""

    report: Report
    judgements: tuple[Judgement, ...]
    findings: tuple[Msg, ...] = ()


@dataclass(frozen=True)
class GateFailure:
    reason: GateReason
    detail: str = ""  # the threshold, status or rule ids that failed


@dataclass(frozen=True)
class Gate:
    """Whether an assessment passes, and each reason it does not."""

    failures: tuple[GateFailure, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Assessment:
    """A judged report after the passes, scored and gated: what every renderer receives.

    `summary` is the raw score (the assessor's verdicts and evidence decisions applied, waivers
    not); `risk_accepted` applies the waivers too. The gate reads one of them (see gates.py).
    """

    judged: JudgedReport
    summary: ScoreSummary
    risk_accepted: ScoreSummary
    gate: Gate = field(default_factory=Gate)

    @property
    def report(self) -> Report:
        return self.judged.report

    @property
    def grade(self) -> Grade | None:
        return self.summary.grade
