"""`check` with several outputs, batches, colour and the catalog pages, end to end."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from checker import cli as cli_module
from checker.cli import check_command, checker_group
from checker.output.progress import Bar
from tests.conftest import MINI_PLAN, REPO, report
from tests.golden import format_bytes

EXAMPLE = "docs/examples/scoring-example.json"
PASSING = report(2023, "市教育局", obligations=[{"id": "T-ANNUAL", "status": "completed", "evidence": [{"title": "宣传周活动总结"}]}])
VETOED = report(2025, "市市场监管局", indicators=[{"id": "T-CYCLE", "value": 61, "unit": "天"}])


@pytest.fixture
def at_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def check(cli: CliRunner, *args: str) -> Any:
    return cli.invoke(check_command, [*args, "--rules", str(MINI_PLAN)])


def test_several_outputs_in_one_run(cli: CliRunner, tmp_path: Path, at_repo: None) -> None:
    html, junit, sarif, book = tmp_path / "r.html", tmp_path / "junit.xml", tmp_path / "r.sarif", tmp_path / "r.xlsx"
    result = check(cli, EXAMPLE, "--format", "summary", "-o", f"html={html}", "--output", f"junit:{junit}", "-o", str(sarif), "-o", str(book))
    assert result.exit_code == 0, result.output
    assert result.stdout.encode() == format_bytes("scoring-example.zh", "summary")
    assert html.read_bytes() == format_bytes("scoring-example.zh", "html")
    assert junit.read_bytes() == format_bytes("scoring-example.zh", "junit")
    assert sarif.read_bytes() == format_bytes("scoring-example.zh", "sarif")
    assert book.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junit.xml", "r.html", "r.sarif", "r.xlsx"]  # no temporary files left


def test_a_failed_run_leaves_no_partial_file(cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at_repo: None) -> None:
    target = tmp_path / "junit.xml"
    target.write_text("the previous report", encoding="utf-8")

    def boom(*_: Any) -> None:
        raise RuntimeError("bug while rendering")

    monkeypatch.setattr("checker.output.html.Renderer.close", boom)
    result = check(cli, EXAMPLE, "-o", f"junit={target}", "-o", f"html={tmp_path / 'r.html'}")
    assert result.exit_code == 3
    assert target.read_text(encoding="utf-8") == "the previous report"  # untouched, not half-replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junit.xml"]


@pytest.mark.parametrize(
    ("spec", "message"),
    [("report.pdf", "cannot tell the output format"), ("word=report.doc", "cannot tell the output format"),
     ("html=/nowhere/at/all/r.html", "the output's directory does not exist")],
)
def test_bad_output_specs_are_usage_errors(cli: CliRunner, spec: str, message: str, at_repo: None) -> None:
    result = cli.invoke(check_command, [EXAMPLE, "--rules", str(MINI_PLAN), "-o", spec, "--lang", "en"])
    assert result.exit_code == 2
    assert message in result.stderr


def test_exit_status_with_invalid_and_failing_reports_is_2(cli: CliRunner, write_json: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    result = check(cli, str(write_json("veto.json", VETOED)), str(tmp_path / "bad.json"), "--format", "summary")
    assert result.exit_code == 2
    assert "不通过  市市场监管局" in result.stdout  # the failure is still reported
    help_text = cli.invoke(check_command, ["--help"]).stdout
    assert "even when an assessment also fails" in help_text


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "reports" / "mistakes").mkdir(parents=True)
    for name, data in (("a.json", PASSING), ("mistakes/veto.json", VETOED)):
        (tmp_path / "reports" / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "reports" / "package.json").write_text('{"name": "site", "version": "1.0.0"}', encoding="utf-8")
    return tmp_path / "reports"


def test_exclude(cli: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert check(cli, str(folder)).exit_code == 1
    for pattern in ("mistakes", "mistakes/*", "veto*"):
        result = check(cli, str(folder), "--exclude", pattern, "--format", "json")
        assert result.exit_code == 0
        assert [a["submission"] for a in json.loads(result.stdout)["assessments"]] == [str(folder / "a.json")]


def test_a_file_that_is_not_a_report(cli: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    found = check(cli, str(folder), "--exclude", "mistakes")
    assert found.exit_code == 0  # found in a folder: skipped, with a note
    assert found.stderr == f"{folder / 'package.json'}: 不是年度报告(缺少 plan、reporter、year)\n"
    named = check(cli, str(folder / "package.json"), "--lang", "en")
    assert (named.exit_code, named.stderr) == (2, f"{folder / 'package.json'}: not an annual report (no plan, reporter or year)\n")
    half = tmp_path / "half.json"
    half.write_text('{"plan": "mini-xianning"}', encoding="utf-8")
    assert "reporter" in check(cli, str(half)).stderr  # some report keys: a report with errors, not "not a report"


def test_changed_files_check_their_whole_folder(cli: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "b.json").write_text(json.dumps({**PASSING, "year": 2024}, ensure_ascii=False), encoding="utf-8")
    result = check(cli, "--changed", str(folder / "a.json"), str(folder / "notes.md"), "--format", "json")
    assert result.exit_code == 0, result.output
    # both years of the series, not the sub-folder; notes.md is no report file and names no folder
    assert [a["submission"] for a in json.loads(result.stdout)["assessments"]] == [str(folder / "a.json"), str(folder / "b.json")]


def test_changed_with_exclude(cli: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = check(cli, "--changed", str(folder / "mistakes" / "veto.json"), str(folder / "a.json"), "--exclude", "mistakes", "--format", "json")
    assert [a["submission"] for a in json.loads(result.stdout)["assessments"]] == [str(folder / "a.json")]


def test_pre_commit_hook_runs_check_changed() -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "check --changed"
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    assert hook["id"] == "plan-compliance-check"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("no_color", "mode", "tty", "colour"),
    [(None, "auto", True, True), ("", "auto", True, True), ("1", "auto", True, False), (None, "auto", False, False),
     ("1", "always", False, True), (None, "never", True, False)],
)
def test_colour(monkeypatch: pytest.MonkeyPatch, no_color: str | None, mode: str, tty: bool, colour: bool) -> None:
    """NO_COLOR as no-color.org says (set and non-empty disables), --color overriding it."""
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert cli_module._color(_Tty() if tty else io.StringIO(), mode) is colour  # type: ignore[arg-type]


def test_color_always_paints(cli: CliRunner, at_repo: None) -> None:
    assert "\033[" in check(cli, EXAMPLE, "--color", "always").stdout
    assert "\033[" not in check(cli, EXAMPLE).stdout


def test_only_failing(cli: CliRunner, at_repo: None) -> None:
    lines = check(cli, EXAMPLE, "--only-failing").stdout.splitlines()
    rows = [line.split()[:2] for line in lines if line.startswith("  ") and line.split()[0] in ("达标", "序时达标", "滞后", "未填报")]
    assert rows == [["滞后", "XN-I02"], ["滞后", "T-CYCLE"], ["未填报", "T-ONGOING"]]
    assert "(仅列出不通过的规则)" in lines
    assert not any("XN-O-STATIONS" in line for line in lines)


def test_no_progress_bar_off_a_terminal(cli: CliRunner, at_repo: None) -> None:
    result = cli.invoke(check_command, ["submissions/hubei", "--format", "summary"])
    assert "%|" not in result.stderr and "it/s" not in result.stderr


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    bar = Bar("en")
    bar.start(3)
    bar.advance(2)
    bar.advance(1)
    bar.close()
    assert "3/3" in capsys.readouterr().err


def test_batch_text_has_a_line_per_report_before_the_details(cli: CliRunner, at_repo: None) -> None:
    lines = cli.invoke(check_command, ["submissions/hubei", "--exclude", "mistakes"]).stdout.splitlines()
    assert lines[0] == "【2025年全省知识产权工作要点】"
    assert lines[1].startswith("  通过    湖北省  2025 年度  100")
    assert lines[3] == ""
    assert lines[4] == "2025年全省知识产权工作要点 · 湖北省 · 2025 年度"


def test_explain_reads_as_a_page(cli: CliRunner) -> None:
    result = cli.invoke(checker_group, ["explain", "t-cycle", "--rules", str(MINI_PLAN.parent), "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "T-CYCLE · 专利侵权纠纷结案周期",
        '  plan:           mini-xianning 咸宁市知识产权发展"十四五"规划(节选)',
        "  type:           indicator · level",
        "  subject:        咸宁市",
        "  category:       protection · weight 1",
        "  target:         at most 60 天 by 2025",
        "  baseline:       90 天 in 2020",
        "  attribute:      binding",
        "  lead:           市市场监管局",
        "  the plan says:  “侵权易发多发现象得到有效遏制”",
        '                  (三、(二)具体目标 · 咸宁市知识产权发展"十四五"规划(节选))',
        "  interpretation: Made up for the tests (a binding, lower-is-better indicator).",
    ]
    assert "000_" not in result.stdout  # the plan's title, not the seed file's name


def test_explain_suggests_for_an_unknown_id(cli: CliRunner) -> None:
    result = cli.invoke(checker_group, ["explain", "XN-I2", "--rules", str(MINI_PLAN.parent)])
    assert result.exit_code == 2
    assert result.stderr.startswith("XN-I2: 未知规则编号;可能是:") and "XN-I02" in result.stderr


def test_rules_for_a_reporter(cli: CliRunner) -> None:
    result = cli.invoke(checker_group, ["rules", str(MINI_PLAN), "--reporter", "市科技局", "--format", "json"])
    assert result.exit_code == 0
    owed = {(r["id"], r["role"]) for r in json.loads(result.stdout)["rules"]}
    assert ("XN-I02", "support") in owed and ("T-DOC", "lead") in owed
    text = cli.invoke(checker_group, ["rules", str(MINI_PLAN), "--reporter", "市科技局"]).stdout
    assert "市科技局 在 咸宁市知识产权发展\"十四五\"规划(节选) 中承担的规则" in text
    assert any(line.split()[:2] == ["XN-I02", "配合"] for line in text.splitlines())
    unknown = cli.invoke(checker_group, ["rules", str(MINI_PLAN), "--reporter", "科技"])
    assert unknown.exit_code == 2 and "可能是:市科技局" in unknown.stderr
