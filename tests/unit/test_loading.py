"""Loading in stages: bytes -> text -> YAML/JSON, each problem located; JSON reports keep entry lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.errors import CheckerError, RuleFileError, SubmissionError
from checker.intake import read
from checker.loading import parse_json, parse_yaml, read_text
from tests.conftest import report


def problems_of(exc: pytest.ExceptionInfo[CheckerError]) -> list[tuple[int | None, str, str]]:
    return [(p.line, p.place, p.zh) for p in exc.value.problems]


def test_directory_empty_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text("  \n", encoding="utf-8")
    for path, message in [(tmp_path, "是目录,不是文件"), (tmp_path / "empty.json", "文件为空"), (tmp_path / "no.json", "文件不存在")]:
        with pytest.raises(SubmissionError) as info:
            read_text(path, SubmissionError)
        assert problems_of(info) == [(None, "", message)]


def test_gbk_text_gets_a_hint_and_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes('{\n"reporter": "咸宁市"}'.encode("gb18030"))
    with pytest.raises(SubmissionError) as info:
        read_text(path, SubmissionError)
    [(line, _place, message)] = problems_of(info)
    assert line == 2 and "疑似 GBK/GB18030 编码" in message


def test_yaml_lines_and_duplicate_keys() -> None:
    data, lines = parse_yaml("a: 1\nb:\n  - x: 2\n", "r.yaml", RuleFileError)
    assert data == {"a": 1, "b": [{"x": 2}]}
    assert lines[("b", 0, "x")] == 3
    with pytest.raises(RuleFileError) as info:
        parse_yaml("a: 1\na: 2\n", "r.yaml", RuleFileError)
    assert problems_of(info) == [(2, "$.a", "键 “a” 重复")]


def test_json_syntax_error_has_its_line() -> None:
    with pytest.raises(SubmissionError) as info:
        parse_json('{\n"a": 1,\n"b" 2}', "r.json", SubmissionError)
    assert problems_of(info)[0][0] == 3


def test_json_report_records_the_line_of_each_entry(tmp_path: Path) -> None:
    data = report(2023, indicators=[{"id": "XN-I02", "value": 3, "unit": "件"}, {"id": "XN-I03", "value": 9, "unit": "件"}],
                  obligations=[{"id": "T-ANNUAL", "status": "completed"}])
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    intake = read(path)
    text = path.read_text(encoding="utf-8").splitlines()
    for at in [("indicators", 0), ("indicators", 1), ("obligations", 0)]:
        line = intake.source.lines[at]
        assert text[line - 1].strip() == "{", at
    assert text[intake.source.lines[("year",)] - 1].strip().startswith('"year"')
    unit_line = intake.source.line_at("$.indicators[1].unit")
    assert unit_line is not None and text[unit_line - 1].strip().startswith('"unit"')
    assert intake.source.line_at("$.indicators[1].nothing") == intake.source.lines[("indicators", 1)]
    assert intake.submission.indicators[1].id == "XN-I03"


@pytest.mark.parametrize(
    ("text", "message"),
    [('{"plan": "a", "plan": "b"}', "键 “plan” 重复"), ('{"a": [1, 2}', "JSON 格式错误"), ('{"a": 1} x', "JSON 格式错误")],
)
def test_irregular_json_gives_the_plain_decoders_message(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SubmissionError) as info:
        read(path)
    assert message in info.value.problems[0].zh
