"""Load input files in stages: bytes -> text -> YAML/JSON -> JSON Schema -> models.

Every stage reports all the problems it finds, each naming the file and the place in it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from checker.errors import CheckerError, Problem
from checker.locations import JsonPath, format_path, nearest
from checker.schemas import load_schema

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64

M = TypeVar("M", bound=BaseModel)


def read_text(path: Path, error: type[CheckerError]) -> str:
    """Read a file as UTF-8 text, with one clear message for each way that can fail."""
    name = str(path)
    try:
        if path.is_dir():
            raise error([Problem(name, "是目录,不是文件", "is a directory, not a file")])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error([Problem(
                name,
                f"文件过大({size} 字节,上限 {MAX_FILE_BYTES} 字节)",
                f"file too large ({size} bytes, limit {MAX_FILE_BYTES})",
            )])
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise error([Problem(name, "文件不存在", "no such file")]) from exc
    except PermissionError as exc:
        raise error([Problem(name, "无权读取该文件", "permission denied")]) from exc
    except OSError as exc:
        raise error([Problem(name, f"无法读取:{exc.strerror}", f"cannot read: {exc.strerror}")]) from exc
    if not raw.strip():
        raise error([Problem(name, "文件为空", "file is empty")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint_zh, hint_en = "", ""
        try:
            raw.decode("gb18030")
            hint_zh, hint_en = "(疑似 GBK/GB18030 编码,请另存为 UTF-8)", " (looks like GBK/GB18030: save it as UTF-8)"
        except UnicodeDecodeError:
            pass
        raise error([Problem(
            name,
            f"不是 UTF-8 编码:第 {exc.start} 字节无法解码{hint_zh}",
            f"not UTF-8: undecodable byte at offset {exc.start}{hint_en}",
            line=line,
        )]) from exc


# --- JSON -------------------------------------------------------------------------------------


class _JsonInputError(ValueError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JsonInputError(f"键 “{key}” 重复", f"duplicate key '{key}'")
        out[key] = value
    return out


def _reject_constant(name: str) -> Any:
    raise _JsonInputError(f"不允许非有限数值 {name}", f"non-finite number {name} is not allowed")


def _finite_decimal(text: str) -> Decimal:
    value = Decimal(text)
    if not value.is_finite() or abs(value) > Decimal("1e15"):
        raise _JsonInputError(f"数值 {text} 超出范围", f"number {text} is out of range")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 15:
        raise _JsonInputError(f"数值 {text[:20]} 超出范围", f"number {text[:20]} is out of range")
    return int(text)


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of a JSON value, stopping once it passes the limit."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def json_decoder() -> json.JSONDecoder:
    """The strict decoder: no duplicate keys, no NaN/Infinity, numbers as Decimal."""
    return json.JSONDecoder(
        object_pairs_hook=_no_duplicates,
        parse_float=_finite_decimal,
        parse_int=_bounded_int,
        parse_constant=_reject_constant,
    )


def parse_json(
    text: str, name: str, error: type[CheckerError], decode: Callable[[str], Any] | None = None
) -> dict[str, Any]:
    """Parse JSON strictly (see json_decoder), with an object on top; `decode` may replace the
    plain decoder (one that also records where things are, for instance)."""
    try:
        data = (decode or json_decoder().decode)(text)
    except json.JSONDecodeError as exc:
        from checker.intake.json_syntax import describe

        zh, en = describe(exc)
        raise error([Problem(
            name, f"JSON 格式错误:第 {exc.colno} 列:{zh}", f"malformed JSON: column {exc.colno}: {en}", line=exc.lineno,
        )]) from exc
    except _JsonInputError as exc:
        raise error([Problem(name, exc.zh, exc.en)]) from exc
    except RecursionError as exc:
        raise error([Problem(name, "嵌套层级过深", "nesting too deep")]) from exc
    return _top_object(data, name, error)


def _top_object(data: Any, name: str, error: type[CheckerError]) -> dict[str, Any]:
    if not isinstance(data, dict):
        names: dict[type, str] = {list: "数组 array", str: "字符串 string"}
        kind = names.get(type(data), type(data).__name__)
        zh_kind, _, en_kind = kind.partition(" ")
        raise error([Problem(
            name, f"顶层应为对象,实为{zh_kind}", f"top level must be an object, not {en_kind or zh_kind}"
        )])
    if _depth(data, MAX_DEPTH) > MAX_DEPTH:
        raise error([Problem(name, f"嵌套层级超过 {MAX_DEPTH}", f"nesting deeper than {MAX_DEPTH}")])
    return data


# --- YAML -------------------------------------------------------------------------------------

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as strings (the models parse them)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _walk_nodes(
    node: yaml.Node, path: JsonPath, lines: dict[JsonPath, int], problems: list[tuple[JsonPath, str, str]]
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                lines[path + (key,)] = key_node.start_mark.line + 1
                problems.append((path + (key,), f"键 “{key}” 重复", f"duplicate key '{key}'"))
            seen.add(key)
            _walk_nodes(value_node, path + (key,), lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk_nodes(item, path + (index,), lines, problems)


def _to_decimals(value: Any) -> Any:
    """Floats from YAML become Decimals through their text, so 0.1 stays 0.1."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _JsonInputError(f"不允许非有限数值 {value}", f"non-finite number {value} is not allowed")
        return Decimal(repr(value))
    if not isinstance(value, (dict, list)):
        return value
    if isinstance(value, dict):
        return {k: _to_decimals(v) for k, v in value.items()}
    return [_to_decimals(v) for v in value]


