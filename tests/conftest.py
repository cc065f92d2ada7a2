"""Shared fixtures: the test plan, a way to evaluate a report dict, and a CLI runner."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from checker.models.results import Assessment, RuleResult
from checker.rulefile import Plan, load_rule_file
from tests.harness import assess_record

# The start-up cache (checker/cache.py) of the tests' own: never the user's folder.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="checker-test-cache-")

FIXTURES = Path(__file__).parent / "fixtures"
MINI_PLAN = FIXTURES / "mini-plan.yaml"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def mini_plan() -> Plan:
    return load_rule_file(MINI_PLAN)


def report(year: int, reporter: str = "咸宁市", indicators: list[dict[str, Any]] | None = None,
           obligations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A submission dict for the test plan."""
    return {
        "plan": "mini-xianning", "reporter": reporter, "year": year,
        "indicators": indicators or [], "obligations": obligations or [],
    }


@pytest.fixture(scope="session")
def assess_dict(mini_plan: Plan) -> Callable[..., Assessment]:
    def run(data: dict[str, Any], lang: str = "zh") -> Assessment:
        return assess_record(mini_plan, data, lang=lang)  # type: ignore[arg-type]

    return run


@pytest.fixture(scope="session")
def result_of(assess_dict: Callable[..., Assessment]) -> Callable[..., RuleResult]:
    """The result of one rule for a report dict."""

    def run(data: dict[str, Any], rule_id: str) -> RuleResult:
        return next(r for r in assess_dict(data).results if r.rule_id == rule_id)

    return run


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[str, Any], Path]:
    def write(name: str, data: Any) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()
