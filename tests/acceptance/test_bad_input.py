"""Bad input: one line per problem naming file and place, exit status 2, other files still checked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from checker.cli import check_command
from tests.conftest import MINI_PLAN, report

GOOD = report(2023, indicators=[{"id": "XN-I02", "value": 3.764, "unit": "件"}])


def run(cli: CliRunner, *args: str) -> Any:
    return cli.invoke(check_command, [*args, "--rules", str(MINI_PLAN)])


BAD_TEXT = [
    ("malformed", '{"plan": "mini-xianning",', ":1: JSON 格式错误:第 26 列:文件在此意外结束:内容不完整(缺少右括号 } 或 ]?)"),
    ("empty", "", ": 文件为空"),
    ("blank", "  \n", ": 文件为空"),
    ("array", "[1, 2]", ": 顶层应为对象,实为数组"),
    ("string", '"report"', ": 顶层应为对象,实为字符串"),
    ("nan", '{"plan": "x", "year": NaN}', ":1: $.year: 不允许非有限数值 NaN"),
    ("infinity", '{"plan": "x", "year": -Infinity}', ":1: $.year: 不允许非有限数值 -Infinity"),
    ("huge number", '{"plan": "x", "value": 1e999}', ":1: $.value: 数值 1e999 超出范围(绝对值应 ≤ 1e15)"),
    ("duplicate key", '{"plan": "a", "plan": "b"}', ":1: $.plan: 键 “plan” 重复"),
    ("deep nesting", '{"a": ' + "[" * 100 + "]" * 100 + "}", ": $.a" + "[0]" * 63 + ": 嵌套层级超过 64"),
    ("very deep nesting", "[" * 100_000 + "]" * 100_000, ": 嵌套层级过深"),
    ("wrong type", json.dumps({**GOOD, "year": "2023"}), ":1: $.year: 类型错误:应为整数,请去掉引号:写作 2023"),
    ("missing field", json.dumps({k: v for k, v in GOOD.items() if k != "reporter"}), ": $: 缺少必填字段:reporter"),
    ("typo field", json.dumps({**GOOD, "yaer": 2023}), ": $: 未知字段:yaer(拼写错误?)"),
    ("bad status", json.dumps(report(2023, obligations=[{"id": "T-DOC", "status": "done"}])),
     ":1: $.obligations[0].status: 取值 'done' 无效,可选:completed / in_progress / not_started / not_applicable"),
    ("value without unit", json.dumps(report(2023, indicators=[{"id": "XN-I02", "value": 3}])),
     ":1: $.indicators[0]: 填报数值须注明单位 unit"),
    ("unknown plan", json.dumps({**GOOD, "plan": "nowhere"}), ":1: $.plan: 找不到规划“nowhere”的规则文件(已有:mini-xianning)"),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in BAD_TEXT], ids=[c[0] for c in BAD_TEXT])
def test_bad_file(cli: CliRunner, tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    result = run(cli, str(bad))
    assert result.exit_code == 2
    assert result.stderr == f"{bad}{message}\n"
    assert "Traceback" not in result.output


def test_gbk_file(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "gbk.json"
    bad.write_bytes(json.dumps(GOOD, ensure_ascii=False).encode("gbk"))
    result = run(cli, str(bad))
    assert result.exit_code == 2
    # {"plan": "mini-xianning", "reporter": " is 39 bytes: the first GBK byte is in column 40.
    assert result.stderr == f"{bad}:1: 不是 UTF-8 编码:第 40 列(第 39 字节)无法解码(疑似 GBK/GB18030 编码,请另存为 UTF-8)\n"


def test_missing_path(cli: CliRunner, tmp_path: Path) -> None:
    result = run(cli, str(tmp_path / "nope.json"))
    assert (result.exit_code, result.stderr) == (2, f"{tmp_path / 'nope.json'}: 文件或目录不存在\n")


def test_directory_without_reports(cli: CliRunner, tmp_path: Path) -> None:
    result = run(cli, str(tmp_path))
    assert (result.exit_code, result.stderr) == (2, f"{tmp_path}: 目录中没有报告文件(.json、.xlsx)\n")


def test_unreadable_file(cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_json: Callable[..., Path]) -> None:
    path = write_json("locked.json", GOOD)

    def deny(path: Path) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("checker.loading._open", deny)
    result = run(cli, str(path))
    assert (result.exit_code, result.stderr) == (2, f"{path}: 无权读取该文件\n")


def test_too_large(cli: CliRunner, monkeypatch: pytest.MonkeyPatch, write_json: Callable[..., Path]) -> None:
    monkeypatch.setattr("checker.loading.MAX_FILE_BYTES", 100)
    path = write_json("big.json", GOOD)
    result = run(cli, str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: 文件过大(")


def test_other_files_still_checked(cli: CliRunner, tmp_path: Path, write_json: Callable[..., Path]) -> None:
    good = write_json("good.json", GOOD)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = run(cli, str(bad), str(good), "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [a["submission"] for a in document["assessments"]] == [str(good)]
    assert [e["file"] for e in document["errors"]] == [str(bad)]


def test_inputs_are_not_modified(cli: CliRunner, write_json: Callable[..., Path]) -> None:
    path = write_json("good.json", GOOD)
    before = path.read_bytes(), MINI_PLAN.read_bytes()
    run(cli, str(path))
    assert (path.read_bytes(), MINI_PLAN.read_bytes()) == before


def test_english_messages(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    result = run(cli, str(bad), "--lang", "en")
    assert result.stderr == f"{bad}: top level must be an object, not array\n"


BROKEN_RULES = """\
schema_version: 1
plan:
  id: broken
  title: t
  issuer: i
  published: 2022-05-06
  period: {start: 2021, end: 2025, baseline: 2020}
  jurisdiction: city
  source: {file: x.txt}
