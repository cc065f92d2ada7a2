"""Typed, immutable results: what the evaluator finds and what every reporter prints."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal[
    "met", "on_track", "behind", "missed", "not_reported", "needs_review", "not_applicable", "not_due"
]
STATUSES: tuple[Status, ...] = (
    "met", "on_track", "behind", "missed", "not_reported", "needs_review", "not_applicable", "not_due"
)
ProgressClass = Literal["achieved", "on_schedule", "lagging", "seriously_lagging", "moving_away"]
RuleType = Literal["indicator", "obligation"]
Severity = Literal["error", "warning", "info"]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Progress(Frozen):
    ratio: float | None = Field(description="G = (actual - baseline) / (expected - baseline).")
    category: ProgressClass | None


class Citation(Frozen):
    document: str
    section: str
    quote: str


class Finding(Frozen):
    """A remark beside a status: missing evidence, a revised figure, a warning."""

    code: str
    severity: Severity
    message: str


class RuleResult(Frozen):
    rule_id: str
    rule_type: RuleType
    kind: str = Field(description="Indicator kind (level, flow, …) or 'obligation'.")
    subject: str = Field(description="Display name of the entity the rule applies to.")
    name: str
    category: str
    attribute: Literal["expected", "binding"] | None
    weight: float
    status: Status
    expected: float | None = Field(description="Where the value should be in the reporting year.")
    target: float | None
    actual: float | None
    unit: str | None
    gap: float | None = Field(description="actual - expected, in the rule's unit.")
    progress: Progress | None
    score: float | None = Field(description="Points 0-100; null when not scored.")
    role: Literal["subject", "lead", "support", "joint"] | None = Field(
        description="Why the reporter owes this rule."
    )
    message: str
    fix: str | None = Field(description="What to do about it, when anything.")
    findings: list[Finding]
    source: Citation


class CategoryScore(Frozen):
    id: str
    name: str
    weight: float
    score: float | None


class Assessment(Frozen):
    submission: str
    plan: str
    plan_title: str
    reporter: str
    reporter_id: str
    year: int
    illustrative: bool
    score: float | None
    grade: str | None
    passed: bool
    veto: list[str] = Field(description="Binding indicators missed (一票否决).")
    unassessable_share: float
    categories: list[CategoryScore]
    counts: dict[str, int]
    results: list[RuleResult]


class InputError(Frozen):
    file: str
    line: int | None
    place: str
    message: str


class AssessmentDocument(Frozen):
    """The whole `check --format json` output."""

    version: Literal[1] = 1
    assessments: list[Assessment]
    errors: list[InputError]
