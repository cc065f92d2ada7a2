"""The rule file: one plan, its entities, indicator rules, obligation rules and scoring settings."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.models.types import Number, Weight

Comparator = Literal[">=", ">", "<=", "<"]
Attribute = Literal["expected", "binding"]
EntityType = Literal[
    "jurisdiction", "region", "zone", "department", "institution", "industry_chain", "group"
]
Recurrence = Literal["once", "annual", "periodic", "continuous"]
IndicatorKind = Literal[
    "level",  # stock at year end (拥有量, 有效…, 总量)
    "flow",  # annual flow in the reporting year (年度…)
    "cumulative",  # running total since a stated start (累计)
    "increment",  # additions since the baseline (新增, 新建)
    "growth_rate",  # average annual growth (年均增长 X%)
    "multiple",  # a multiple of a base year's value (翻番)
    "steady_growth",  # every year above the previous (稳步增长)
    "qualitative",  # ranked or marked-improvement targets needing an assessor (全省前列, 有新突破)
]
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

RuleId = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=10_000)]
Name = Annotated[str, Field(min_length=1, max_length=500)]
Note = Annotated[str, Field(max_length=10_000)]
MAX_RULES = 5000  # indicators, obligations or entities in one rule file


class Strict(BaseModel):
    """Base for every rule-file (and decisions-file) model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Period(Strict):
    start: int = Field(ge=1949, le=2100, description="First year of the plan period.")
    end: int = Field(ge=1949, le=2100, description="Target year of the plan.")
    baseline: int | None = Field(
        default=None, ge=1949, le=2100, description="Baseline year (基期), usually start - 1."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("结束年份早于开始年份 | period.end must not precede period.start")
        if self.baseline is not None and self.baseline > self.start:
            raise ValueError("基期年份晚于开始年份 | period.baseline must not follow period.start")
        return self


class SourceDocument(Strict):
    file: Text = Field(description="Seed file the plan text comes from.")
    url: Note | None = None


class PlanHeader(Strict):
    id: RuleId
    title: Text
    issuer: Text
    document_number: Note | None = Field(default=None, description="文号, where the plan has one.")
    published: dt.date
    period: Period
    jurisdiction: RuleId = Field(description="Entity id of the plan's jurisdiction.")
    source: SourceDocument
    notes: list[Note] = Field(default_factory=list, max_length=100)


class Entity(Strict):
    id: RuleId
    name: Name = Field(description="Chinese display name.")
    name_en: Note | None = None
    type: EntityType
    aliases: list[Name] = Field(default_factory=list, max_length=100)
    parent: RuleId | None = Field(default=None, description="Containing entity (a county's city).")
    members: list[RuleId] = Field(
        default_factory=list, description="For type 'group' (各县(市、区)人民政府): its member entities."
    )


class Category(Strict):
    id: RuleId
    name: Name
    name_en: Note | None = None
    weight: Weight = Field(default=1.0, description="Weight of the category in the score (1e-6 to 1e6).")


class Responsible(Strict):
    lead: list[RuleId] = Field(default_factory=list, description="牵头单位.")
    support: list[RuleId] = Field(default_factory=list, description="配合单位 / 按职责分工负责.")
    joint: list[RuleId] = Field(
        default_factory=list, description="责任单位 named without a lead: jointly responsible."
    )

    def all_units(self) -> list[str]:
        """Every entity id named, lead first."""
        return [*self.lead, *self.support, *self.joint]


class Citation(Strict):
    document: Text = Field(description="Seed file name.")
    section: Text = Field(description='Heading path, e.g. "三、(二) 主要指标表".')
    quote: Text = Field(description="Verbatim text from the document.")


class Baseline(Strict):
    value: Number
    year: int = Field(ge=1949, le=2100)


class Base(Strict):
    """multiple: the base year, and its value where the plan states it (else taken from the reports)."""

    value: Number | None = Field(
        default=None,
        description=(
            "The base year's value in the rule's unit; omit it where the plan does not state it (衢州's"
            " 2015 values): it is then taken from a report's history, and the target is target.level."
        ),
    )
    year: int = Field(ge=1949, le=2100)


class Target(Strict):
    value: Number | None = Field(
        default=None,
        description=(
            "Target value in the rule's unit; for growth_rate the rate in %, for multiple the factor"
            " (2 for 翻番); may be omitted only for steady_growth and qualitative."
        ),
    )
    year: int = Field(ge=1949, le=2100)
    comparator: Comparator
    level: Number | None = Field(
        default=None,
        description=(
            "multiple only: the level the plan states for the target year in the rule's unit"
            " (翻番…达到9件以上 -> 9); it is the target whether or not the base year's value is known."
        ),
    )


class IndicatorRule(Strict):
    id: RuleId
    name: Name
    aliases: list[Name] = Field(default_factory=list, max_length=100)
    kind: IndicatorKind
    unit: Annotated[str, Field(min_length=1, max_length=32)] = Field(description="Unit of baseline and target, e.g. 件, 万元, %.")
    subject: RuleId = Field(description="Entity the target applies to.")
    baseline: Baseline | None = None
    target: Target
    attribute: Attribute = "expected"
    aspirational: bool = Field(default=False, description="力争: a target to strive for.")
    category: RuleId
    weight: Weight = 1.0
    responsible: Responsible = Field(default_factory=Responsible)
    path: Literal["linear", "geometric"] | None = Field(
        default=None,
        description="Expected path from baseline to target; default linear, geometric for growth.",
    )
    additive: bool | None = Field(
        default=None,
        description="Whether sub-entities' values sum to the whole (counts yes, ratios no).",
    )
    reported_as: Literal["level", "added_since_baseline", "annual_addition", "rate"] | None = Field(
        default=None,
        description=(
            "What the report's value means. increment: level (stock; increment = value - baseline),"
            " added_since_baseline (default) or annual_addition (summed over the years);"
            " growth_rate: level (default; CAGR computed) or rate (the series is itself a rate)."
        ),
    )
    base: Base | None = Field(
        default=None, description="multiple: the base year (and its value) the target is a multiple of."
    )
    rank_at_most: int | None = Field(
        default=None, ge=1, le=1_000_000, description="qualitative: a reported rank this good or better meets it."
    )
    requires_increase: bool = Field(
        default=False, description="qualitative: the value must rise above the baseline."
    )
    source: Citation
    interpretation: Note | None = Field(
        default=None, description="How a gap or ambiguity in the plan text was resolved."
    )

    @model_validator(mode="after")
    def _kind_params(self) -> IndicatorRule:
        from checker.kinds import (
            KINDS,  # here, not at the top: the kinds import this module
        )

        kind = KINDS[self.kind]
        if self.target.value is None and kind.needs_target_value:
            raise ValueError(f"{self.kind} 类指标须给出目标值 target.value | kind '{self.kind}' needs target.value")
        if self.kind == "multiple" and self.base is None:
            raise ValueError("翻番类指标须给出 base(基准年及数值) | kind 'multiple' needs 'base' (the base year and its value)")
        if self.target.level is not None and self.kind != "multiple":
            raise ValueError("target.level 仅用于翻番类指标 | target.level applies to kind 'multiple' only")
        if self.kind == "growth_rate" and self.baseline is None and self.reported_as != "rate":
            raise ValueError("年均增长类指标须给出基期值 | kind 'growth_rate' needs a baseline unless reported_as is 'rate'")
        if self.reported_as is not None and self.reported_as not in kind.reported_as:
            raise ValueError(f"reported_as “{self.reported_as}” 不适用于 {self.kind} 类指标 | reported_as '{self.reported_as}' does not apply to kind '{self.kind}'")
        if self.kind == "increment" and self.reported_as == "level" and self.baseline is None:
            raise ValueError("按存量填报的新增类指标须给出基期存量 | an increment reported as a level needs the baseline level")
        if self.baseline is not None and self.baseline.year > self.target.year:
            raise ValueError("基期年份晚于目标年份 | baseline.year must not follow target.year")
        return self


class QuantityDeliverable(Strict):
    type: Literal["quantity"]
    value: Number = Field(description="Quantity required (never negative), e.g. 20 for 建立商标品牌指导站20家以上.")
    unit: Annotated[str, Field(min_length=1, max_length=32)]
    comparator: Comparator = ">="
    what: Text = Field(description="What is counted, e.g. 商标品牌指导站.")
    from_indicator: RuleId | None = Field(
        default=None,
        description=(
            "An indicator of the same plan that counts the same thing (保护工作站 XN-I12): a report that"
            " gives the indicator's value and no quantity for this obligation has it taken from there."
        ),
    )


class DocumentDeliverable(Strict):
    type: Literal["document"]
    title: Text = Field(description="The document to issue, e.g. 2025年…行政保护工作实施方案.")


class ActivityDeliverable(Strict):
    type: Literal["activity"]
    description: Note | None = None


Deliverable = Annotated[
    QuantityDeliverable | DocumentDeliverable | ActivityDeliverable, Field(discriminator="type")
]


class ObligationRule(Strict):
    id: RuleId
    title: Text
    aliases: list[Name] = Field(default_factory=list, max_length=100)
    subject: RuleId | None = Field(
        default=None, description="Entity the measure belongs to; default the jurisdiction."
    )
    responsible: Responsible = Field(default_factory=Responsible)
    start: int | None = Field(
        default=None, ge=1949, le=2100,
        description="First year anything is due (a 中期评估 in 2023): before it the rule is not_due.",
    )
    due: int | None = Field(
        default=None, ge=1949, le=2100, description="Year it must be done by; default plan end."
    )
    recurrence: Recurrence = Field(
        default="once", description="once, or annual (每年), periodic (定期), continuous (持续)."
    )
    category: RuleId
    weight: Weight = 1.0
    deliverable: Deliverable = Field(default_factory=lambda: ActivityDeliverable(type="activity"))
    not_applicable_when: str | None = Field(
        default=None,
        description=(
            "When the plan itself says the measure does not apply (e.g. 有条件的县(市、区)): a reporter's"
            " not_applicable is then taken as stated; otherwise it is a claim awaiting an assessor."
        ),
    )
    source: Citation
    interpretation: Note | None = None


class ProgressThresholds(Strict):
    on_track: float = Field(default=0.95, ge=0, le=1, description="G at or above: on/ahead of schedule.")
    lagging: float = Field(default=0.60, ge=0, le=1, description="G at or above (below on_track): lagging; at most on_track.")


class GradeBands(Strict):
    excellent: float = Field(default=90, ge=0, le=100, description="优秀 at or above (above good).")
    good: float = Field(default=80, ge=0, le=100, description="良好 at or above (above pass).")
    pass_: float = Field(default=60, ge=0, le=100, alias="pass", description="合格 at or above.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ObligationPoints(Strict):
    met: float = Field(default=1.0, ge=0, le=1)
    on_track: float = Field(default=1.0, ge=0, le=1)
    behind: float = Field(default=0.5, ge=0, le=1)
    missed: float = Field(default=0.0, ge=0, le=1)


class ScoringSettings(Strict):
    grades: GradeBands = Field(default_factory=GradeBands)
    progress: ProgressThresholds = Field(default_factory=ProgressThresholds)
    obligation_points: ObligationPoints = Field(default_factory=ObligationPoints)
    binding_veto: bool = Field(
        default=True, description="A missed 约束性 indicator fails the assessment (一票否决)."
    )
    max_unassessable_share: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Above this share of weight needing review, no grade is given (数据不足).",
    )
    min_completeness: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Below this share of the owed weight answered, the report is incomplete (不完整, 退回补报).",
    )


class RuleFile(Strict):
    schema_version: Literal[1] = 1
    plan: PlanHeader
    entities: list[Entity] = Field(max_length=MAX_RULES)
    categories: list[Category] = Field(max_length=MAX_RULES)
    scoring: ScoringSettings = Field(default_factory=ScoringSettings)
    indicators: list[IndicatorRule] = Field(default_factory=list, max_length=MAX_RULES)
    obligations: list[ObligationRule] = Field(default_factory=list, max_length=MAX_RULES)
