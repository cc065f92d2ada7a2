"""The roll-up pass: a jurisdiction's additive figures against the sum of its sub-entities'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.run import CheckArgs
from tests.conftest import MINI_PLAN, report
from tests.harness import run_check


def folder(tmp_path: Path, whole: int, part: int | None) -> Path:
    """A folder with 咸宁市's 2023 report (XN-I03) and, unless None, 咸安区's (XN-XA-I01)."""
    files = {"city.json": report(2023, indicators=[{"id": "XN-I03", "value": whole, "unit": "件"}])}
    if part is not None:
        files["xianan.json"] = report(2023, "咸安区", indicators=[{"id": "XN-XA-I01", "value": part, "unit": "件"}])
    for name, data in files.items():
        (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def city_findings(tmp_path: Path) -> tuple[list[str], list[str]]:
    records, _, _ = run_check(CheckArgs((str(tmp_path),), MINI_PLAN))
    city = next(a for a in records if a.reporter == "咸宁市")
    rule = next(r for r in city.results if r.rule_id == "XN-I03")
    return [f.code for f in city.findings], [f.message for f in rule.findings]


@pytest.mark.parametrize(
    ("whole", "part", "rule_findings"),
    [
        (100, 120, ["汇总核对:1 个县(市、区)合计 120件,超过全市 100件(多 20件),数据不一致。"]),
        (100, 90, ["汇总核对:各县(市、区)合计 90件,与全市 100件 相差 10件。"]),
        (1000, 996, []),  # within the 0.5 % tolerance for rounding
        (100, 100, []),
    ],
)
def test_parts_against_the_whole(tmp_path: Path, whole: int, part: int, rule_findings: list[str]) -> None:
    assert city_findings(folder(tmp_path, whole, part)) == ([], rule_findings)


def test_a_whole_judged_alone_is_not_compared(tmp_path: Path) -> None:
    assert city_findings(folder(tmp_path, 100, None)) == ([], [])


def test_the_parts_must_be_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    folder(tmp_path / "a", 100, None)
    (tmp_path / "b" / "xianan.json").write_text(
        json.dumps(report(2023, "咸安区", indicators=[{"id": "XN-XA-I01", "value": 500, "unit": "件"}]), ensure_ascii=False),
        encoding="utf-8",
    )
    assert city_findings(tmp_path) == ([], [])
