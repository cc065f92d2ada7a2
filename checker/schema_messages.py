"""JSON Schema errors in words a report writer understands, Chinese and English."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

from checker.echo import clean

_TYPES_ZH = {
    "object": "对象", "array": "数组", "string": "字符串", "number": "数值",
    "integer": "整数", "boolean": "布尔值", "null": "空值",
}


def _as_list(t: Any) -> list[Any]:
    return t if isinstance(t, list) else [t]


def _zh_type(t: Any) -> str:
    if isinstance(t, list):
        return "或".join(_TYPES_ZH.get(str(x), str(x)) for x in t)
    return _TYPES_ZH.get(t, str(t))


def show(value: Any) -> str:
    """A value from the document as the document writes it (never a Python repr such as
    Decimal('2.0')), cut when long and with control characters escaped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (Decimal, int, float)):
        return clean(str(value), 60)
    if isinstance(value, str):
        return "'" + clean(value, 60) + "'"
    if isinstance(value, (list, tuple)):
        return "数组/array"
    if isinstance(value, dict):
        return "对象/object"
    return clean(json.dumps(str(value), ensure_ascii=False), 60)


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}([,\uff0c]\d{3})+(\.\d+)?$")
_WITH_UNIT = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*([^\d\s,\uff0c.]\S*)\s*$")
_DATE_PARTS = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def number_hint(text: str, expected: str = "number") -> tuple[str, str] | None:
    """What a number written as a string should look like: "1,234" -> 1234, "3.1" -> 3.1, "12家" -> 12 and a unit."""
    bare = text.strip()
    zh, en = f"类型错误:应为{_zh_type(expected)}", f"wrong type: expected {expected}"
    if _GROUPED.match(bare):
        plain = re.sub("[,\\uff0c]", "", bare)
        return (f"{zh}:“{text}” 请去掉千位分隔符和引号,写作 {plain}",
                f"{en}: write '{text}' as {plain} (no thousands separators, no quotes)")
    if _NUMBER.match(bare):
        return f"{zh},请去掉引号:写作 {bare}", f"{en}: write {bare} without quotes"
    if (m := _WITH_UNIT.match(bare)) is not None:
        return (f"{zh}:数值与单位须分开填写,value 写 {m[1]},unit 写 “{m[2]}”",
                f"{en}: put the number and the unit apart (value {m[1]}, unit '{m[2]}')")
    return None


def read_date(text: str) -> str | None:
    """A date written another common way (2023/4/2, 2023年4月2日…) as YYYY-MM-DD; None if it is none."""
    m = _DATE_PARTS.match(text)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def date_hint(value: Any) -> tuple[str, str]:
    """A date that is not YYYY-MM-DD, with the intended date spelled right when it can be read."""
    shown = str(value)
    fixed = read_date(shown)
    if fixed is not None:
        return (f"日期格式应为 YYYY-MM-DD:“{shown}” 请写作 {fixed}",
                f"a date must be YYYY-MM-DD: write '{shown}' as {fixed}")
    return (f"日期格式应为 YYYY-MM-DD(如 2023-04-02),“{shown}” 不是有效日期",
            f"a date must be YYYY-MM-DD (e.g. 2023-04-02); '{shown}' is not a valid date")


def explain(err: Any) -> tuple[str, str]:
    """(zh, en) message for one jsonschema ValidationError."""
    v, expected = err.validator, err.validator_value
    inst = err.instance
    custom = err.schema.get("errorMessage") if isinstance(err.schema, dict) else None
    if isinstance(custom, str) and v in ("required", "anyOf", "pattern", "type", "minLength"):
        zh, _, en = custom.partition(" / ")
        return zh, en or zh
    if v == "type":
        numeric = [t for t in _as_list(expected) if t in ("number", "integer")]
        if isinstance(inst, str) and numeric and (hint := number_hint(inst, numeric[0])):
            return hint
        return f"类型错误:应为{_zh_type(expected)}", f"wrong type: expected {expected}"
    if v == "enum" and err.absolute_path and err.absolute_path[-1] == "unit" and isinstance(inst, str):
        from checker.units import UnitError, parse_unit

        try:
            parse_unit(inst)
        except UnitError as exc:
            return exc.zh, exc.en
    if v == "format" and expected == "date":
        return date_hint(inst)
    if v == "required":
        missing = [k for k in expected if isinstance(inst, dict) and k not in inst]
        keys = ", ".join(missing)
        return f"缺少必填字段:{keys}", f"missing required field: {keys}"
    if v == "additionalProperties":
        extra = sorted(k for k in inst if k not in err.schema.get("properties", {}))
        keys = ", ".join(extra)
        return f"未知字段:{keys}(拼写错误?)", f"unknown field: {keys} (a typo?)"
    if v == "enum":
        allowed = " / ".join(map(str, expected))
        return f"取值 {show(inst)} 无效,可选:{allowed}", f"invalid value {show(inst)}; allowed: {allowed}"
    if v == "const":
        return f"取值应为 {show(expected)}", f"value must be {show(expected)}"
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        op = {"minimum": "≥", "exclusiveMinimum": ">", "maximum": "≤", "exclusiveMaximum": "<"}[v]
        return f"数值 {show(inst)} 超出范围(应 {op} {show(expected)})", f"value {show(inst)} out of range (must be {op} {show(expected)})"
    if v == "minLength":
        return "不能为空", "must not be empty"
    if v == "maxLength":
        return f"过长(最多 {expected} 个字符)", f"too long (at most {expected} characters)"
    if v == "pattern":
        return f"格式不符:{show(inst)}(应匹配 {expected})", f"bad format: {show(inst)} (must match {expected})"
    if v == "format":
        return f"格式不符:{show(inst)} 不是有效的 {expected}", f"bad format: {show(inst)} is not a valid {expected}"
    if v == "maxItems":
        return f"条目过多(最多 {expected} 项)", f"too many items (at most {expected})"
    if v == "minItems":
        return f"条目过少(至少 {expected} 项)", f"too few items (at least {expected})"
    if v in ("anyOf", "oneOf"):
        kinds = _alternatives(err.schema.get(v, []))
        if kinds:
            zh = "或".join(_zh_type(k) for k in kinds)
            return f"类型错误:应为{zh},实为 {show(inst)}", f"wrong type: expected {' or '.join(kinds)}, not {show(inst)}"
        return f"取值 {show(inst)} 不符合任何允许的形式", f"value {show(inst)} matches none of the allowed forms"
    return f"不符合要求({v})", f"does not satisfy '{v}'"


def _alternatives(schemas: Any) -> list[str]:
    """The types an anyOf/oneOf allows, when each branch is a plain type."""
    kinds: list[str] = []
    for branch in schemas if isinstance(schemas, list) else []:
        kind = branch.get("type") if isinstance(branch, dict) else None
        if not isinstance(kind, str):
            return []
        kinds.append(kind)
    return kinds
