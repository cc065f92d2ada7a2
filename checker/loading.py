"""Load input files in stages: bytes -> text -> YAML/JSON -> JSON Schema -> models.

Every stage reports all the problems it finds, each naming the file and the place in it.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from checker.errors import CheckerError, Problem
from checker.locations import JsonPath, format_path, nearest
from checker.models.types import clip_number, number_problem
from checker.schemas import load_schema

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_INT_CHARS = 40  # an integer token longer than this is out of range whatever it says
MAX_YAML_ALIASES = 100  # alias references in one rule file
MAX_YAML_NODES = 200_000  # nodes of a YAML document once its aliases are expanded

M = TypeVar("M", bound=BaseModel)


# --- Bytes and text ---------------------------------------------------------------------------

_FILE_KINDS = {
    stat.S_IFIFO: ("命名管道(FIFO)", "a FIFO"),
    stat.S_IFCHR: ("字符设备", "a character device"),
    stat.S_IFBLK: ("块设备", "a block device"),
    stat.S_IFSOCK: ("套接字", "a socket"),
}


def _open(path: Path) -> int:
    # O_NONBLOCK: opening a FIFO without a writer must not block; the type is checked right after.
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))


def read_bytes(path: Path, error: type[CheckerError]) -> bytes:
    """The bytes of a regular file, at most MAX_FILE_BYTES of them.

    Anything else (a directory, FIFO, device or socket) is refused before a byte is read, and the
    size is enforced by reading at most MAX_FILE_BYTES + 1 bytes, never by trusting stat (which
    says 0 for /dev/zero).
    """
    name = str(path)
    if name == "":
        raise error([Problem(name, "路径为空", "empty path")])
    try:
        fd = _open(path)
    except FileNotFoundError as exc:
        raise error([Problem(name, "文件不存在", "no such file")]) from exc
    except PermissionError as exc:
        raise error([Problem(name, "无权读取该文件", "permission denied")]) from exc
    except OSError as exc:
        raise error([_os_problem(name, exc)]) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error([Problem(name, "是目录,不是文件", "is a directory, not a file")])
        if not stat.S_ISREG(mode):
            zh, en = _FILE_KINDS.get(stat.S_IFMT(mode), ("特殊文件", "a special file"))
            raise error([Problem(name, f"不是普通文件(是{zh}),拒绝读取", f"not a regular file ({en}): refused")])
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except PermissionError as exc:
        raise error([Problem(name, "无权读取该文件", "permission denied")]) from exc
    except OSError as exc:
        raise error([_os_problem(name, exc)]) from exc
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        raise error([Problem(
            name, f"文件过大(超过上限 {MAX_FILE_BYTES} 字节)", f"file too large (over the limit of {MAX_FILE_BYTES} bytes)",
        )])
    return b"".join(chunks)


def _os_problem(name: str, exc: OSError) -> Problem:
    import errno

    if exc.errno == errno.ELOOP:
        return Problem(name, "符号链接循环,无法读取", "symbolic link loop: cannot read")
    if exc.errno == errno.EISDIR:
        return Problem(name, "是目录,不是文件", "is a directory, not a file")
    reason = exc.strerror or str(exc)
    return Problem(name, f"无法读取:{reason}", f"cannot read: {reason}")


def folder_problem(folder: str, exc: OSError) -> Problem:
    """A folder that cannot be listed."""
    if isinstance(exc, PermissionError):
        return Problem(folder, "无权读取该目录", "permission denied: cannot list this directory")
    return Problem(folder, f"无法读取该目录:{exc.strerror}", f"cannot list this directory: {exc.strerror}")


_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"), (b"\xff\xfe", "UTF-16"),
)


def decode_text(raw: bytes, name: str, error: type[CheckerError]) -> str:
    """UTF-8 (a BOM allowed) to text; UTF-16/32 and GBK get a hint, a bad byte its line and column."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise error([Problem(
                name, f"是 {encoding} 编码(带 BOM),请另存为 UTF-8", f"{encoding}-encoded (with a BOM): save it as UTF-8", line=1,
            )])
    if not raw.strip():
        raise error([Problem(name, "文件为空", "file is empty")])
    if raw.count(b"\x00") * 4 >= len(raw):
        # Valid UTF-8 as far as bytes go, but no JSON or YAML text has NUL bytes between its characters.
        raise error([Problem(
            name, "疑似 UTF-16/UTF-32 编码(无 BOM),请另存为 UTF-8", "looks like UTF-16/UTF-32 (no BOM): save it as UTF-8", line=1,
        )])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start: exc.start].decode("utf-8", "replace")) + 1
        hint_zh, hint_en = "", ""
        try:  # (UTF-16/32 without a BOM was refused above, by its NUL bytes)
            raw.decode("gb18030")
            hint_zh, hint_en = "(疑似 GBK/GB18030 编码,请另存为 UTF-8)", " (looks like GBK/GB18030: save it as UTF-8)"
        except UnicodeDecodeError:
            pass
        raise error([Problem(
            name,
            f"不是 UTF-8 编码:第 {column} 列(第 {exc.start} 字节)无法解码{hint_zh}",
            f"not UTF-8: undecodable byte at column {column} (offset {exc.start}){hint_en}",
            line=line,
        )]) from exc


