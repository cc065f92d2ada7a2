"""The gate of one assessment: every reason it fails, in a fixed order."""

from __future__ import annotations

import json
from typing import Any

import pytest

from checker.gates import GateOptions
from checker.models.submission import Submission
from checker.rulefile import Plan
from checker.run import assess
from tests.conftest import REPO, report

EXAMPLE = json.loads((REPO / "docs" / "examples" / "scoring-example.json").read_text(encoding="utf-8"))  # 72.0 合格
VETOED = {**EXAMPLE, "year": 2025, "indicators": [EXAMPLE["indicators"][0], {"id": "T-CYCLE", "value": 61, "unit": "天"}]}
SPARSE = report(2025, "市市场监管局", indicators=[{"id": "T-CYCLE", "value": 50, "unit": "天"}])  # 1 of 5 rules answered


@pytest.mark.parametrize(
    ("data", "options", "failures"),
    [
        (VETOED, GateOptions(), [("veto", "T-CYCLE")]),
        (VETOED, GateOptions(fail_under=90), [("veto", "T-CYCLE"), ("fail_under", "64.8 < 90")]),
        (SPARSE, GateOptions(), [("incomplete", "20%")]),
        (EXAMPLE, GateOptions(), []),
        (EXAMPLE, GateOptions(fail_under=72), []),
        (EXAMPLE, GateOptions(fail_under=72.5, fail_on=("not_reported", "missed")), [("fail_under", "72.0 < 72.5"), ("fail_on", "not_reported: T-ONGOING")]),
    ],
)
def test_gate_failures(mini_plan: Plan, data: dict[str, Any], options: GateOptions, failures: list[tuple[str, str]]) -> None:
    gate = assess(mini_plan, Submission.model_validate(data), "r.json", options).gate
    assert [(f.reason, f.detail) for f in gate.failures] == failures
    assert gate.passed == (not failures)
