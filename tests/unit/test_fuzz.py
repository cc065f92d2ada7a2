"""Arbitrary input either evaluates or raises the checker's own error, never anything else.

Besides the generated documents below, a seeded mutation suite (tests/fuzzing.py) damages the
example reports, series of them, and the rule files; `benchmarks/fuzz_long.py` runs the same
strategies for longer (counts in docs/development.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import CheckerError
from checker.intake import read
from checker.rulefile import load_rule_file
from checker.run import assess
from tests import fuzzing
from tests.conftest import MINI_PLAN, report

PLAN = load_rule_file(MINI_PLAN)
FIELDS = ["plan", "reporter", "year", "indicators", "obligations", "id", "name", "value", "unit", "status",
          "quantity", "history", "evidence", "rank", "verdict", "reason", "title"]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["mini-xianning", "咸宁市", "市科技局", "XN-I02", "T-DOC", "件", "万件", "天", "completed",
                     "in_progress", "not_applicable", "met", "", "每万人口发明专利拥有量"]),
    st.integers(2019, 2027),
)
JSONISH = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6),
    max_leaves=25,
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# The mutation suite is seeded (derandomize): the same cases on every run, about a minute in all.
MUTATION = settings(max_examples=400, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])


def _outcome(tmp: Path, data: Any) -> None:
    path = tmp / "fuzz.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        assess(PLAN, read(path).submission, str(path))
    except CheckerError as exc:
        assert exc.problems and all(p.file == str(path) for p in exc.problems)


@SETTINGS
@given(JSONISH)
def test_arbitrary_json(tmp_path: Path, data: Any) -> None:
    _outcome(tmp_path, data)


@SETTINGS
@given(st.fixed_dictionaries(
    {"plan": st.just("mini-xianning"), "reporter": st.sampled_from(["咸宁市", "市科技局", "咸安区"]), "year": st.integers(2019, 2027)},
    optional={"indicators": st.lists(st.dictionaries(st.sampled_from(FIELDS), SCALARS, max_size=5), max_size=4),
              "obligations": st.lists(st.dictionaries(st.sampled_from(FIELDS), SCALARS, max_size=5), max_size=4)},
))
def test_report_shaped_json(tmp_path: Path, data: Any) -> None:
    _outcome(tmp_path, data)


@SETTINGS
@given(st.binary(max_size=200))
def test_arbitrary_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(raw)
    try:
        read(path)
    except CheckerError as exc:
        assert exc.problems


# --- mutations of the examples ----------------------------------------------------------------

@MUTATION
@given(st.data())
def test_mutated_example_reports(tmp_path: Path, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(fuzzing.REPORTS), label="report")
    path = tmp_path / source.name
    path.write_bytes(data.draw(fuzzing.report_text(fuzzing.REPORT_DATA[source])))
    fuzzing.assert_answers([path])


SERIES = [p for p in fuzzing.REPORTS if p.parent.name == "xianning" and "annual" in p.name or "midterm" in p.name]


@settings(MUTATION, max_examples=150)
@given(st.data())
def test_mutated_series(data: st.DataObject) -> None:
    """A series of one reporter's years, one of them damaged: the others are still judged."""
    with tempfile.TemporaryDirectory() as folder:
        chosen = data.draw(st.lists(st.sampled_from(SERIES), min_size=2, max_size=4, unique=True), label="series")
        victim = data.draw(st.sampled_from(chosen), label="damaged")
        paths = []
        for source in chosen:
            path = Path(folder) / source.name
            if source == victim:
                path.write_bytes(data.draw(fuzzing.report_text(fuzzing.REPORT_DATA[source])))
            else:
                path.write_bytes(source.read_bytes())
            paths.append(path)
        fuzzing.assert_answers([Path(folder)])


SMALL_RULES = [p for p in fuzzing.RULE_FILES if p.stem in ("mini-plan", "history-plan", "langfang-14fyp", "quzhou-2016")]


def _report_for(plan_id: str) -> dict[str, Any] | None:
    if plan_id == "mini-xianning":
        return report(2023, indicators=[{"id": "XN-I02", "value": 3.7, "unit": "件"}, {"id": "T-CYCLE", "value": 70, "unit": "天"}],
                      obligations=[{"id": "T-DOC", "status": "completed", "evidence": [{"title": "t", "doc_number": "1"}]}])
    if plan_id == "history-test":
        return {"plan": plan_id, "reporter": "咸宁市", "year": 2023, "indicators": [
            {"id": "H-GROW", "value": 1300, "unit": "万元", "history": [{"year": 2022, "value": 1200, "unit": "万元"}]},
            {"id": "H-RATE", "value": 12, "unit": "%", "history": [{"year": 2022, "value": -20, "unit": "%"}]}]}
    for path, data in fuzzing.REPORT_DATA.items():
        if isinstance(data, dict) and data.get("plan") == plan_id and "mistakes" not in str(path):
            return data
    return None


@settings(MUTATION, max_examples=120)
@given(st.data())
def test_mutated_rule_files(tmp_path: Path, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(SMALL_RULES), label="rule file")
    original = fuzzing.RULE_DATA[source]
    rules = tmp_path / "rules.yaml"
    rules.write_bytes(data.draw(fuzzing.rule_text(original)))
    example = _report_for(original["plan"]["id"])
    report_path = None
    if example is not None:
        report_path = tmp_path / "report.json"
        report_path.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    fuzzing.assert_rule_file_answers(rules, report_path)


def test_help_does_not_import_the_heavy_modules() -> None:
    code = "import sys, checker.cli; print(sorted(m for m in ('pydantic', 'jsonschema', 'yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
