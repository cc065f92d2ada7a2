"""An annual report (submission): values for indicators, statuses for obligations.

Titles and descriptions are Chinese first, then English: they are what an editor shows while a
report is written against the published schema. The conditions the validators enforce are also
written out as JSON Schema (`_CONDITIONS`), so an editor flags what `check` rejects.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

from checker.models.types import Number
from checker.units import unit_spellings

Text = Annotated[str, Field(min_length=1)]
ObligationStatus = Literal["completed", "in_progress", "not_started", "not_applicable"]
Verdict = Literal["met", "missed"]
# Any string in Python (the unit stage names an unknown unit and lists the known ones); in the
# published schema the closed set of spellings, so an editor completes them.
Unit = Annotated[str, WithJsonSchema({"type": "string", "enum": unit_spellings()})]

STATUS_HELP = "completed 已完成 / in_progress 推进中 / not_started 未启动 / not_applicable 不适用(须说明理由 reason)"


def _doc(zh: str, en: str) -> Any:
    """A field's title and description for editors: Chinese, then English."""
    return Field(title=zh, description=f"{zh} / {en}")


def _described(title: str, zh: str, en: str, conditions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    extra: dict[str, Any] = {"title": title, "description": f"{zh} / {en}"}
    if conditions:
        extra["allOf"] = conditions
    return extra


def _needs_unit(field: str) -> dict[str, Any]:
    """JSON Schema for 'a number in `field` needs a unit' (the validators' rule)."""
    message = {"value": "填报数值须注明单位 unit / a value needs its 'unit'",
               "quantity": "填报数量须注明单位 unit / a quantity needs its 'unit'"}[field]
    return {
        "if": {"required": [field], "properties": {field: {"type": "number"}}},
        "then": {"required": ["unit"], "properties": {"unit": {"type": "string"}}, "errorMessage": message},
    }


_NAMES_RULE = {
    "anyOf": [
        {"required": ["id"], "properties": {"id": {"type": "string", "minLength": 1}}},
        {"required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}},
    ],
    "errorMessage": "须给出规则编号 id 或名称 name / give the rule's 'id' or its 'name'",
}
_NOT_APPLICABLE_NEEDS_REASON = {
    "if": {"required": ["status"], "properties": {"status": {"const": "not_applicable"}}},
    "then": {
        "required": ["reason"],
        "properties": {"reason": {
            "type": "string", "pattern": "\\S",
            "errorMessage": "状态为“不适用”时须说明理由 reason / status 'not_applicable' needs a 'reason'",
        }},
        "errorMessage": "状态为“不适用”时须说明理由 reason / status 'not_applicable' needs a 'reason'",
    },
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RuleRef(Strict):
    """Names the rule an entry answers: by rule id or by Chinese name/alias."""

    comment: Annotated[str | None, _doc("说明(模板写入,检查时忽略)", "guidance written by `checker template`; ignored by check")] = Field(
        default=None, alias="$comment"
    )
    id: Annotated[str | None, _doc("规则编号,如 XN-I01", "rule id, e.g. XN-I01")] = None
    name: Annotated[str | None, _doc("指标名称或任务名称(给出编号时仅供阅读)", "indicator name or obligation title (for reading when the id is given)")] = None

    @model_validator(mode="after")
    def _one_reference(self) -> RuleRef:
        if not (self.id or self.name):
            raise ValueError("须给出规则编号 id 或名称 name | give the rule's 'id' or its 'name'")
        return self

    @property
    def label(self) -> str:
        return self.id or self.name or ""


class PastValue(Strict):
    model_config = ConfigDict(json_schema_extra=_described("往年数值 / past value", "此前某一年的数值", "a value of an earlier year"))

    year: Annotated[int, _doc("年份", "year")] = Field(ge=1949, le=2100)
    value: Annotated[Number, _doc("该年数值", "the year's value")]
    unit: Annotated[Unit, Field(min_length=1), _doc("单位", "unit")]
    source: Annotated[str | None, _doc("数据来源", "where the figure comes from")] = None


class IndicatorEntry(RuleRef):
    model_config = ConfigDict(json_schema_extra=_described(
        "指标填报 / indicator entry",
        "一项指标的本年度数值(value + unit),或排名 rank,或评审结论 verdict;都不填即为未填报",
        "one indicator's value for the year (value + unit), or a rank, or a verdict; none of them: not reported",
        [_NAMES_RULE, _needs_unit("value")],
    ))

    value: Annotated[Number | None, _doc("本年度数值(不加引号、不加千位分隔符)", "value for the reporting year (a number: no quotes, no thousands separators)")] = None
    unit: Annotated[Unit | None, _doc("数值的单位,换算为规则单位(件/万件、元/万元/亿元、%)", "unit of the value, converted to the rule's unit")] = None
    rank: Annotated[int | None, _doc("排名(排名类目标)", "reported rank, for ranked targets")] = Field(default=None, ge=1)
    verdict: Annotated[Verdict | None, _doc("评审结论(定性目标):met 达标 / missed 未达标", "an assessor's verdict, for qualitative targets")] = None
    note: Annotated[str | None, _doc("备注", "note")] = None
    source: Annotated[str | None, _doc("数据来源", "where the figure comes from")] = None
    history: Annotated[list[PastValue], _doc("往年数值(补报或修订)", "prior years' values (added or revised)")] = Field(default_factory=list)

    @model_validator(mode="after")
    def _value_has_unit(self) -> IndicatorEntry:
        if self.value is not None and not self.unit:
            raise ValueError("填报数值须注明单位 unit | a value needs its 'unit'")
        return self

    @property
    def blank(self) -> bool:
        """Nothing said about the year (a template's unfilled row): judged as not reported.

        A note alone still reports (a qualitative target awaiting its verdict is then reviewed)."""
        return self.value is None and self.rank is None and self.verdict is None and not self.note


class Evidence(Strict):
    model_config = ConfigDict(json_schema_extra=_described("佐证材料 / evidence", "证明任务完成的文件或材料", "a document or record showing the work done"))

    title: Annotated[Text, _doc("文件或材料标题", "title of the document or record")]
    doc_number: Annotated[str | None, _doc("文号,如 廊市监〔2023〕7号", "document number (文号)")] = None
    date: Annotated[dt.date | None, _doc("日期,格式 YYYY-MM-DD", "date, YYYY-MM-DD")] = None
    link: Annotated[str | None, _doc("链接", "link")] = None


class ObligationEntry(RuleRef):
    model_config = ConfigDict(json_schema_extra=_described(
        "任务填报 / obligation entry",
        f"一项任务的完成状态 status({STATUS_HELP})、佐证 evidence,有数量要求的填已完成数量 quantity;不填状态即为未填报",
        "one obligation's status, evidence and, where counted, the quantity delivered; no status: not reported",
        [_NAMES_RULE, _NOT_APPLICABLE_NEEDS_REASON, _needs_unit("quantity")],
    ))

    status: Annotated[ObligationStatus | None, _doc(f"完成状态:{STATUS_HELP}", "status: completed / in_progress / not_started / not_applicable (needs a reason)")] = None
    reason: Annotated[str | None, _doc("不适用的理由", "why not applicable")] = None
    quantity: Annotated[Number | None, _doc("截至本年已完成数量(规划期累计)", "quantity delivered so far (cumulative over the plan period)")] = None
    unit: Annotated[Unit | None, _doc("数量的单位", "unit of the quantity")] = None
    evidence: Annotated[list[Evidence], _doc("佐证材料(标题、文号、日期、链接)", "evidence (title, 文号, date, link)")] = Field(default_factory=list)
    note: Annotated[str | None, _doc("备注", "note")] = None

    @model_validator(mode="after")
    def _consistent(self) -> ObligationEntry:
        if self.status == "not_applicable" and not (self.reason and self.reason.strip()):
            raise ValueError("状态为“不适用”时须说明理由 reason | status 'not_applicable' needs a 'reason'")
        if self.quantity is not None and not self.unit:
            raise ValueError("填报数量须注明单位 unit | a quantity needs its 'unit'")
        return self


class Submission(Strict):
    model_config = ConfigDict(json_schema_extra=_described(
        "年度报告 / annual report",
        "报送主体对一项规划某一年度的实施情况报告,用 `check` 检查",
        "a reporter's annual report on one plan, checked with `check`",
    ))

    schema_uri: Annotated[str | None, _doc("本文件所用的 JSON Schema(供编辑器使用,检查时忽略)", "the JSON Schema this file follows (for editors; ignored by check)")] = Field(default=None, alias="$schema")
    comment: Annotated[str | None, _doc("说明(检查时忽略)", "guidance; ignored by check")] = Field(default=None, alias="$comment")
    schema_version: Annotated[Literal[1], _doc("格式版本,固定为 1", "format version, always 1")] = Field(default=1)
    plan: Annotated[Text, _doc("规划编号(规则文件的 plan.id),如 langfang-14fyp", "plan id of the rule file this report answers")]
    reporter: Annotated[Text, _doc("报送主体:规划中的单位名称或编号", "who reports: an entity name or id of the plan")]
    year: Annotated[int, _doc("报告年度", "the year reported on")] = Field(ge=1949, le=2100)
    illustrative: Annotated[bool, _doc("示例数据(非真实填报)", "values are made up (examples)")] = Field(default=False)
    submitted: Annotated[dt.date | None, _doc("填报日期,格式 YYYY-MM-DD", "date submitted, YYYY-MM-DD")] = None
    indicators: Annotated[list[IndicatorEntry], _doc("指标", "indicators")] = Field(default_factory=list)
    obligations: Annotated[list[ObligationEntry], _doc("任务", "obligations")] = Field(default_factory=list)
