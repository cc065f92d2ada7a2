"""An assessor's decisions file: verdicts, evidence decisions and waivers, kept apart from reports."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from checker.codes import Claim
from checker.models.plan import Strict
from checker.models.submission import Evidence

Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
ALL_REPORTERS = "*"


class Assessor(Strict):
    name: Text = Field(description="评审人 / who decided.")
    unit: Text = Field(description="评审单位 / the assessor's unit.")


class DecisionBase(Strict):
    plan: Text = Field(description="Plan id of the rule file.")
    rules: list[Text] = Field(min_length=1, description="Rule ids the decision is about.")
    reporter: Text = Field(description="Entity id or name of the reporter, or * for every reporter.")
    years: list[Annotated[int, Field(ge=1949, le=2100)]] = Field(min_length=1, description="Report years it applies to.")
    assessor: Assessor
    date: dt.date = Field(description="When it was decided.")
    basis: Text = Field(description="依据 / what the decision rests on.")


class VerdictDecision(DecisionBase):
    """The assessor's own verdict (met / missed) or rank for a qualitative or ranked target."""

    type: Literal["verdict"]
    verdict: Literal["met", "missed"] | None = None
    rank: int | None = Field(default=None, ge=1)
    evidence: list[Evidence] = Field(default_factory=list, description="What the verdict relies on.")

    @model_validator(mode="after")
    def _one_finding(self) -> VerdictDecision:
        if (self.verdict is None) == (self.rank is None):
            raise ValueError("须给出结论 verdict 或排名 rank 之一 | give exactly one of 'verdict' or 'rank'")
        return self


class EvidenceDecision(DecisionBase):
    """Accept or reject a reporter's claim: completed, a quantity, not applicable, a self-assessment."""

    type: Literal["evidence"]
    claim: Claim
    decision: Literal["accept", "reject"]
    reason: Text


class Waiver(DecisionBase):
    """豁免: the rule is waived for the reporter and years until it expires (risk accepted)."""

    type: Literal["waiver"]
    justification: Text
    approver: Text = Field(description="批准人 / who approved the waiver.")
    doc_number: str | None = Field(default=None, description="文号, where there is one.")
    expires: dt.date = Field(description="Last day the waiver holds; after it the waiver changes nothing.")


Decision = Annotated[VerdictDecision | EvidenceDecision | Waiver, Field(discriminator="type")]


class DecisionsFile(Strict):
    schema_version: Literal[1] = 1
    decisions: list[Decision]