def read_text(path: Path, error: type[CheckerError]) -> str:
    """Read a regular file as UTF-8 text, with one clear, located message for each way that can fail."""
    return decode_text(read_bytes(path, error), str(path), error)


# --- Values the parsers reject ----------------------------------------------------------------


class _Bad:
    """A value the parse stage rejects; the tree check turns it into a problem at its place."""

    __slots__ = ("zh", "en", "token", "line")

    def __init__(self, zh: str, en: str, token: str = "", line: int | None = None) -> None:
        self.zh, self.en, self.token, self.line = zh, en, token, line


class _Mapping(dict[str, Any]):
    """A JSON object with duplicate keys (only ever built when there are some)."""

    duplicates: list[str]


def _number(text: str, line: int | None = None) -> Decimal | _Bad:
    try:
        value = Decimal(text)
    except InvalidOperation:
        exponent = re.fullmatch(r"[-+]?(?:\d+\.?\d*|\.\d+)[eE]([-+]?)\d+", text)
        shown = clip_number(text)
        if exponent and exponent.group(1) == "-":
            return _Bad(f"数值 {shown} 过小(非零数的绝对值应 ≥ 1e-12)", f"number {shown} is too small (a nonzero |x| must be ≥ 1e-12)", text, line)
        if exponent:
            return _Bad(f"数值 {shown} 超出范围(绝对值应 ≤ 1e15)", f"number {shown} is out of range (|x| must be ≤ 1e15)", text, line)
        return _Bad(f"无法识别的数值 {shown}", f"unreadable number {shown}", text, line)
    problem = number_problem(value, text)
    return value if problem is None else _Bad(*problem, token=text, line=line)


def _integer(text: str, line: int | None = None) -> int | _Bad:
    if len(text) <= 15:  # a JSON integer of ≤ 15 characters: 0 or 1 ≤ |x| < 1e15, within every bound
        return int(text)
    digits = text.lstrip("+-")
    if len(digits) > MAX_INT_CHARS:
        shown = f"{text[:20]}…({len(digits)} 位)"
        return _Bad(f"数值 {shown} 超出范围(绝对值应 ≤ 1e15)", f"number {text[:20]}… ({len(digits)} digits) is out of range (|x| must be ≤ 1e15)", text, line)
    checked = _number(text, line)
    return checked if isinstance(checked, _Bad) else int(text)


