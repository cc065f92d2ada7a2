"""Mutation fuzzing over the example reports and rule files, shared by the CI suite
(tests/unit/test_fuzz.py, seeded, about a minute) and the long run (benchmarks/fuzz_long.py).

A case is an example report (or a pair of reports of one series) or a rule file with a few
mutations: values replaced by hostile ones (numbers at and past the bounds, wrong types, strings
with control characters, lone surrogates, huge strings), keys deleted, renamed or duplicated, list
items duplicated, and text-level damage (truncation, NaN, duplicate keys, bytes that are not UTF-8).
The property: the checker answers 0, 1 or 2, writes output that encodes as UTF-8, every problem is
one printable line naming a file, and nothing else is raised.
"""

from __future__ import annotations

import copy
import io
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from hypothesis import strategies as st

from checker import run as run_module
from checker.catalog import Catalog, default_rules_dir
from checker.errors import CheckerError, RuleFileError
from checker.output import Context, renderer
from checker.rulefile import load_rule_file
from checker.run import CheckArgs, check

REPO = Path(__file__).resolve().parents[1]
REPORTS = sorted((REPO / "submissions").rglob("*.json"))
RULE_FILES = sorted(default_rules_dir().glob("*.yaml")) + sorted((REPO / "tests" / "fixtures").glob("*.yaml"))
REPORT_DATA = {p: json.loads(p.read_text(encoding="utf-8")) for p in REPORTS}
RULE_DATA = {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in RULE_FILES}
COUNTS: Counter[str] = Counter()

NUMBERS = st.sampled_from([
    0, -0.0, 1, -1, 2, 0.5, -150, -100, -100.0001, 1e15, -1e15, 1e15 + 1, 1e16, 1e24, 1e300, 1e-12, 1e-13, 1e-300,
    5e-324, 10**15, 10**16, 10**30, -(10**30), 2021, 2025, 1949, 2100, 1948, 2101, 0.94995, 0.95, 3.6712073,
])
RAW_NUMBERS = st.sampled_from([
    "1e-99999999999999999999", "1e99999999999999999999", "1e-400", "1e400", "NaN", "Infinity", "-Infinity",
    "9" * 5000, "-" + "9" * 400, "0." + "0" * 500 + "1", "1.0e30", "123456789012345678901234567890.5",
])
STRINGS = st.sampled_from([
    "", " ", "\n", "T-X\nforged.json: ok", "\x1b[31mred\x1b[0m", "\udc00x", "a\ud800", "\u202eevil", "\u2028",
    "市" * 5000, "x" * 100_000, "咸宁市", "市市场监管局", "件", "万件", "亿元", "%", "天", "斤", "个百分点",
    "completed", "not_applicable", "in_progress", "met", "missed", "XN-I02", "../../etc/passwd", "/etc/passwd",
    "\x00", "null", "1e999", "2023-02-30", "level", "growth_rate", "rate", "group", "industry_chain", "jurisdiction",
])
ATOMS = st.one_of(NUMBERS, STRINGS, st.none(), st.booleans(), st.just([]), st.just({}), st.just([1, "a"]),
                  st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**20, 10**20))
KEYS = st.sampled_from([
    "value", "unit", "year", "id", "name", "status", "quantity", "history", "rank", "verdict", "reason", "source",
    "reporter", "plan", "indicators", "obligations", "evidence", "baseline", "target", "kind", "weight", "start",
    "due", "deliverable", "scoring", "grades", "progress", "entities", "type", "members", "parent", "aliases",
    "comparator", "reported_as", "base", "category", "\udc00", "", "yaer",
])


