"""Every example report's assessment matches its golden file (regenerate: python -m tests.golden)."""

from __future__ import annotations

import json

import pytest

from tests.golden import (
    TEXT_CASES,
    example_folders,
    golden_for,
    golden_path,
    text_for,
    text_path,
)

EXPECTED_EXIT = {"hubei": 2, "langfang": 2, "quzhou": 2, "wuhan": 2, "xianning": 2}  # each has a mistakes/ folder


@pytest.mark.parametrize("folder", example_folders())
def test_examples_match_golden(folder: str) -> None:
    expected = json.loads(golden_path(folder).read_text(encoding="utf-8"))
    actual = golden_for(folder)
    assert actual["exit_code"] == EXPECTED_EXIT[folder]
    assert sorted(actual["files"]) == sorted(expected["files"])
    for name, result in expected["files"].items():
        assert actual["files"][name] == result, f"{name} differs from tests/golden/{folder}.json"


@pytest.mark.parametrize("folder", example_folders())
def test_final_year_reports_are_fully_compliant(folder: str) -> None:
    finals = {k: v for k, v in golden_for(folder)["files"].items() if "final-compliant" in k}
    assert finals, "each plan has a fully compliant final-year report"
    for result in finals.values():
        a = result["assessment"]
        assert (a["passed"], a["grade"], a["score"]) == (True, "优秀", 100.0)
        assert {r["status"] for r in a["results"]} == {"met"}


@pytest.mark.parametrize("folder", example_folders())
def test_mistakes_reports_show_their_messages(folder: str) -> None:
    mistakes = {k: v for k, v in golden_for(folder)["files"].items() if "/mistakes/" in k}
    assert mistakes
    assert any("errors" in v for v in mistakes.values())


@pytest.mark.parametrize("name", sorted(TEXT_CASES))
def test_terminal_report_matches_golden_text(name: str) -> None:
    assert text_for(name) == text_path(name).read_text(encoding="utf-8")