_SURROGATE = re.compile("[\ud800-\udfff]")
# A lone surrogate can only come from an escape (\udc00): text decoded from UTF-8 has none.
_SURROGATE_ESCAPE = re.compile(r"\\[uU]0*[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of a parsed value, stopping once it passes the limit (level by level: one
    list per level rather than a stack entry per container)."""
    level = [value]
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            break
        below: list[Any] = []
        for item in level:
            for child in item.values() if isinstance(item, dict) else item:
                if isinstance(child, (dict, list)):
                    below.append(child)
        level = below
    return depth


def too_deep(value: Any) -> bool:
    """Nested deeper than MAX_DEPTH (refused by the tree check)."""
    return _depth(value, MAX_DEPTH) > MAX_DEPTH


def _type_name(value: Any) -> str:
    return {bool: "布尔值 boolean", int: "整数 integer", type(None): "空值 null"}.get(type(value), f"{type(value).__name__} {type(value).__name__}")


def tree_problems(
    data: Any, name: str, lines: dict[JsonPath, int], text: str | None = None,
    describe: Callable[[JsonPath], str] = format_path,
) -> list[Problem]:
    """Every rejected value, duplicate key, lone surrogate and non-string key in a parsed document,
    each at its place; the nesting is checked too. JSON gives no lines, so for those the text is
    searched for the offending token (a line is given when it occurs once)."""
    problems: list[Problem] = []
    stack: list[tuple[Any, JsonPath]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            problems.append(Problem(name, f"嵌套层级超过 {MAX_DEPTH}", f"nesting deeper than {MAX_DEPTH}", describe(path[:MAX_DEPTH])))
            break
        if isinstance(value, _Bad):
            line = value.line or nearest(path, lines) or _token_line(text, value.token)
            problems.append(Problem(name, value.zh, value.en, describe(path), line))
        elif isinstance(value, str):
            if _has_surrogate(value):
                problems.append(Problem(
                    name, "字符串含孤立的代理码位(无效的 Unicode),请删除或改正", "string holds a lone surrogate (invalid Unicode)",
                    describe(path), nearest(path, lines),
                ))
        elif isinstance(value, dict):
            children = []
            for key, child in value.items():
                if not isinstance(key, str):
                    zh, _, en = _type_name(key).partition(" ")
                    problems.append(Problem(
                        name, f"键 {key!s:.40} 应为字符串,实为{zh}", f"key {key!s:.40} must be a string, not {en}",
                        describe(path), nearest(path, lines),
                    ))
                    continue
                if _has_surrogate(key):
                    problems.append(Problem(
                        name, "键含孤立的代理码位(无效的 Unicode)", "key holds a lone surrogate (invalid Unicode)",
                        describe(path), nearest(path, lines),
                    ))
                    continue
                children.append((child, path + (key,)))
            if isinstance(value, _Mapping):
                for key in value.duplicates:
                    line = nearest(path + (key,), lines) if lines else _duplicate_line(text, key)
                    problems.append(Problem(name, f"键 “{key}” 重复", f"duplicate key '{key}'", describe(path + (key,)), line))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(reversed([(child, path + (i,)) for i, child in enumerate(value)]))
    return problems


def _token_line(text: str | None, token: str) -> int | None:
    if text is None or not token:
        return None
    hits = [m.start() for m in re.finditer(rf"(?<![\w.+-]){re.escape(token)}(?![\w.+-])", text)]
    return text.count("\n", 0, hits[0]) + 1 if len(hits) == 1 else None


def _duplicate_line(text: str | None, key: str) -> int | None:
    if text is None:
        return None
    hits = [m.start() for m in re.finditer(rf"{re.escape(json.dumps(key, ensure_ascii=False))}\s*:", text)]
    return text.count("\n", 0, hits[-1]) + 1 if len(hits) == 2 else None


# --- JSON -------------------------------------------------------------------------------------


class _Hooks:
    """The JSON parse hooks of one document; they note whether anything needs the tree check."""

    def __init__(self) -> None:
        self.flagged = False

    def number(self, text: str) -> Decimal | _Bad:
        value = _number(text)
        if isinstance(value, _Bad):
            self.flagged = True
        return value

    def integer(self, text: str) -> int | _Bad:
        value = _integer(text)
        if isinstance(value, _Bad):
            self.flagged = True
        return value

    def constant(self, text: str) -> _Bad:
        self.flagged = True
        return _constant(text)

    def object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = dict(pairs)
        if len(out) == len(pairs):
            return out
        self.flagged = True
        return _duplicates(pairs)


def _duplicates(pairs: list[tuple[str, Any]]) -> _Mapping:
    dupes = _Mapping()
    seen: set[str] = set()
    dupes.duplicates = []
    for key, value in pairs:
        if key in seen:
            if key not in dupes.duplicates:
                dupes.duplicates.append(key)
            continue
        seen.add(key)
        dupes[key] = value
    return dupes


def _constant(text: str) -> _Bad:
    return _Bad(f"不允许非有限数值 {text}", f"non-finite number {text} is not allowed", text)


Decode = Callable[[str, json.JSONDecoder, dict[JsonPath, int]], Any]


def parse_json(
    text: str, name: str, error: type[CheckerError], decode: Decode | None = None, nesting: bool = True,
) -> tuple[dict[str, Any], dict[JsonPath, int]]:
    """Parse JSON strictly: no duplicate keys, no NaN/Infinity, numbers as bounded Decimals (see
    checker.models.types), no lone surrogates, an object on top; every problem at its place.

    `decode` may replace the plain decoding with one that also records the lines of paths (it gets
    the strict decoder and the lines to fill); the lines are returned with the data. Without
    `nesting`, the caller checks the nesting itself (too_deep).
    """
    hooks = _Hooks()
    decoder = json.JSONDecoder(
        object_pairs_hook=hooks.object, parse_float=hooks.number, parse_int=hooks.integer, parse_constant=hooks.constant,
    )
    lines: dict[JsonPath, int] = {}
    try:
        data = decode(text, decoder, lines) if decode else decoder.decode(text)
    except json.JSONDecodeError as exc:
        from checker.intake.json_syntax import describe

        zh, en = describe(exc)
        raise error([Problem(
            name, f"JSON 格式错误:第 {exc.colno} 列:{zh}", f"malformed JSON: column {exc.colno}: {en}", line=exc.lineno,
        )]) from exc
    except RecursionError as exc:
        raise error([Problem(name, "嵌套层级过深", "nesting too deep")]) from exc
    top = _top_object(data, name, error)
    if hooks.flagged or _SURROGATE_ESCAPE.search(text) or (nesting and too_deep(top)):
        problems = tree_problems(top, name, lines, text)
        if problems:
            raise error(problems)
    return top, lines


def _top_object(data: Any, name: str, error: type[CheckerError]) -> dict[str, Any]:
    if not isinstance(data, dict):
        names: dict[type, str] = {list: "数组 array", str: "字符串 string"}
        kind = names.get(type(data), type(data).__name__)
        zh_kind, _, en_kind = kind.partition(" ")
        raise error([Problem(
            name, f"顶层应为对象,实为{zh_kind}", f"top level must be an object, not {en_kind or zh_kind}"
        )])
    return data


# --- YAML -------------------------------------------------------------------------------------


def parse_yaml(
    text: str, name: str, error: type[CheckerError],
    describe: Callable[[dict[str, Any]], Callable[[JsonPath], str]] | None = None,
) -> tuple[dict[str, Any], dict[JsonPath, int]]:
    """Parse YAML safely; return the data and the line of every path in it. `describe`, given the
    data, renders places (a rule file names the rule id)."""
    from checker.yaml_parse import (
        parse,  # PyYAML only when a file is parsed (cached plans need none)
    )

    return parse(text, name, error, describe)


# --- Schema and model -------------------------------------------------------------------------

Describe = Callable[[JsonPath], str]


def schema_problems(
    data: dict[str, Any], schema_name: str, name: str, lines: dict[JsonPath, int], describe: Describe,
) -> list[Problem]:
    """Validate against a published JSON Schema; one problem per error, in document order."""
    problems = [
        Problem(name, zh, en, describe(path), nearest(path, lines)) for path, zh, en in schema_errors(data, schema_name)
    ]
    return sorted(set(problems), key=lambda p: (p.line or 0, p.place, p.en))


def leaves(err: Any) -> list[Any]:
    """The most specific errors under an anyOf/oneOf, so the message says what is really wrong.

    An optional field is `anyOf: [X, null]`: what is wrong is what X says, not that it is not null.
    Under a union told apart by its `type` (a decision's verdict / evidence / waiver), only the
    branch the document names is meant: the other branches' errors are noise.
    """
    if err.context and "errorMessage" not in err.schema:
        branches: dict[Any, list[Any]] = {}
        for sub in err.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        meant = [errors for errors in branches.values() if not any(_wrong_type_tag(e) for e in errors)]
        if len(meant) == 1 and len(branches) > 1:
            return [leaf for sub in meant[0] for leaf in leaves(sub)]
        best = [e for e in err.context if not e.context] or list(err.context)
        deepest = max(len(e.absolute_path) for e in best)
        if deepest > len(err.absolute_path):
            return [e for e in best if len(e.absolute_path) == deepest]
        not_null = [e for e in best if not (e.validator == "type" and e.validator_value == "null")]
        if len(not_null) == 1:
            return not_null
    return [err]


def _wrong_type_tag(err: Any) -> bool:
    return err.validator in ("const", "enum") and list(err.relative_path) == ["type"]


_VALIDATORS: dict[str, Any] = {}
_COMPILED: dict[str, Any] = {}


def compiled_schema(schema_name: str) -> Any:
    """The compiled (fast, first-error-only) validator of a published schema.

    Compiling generates and compiles ~300 kB of Python: the compiled code is kept in the user's
    cache (checker/cache.py), keyed by the schema's bytes and fastjsonschema's version."""
    if schema_name not in _COMPILED:
        _COMPILED[schema_name] = _compiled(schema_name)
    return _COMPILED[schema_name]


# The generated code names each array item for its messages with "...[{data__x}]".format(**locals()),
# which copies every local of the (large) function per item: a quarter of a report's validation. The
# same string as an f-string (only plain names are ever interpolated) costs nothing of the kind;
# code of another shape is left as it is (slower, as correct).
_FORMAT_LOCALS = re.compile(r'"((?:[^"\\{}]|\{\w+\})*)"\.format\(\*\*locals\(\)\)')


# Keys whose value maps names (not keywords) to schemas, and keys whose value is data, not a schema.
_NAMED_SCHEMAS = ("properties", "patternProperties", "$defs", "definitions")
_DATA = ("enum", "default", "examples", "required")


def _const_as_enum(schema: Any) -> Any:
    """The schema with each `const` given as the equal one-value `enum`: fastjsonschema (2.22)
    cannot compile `const` without detailed exceptions."""
    if isinstance(schema, list):
        return [_const_as_enum(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "const" and "enum" not in schema:
            out["enum"] = [value]
        elif key in _NAMED_SCHEMAS and isinstance(value, dict):
            out[key] = {name: _const_as_enum(item) for name, item in value.items()}
        else:
            out[key] = value if key in _DATA else _const_as_enum(value)
    return out


def _compiled(schema_name: str) -> Any:
    import marshal

    import fastjsonschema

    from checker import cache

    schema = load_schema(schema_name)
    source = json.dumps(schema, sort_keys=True).encode() + fastjsonschema.VERSION.encode()
    data = cache.fetch("validator", source)
    if data is not None:
        try:
            name, code = marshal.loads(data)
            namespace: dict[str, Any] = {}
            exec(code, namespace)  # our own code, generated from our own schema (see cache.py)
            return namespace[name]
        except Exception:  # a damaged entry is a miss
            pass
    # Only yes or no is asked of it (the messages come from jsonschema, schema_messages.py): without
    # detailed exceptions, the rejected branch of an `if` (two per obligation) raises a bare one.
    generated = fastjsonschema.compile_to_code(_const_as_enum(schema), use_default=False, detailed_exceptions=False)
    text = _FORMAT_LOCALS.sub(r'f"\1"', generated)
    # The generated module defines the schema's own function first, then one per definition.
    name = re.search(r"^def (validate\w*)\(", text, re.MULTILINE)[1]  # type: ignore[index]
    code = compile(text, f"<{schema_name} validator>", "exec")
    cache.keep("validator", source, marshal.dumps((name, code)))
    namespace = {}
    exec(code, namespace)
    return namespace[name]


def schema_validator(schema_name: str) -> Any:
    """The jsonschema validator of a published schema, checking formats (dates) as the compiled one does."""
    if schema_name not in _VALIDATORS:
        import jsonschema

        schema = load_schema(schema_name)
        cls = jsonschema.validators.validator_for(schema)
        _VALIDATORS[schema_name] = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return _VALIDATORS[schema_name]


def schema_errors(data: Any, schema_name: str) -> Iterator[tuple[JsonPath, str, str]]:
    """Every error of a published JSON Schema (jsonschema finds them all), as (path, zh, en)."""
    from checker.schema_messages import explain

    for err in schema_validator(schema_name).iter_errors(data):
        for leaf in leaves(err):
            zh, en = explain(leaf)
            yield tuple(leaf.absolute_path), zh, en


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
            field, zh, en = validator_message(item)
            loc = document_path(data, item["loc"]) + field
            problems.append(Problem(name, zh, en, describe(loc), nearest(loc, lines)))
        raise error(problems) from exc


def validator_message(item: Any) -> tuple[JsonPath, str, str]:
    """A pydantic error's message as (the field it names, zh, en).

    The models' validators write "zh | en", and "@field zh | en" when the problem is in one field
    of the object they check (a sign, a year given twice), so the message points at that field.
    """
    msg = str(item["msg"]).removeprefix("Value error, ")
    field: JsonPath = ()
    if msg.startswith("@"):
        name, _, msg = msg[1:].partition(" ")
        field = tuple(int(p) if p.isdigit() else p for p in name.split("."))
    zh, _, en = msg.partition(" | ")
    return field, (zh if en else f"不符合要求:{msg}"), en or msg


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
