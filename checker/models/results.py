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
CagrClass = Literal["on_track", "needs_acceleration", "limited_progress", "moving_away"]
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


class SeriesPoint(Frozen):
    year: int
    value: float
    source: str = Field(description="'baseline', or the file that reported the value.")


class CagrRatio(Frozen):
    """Actual against required compound annual growth (Eurostat / Open SDG style)."""

    actual: float = Field(description="Actual CAGR in % from the first positive value.")
    required: float = Field(description="Required CAGR in % from the baseline to the target.")
    ratio: float | None
    category: CagrClass | None


class Projection(Frozen):
    """Where the observed trend leads by the target year."""

    year: int
    value: float
    method: Literal["linear", "geometric"]
    reaches: bool
    gap: float = Field(description="Projected value minus target (in the rule's unit).")


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
    series: list[SeriesPoint] = Field(default_factory=list, description="Known values up to the year.")
    cagr: CagrRatio | None = None
    projection: Projection | None = None
    source: Citation


class CategoryScore(Frozen):
    id: str
    name: str
    name_en: str | None = None
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
    findings: list[Finding] = Field(
        default_factory=list, description="Findings about the report as a whole (roll-up, missing reports)."
    )
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