def parse_yaml(text: str, name: str, error: type[CheckerError]) -> tuple[dict[str, Any], dict[JsonPath, int]]:
    """Parse YAML safely; return the data and the line of every path in it."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            raise error([Problem(name, "文件为空", "file is empty")])
        lines: dict[JsonPath, int] = {}
        dupes: list[tuple[JsonPath, str, str]] = []
        _walk_nodes(node, (), lines, dupes)
        if dupes:
            raise error([Problem(name, zh, en, format_path(p), lines.get(p)) for p, zh, en in dupes])
        data = _to_decimals(_Loader("").construct_document(node))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error([Problem(name, f"YAML 格式错误:{exc.problem}", f"malformed YAML: {exc.problem}", line=line)]) from exc
    except yaml.YAMLError as exc:
        raise error([Problem(name, f"YAML 格式错误:{exc}", f"malformed YAML: {exc}")]) from exc
    except _JsonInputError as exc:
        raise error([Problem(name, exc.zh, exc.en)]) from exc
    except RecursionError as exc:
        raise error([Problem(name, "嵌套层级过深", "nesting too deep")]) from exc
    return _top_object(data, name, error), lines


# --- Schema and model -------------------------------------------------------------------------

Describe = Callable[[JsonPath], str]


def schema_problems(
    data: dict[str, Any], schema_name: str, name: str, lines: dict[JsonPath, int], describe: Describe,
    compiled_first: bool = False,
) -> list[Problem]:
    """Validate against a published JSON Schema; one problem per error, in document order.

    With compiled_first (for submissions, which come by the thousand), a compiled validator
    (fastjsonschema, ~15x faster once compiled) answers first, and only a document it rejects goes
    through jsonschema, which finds every error with its path.
    """
    import fastjsonschema

    from checker.schema_messages import explain

    if compiled_first:
        try:
            compiled_schema(schema_name)(data)
            return []
        except fastjsonschema.JsonSchemaException:
            pass
    validator = schema_validator(schema_name)
    problems = []
    for err in validator.iter_errors(data):
        for leaf in leaves(err):
            leaf_path: JsonPath = tuple(leaf.absolute_path)
            zh, en = explain(leaf)
            problems.append(Problem(name, zh, en, describe(leaf_path), nearest(leaf_path, lines)))
    return sorted(set(problems), key=lambda p: (p.line or 0, p.place, p.en))


def leaves(err: Any) -> list[Any]:
    """The most specific errors under an anyOf/oneOf, so the message says what is really wrong.

    An optional field is `anyOf: [X, null]`: what is wrong is what X says, not that it is not null.
    """
    if err.context and "errorMessage" not in err.schema:
        best = [e for e in err.context if not e.context] or list(err.context)
        deepest = max(len(e.absolute_path) for e in best)
        if deepest > len(err.absolute_path):
            return [e for e in best if len(e.absolute_path) == deepest]
        not_null = [e for e in best if not (e.validator == "type" and e.validator_value == "null")]
        if len(not_null) == 1:
            return not_null
    return [err]


_VALIDATORS: dict[str, Any] = {}
_COMPILED: dict[str, Any] = {}


def compiled_schema(schema_name: str) -> Any:
    """The compiled (fast, first-error-only) validator of a published schema."""
    if schema_name not in _COMPILED:
        import fastjsonschema

        _COMPILED[schema_name] = fastjsonschema.compile(load_schema(schema_name), use_default=False)
    return _COMPILED[schema_name]


def schema_validator(schema_name: str) -> Any:
    """The jsonschema validator of a published schema, checking formats (dates) as the compiled one does."""
    if schema_name not in _VALIDATORS:
        import jsonschema

        schema = load_schema(schema_name)
        cls = jsonschema.validators.validator_for(schema)
        _VALIDATORS[schema_name] = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return _VALIDATORS[schema_name]


def build_model(
    model: type[M], data: dict[str, Any], name: str, lines: dict[JsonPath, int], describe: Describe,
    error: type[CheckerError],
) -> M:
    """Validate data into the model; pydantic's errors become problems with places and lines."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for item in exc.errors(include_url=False):
            loc = document_path(data, item["loc"])
            msg = str(item["msg"]).removeprefix("Value error, ")
            zh, _, en = msg.partition(" | ")
            problems.append(Problem(name, zh if en else f"不符合要求:{msg}", en or msg, describe(loc), nearest(loc, lines)))
        raise error(problems) from exc


def document_path(data: Any, loc: tuple[Any, ...]) -> JsonPath:
    """Pydantic's error location as a path in the document (drops union-branch tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            continue
        path.append(part)
    return tuple(path)
