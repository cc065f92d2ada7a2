"""An annual report (submission): values for indicators, statuses for obligations."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.models.types import Number
from checker.units import sign_problem

# Bounds on strings and lists: far beyond any real report, so nothing echoed or compared is huge.
Text = Annotated[str, Field(min_length=1, max_length=10_000)]
Short = Annotated[str, Field(min_length=1, max_length=200)]
Unit = Annotated[str, Field(max_length=32)]
Note = Annotated[str, Field(max_length=10_000)]
MAX_ENTRIES = 2000  # indicator or obligation entries in one report
MAX_RANK = 1_000_000
ObligationStatus = Literal["completed", "in_progress", "not_started", "not_applicable"]
Verdict = Literal["met", "missed"]
Bound = Literal["at_least", "at_most"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleRef(Strict):
    """Names the rule an entry answers: by rule id or by Chinese name/alias."""

    id: str | None = Field(default=None, max_length=64, description="Rule id, e.g. XN-I01.")
    name: str | None = Field(default=None, max_length=500, description="Indicator name or obligation title.")

    @model_validator(mode="after")
    def _one_reference(self) -> RuleRef:
        if not (self.id or self.name):
            raise ValueError("须给出规则编号 id 或名称 name | give the rule's 'id' or its 'name'")
        return self

    @property
    def label(self) -> str:
        return self.id or self.name or ""


def _signed(value: Number | None, unit: str | None, field: str = "value") -> None:
    # "@field " names the field for the loader's message (checker.loading.build_model).
    if value is not None and unit:
        problem = sign_problem(value, unit)
        if problem is not None:
            raise ValueError(f"@{field} {problem[0]} | {problem[1]}")


class PastValue(Strict):
    year: int = Field(ge=1949, le=2100)
    value: Number
    unit: Annotated[str, Field(min_length=1, max_length=32)]
    source: Note | None = None

    @model_validator(mode="after")
    def _sign(self) -> PastValue:
        _signed(self.value, self.unit)
        return self


class IndicatorEntry(RuleRef):
    value: Number | None = Field(default=None, description="Value for the reporting year.")
    unit: Unit | None = None
    rank: int | None = Field(default=None, ge=1, le=MAX_RANK, description="Reported rank, for ranked targets.")
    verdict: Verdict | None = Field(
        default=None, description="An assessor's verdict, for qualitative targets."
    )
    note: Note | None = None
    source: Note | None = Field(default=None, description="Where the figure comes from.")
    history: list[PastValue] = Field(default_factory=list, max_length=200, description="Prior years' values.")
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
        _signed(self.value, self.unit)
        first: dict[int, int] = {}
        for index, past in enumerate(self.history):
            if past.year in first:
                i = first[past.year]
                raise ValueError(
                    f"@history.{index}.year history[{i}] 与 history[{index}] 都是 {past.year} 年的数值:同一年只能填报一次"
                    f" | history[{i}] and history[{index}] are both for {past.year}: give each year once"
                )
            first[past.year] = index
        return self


class Evidence(Strict):
    title: Text
    doc_number: Annotated[str, Field(max_length=200)] | None = Field(default=None, description="文号.")
    date: dt.date | None = None
    link: Annotated[str, Field(max_length=2000)] | None = None


class ObligationEntry(RuleRef):
    status: ObligationStatus
    reason: Note | None = Field(default=None, description="Why not applicable.")
    quantity: Number | None = Field(default=None, description="Quantity delivered so far (never negative).")
    unit: Unit | None = None
    evidence: list[Evidence] = Field(default_factory=list, max_length=1000)
    note: Note | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ObligationEntry:
        if self.status == "not_applicable" and not (self.reason and self.reason.strip()):
            raise ValueError("状态为“不适用”时须说明理由 reason | status 'not_applicable' needs a 'reason'")
        if self.quantity is not None and not self.unit:
            raise ValueError("填报数量须注明单位 unit | a quantity needs its 'unit'")
        if self.quantity is not None and self.quantity < 0:
            raise ValueError(f"@quantity 数量 {self.quantity} 不能为负 | the quantity {self.quantity} cannot be negative")
        return self


class Submission(Strict):
    schema_version: Literal[1] = 1
    plan: Short = Field(description="Plan id of the rule file this report answers.")
    reporter: Short = Field(description="Entity id or name of who reports.")
    year: int = Field(ge=1949, le=2100, description="The year reported on.")
    illustrative: bool = Field(default=False, description="Values are made up (examples).")
    submitted: dt.date | None = None
    period_end: dt.date | None = Field(
        default=None,
        description="Last day the report's figures cover, when not the year's end (a quarterly notice: 2022-03-31).",
    )
    indicators: list[IndicatorEntry] = Field(default_factory=list, max_length=MAX_ENTRIES)
    obligations: list[ObligationEntry] = Field(default_factory=list, max_length=MAX_ENTRIES)
