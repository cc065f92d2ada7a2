"""An annual report (submission): values for indicators, statuses for obligations.

Titles and descriptions are Chinese first, then English: they are what an editor shows while a
report is written against the published schema. The conditions the validators enforce are also
written out as JSON Schema, so an editor flags what `check` rejects. Bounds on every string and list
keep what is echoed or compared small (docs/submission-format.md, "Bounds").
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

from checker.models.types import Number
from checker.units import sign_problem, unit_spellings

# Bounds on strings and lists: far beyond any real report, so nothing echoed or compared is huge.
Text = Annotated[str, Field(min_length=1, max_length=10_000)]
Short = Annotated[str, Field(min_length=1, max_length=200)]
Note = Annotated[str, Field(max_length=10_000)]
MAX_ENTRIES = 2000  # indicator or obligation entries in one report
MAX_RANK = 1_000_000
ObligationStatus = Literal["completed", "in_progress", "not_started", "not_applicable"]
Verdict = Literal["met", "missed"]
Bound = Literal["at_least", "at_most"]
# Any string in Python (the unit stage names an unknown unit and lists the known ones); in the
# published schema the closed set of spellings, so an editor completes them.
Unit = Annotated[str, Field(max_length=32), WithJsonSchema({"type": "string", "enum": unit_spellings()})]

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


def _unless(usual: dict[str, Any], rule: dict[str, Any]) -> dict[str, Any]:
    """`rule` (an if/then) checked only where `usual` fails. `usual` implies the rule's `if` is false,
    so exactly the same documents pass, with the same errors; but the compiled validator settles the
    usual entry without a failed `if`, which raises and catches an exception (~10 µs per entry)."""
    return {"if": usual, "else": rule}


_NAMES_RULE = {
    "anyOf": [
        {"required": ["id"], "properties": {"id": {"type": "string", "minLength": 1}}},
        {"required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}},
    ],
    "errorMessage": "须给出规则编号 id 或名称 name / give the rule's 'id' or its 'name'",
}
_OTHER_STATUSES = [status for status in get_args(ObligationStatus) if status != "not_applicable"]
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
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class RuleRef(Strict):
    """Names the rule an entry answers: by rule id or by Chinese name/alias."""

    comment: Annotated[str | None, _doc("说明(模板写入,检查时忽略)", "guidance written by `checker template`; ignored by check")] = Field(
        default=None, alias="$comment", max_length=10_000,
    )
    id: Annotated[str | None, _doc("规则编号,如 XN-I01", "rule id, e.g. XN-I01")] = Field(default=None, max_length=64)
    name: Annotated[str | None, _doc("指标名称或任务名称(给出编号时仅供阅读)", "indicator name or obligation title (for reading when the id is given)")] = Field(
        default=None, max_length=500,
    )

    @model_validator(mode="after")
    def _one_reference(self) -> RuleRef:
        if not (self.id or self.name):
            raise ValueError("须给出规则编号 id 或名称 name | give the rule's 'id' or its 'name'")
        return self

    @property
    def label(self) -> str:
        return self.id or self.name or ""


def _signed(value: Number | None, unit: str | None) -> None:
    # "@value " names the field for the message (checker.loading.validator_message reads it).
    if value is not None and unit:
        problem = sign_problem(value, unit)
        if problem is not None:
            raise ValueError(f"@value {problem[0]} | {problem[1]}")


class PastValue(Strict):
    model_config = ConfigDict(json_schema_extra=_described("往年数值 / past value", "此前某一年的数值", "a value of an earlier year"))

    year: Annotated[int, _doc("年份", "year")] = Field(ge=1949, le=2100)
    value: Annotated[Number, _doc("该年数值", "the year's value")]
    unit: Annotated[Unit, Field(min_length=1), _doc("单位", "unit")]
    source: Annotated[Note | None, _doc("数据来源", "where the figure comes from")] = None

    @model_validator(mode="after")
    def _sign(self) -> PastValue:
        _signed(self.value, self.unit)
        return self


class IndicatorEntry(RuleRef):
    model_config = ConfigDict(json_schema_extra=_described(
        "指标填报 / indicator entry",
        "一项指标的本年度数值(value + unit),或排名 rank,或评审结论 verdict;都不填即为未填报",
        "one indicator's value for the year (value + unit), or a rank, or a verdict; none of them: not reported",
        [_NAMES_RULE, _needs_unit("value")],
    ))

    value: Annotated[Number | None, _doc("本年度数值(不加引号、不加千位分隔符)", "value for the reporting year (a number: no quotes, no thousands separators)")] = None
    unit: Annotated[Unit | None, _doc("数值的单位,换算为规则单位(件/万件、元/万元/亿元、%)", "unit of the value, converted to the rule's unit")] = None
    rank: Annotated[int | None, _doc("排名(排名类目标,自评,待评审确认)", "reported rank, for ranked targets (a claim until an assessor confirms it)")] = Field(
        default=None, ge=1, le=MAX_RANK,
    )
    verdict: Annotated[Verdict | None, _doc("自评结论(定性目标,待评审确认):met 达标 / missed 未达标", "self-assessed verdict for a qualitative target (a claim until an assessor confirms it)")] = None
    note: Annotated[Note | None, _doc("备注", "note")] = None
    source: Annotated[Note | None, _doc("数据来源", "where the figure comes from")] = None
    history: Annotated[list[PastValue], _doc("往年数值(补报或修订)", "prior years' values (added or revised)")] = Field(
        default_factory=list, max_length=200,
    )
    # How the figure is stated (docs/submission-format.md, "Qualified figures").
    estimate: Annotated[bool, _doc("预计数", "the value is an estimate (预计)")] = False
    bound: Annotated[Bound | None, _doc("数值为下限 at_least(首次突破 X)或上限 at_most", "the value is a bound: at_least (下限) or at_most (上限)")] = None
    period_end: Annotated[dt.date | None, _doc("数值截至日期(非全年数时),覆盖报告的 period_end", "the value covers the year up to this date (overrides the report's)")] = None

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

    @property
    def blank(self) -> bool:
        """Nothing said about the year (a template's unfilled row): judged as not reported.

        A note alone still reports (a qualitative target awaiting its verdict is then reviewed)."""
        return self.value is None and self.rank is None and self.verdict is None and not self.note


class Evidence(Strict):
    model_config = ConfigDict(json_schema_extra=_described("佐证材料 / evidence", "证明任务完成的文件或材料", "a document or record showing the work done"))

    title: Annotated[Text, _doc("文件或材料标题", "title of the document or record")]
    doc_number: Annotated[str | None, _doc("文号,如 廊市监〔2023〕7号", "document number (文号)")] = Field(default=None, max_length=200)
    date: Annotated[dt.date | None, _doc("日期,格式 YYYY-MM-DD", "date, YYYY-MM-DD")] = None
    link: Annotated[str | None, _doc("链接(http 或 https)", "link (http or https)")] = Field(default=None, max_length=2000)


class ObligationEntry(RuleRef):
    model_config = ConfigDict(json_schema_extra=_described(
        "任务填报 / obligation entry",
        f"一项任务的完成状态 status({STATUS_HELP})、佐证 evidence,有数量要求的填已完成数量 quantity;不填状态即为未填报",
        "one obligation's status, evidence and, where counted, the quantity delivered; no status: not reported",
        [
            _NAMES_RULE,
            _unless({"properties": {"status": {"enum": _OTHER_STATUSES}}}, _NOT_APPLICABLE_NEEDS_REASON),
            _unless({"properties": {"quantity": {"type": "null"}}}, _needs_unit("quantity")),
        ],
    ))

    status: Annotated[ObligationStatus | None, _doc(f"完成状态:{STATUS_HELP}", "status: completed / in_progress / not_started / not_applicable (needs a reason)")] = None
    reason: Annotated[Note | None, _doc("不适用的理由", "why not applicable")] = None
    quantity: Annotated[Number | None, _doc("截至本年已完成数量(规划期累计,不能为负)", "quantity delivered so far (cumulative over the plan period; never negative)")] = None
    unit: Annotated[Unit | None, _doc("数量的单位", "unit of the quantity")] = None
    evidence: Annotated[list[Evidence], _doc("佐证材料(标题、文号、日期、链接)", "evidence (title, 文号, date, link)")] = Field(
        default_factory=list, max_length=1000,
    )
    note: Annotated[Note | None, _doc("备注", "note")] = None

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
    model_config = ConfigDict(json_schema_extra=_described(
        "年度报告 / annual report",
        "报送主体对一项规划某一年度的实施情况报告,用 `check` 检查",
        "a reporter's annual report on one plan, checked with `check`",
    ))

    schema_uri: Annotated[str | None, _doc("本文件所用的 JSON Schema(供编辑器使用,检查时忽略)", "the JSON Schema this file follows (for editors; ignored by check)")] = Field(default=None, alias="$schema")
    comment: Annotated[str | None, _doc("说明(检查时忽略)", "guidance; ignored by check")] = Field(default=None, alias="$comment")
    schema_version: Annotated[Literal[1], _doc("格式版本,固定为 1", "format version, always 1")] = Field(default=1)
    plan: Annotated[Short, _doc("规划编号(规则文件的 plan.id),如 langfang-14fyp", "plan id of the rule file this report answers")]
    reporter: Annotated[Short, _doc("报送主体:规划中的单位名称或编号", "who reports: an entity name or id of the plan")]
    year: Annotated[int, _doc("报告年度", "the year reported on")] = Field(ge=1949, le=2100)
    illustrative: Annotated[bool, _doc("示例数据(非真实填报)", "values are made up (examples)")] = Field(default=False)
    submitted: Annotated[dt.date | None, _doc("填报日期,格式 YYYY-MM-DD", "date submitted, YYYY-MM-DD")] = None
    period_end: Annotated[dt.date | None, _doc(
        "数据截至日期(非全年数时,如一季度通报 2022-03-31)",
        "last day the report's figures cover, when not the year's end (a quarterly notice: 2022-03-31)",
    )] = None
    indicators: Annotated[list[IndicatorEntry], _doc("指标", "indicators")] = Field(default_factory=list, max_length=MAX_ENTRIES)
    obligations: Annotated[list[ObligationEntry], _doc("任务", "obligations")] = Field(default_factory=list, max_length=MAX_ENTRIES)
