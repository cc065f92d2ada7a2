"""YAML rule and decisions files: parsed safely, with the line of every path, numbers as bounded
Decimals, duplicate keys and alias bombs refused (see loading.py for the shared rules).

Its own module so that PyYAML is imported only when a file is parsed: a start whose plans come
from the cache (checker/cache.py) parses none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import yaml

from checker.errors import CheckerError, Problem
from checker.loading import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_INT_CHARS,
    MAX_YAML_ALIASES,
    MAX_YAML_NODES,
    _Bad,
    _integer,
    _number,
    _top_object,
    tree_problems,
)
from checker.locations import JsonPath, format_path

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FLOAT = "tag:yaml.org,2002:float"
_INT = "tag:yaml.org,2002:int"
# YAML 1.1 reads 1.0e30 and 1e30 (no sign in the exponent) as strings; a rule file means numbers.
_FLOAT_RX = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
    |[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""", re.X)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader: dates stay strings (the models parse them); numbers become bounded Decimals."""


def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    out: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items():
        out[first] = [(tag, _FLOAT_RX if tag == _FLOAT else rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first in "-+0123456789.":
        if not any(tag == _FLOAT for tag, _ in out.get(first, [])):
            out.setdefault(first, []).append((_FLOAT, _FLOAT_RX))
    return out


_Loader.yaml_implicit_resolvers = _resolvers()


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal | _Bad:
    text = str(node.value)
    line = node.start_mark.line + 1
    plain = text.replace("_", "").lower()
    if plain.lstrip("+-") in (".inf", ".nan"):
        return _Bad(f"不允许非有限数值 {text}", f"non-finite number {text} is not allowed", text, line)
    if ":" in plain:  # YAML 1.1 base 60 (190:20:30.15)
        try:
            return _number(repr(loader.construct_yaml_float(node)), line)
        except (ValueError, OverflowError):
            return _Bad(f"无法识别的数值 {text[:40]}", f"unreadable number {text[:40]}", text, line)
    return _number(plain, line)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | _Bad:
    text = str(node.value)
    line = node.start_mark.line + 1
    plain = text.replace("_", "")
    if len(plain) > MAX_INT_CHARS:
        return _integer(plain, line)
    try:
        value = loader.construct_yaml_int(node)
    except ValueError:
        return _Bad(f"无法识别的整数 {text[:40]}", f"unreadable integer {text[:40]}", text, line)
    checked = _number(str(value), line)
    return checked if isinstance(checked, _Bad) else int(value)


_Loader.add_constructor(_FLOAT, _construct_float)
_Loader.add_constructor(_INT, _construct_int)


def _node_lines(node: yaml.Node) -> tuple[dict[JsonPath, int], list[tuple[JsonPath, str, str]]]:
    """The line of every path (aliases expanded; bounded by _check_expansion) and duplicate keys."""
    lines: dict[JsonPath, int] = {}
    problems: list[tuple[JsonPath, str, str]] = []
    stack: list[tuple[yaml.Node, JsonPath]] = [(node, ())]
    while stack:
        item, path = stack.pop()
        lines.setdefault(path, item.start_mark.line + 1)  # a duplicate key keeps its own line
        if len(path) > MAX_DEPTH:
            continue
        if isinstance(item, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in item.value:
                key = str(key_node.value)
                if key in seen:
                    lines[path + (key,)] = key_node.start_mark.line + 1
                    problems.append((path + (key,), f"键 “{key}” 重复", f"duplicate key '{key}'"))
                    continue
                seen.add(key)
                stack.append((value_node, path + (key,)))
        elif isinstance(item, yaml.SequenceNode):
            stack.extend((child, path + (i,)) for i, child in enumerate(item.value))
    return lines, problems


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node, name: str, error: type[CheckerError]) -> None:
    """Refuse alias bombs and recursive aliases before anything walks the document.

    A node reached twice is an alias. The expanded size (nodes, and characters of scalars) is
    computed once per distinct node, so a bomb of nine levels of nine aliases costs nothing here.
    """
    size: dict[int, tuple[int, int]] = {}
    on_path: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            nodes, chars = 1, len(node.value) if isinstance(node, yaml.ScalarNode) else 0
            for child in _children(node):
                n, c = size[id(child)]
                nodes, chars = nodes + n, chars + c
            size[key] = (min(nodes, MAX_YAML_NODES + 1), min(chars, MAX_FILE_BYTES + 1))
            continue
        if key in on_path:
            raise error([Problem(name, "YAML 别名引用了自身(递归结构)", "a YAML alias refers to itself (recursive structure)", line=node.start_mark.line + 1)])
        if key in size:
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                raise error([Problem(
                    name, f"YAML 别名过多(上限 {MAX_YAML_ALIASES} 处)", f"too many YAML aliases (limit {MAX_YAML_ALIASES})",
                    line=node.start_mark.line + 1,
                )])
            continue
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    nodes, chars = size[id(root)]
    if nodes > MAX_YAML_NODES or chars > MAX_FILE_BYTES:
        raise error([Problem(
            name, f"YAML 别名展开后过大(上限 {MAX_YAML_NODES} 个节点、{MAX_FILE_BYTES} 个字符)",
            f"the document is too large once its YAML aliases are expanded (limit {MAX_YAML_NODES} nodes, {MAX_FILE_BYTES} characters)",
        )])


def parse(
    text: str, name: str, error: type[CheckerError],
    describe: Callable[[dict[str, Any]], Callable[[JsonPath], str]] | None = None,
) -> tuple[dict[str, Any], dict[JsonPath, int]]:
    """Parse YAML safely; return the data and the line of every path in it. `describe`, given the
    data, renders places (a rule file names the rule id)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            raise error([Problem(name, "文件为空", "file is empty")])
        _check_expansion(node, name, error)
        lines, dupes = _node_lines(node)
        if dupes:
            raise error([Problem(name, zh, en, format_path(p), lines.get(p)) for p, zh, en in dupes])
        data = _Loader("").construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error([Problem(name, f"YAML 格式错误:{exc.problem}", f"malformed YAML: {exc.problem}", line=line)]) from exc
    except yaml.YAMLError as exc:
        raise error([Problem(name, f"YAML 格式错误:{exc}", f"malformed YAML: {exc}")]) from exc
    except RecursionError as exc:
        raise error([Problem(name, "嵌套层级过深", "nesting too deep")]) from exc
    top = _top_object(data, name, error)
    problems = tree_problems(top, name, lines, describe=describe(top) if describe else format_path)
    if problems:
        raise error(problems)
    return top, lines
