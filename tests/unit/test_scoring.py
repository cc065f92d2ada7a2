"""The scoring model: the documented worked example, grades, veto, and hypothesis properties."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.models.plan import ScoringSettings
from checker.rulefile import Plan
from checker.run import CheckArgs
from checker.scoring import grade_for
from tests.conftest import MINI_PLAN, REPO, report
from tests.harness import assess_record, run_check

EXAMPLE = REPO / "docs" / "examples" / "scoring-example.json"
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_worked_example(assess_dict: Callable[..., Any]) -> None:
    """Every number of docs/scoring.md section 5."""
    a = assess_dict(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    rows = {r.rule_id: (r.category, r.role, r.status, r.expected, r.score) for r in a.results}
    assert rows == {
        "XN-I02": ("creation", "lead", "behind", 3.764, 64.2),
        "T-DOC": ("creation", "support", "met", None, 100.0),
        "T-CYCLE": ("protection", "lead", "behind", 72.0, 55.6),
        "XN-O-STATIONS": ("protection", "lead", "on_track", 4.2, 100.0),
        "T-ONGOING": ("protection", "lead", "not_reported", None, 0.0),
    }
    ratios = {r.rule_id: r.progress.ratio for r in a.results if r.progress and r.progress.ratio is not None}
    assert ratios == {"XN-I02": 0.6419, "T-CYCLE": 0.5556, "XN-O-STATIONS": 1.1905}
    assert [(c.name, c.weight, c.score) for c in a.categories] == [("创造", 2.0, 82.1), ("保护", 1.0, 51.9)]
    assert (a.score, a.grade, a.passed, a.unassessable_share, a.veto) == (72.0, "合格", True, 0.0, [])


def test_binding_miss_vetoes(assess_dict: Callable[..., Any]) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["year"] = 2025
    data["indicators"][1]["value"] = 61
    a = assess_dict(data)
    assert (a.grade, a.passed, a.veto) == ("不合格", False, ["T-CYCLE"])


def test_claiming_without_evidence_scores_as_the_claim_rejected(assess_dict: Callable[..., Any]) -> None:
    data = report(2023, "市教育局", obligations=[{"id": "T-ANNUAL", "status": "completed"}])
    a = assess_dict(data)
    # Scored as the claim rejected (0), and the claim does not count as answering: incomplete.
    assert (a.score, a.grade, a.passed, a.outcome, a.completeness) == (0.0, None, False, "incomplete", 0.0)


@pytest.mark.parametrize(("score", "grade"), [(100, "优秀"), (90, "优秀"), (89.9, "良好"), (80, "良好"), (60, "合格"), (59.9, "不合格"), (0, "不合格")])
def test_grade_bands(score: float, grade: str) -> None:
    assert grade_for(score, ScoringSettings()) == grade


# --- properties ------------------------------------------------------------------------------

# Indicators of the test plan's city report with a value range and whether higher is better.
NUMERIC = {
    "XN-I02": ("件", 0, 10, True), "XN-I03": ("件", 0, 400, True), "XN-I05": ("件", 0, 90000, True),
    "XN-I07": ("万元", 0, 20000, True), "XN-I09": ("件", 0, 20, True), "XN-I10": ("万元", 1, 30000, True),
    "T-DOUBLE": ("件", 0, 1200, True), "T-CYCLE": ("天", 10, 150, False), "T-TEA": ("件", 0, 600, True),
}
OBLIGATIONS = ["XN-O-STATIONS", "T-DOC", "T-ANNUAL", "T-ONGOING"]
STATUS = st.sampled_from(["completed", "in_progress", "not_started"])
EVIDENCE = [{"title": "文件", "doc_number": "咸知办〔2023〕1号"}]


@st.composite
def city_reports(draw: st.DrawFn) -> dict[str, Any]:
    year = draw(st.integers(2021, 2025))
    indicators = []
    for rule_id, (unit, low, high, _) in NUMERIC.items():
        if draw(st.booleans()):
            value = draw(st.decimals(low, high, places=2, allow_nan=False, allow_infinity=False))
            indicators.append({"id": rule_id, "value": value, "unit": unit})
    if draw(st.booleans()):
        indicators.append({"id": "T-RANK", "rank": draw(st.integers(1, 20))})
    obligations = []
    for rule_id in OBLIGATIONS:
        if draw(st.booleans()):
            entry: dict[str, Any] = {"id": rule_id, "status": draw(STATUS)}
            if draw(st.booleans()):
                entry["evidence"] = EVIDENCE
            if rule_id == "XN-O-STATIONS" and draw(st.booleans()):
                entry.update(quantity=draw(st.integers(0, 12)), unit="个")
            obligations.append(entry)
    return report(year, indicators=indicators, obligations=obligations)


def _dump(a: Any, where: bool = True, hints: bool = True) -> str:
    """The assessment as JSON; without `where`, without the entries' locations (which follow their order);
    without `hints`, a magnitude warning reduced to its presence (its hint names the unit as written:
    "if the figure was in 亿元, not 万元")."""
    data = a.model_dump(mode="json")
    for result in data["results"]:
        if not where:
            result.pop("location")
        if not hints:
            result["findings"] = [
                {"code": "magnitude"} if f["code"].startswith("magnitude") else f for f in result["findings"]
            ]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


@FAST
@given(city_reports())
def test_score_is_within_0_and_100(assess_dict: Callable[..., Any], data: dict[str, Any]) -> None:
    a = assess_dict(data)
    assert a.score is None or 0 <= a.score <= 100
    assert all(r.score is None or 0 <= r.score <= 100 for r in a.results)


@FAST
@given(city_reports(), st.data())
def test_improving_a_value_never_lowers_the_score(assess_dict: Callable[..., Any], data: dict[str, Any], more: st.DataObject) -> None:
    numeric = [e for e in data["indicators"] if e["id"] in NUMERIC]
    if not numeric:
        return
    entry = more.draw(st.sampled_from(numeric))
    _, low, high, higher_is_better = NUMERIC[entry["id"]]
    step = more.draw(st.decimals(Decimal("0.01"), Decimal(high - low), places=2))
    better = {**entry, "value": entry["value"] + step if higher_is_better else max(Decimal(0), entry["value"] - step)}
    improved = {**data, "indicators": [better if e is entry else e for e in data["indicators"]]}
    before, after = assess_dict(data), assess_dict(improved)
    assert (after.score or 0) >= (before.score or 0)


@FAST
@given(city_reports(), st.randoms(use_true_random=False))
def test_reordering_entries_changes_nothing(assess_dict: Callable[..., Any], data: dict[str, Any], rnd: random.Random) -> None:
    shuffled = {**data, "indicators": rnd.sample(data["indicators"], len(data["indicators"])),
                "obligations": rnd.sample(data["obligations"], len(data["obligations"]))}
    assert _dump(assess_dict(shuffled), where=False) == _dump(assess_dict(data), where=False)


SCALES = {"件": ("万件", Decimal(10_000)), "万元": ("亿元", Decimal(10_000)), "个": ("万个", Decimal(10_000))}


@FAST
@given(city_reports(), st.data())
def test_the_unit_chosen_changes_nothing(assess_dict: Callable[..., Any], data: dict[str, Any], more: st.DataObject) -> None:
    def rescale(entry: dict[str, Any], amount_key: str) -> dict[str, Any]:
        unit = entry.get("unit")
        if unit not in SCALES or amount_key not in entry or not more.draw(st.booleans()):
            return entry
        bigger, factor = SCALES[unit]
        return {**entry, amount_key: entry[amount_key] / factor, "unit": bigger}

    other = {**data, "indicators": [rescale(e, "value") for e in data["indicators"]],
             "obligations": [rescale(e, "quantity") for e in data["obligations"]]}
    assert _dump(assess_dict(other), hints=False) == _dump(assess_dict(data), hints=False)


@FAST
@given(city_reports())
def test_same_input_same_bytes(assess_dict: Callable[..., Any], data: dict[str, Any]) -> None:
    assert _dump(assess_dict(data)) == _dump(assess_dict(json.loads(json.dumps(data, default=str))))


def test_documented_scoring_settings_load(tmp_path: Any) -> None:
    """The `scoring:` block of docs/rule-format.md is valid and spells out the defaults."""
    import re

    from checker.rulefile import load_rule_file
    from tests.conftest import MINI_PLAN

    doc = (REPO / "docs" / "rule-format.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(scoring:\n.*?)```", doc, re.S)
    assert block is not None
    rules = tmp_path / "plan.yaml"
    rules.write_text(MINI_PLAN.read_text(encoding="utf-8") + block.group(1), encoding="utf-8")
    assert load_rule_file(rules).rules_file.scoring == ScoringSettings()


def test_worked_example_with_decisions(mini_plan: Plan, tmp_path: Path) -> None:
    """Every number of docs/scoring.md section 6."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["obligations"].append({"id": "T-ONGOING", "status": "completed"})
    claimed = assess_record(mini_plan, data)
    assert (claimed.score, claimed.grade, claimed.completeness) == (72.0, "合格", 0.8)
    assert next(r for r in claimed.results if r.rule_id == "T-ONGOING").status == "unverified"
    path = tmp_path / "claimed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    decisions = REPO / "docs" / "examples" / "scoring-decisions.yaml"
    for as_of, risk in [(dt.date(2024, 6, 30), (95.1, "优秀")), (dt.date(2025, 1, 1), (83.1, "良好"))]:
        [a], _, _ = run_check(CheckArgs((str(path),), MINI_PLAN, decisions=(decisions,), as_of=as_of))
        assert (a.score, a.grade, a.completeness) == (83.1, "良好", 1.0)
        assert [(c.name, c.score) for c in a.categories] == [("创造", 82.1), ("保护", 85.2)]
        assert a.risk_accepted is not None and (a.risk_accepted.score, a.risk_accepted.grade) == risk
