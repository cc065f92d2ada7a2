"""History-dependent targets over a series of reports; revisions; trend; duplicate years; properties."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import Problem
from checker.models.results import Assessment, RuleResult
from checker.run import CheckArgs, CheckRun
from tests.conftest import FIXTURES
from tests.harness import run_check

HISTORY_PLAN = FIXTURES / "history-plan.yaml"
UNITS = {"H-GROW": "万元", "H-RATE": "%", "H-ZERO": "万元", "H-ADD": "个", "H-GI": "件", "H-CUM": "万元",
         "H-STEADY": "件", "H-DOUBLE": "件", "H-NEG": "亿元", "H-LOW": "天"}


def write_series(folder: Path, values: dict[int, dict[str, Any]], extra: dict[int, list[dict[str, Any]]] | None = None) -> list[Path]:
    """One report per year with the given rule values; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for year, by_rule in values.items():
        entries = [{"id": rid, "value": v, "unit": UNITS[rid]} for rid, v in by_rule.items()]
        entries += (extra or {}).get(year, [])
        data = {"plan": "history-test", "reporter": "咸宁市", "year": year, "indicators": entries}
        path = folder / f"{year}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


@dataclass(frozen=True)
class Ran:
    assessments: list[Assessment]
    run: CheckRun

    @property
    def problems(self) -> list[Problem]:
        return self.run.problems

    @property
    def exit_code(self) -> int:
        return self.run.exit_code

    def dump(self) -> str:
        return json.dumps([a.model_dump(mode="json") for a in self.assessments], ensure_ascii=False)


def run_paths(paths: list[str], lang: str = "zh") -> Ran:
    records, run, _ = run_check(CheckArgs(tuple(paths), HISTORY_PLAN), lang)  # type: ignore[arg-type]
    return Ran(records, run)


def by_year(run: Ran) -> dict[int, Assessment]:
    return {a.year: a for a in run.assessments}


def rule(a: Assessment, rule_id: str) -> RuleResult:
    return next(r for r in a.results if r.rule_id == rule_id)


CASES = [
    # name, rule, {year: value}, year judged, status, progress ratio
    ("growth first year, one point", "H-GROW", {2021: 1250}, 2021, "on_track", 1.25),
    ("growth middle, slow", "H-GROW", {2021: 1100, 2022: 1200, 2023: 1300}, 2023, "behind", 0.4121),
    ("growth final, above", "H-GROW", {2025: 2500}, 2025, "met", 1.0078),
    ("growth final, exactly 20% is not above", "H-GROW", {2025: 2488.32}, 2025, "missed", 1.0),
    ("growth on a zero baseline", "H-ZERO", {2023: 500}, 2023, "needs_review", None),
    ("rate series, compounded", "H-RATE", {2021: 25, 2022: 15, 2023: 22}, 2023, "on_track", None),
    ("rate series, one point", "H-RATE", {2021: 18}, 2021, "behind", None),
    ("annual additions summed", "H-ADD", {2021: 3, 2022: 5, 2023: 4}, 2023, "on_track", 1.0),
    ("annual additions final", "H-ADD", {2021: 3, 2022: 5, 2023: 4, 2024: 4, 2025: 4}, 2025, "met", 1.0),
    ("increment from a stock", "H-GI", {2023: 36}, 2023, "on_track", 1.0),
    ("increment from a stock, start", "H-GI", {2021: 30}, 2021, "behind", 0.0),
    ("steady growth broken", "H-STEADY", {2021: 7, 2022: 8, 2023: 8}, 2023, "behind", None),
    ("steady growth final", "H-STEADY", {2021: 7, 2022: 8, 2023: 9, 2024: 10, 2025: 11}, 2025, "met", None),
    ("double a year before the baseline", "H-DOUBLE", {2023: 300}, 2023, "on_track", 0.9507),
    ("double final", "H-DOUBLE", {2025: 352}, 2025, "met", 1.0),
    ("negative baseline", "H-NEG", {2023: -0.2}, 2023, "on_track", 1.0),
    ("lower is better, lagging", "H-LOW", {2021: 95, 2022: 92}, 2022, "behind", 0.4),
    ("lower is better, final", "H-LOW", {2025: 50}, 2025, "met", 1.0),
]


