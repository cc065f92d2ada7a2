"""The commands end to end: exit codes, formats, languages, the catalog."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import check_command, checker_group
from checker.schemas import load_schema
from tests.conftest import MINI_PLAN, REPO, report

EXAMPLE = REPO / "docs" / "examples" / "scoring-example.json"
PASSING = report(2023, "市教育局", obligations=[{"id": "T-ANNUAL", "status": "completed", "evidence": [{"title": "宣传周活动总结"}]}])
VETOED = report(2025, "市市场监管局", indicators=[{"id": "T-CYCLE", "value": 61, "unit": "天"}])


def check(cli: CliRunner, *args: str) -> Any:
    return cli.invoke(check_command, [*args, "--rules", str(MINI_PLAN)])


def test_pass_exits_0(cli: CliRunner, write_json: Callable[..., Path]) -> None:
    result = check(cli, str(write_json("ok.json", PASSING)))
    assert result.exit_code == 0, result.output
    assert "总分 100 · 等级 优秀 · 通过" in result.stdout


def test_veto_exits_1(cli: CliRunner, write_json: Callable[..., Path]) -> None:
    result = check(cli, str(write_json("veto.json", VETOED)))
    assert result.exit_code == 1
    assert "一票否决(约束性指标未完成): T-CYCLE" in result.stdout


@pytest.mark.parametrize(
    ("options", "code"),
    [([], 0), (["--fail-under", "80"], 1), (["--fail-under", "72"], 0), (["--fail-on", "not_reported"], 1),
     (["--fail-on", "missed", "--fail-on", "needs_review"], 0)],
)
def test_thresholds(cli: CliRunner, options: list[str], code: int) -> None:
    assert check(cli, str(EXAMPLE), *options).exit_code == code


def test_input_error_beats_failure(cli: CliRunner, tmp_path: Path, write_json: Callable[..., Path]) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert check(cli, str(write_json("veto.json", VETOED)), str(tmp_path / "bad.json")).exit_code == 2


def test_usage_error_exits_2(cli: CliRunner) -> None:
    assert cli.invoke(check_command, []).exit_code == 2
    result = cli.invoke(check_command, [str(EXAMPLE), "--rules", "/nowhere/rules"])
    assert (result.exit_code, result.stderr) == (2, "/nowhere/rules: 规则文件或目录不存在\n")


def test_internal_error_exits_3_without_traceback(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: Any) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("checker.run.evaluate", boom)
    result = check(cli, str(EXAMPLE))
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    assert "internal error" in result.stderr


def test_json_output_matches_its_schema(cli: CliRunner) -> None:
    result = check(cli, str(EXAMPLE), "--format", "json")
    document = json.loads(result.stdout)
    jsonschema.validate(document, load_schema("assessment"))
    [assessment] = document["assessments"]
    assert list(assessment) == [
        "submission", "plan", "plan_title", "reporter", "reporter_id", "year", "illustrative", "score", "grade",
        "passed", "veto", "unassessable_share", "categories", "counts", "findings", "results", "gate",
        "outcome", "ungraded_cause", "completeness", "risk_accepted",
    ]
    assert {"rule_id", "kind", "subject", "name", "status", "expected", "actual", "unit", "score", "message"} <= set(
        assessment["results"][0]
    )


def test_english(cli: CliRunner) -> None:
    result = check(cli, str(EXAMPLE), "--lang", "en")
    assert "score 72 · grade pass · pass" in result.stdout
    assert "2023: expected 3.76 件 on the path to the target, actual 3.1 件, progress ratio 0.64 (lagging)." in result.stdout


def test_same_input_same_bytes(cli: CliRunner) -> None:
    first = check(cli, str(EXAMPLE), "--format", "json").stdout
    assert check(cli, str(EXAMPLE), "--format", "json").stdout == first


def test_directories_are_searched_recursively(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "r.json").write_text(json.dumps(PASSING, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a report", encoding="utf-8")
    (tmp_path / "~$r.xlsx").write_bytes(b"lock")  # Excel's lock file beside an open workbook
    result = check(cli, str(tmp_path), "--format", "json")
    assert [a["submission"] for a in json.loads(result.stdout)["assessments"]] == [str(tmp_path / "a" / "b" / "r.json")]


def test_rules_listing_json(cli: CliRunner) -> None:
    result = cli.invoke(checker_group, ["rules", str(MINI_PLAN), "--format", "json"])
    assert result.exit_code == 0
    rules = json.loads(result.stdout)["rules"]
    first = rules[0]
    assert {k: first[k] for k in ("id", "plan", "kind", "subject", "name", "target", "baseline", "attribute", "responsible", "source")} == {
        "id": "XN-I02", "plan": "mini-xianning", "kind": "level", "subject": "咸宁市", "name": "每万人口发明专利拥有量",
        "target": {"value": 5, "unit": "件", "comparator": ">=", "year": 2025, "level": 5, "level_unit": "件"},
        "baseline": {"value": 1.91, "unit": "件", "year": 2020},
        "attribute": "expected",
        "responsible": {"lead": ["市市场监管局"], "support": ["市科技局"], "joint": []},
        "source": {"document": "000_53319063e63fe2c0.txt", "section": "三、(二)具体目标", "quote": "每万人口发明专利拥有量达到5件"},
    }
    assert len(rules) == 16


def test_explain(cli: CliRunner) -> None:
    result = cli.invoke(checker_group, ["explain", "T-CYCLE", "--rules", str(MINI_PLAN.parent)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == ["T-CYCLE · 专利侵权纠纷结案周期", "  规划:     mini-xianning 咸宁市知识产权发展\"十四五\"规划(节选)"]
    assert "  属性:     约束性" in result.stdout
    unknown = cli.invoke(checker_group, ["explain", "NOPE", "--rules", str(MINI_PLAN.parent)])
    assert (unknown.exit_code, unknown.stderr) == (2, "NOPE: 未知规则编号\n")


def test_validate(cli: CliRunner) -> None:
    result = cli.invoke(checker_group, ["validate", str(MINI_PLAN)])
    assert (result.exit_code, result.stdout) == (0, f"{MINI_PLAN}: ok (12 indicators, 4 obligations)\n")


def test_ctrl_c_exits_130(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("checker.run.evaluate", interrupted)
    result = check(cli, str(EXAMPLE))
    assert (result.exit_code, result.stderr) == (130, "已中断 / interrupted\n")


def test_a_closed_pipe_is_not_a_failed_assessment() -> None:
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "checker", str(REPO / "submissions" / "xianning")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `check … | head -1` does
    assert process.wait(timeout=60) == 141
    assert b"Traceback" not in process.stderr.read()
