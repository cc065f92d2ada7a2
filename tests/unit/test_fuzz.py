"""Arbitrary input either evaluates or raises the checker's own error, never anything else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import CheckerError
from checker.rulefile import load_rule_file
from checker.intake import read
from checker.run import assess
from tests.conftest import MINI_PLAN

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


def test_help_does_not_import_the_heavy_modules() -> None:
    code = "import sys, checker.cli; print(sorted(m for m in ('pydantic', 'jsonschema', 'yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
