"""An annual report (submission): values for indicators, statuses for obligations."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.models.types import Number

Text = Annotated[str, Field(min_length=1)]
ObligationStatus = Literal["completed", "in_progress", "not_started", "not_applicable"]
Verdict = Literal["met", "missed"]
Bound = Literal["at_least", "at_most"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleRef(Strict):
    """Names the rule an entry answers: by rule id or by Chinese name/alias."""

    id: str | None = Field(default=None, description="Rule id, e.g. XN-I01.")
    name: str | None = Field(default=None, description="Indicator name or obligation title.")

    @model_validator(mode="after")
    def _one_reference(self) -> RuleRef:
        if not (self.id or self.name):
            raise ValueError("须给出规则编号 id 或名称 name | give the rule's 'id' or its 'name'")
        return self

    @property
    def label(self) -> str:
        return self.id or self.name or ""


class PastValue(Strict):
    year: int = Field(ge=1949, le=2100)
    value: Number
    unit: Text
    source: str | None = None


class IndicatorEntry(RuleRef):
    value: Number | None = Field(default=None, description="Value for the reporting year.")
    unit: str | None = None
    rank: int | None = Field(default=None, ge=1, description="Reported rank, for ranked targets.")
    verdict: Verdict | None = Field(
        default=None, description="An assessor's verdict, for qualitative targets."
    )
    note: str | None = None
    source: str | None = Field(default=None, description="Where the figure comes from.")
    history: list[PastValue] = Field(default_factory=list, description="Prior years' values.")
    # How the figure is stated (docs/submission-format.md, "Qualified figures").
    estimate: bool = Field(default=False, description="The value is an estimate (预计).")
    bound: Bound | None = Field(
        default=None, description="The value is a bound: at_least (下限, 首次突破 X) or at_most (上限)."
    )
    period_end: dt.date | None = Field(
        default=None, description="The value covers the year up to this date (overrides the report's period_end)."
    )

    @model_validator(mode="after")
    def _value_has_unit(self) -> IndicatorEntry:
        if self.value is not None and not self.unit:
            raise ValueError("填报数值须注明单位 unit | a value needs its 'unit'")
        if (self.estimate or self.bound) and self.value is None:
            raise ValueError("estimate / bound 须与数值 value 一起填报 | 'estimate' and 'bound' qualify a 'value'")
        return self


class Evidence(Strict):
    title: Text
    doc_number: str | None = Field(default=None, description="文号.")
    date: dt.date | None = None
    link: str | None = None


class ObligationEntry(RuleRef):
    status: ObligationStatus
    reason: str | None = Field(default=None, description="Why not applicable.")
    quantity: Number | None = Field(default=None, description="Quantity delivered so far.")
    unit: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ObligationEntry:
        if self.status == "not_applicable" and not (self.reason and self.reason.strip()):
            raise ValueError("状态为“不适用”时须说明理由 reason | status 'not_applicable' needs a 'reason'")
        if self.quantity is not None and not self.unit:
            raise ValueError("填报数量须注明单位 unit | a quantity needs its 'unit'")
        return self


class Submission(Strict):
    schema_version: Literal[1] = 1
    plan: Text = Field(description="Plan id of the rule file this report answers.")
    reporter: Text = Field(description="Entity id or name of who reports.")
    year: int = Field(ge=1949, le=2100, description="The year reported on.")
    illustrative: bool = Field(default=False, description="Values are made up (examples).")
    submitted: dt.date | None = None
    period_end: dt.date | None = Field(
        default=None,
        description="Last day the report's figures cover, when not the year's end (a quarterly notice: 2022-03-31).",
    )
    indicators: list[IndicatorEntry] = Field(default_factory=list)
    obligations: list[ObligationEntry] = Field(default_factory=list)