entities:
  - {id: city, name: 城市, type: jurisdiction}
categories:
  - {id: c, name: 创造}
indicators:
  - id: A-1
    name: 指标一
    kind: level
    unit: 件
    subject: city
    target: {value: 5, year: 2025, comparator: "=>"}
    category: c
    source: {document: d, section: s, quote: q}
  - id: A-2
    name: 指标二
    kind: level
    unit: 斤
    subject: town
    target: {value: 5, year: 2030, comparator: ">="}
    category: c
    source: {document: d, section: s, quote: q}
"""


def test_rule_file_errors_all_reported_with_line_rule_and_field(cli: CliRunner, tmp_path: Path, write_json: Callable[..., Path]) -> None:
    rules = tmp_path / "broken.yaml"
    rules.write_text(BROKEN_RULES, encoding="utf-8")
    path = write_json("r.json", {**GOOD, "plan": "broken"})
    result = cli.invoke(check_command, [str(path), "--rules", str(rules)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"{rules}:20: indicators[0] (A-1).target.comparator: 取值 '=>' 无效,可选:>= / > / <= / <\n"
    )
    rules.write_text(BROKEN_RULES.replace('"=>"', '">="'), encoding="utf-8")
    result = cli.invoke(check_command, [str(path), "--rules", str(rules)])
    lines = [line.split(": ", 1)[1] for line in result.stderr.splitlines()]
    assert [line.split(": ", 1)[0] for line in result.stderr.splitlines()] == [f"{rules}:{n}" for n in (26, 27, 28)]
    assert [line.split(":", 1)[0] for line in lines] == [
        "indicators[1] (A-2).unit", "indicators[1] (A-2).subject", "indicators[1] (A-2).target.year",
    ]
    assert lines[1:] == [
        "indicators[1] (A-2).subject: 未定义的实体 town",
        "indicators[1] (A-2).target.year: 年份 2030 不在规划期 2021–2025 内",
    ]