@pytest.mark.parametrize(("rule_id", "values", "year", "status", "ratio"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_history_dependent_kind(tmp_path: Path, rule_id: str, values: dict[int, float], year: int, status: str, ratio: float | None) -> None:
    write_series(tmp_path, {y: {rule_id: v} for y, v in values.items()})
    run = run_paths([str(tmp_path)])
    assert not run.problems
    result = rule(by_year(run)[year], rule_id)
    assert result.status == status
    got = result.progress.ratio if result.progress else None
    assert got == (None if ratio is None else pytest.approx(ratio, abs=1e-4))


def test_rate_series_is_never_cagr_of_rates(tmp_path: Path) -> None:
    write_series(tmp_path, {2021: {"H-RATE": 25}, 2022: {"H-RATE": 15}, 2023: {"H-RATE": 22}})
    result = rule(by_year(run_paths([str(tmp_path)]))[2023], "H-RATE")
    assert result.actual == 20.59  # (1.25 x 1.15 x 1.22)^(1/3) - 1


def test_missing_annual_additions_are_named(tmp_path: Path) -> None:
    write_series(tmp_path, {2023: {"H-ADD": 4}})
    result = rule(by_year(run_paths([str(tmp_path)]))[2023], "H-ADD")
    assert (result.actual, result.status) == (4.0, "behind")
    assert result.fix == "请在 history 中补报 2021、2022 年数值。"


def test_cumulative_fall_across_reports(tmp_path: Path) -> None:
    write_series(tmp_path, {2021: {"H-CUM": 5500}, 2022: {"H-CUM": 6500}, 2023: {"H-CUM": 6000}})
    years = by_year(run_paths([str(tmp_path)]))
    assert [f.code for f in rule(years[2022], "H-CUM").findings] == []
    [finding] = rule(years[2023], "H-CUM").findings
    assert finding.message == "累计值 2023年 6000万元 低于 2022年 6500万元:累计数不应下降,疑似误填了年度值。"


def test_revision_shows_both_values_and_sources(tmp_path: Path) -> None:
    history = [{"id": "H-CUM", "value": 5400, "unit": "万元", "history": [{"year": 2021, "value": 5450, "unit": "万元", "source": "2022年统计年报"}]}]
    write_series(tmp_path, {2021: {"H-CUM": 5500}, 2022: {}}, {2022: history})
    result = rule(by_year(run_paths([str(tmp_path)]))[2022], "H-CUM")
    assert result.findings[0].message == (
        f"2021年数值已修订:原报 5500万元({tmp_path / '2021.json'}),现报 5450万元(2022年统计年报),按修订值计算。"
    )
    assert [(p.year, p.value, p.source) for p in result.series] == [
        (2020, 5060.0, "baseline"), (2021, 5450.0, f"{tmp_path / '2022.json'} (history)"), (2022, 5400.0, str(tmp_path / "2022.json")),
    ]


def test_binding_projected_miss_warns_before_the_final_year(tmp_path: Path) -> None:
    write_series(tmp_path, {2021: {"H-LOW": 95}, 2022: {"H-LOW": 92}, 2025: {"H-LOW": 70}})
    years = by_year(run_paths([str(tmp_path)]))
    warning = rule(years[2022], "H-LOW")
    assert warning.projection is not None and warning.projection.model_dump() == {
        "year": 2025, "value": 79.6667, "method": "linear", "reaches": False, "gap": 29.6667,
    }
    assert [f.message for f in warning.findings] == ["预警:约束性指标按现有趋势预计2025年为 79.67天,将差 29.67天 未达目标。"]
    final = rule(years[2025], "H-LOW")
    assert (final.status, final.findings, final.projection) == ("missed", [], None)
    assert years[2025].veto == ["H-LOW"]


def test_worked_example(tmp_path: Path) -> None:
    """Every number of the worked example in docs/series.md."""
    write_series(tmp_path, {2021: {"H-GROW": 1100}, 2022: {"H-GROW": 1200}, 2023: {"H-GROW": 1300}})
    result = rule(by_year(run_paths([str(tmp_path)]))[2023], "H-GROW")
    assert (result.status, result.expected, result.target, result.actual) == ("behind", 1728.0, 2488.32, 1300.0)
    assert result.progress is not None and result.progress.model_dump() == {"ratio": 0.4121, "category": "seriously_lagging"}
    assert result.message.startswith("2020—2023年年均增长 9.14%,要求高于 20%。")
    assert result.cagr is not None
    assert result.cagr.model_dump() == {"actual": 9.14, "required": 20.0, "ratio": 0.457, "category": "limited_progress"}
    assert result.projection is not None
    assert result.projection.model_dump() == {
        "year": 2025, "value": 1554.1604, "method": "geometric", "reaches": False, "gap": -934.1596,
    }


def test_two_reports_for_one_year_name_both_files(tmp_path: Path) -> None:
    write_series(tmp_path / "a", {2022: {"H-CUM": 6000}})
    (tmp_path / "a" / "copy.json").write_text((tmp_path / "a" / "2022.json").read_text(encoding="utf-8"), encoding="utf-8")
    run = run_paths([str(tmp_path / "a")])
    assert run.assessments == []
    assert [(p.file, p.zh) for p in run.problems] == [
        (str(tmp_path / "a" / f), f"同一报送主体 2022 年有多份报告:{tmp_path / 'a' / '2022.json'}、{tmp_path / 'a' / 'copy.json'}")
        for f in ("2022.json", "copy.json")
    ]
    assert run.exit_code == 2


# --- properties ------------------------------------------------------------------------------

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
RULES = ["H-GROW", "H-ADD", "H-CUM", "H-STEADY", "H-LOW"]


@st.composite
def yearly_values(draw: st.DrawFn) -> dict[int, dict[str, Any]]:
    years = draw(st.lists(st.integers(2021, 2025), min_size=2, max_size=5, unique=True))
    return {
        y: {r: draw(st.integers(1, 3000)) for r in RULES if draw(st.booleans())}
        for y in sorted(years)
    }


def _dump(a: Assessment) -> str:
    return json.dumps(a.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


@FAST
@given(yearly_values())
def test_adding_a_later_year_never_changes_an_earlier_one(tmp_path_factory: pytest.TempPathFactory, values: dict[int, dict[str, Any]]) -> None:
    folder = tmp_path_factory.mktemp("series")
    paths = write_series(folder, values)
    full = by_year(run_paths([str(p) for p in paths]))
    shorter = by_year(run_paths([str(p) for p in paths[:-1]]))
    assert {y: _dump(a) for y, a in shorter.items()} == {y: _dump(a) for y, a in full.items() if y in shorter}


@FAST
@given(yearly_values(), st.randoms(use_true_random=False))
def test_command_line_order_changes_nothing(tmp_path_factory: pytest.TempPathFactory, values: dict[int, dict[str, Any]], rnd: random.Random) -> None:
    folder = tmp_path_factory.mktemp("series")
    paths = [str(p) for p in write_series(folder, values)]
    first = run_paths(paths).dump()
    assert run_paths(rnd.sample(paths, len(paths))).dump() == first
