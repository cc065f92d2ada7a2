"""JSON Schema errors in words a report writer understands, Chinese and English."""

from __future__ import annotations

from typing import Any

_TYPES_ZH = {
    "object": "对象", "array": "数组", "string": "字符串", "number": "数值",
    "integer": "整数", "boolean": "布尔值", "null": "空值",
}


def _zh_type(t: Any) -> str:
    if isinstance(t, list):
        return "或".join(_TYPES_ZH.get(str(x), str(x)) for x in t)
    return _TYPES_ZH.get(t, str(t))


def explain(err: Any) -> tuple[str, str]:
    """(zh, en) message for one jsonschema ValidationError."""
    v, expected = err.validator, err.validator_value
    inst = err.instance
    if v == "type":
        return f"类型错误:应为{_zh_type(expected)}", f"wrong type: expected {expected}"
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
        return f"取值 {inst!r} 无效,可选:{allowed}", f"invalid value {inst!r}; allowed: {allowed}"
    if v == "const":
        return f"取值应为 {expected!r}", f"value must be {expected!r}"
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        op = {"minimum": "≥", "exclusiveMinimum": ">", "maximum": "≤", "exclusiveMaximum": "<"}[v]
        return f"数值 {inst} 超出范围(应 {op} {expected})", f"value {inst} out of range (must be {op} {expected})"
    if v == "minLength":
        return "不能为空", "must not be empty"
    if v == "maxLength":
        return f"过长(最多 {expected} 个字符)", f"too long (at most {expected} characters)"
    if v == "pattern":
        return f"格式不符:{inst!r}(应匹配 {expected})", f"bad format: {inst!r} (must match {expected})"
    if v == "format":
        return f"格式不符:{inst!r} 不是有效的 {expected}", f"bad format: {inst!r} is not a valid {expected}"
    return f"不符合要求:{err.message}", err.message