def paths_of(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += paths_of(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += paths_of(v, prefix + (i,))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


FACTORS = st.sampled_from([0, 0.5, 0.9, 0.94995, 0.95, 0.99, 1.0001, 1.01, 2, 10, 1000, -1, -0.001, 1e-6])


def _leaves(data: Any, kind: type | tuple[type, ...]) -> list[Any]:
    return [v for v in (_get(data, p) for p in paths_of(data)) if isinstance(v, kind) and not isinstance(v, bool)]


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def mutated(draw: st.DrawFn, data: Any, max_mutations: int = 3) -> Any:
    """The data with 1..max_mutations mutations: most keep the value's type (a number scaled or
    pushed to an extreme, a string swapped for another of the document or a hostile one), so the
    case gets past the schema and into the judgement; the others change the structure."""
    data = copy.deepcopy(data)
    numbers, strings = _leaves(data, (int, float)), _leaves(data, str)
    for _ in range(draw(st.integers(1, max_mutations))):
        paths = [p for p in paths_of(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        key = path[-1]
        current = parent[key]
        action = draw(st.sampled_from(["same type"] * 6 + ["replace", "replace", "delete", "rename", "duplicate", "add", "wrap"]))
        if action == "same type" and isinstance(current, (int, float)) and not isinstance(current, bool):
            choice = draw(st.sampled_from(["scale", "scale", "extreme", "other"]))
            if choice == "scale":
                scaled = current * draw(FACTORS)
                parent[key] = int(scaled) if isinstance(current, int) and draw(st.booleans()) else scaled
            elif choice == "extreme":
                parent[key] = draw(NUMBERS)
            else:
                parent[key] = draw(st.sampled_from(numbers))
        elif action == "same type" and isinstance(current, str):
            parent[key] = draw(st.sampled_from(strings)) if draw(st.booleans()) else draw(STRINGS)
        elif action in ("same type", "replace"):
            parent[key] = copy.deepcopy(draw(ATOMS))
        elif action == "delete":
            del parent[key]
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(KEYS)] = parent.pop(key)
        elif action == "duplicate" and isinstance(parent, list):
            parent.extend([copy.deepcopy(parent[key])] * draw(st.integers(1, 3)))
        elif action == "add" and isinstance(parent, dict):
            parent[draw(KEYS)] = copy.deepcopy(draw(ATOMS))
        elif action == "wrap":
            parent[key] = [parent[key]] if draw(st.booleans()) else {"value": parent[key]}
    return data


@st.composite
def report_text(draw: st.DrawFn, data: Any) -> bytes:
    """A mutated report as bytes, sometimes damaged at the text level."""
    text = json.dumps(draw(mutated(data)), ensure_ascii=draw(st.booleans()))
    damage = draw(st.sampled_from(["none"] * 12 + ["number", "truncate", "dupkey", "bytes", "bom"]))
    if damage == "number" and '"value": ' in text:
        text = text.replace('"value": ', f'"value": {draw(RAW_NUMBERS)}, "_": ', 1)
    elif damage == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    elif damage == "dupkey":
        text = text.replace('"year": ', '"year": 2020, "year": ', 1)
    raw = text.encode("utf-8", "surrogatepass")
    if damage == "bytes":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xed\xb0\x80", b"\x00", b"\xc3"])) + raw[at:]
    elif damage == "bom":
        raw = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + raw
    return raw


@st.composite
def rule_text(draw: st.DrawFn, data: Any) -> bytes:
    text = yaml.safe_dump(draw(mutated(data, 2)), allow_unicode=True, sort_keys=False)
    damage = draw(st.sampled_from(["none"] * 10 + ["number", "alias", "tab", "truncate"]))
    if damage == "number":
        text = text.replace("value: ", f"value: {draw(RAW_NUMBERS)[:60]}\n  _x: ", 1)
    elif damage == "alias":
        text += "x0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9]\n" + "".join(
            f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, draw(st.integers(2, 9)))
        )
    elif damage == "tab":
        text = text.replace("  ", "\t", 1)
    elif damage == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode("utf-8", "surrogatepass")


_CATALOGS: dict[str, Catalog] = {}


@contextmanager
def shared_catalog(location: Path | None) -> Iterator[None]:
    """run.check with the installed plans loaded once for the whole fuzz run (a --rules file is
    loaded afresh: it is the thing being fuzzed)."""
    if location is not None:
        yield
        return
    catalog = _CATALOGS.setdefault("default", Catalog(None))
    with mock.patch.object(run_module, "Catalog", lambda _location: catalog):
        yield


def assert_answers(paths: list[Path], rules: Path | None = None) -> int:
    """Check the files like `check`, render both outputs; only a CheckerError-free run with exit
    0/1/2 and clean output passes. Returns the exit code."""
    streams = {fmt: io.BytesIO() for fmt in ("text", "json")}
    outputs = {fmt: renderer(fmt, stream, Context("zh")) for fmt, stream in streams.items()}
    with shared_catalog(rules):
        outcome = check(CheckArgs(tuple(str(p) for p in paths), rules), lambda a: [o.add(a) for o in outputs.values()])
    for fmt, out in outputs.items():
        out.close(outcome)
        text = streams[fmt].getvalue().decode("utf-8")  # the output is valid UTF-8
        if fmt == "json":
            json.loads(text)
    for problem in outcome.problems:
        line = problem.render("zh") + problem.render("en")
        assert "\n" not in line and "\r" not in line and "\x1b" not in line, line
        line.encode("utf-8")
    code = outcome.exit_code
    assert code in (0, 1, 2)
    COUNTS[f"exit {code}"] += 1
    return code


def assert_rule_file_answers(path: Path, report: Path | None) -> None:
    """A rule file either loads or raises RuleFileError with printable problems; when it loads, a
    report checked against it gets an answer too."""
    try:
        load_rule_file(path)
        COUNTS["rule file ok"] += 1
    except RuleFileError as exc:
        assert exc.problems
        for problem in exc.problems:
            problem.render().encode("utf-8")
            assert "\n" not in problem.render()
        COUNTS["rule file refused"] += 1
    except CheckerError:
        raise
    if report is not None:
        assert_answers([report], path)
