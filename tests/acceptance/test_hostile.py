"""Hostile input, by class: every one ends in exit 2 (or a correct 0/1) with located one-line
messages, no traceback, within seconds, and the other files of the run are still checked.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import check_command, checker_group
from tests.conftest import FIXTURES, MINI_PLAN, report

GOOD = report(2023, indicators=[{"id": "XN-I02", "value": 3.764, "unit": "件"}])
# A report that passes (市教育局 owes one rule, answered with evidence): exit 0 when nothing breaks.
PASSING = report(2023, "市教育局", obligations=[{"id": "T-ANNUAL", "status": "completed", "evidence": [{"title": "宣传周活动总结"}]}])
HISTORY_PLAN = FIXTURES / "history-plan.yaml"
Write = Callable[[str, Any], Path]


def check(cli: CliRunner, *args: str, rules: Path = MINI_PLAN) -> Any:
    return cli.invoke(check_command, [*args, "--rules", str(rules)])


def assert_located(result: Any, file: Path | str, *fragments: str) -> None:
    """Exit 2, no traceback, every stderr line names a file, and one line has all the fragments."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output and "内部错误" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines, "no message"
    hits = [line for line in lines if line.startswith(f"{file}") and all(f in line for f in fragments)]
    assert hits, (fragments, lines)


def run_process(*args: str, timeout: float = 10, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """The installed `check` in a child process (a real stdout, real signals), within the time limit."""
    code = "import sys; from checker.cli import check_main; sys.argv[0] = 'check'; check_main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=timeout, **kwargs)


# --- crashes: lone surrogates in echoed fields, huge exponents, tiny values -------------------

SURROGATE_PLACES = [
    ("reporter", {**GOOD, "reporter": "\udc00x"}, "$.reporter"),
    ("unknown id", report(2023, indicators=[{"id": "\udc00x", "value": 1, "unit": "件"}]), "$.indicators[0].id"),
    ("unknown name", report(2023, indicators=[{"name": "每万人\udfff", "value": 1, "unit": "件"}]), "$.indicators[0].name"),
    ("reason", report(2023, obligations=[{"id": "T-DOC", "status": "not_applicable", "reason": "x\ud800"}]), "$.obligations[0].reason"),
    ("source", report(2023, indicators=[{"id": "XN-I02", "value": 3, "unit": "件", "source": "\udc00"}]), "$.indicators[0].source"),
    ("key", {**GOOD, "\udc00": 1}, "$"),
]


@pytest.mark.parametrize(("data", "place"), [c[1:] for c in SURROGATE_PLACES], ids=[c[0] for c in SURROGATE_PLACES])
def test_lone_surrogates_are_located_and_the_other_files_still_checked(cli: CliRunner, tmp_path: Path, write_json: Write, data: Any, place: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii: the file holds \\udc00 escapes
    good = write_json("good.json", GOOD)
    result = check(cli, str(bad), str(good), "--format", "json")
    assert_located(result, bad, place, "代理码位")
    document = json.loads(result.stdout)
    assert [a["submission"] for a in document["assessments"]] == [str(good)]


NUMBERS = ["1e-99999999999999999999", "1e99999999999999999999", "1e-400", "1e400", "1e-13", "1e16", "-1e16",
           "9" * 5000, "123456789012345678901234567890.5", "1E+999"]
NUMBER_FIELDS = [
    ("value", lambda n: f'{{"id": "XN-I02", "value": {n}, "unit": "件"}}', "indicators", "$.indicators[0].value"),
    ("history", lambda n: f'{{"id": "XN-I02", "value": 3, "unit": "件", "history": [{{"year": 2021, "value": {n}, "unit": "件"}}]}}',
     "indicators", "$.indicators[0].history[0].value"),
    ("rank", lambda n: f'{{"id": "T-RANK", "rank": {n}}}', "indicators", "$.indicators[0].rank"),
    ("quantity", lambda n: f'{{"id": "XN-O-STATIONS", "status": "in_progress", "quantity": {n}, "unit": "个"}}', "obligations", "$.obligations[0].quantity"),
]


@pytest.mark.parametrize("number", NUMBERS, ids=lambda n: n[:24])
@pytest.mark.parametrize(("entry", "section", "place"), [f[1:] for f in NUMBER_FIELDS], ids=[f[0] for f in NUMBER_FIELDS])
def test_numbers_out_of_bounds_are_located(cli: CliRunner, tmp_path: Path, number: str, entry: Callable[[str], str], section: str, place: str) -> None:
    bad = tmp_path / "bad.json"
    other = "obligations" if section == "indicators" else "indicators"
    bad.write_text(f'{{"plan": "mini-xianning", "reporter": "咸宁市", "year": 2023, "{other}": [],\n"{section}": [{entry(number)}]}}', encoding="utf-8")
    result = check(cli, str(bad))
    assert_located(result, bad, place)


@pytest.mark.parametrize("number", ["1e-99999999999999999999", "1e99999999", "NaN", "-Infinity", "9" * 5000])
def test_numbers_out_of_bounds_in_the_year(cli: CliRunner, tmp_path: Path, number: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(f'{{"plan": "mini-xianning", "reporter": "咸宁市", "year": {number}}}', encoding="utf-8")
    assert_located(check(cli, str(bad)), f"{bad}:1: $.year")


def _history_series(tmp_path: Path, values: dict[int, dict[str, Any]]) -> list[Path]:
    units = {"H-GROW": "万元", "H-RATE": "%", "H-ZERO": "万元", "H-CUM": "万元", "H-DOUBLE": "件", "H-LOW": "天"}
    paths = []
    for year, entries in values.items():
        path = tmp_path / f"{year}.json"
        indicators = [{"id": rid, "value": v, "unit": units[rid]} for rid, v in entries.items()]
        path.write_text(json.dumps({"plan": "history-test", "reporter": "咸宁市", "year": year, "indicators": indicators}), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("tiny", ["1e-12", "0.000000000001", "0"])
@pytest.mark.parametrize("rule", ["H-GROW", "H-ZERO", "H-CUM", "H-DOUBLE"])
def test_tiny_and_zero_series_values_give_an_answer(cli: CliRunner, tmp_path: Path, tiny: str, rule: str) -> None:
    """Values at the lower bound (CAGR over them, geometric projections) never crash."""
    paths = _history_series(tmp_path, {2021: {rule: 1e15}, 2022: {rule: 0}, 2023: {rule: 1}})
    paths[1].write_text(paths[1].read_text(encoding="utf-8").replace('"value": 0,', f'"value": {tiny},'), encoding="utf-8")
    result = check(cli, str(tmp_path), "--format", "json", rules=HISTORY_PLAN)
    assert result.exit_code in (0, 1), result.output
    assert len(json.loads(result.stdout)["assessments"]) == 3


@pytest.mark.parametrize("rate", [-150, -100.5, -1e15])
def test_growth_rates_below_minus_100_percent_are_refused(cli: CliRunner, tmp_path: Path, rate: float) -> None:
    paths = _history_series(tmp_path, {2021: {"H-RATE": rate}, 2022: {"H-RATE": 10}})
    result = check(cli, str(tmp_path), "--format", "json", rules=HISTORY_PLAN)
    assert_located(result, paths[0], "$.indicators[0].value", "-100%")
    assert [a["year"] for a in json.loads(result.stdout)["assessments"]] == [2022]


def test_growth_rate_below_minus_100_percent_in_the_history_of_another_file(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "2022.json"
    path.write_text(json.dumps({"plan": "history-test", "reporter": "咸宁市", "year": 2022, "indicators": [
        {"id": "H-RATE", "value": 10, "unit": "%", "history": [{"year": 2021, "value": -150, "unit": "%"}]},
    ]}), encoding="utf-8")
    assert_located(check(cli, str(path), rules=HISTORY_PLAN), path, "$.indicators[0].history[0].value")


def test_a_rate_of_exactly_minus_100_percent_is_an_answer(cli: CliRunner, tmp_path: Path) -> None:
    _history_series(tmp_path, {2021: {"H-RATE": -100}, 2022: {"H-RATE": 10}})
    result = check(cli, str(tmp_path), "--format", "json", rules=HISTORY_PLAN)
    assert result.exit_code == 1, result.output


# --- rule files: numbers, semantics, aliases, special files -----------------------------------

def mini_rules() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MINI_PLAN.read_text(encoding="utf-8"))
    return data


def write_rules(tmp_path: Path, data: dict[str, Any] | str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def validate(cli: CliRunner, path: Path, *args: str) -> Any:
    return cli.invoke(checker_group, ["validate", str(path), *args])


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    node: Any = data
    parts = [int(p) if p.isdigit() else p for p in path.split(".")]
    for part in parts[:-1]:
        if isinstance(node, dict) and part not in node:
            node[part] = {}
        node = node[part]
    node[parts[-1]] = value
    return data


def _rule_index(data: dict[str, Any], rule_id: str) -> str:
    for section in ("indicators", "obligations"):
        for i, rule in enumerate(data[section]):
            if rule["id"] == rule_id:
                return f"{section}.{i}"
    raise KeyError(rule_id)


RULE_FILE_CASES: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]], str]] = [
    ("value 1e24", lambda d: _set(d, f"{_rule_index(d, 'XN-I02')}.target.value", 1e24), "(XN-I02).target.value"),
    ("baseline -1e300", lambda d: _set(d, f"{_rule_index(d, 'XN-I02')}.baseline.value", -1e300), "(XN-I02).baseline.value"),
    ("5000 digits", lambda d: _set(d, f"{_rule_index(d, 'XN-I02')}.target.value", int("9" * 4000)), "(XN-I02).target.value"),
    ("weight 1e308", lambda d: _set(d, f"{_rule_index(d, 'XN-I02')}.weight", 1e308), "(XN-I02).weight"),
    ("category weight 1e300", lambda d: _set(d, "categories.0.weight", 1e300), "categories[0].weight"),
    ("weight 1e-320", lambda d: _set(d, f"{_rule_index(d, 'XN-I02')}.weight", 1e-320), "(XN-I02).weight"),
    ("growth factor overflow", lambda d: _set(d, f"{_rule_index(d, 'XN-I10')}.target.value", 1e14), "(XN-I10).target.value"),
    ("multiple overflow", lambda d: _set(d, f"{_rule_index(d, 'T-DOUBLE')}.target.value", 1e14), "(T-DOUBLE).target.value"),
    ("growth below -100 %", lambda d: _set(d, f"{_rule_index(d, 'XN-I10')}.target.value", -150), "(XN-I10).target.value"),
    ("jurisdiction is a group", lambda d: _set(d, "entities.0.type", "group"), "entities[0] (xianning).type"),
    ("jurisdiction is a chain", lambda d: _set(d, "entities.0.type", "industry_chain"), "entities[0] (xianning).type"),
    ("second jurisdiction", lambda d: _set(d, "entities.1.type", "jurisdiction"), "entities[1] (xianan).type"),
    ("grades unordered", lambda d: _set(d, "scoring.grades", {"excellent": 80, "good": 90, "pass": 60}), "scoring.grades"),
    ("grades negative", lambda d: _set(d, "scoring.grades", {"excellent": 90, "good": 80, "pass": -5}), "scoring.grades.pass"),
    ("grades above 100", lambda d: _set(d, "scoring.grades", {"excellent": 190, "good": 80, "pass": 60}), "scoring.grades.excellent"),
    ("threshold above 1", lambda d: _set(d, "scoring.progress", {"on_track": 1.5, "lagging": 0.6}), "scoring.progress.on_track"),
    ("threshold negative", lambda d: _set(d, "scoring.progress", {"on_track": 0.9, "lagging": -0.1}), "scoring.progress.lagging"),
    ("lagging above on_track", lambda d: _set(d, "scoring.progress", {"on_track": 0.5, "lagging": 0.8}), "scoring.progress.lagging"),
    ("start after due", lambda d: _set(_set(d, f"{_rule_index(d, 'T-DOC')}.start", 2025), f"{_rule_index(d, 'T-DOC')}.due", 2023), "(T-DOC).start"),
    ("negative deliverable", lambda d: _set(d, f"{_rule_index(d, 'XN-O-STATIONS')}.deliverable.value", -20), "(XN-O-STATIONS).deliverable.value"),
    ("negative count target", lambda d: _set(d, f"{_rule_index(d, 'T-CYCLE')}.target.value", -1000), "(T-CYCLE).target.value"),
    ("duplicate entity name", lambda d: _set(d, "entities.6.name", "市 市场监管局"), "entities[6] (jyj).name"),
    ("duplicate entity alias", lambda d: _set(d, "entities.6.aliases", ["市知识产权局"]), "entities[6] (jyj).aliases[0]"),
    ("document outside the seeds", lambda d: _set(d, f"{_rule_index(d, 'XN-I02')}.source.document", "../../etc/passwd"), "(XN-I02).source.document"),
    ("absolute document", lambda d: _set(d, f"{_rule_index(d, 'XN-I02')}.source.document", "/etc/passwd"), "(XN-I02).source.document"),
]


@pytest.mark.parametrize(("mutate", "place"), [c[1:] for c in RULE_FILE_CASES], ids=[c[0] for c in RULE_FILE_CASES])
def test_inconsistent_rule_files_fail_validate_with_file_line_and_place(cli: CliRunner, tmp_path: Path, mutate: Callable[[dict[str, Any]], dict[str, Any]], place: str) -> None:
    rules = write_rules(tmp_path, mutate(mini_rules()))
    result = validate(cli, rules)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert any(re.match(rf"{re.escape(str(rules))}:\d+: .*{re.escape(place)}", line) for line in result.stderr.splitlines()), result.stderr
    # and check refuses the same file, with the same messages, instead of crashing
    report_path = tmp_path / "r.json"
    report_path.write_text(json.dumps(GOOD), encoding="utf-8")
    checked = check(cli, str(report_path), rules=rules)
    assert checked.exit_code == 2 and place in checked.stderr, checked.output


YAML_NUMBERS = [("1.0e30", "超出范围"), ("1e30", "超出范围"), ("1.5e-30", "过小"), (".inf", "非有限"), (".nan", "非有限"),
                ("-.inf", "非有限"), ("9" * 5000, "超出范围"), ("0x" + "f" * 50, "超出范围"), ("10_000_000_000_000_000", "超出范围"), ("1_000_000_000_000_000", "")]


@pytest.mark.parametrize(("number", "message"), YAML_NUMBERS, ids=[n[:16] for n, _ in YAML_NUMBERS])
def test_yaml_numbers_are_numbers_with_bounds(cli: CliRunner, tmp_path: Path, number: str, message: str) -> None:
    text = MINI_PLAN.read_text(encoding="utf-8").replace("target: {value: 5, year: 2025", f"target: {{value: {number}, year: 2025", 1)
    rules = write_rules(tmp_path, text)
    result = validate(cli, rules)
    if not message:  # 1e15 itself is within the bounds
        assert result.exit_code == 0, result.output
        return
    assert_located(result, rules, "indicators[0] (XN-I02).target.value", message)
    assert re.match(rf"{re.escape(str(rules))}:\d+: ", result.stderr)


def test_yaml_exponent_without_sign_is_a_number(tmp_path: Path) -> None:
    from checker.rulefile import load_rule_file

    text = MINI_PLAN.read_text(encoding="utf-8").replace("target: {value: 5, year: 2025", "target: {value: 5.0e0, year: 2025", 1)
    assert load_rule_file(write_rules(tmp_path, text)).rules["XN-I02"].target.value == 5


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(("text", "message"), [
    (ALIAS_BOMB, "别名"),
    ("plan: &p [*p]\n", "别名"),
    ("a: &a [1]\n" + "".join(f"k{i}: *a\n" for i in range(200)), "别名过多"),
], ids=["bomb", "recursive", "many"])
def test_yaml_aliases_are_bounded(cli: CliRunner, tmp_path: Path, text: str, message: str) -> None:
    rules = write_rules(tmp_path, text)
    start = time.monotonic()
    result = validate(cli, rules)
    assert time.monotonic() - start < 5
    assert_located(result, rules, message)


@pytest.mark.parametrize("special", ["/dev/null", "/dev/zero", "fifo"])
def test_special_files_as_rules_or_reports_are_refused_at_once(tmp_path: Path, write_json: Write, special: str) -> None:
    if special == "fifo":
        special = str(tmp_path / "fifo.yaml")
        os.mkfifo(special)
    good = write_json("good.json", GOOD)
    as_rules = run_process(str(good), "--rules", special)
    assert as_rules.returncode == 2 and b"Traceback" not in as_rules.stderr
    assert as_rules.stderr.decode().startswith(f"{special}: ")
    as_report = run_process(special, str(good), "--rules", str(MINI_PLAN))
    assert as_report.returncode == 2 and as_report.stderr.decode().startswith(f"{special}: ")
    assert "咸宁市" in as_report.stdout.decode()  # the other file is still checked


@pytest.mark.parametrize("name", ["pipe.json", "pipe.xlsx"])
def test_fifo_named_as_a_report_is_refused_at_once(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    result = run_process(str(tmp_path / name), "--rules", str(MINI_PLAN))
    assert result.returncode == 2
    assert result.stderr.decode() == f"{tmp_path / name}: 不是普通文件(是命名管道(FIFO)),拒绝读取\n"


def test_fifo_named_json_inside_a_folder_is_refused(tmp_path: Path, write_json: Write) -> None:
    write_json("good.json", GOOD)
    os.mkfifo(tmp_path / "pipe.json")
    result = run_process(str(tmp_path), "--rules", str(MINI_PLAN))
    assert result.returncode == 2
    assert result.stderr.decode() == f"{tmp_path / 'pipe.json'}: 不是普通文件(是命名管道(FIFO)),拒绝读取\n"


def test_broken_rules_file_not_named_after_the_plan_shows_its_errors(cli: CliRunner, tmp_path: Path, write_json: Write) -> None:
    rules = write_rules(tmp_path, MINI_PLAN.read_text(encoding="utf-8").replace('comparator: ">="}', 'comparator: "=>"}', 1), "my-rules.yaml")
    path = write_json("r.json", GOOD)
    result = check(cli, str(path), rules=rules)
    assert_located(result, rules, "(XN-I02).target.comparator", "=>")
    assert "找不到规划" not in result.stderr


def test_broken_rules_file_in_a_folder_shows_its_errors(cli: CliRunner, tmp_path: Path, write_json: Write) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    rules = write_rules(folder, MINI_PLAN.read_text(encoding="utf-8").replace('comparator: ">="}', 'comparator: "=>"}', 1), "other.yaml")
    path = write_json("r.json", GOOD)
    assert_located(check(cli, str(path), rules=folder), rules, "(XN-I02).target.comparator")


# --- hangs and unbounded work -----------------------------------------------------------------

def test_many_unknown_names_are_bounded_and_fast(cli: CliRunner, tmp_path: Path) -> None:
    entries = [{"name": f"未知指标{i}号", "value": 1, "unit": "件"} for i in range(2000)]
    many = tmp_path / "many.json"
    many.write_text(json.dumps(report(2023, indicators=entries), ensure_ascii=False), encoding="utf-8")
    too_many = tmp_path / "too-many.json"
    too_many.write_text(json.dumps(report(2023, indicators=entries * 50), ensure_ascii=False), encoding="utf-8")
    start = time.monotonic()
    result = check(cli, str(many), str(too_many))
    assert time.monotonic() - start < 10
    assert_located(result, too_many, "$.indicators", "2000")
    assert_located(result, many, "$.indicators[1999].name", "未知指标")


@pytest.mark.parametrize(("field", "value"), [("reporter", "市" * 1_000_000), ("plan", "p" * 1_000_000)])
def test_very_long_strings_are_refused_without_echoing_them(cli: CliRunner, write_json: Write, field: str, value: str) -> None:
    path = write_json("long.json", {**GOOD, field: value})
    result = check(cli, str(path))
    assert_located(result, path, f"$.{field}", "过长")
    assert len(result.stderr) < 1000


# --- wrong answers ----------------------------------------------------------------------------

@pytest.mark.parametrize(("actual", "status"), [
    ("3.6712073", "behind"),  # G = 0.94995: below 0.95 although it rounds to 0.95
    ("3.6713", "on_track"),  # G = 0.95 exactly
    ("3.67129999999999999999", "behind"),  # G just below 0.95, closer than a float can tell
])
def test_progress_is_judged_on_the_unrounded_ratio(cli: CliRunner, tmp_path: Path, actual: str, status: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(f'{{"plan": "mini-xianning", "reporter": "咸宁市", "year": 2023, "indicators": [{{"id": "XN-I02", "value": {actual}, "unit": "件"}}]}}', encoding="utf-8")
    result = check(cli, str(path), "--format", "json")
    [res] = [r for r in json.loads(result.stdout)["assessments"][0]["results"] if r["rule_id"] == "XN-I02"]
    assert res["status"] == status
    assert res["progress"]["ratio"] == pytest.approx(0.95, abs=1e-4)  # shown rounded


NEGATIVES = [
    ("value", report(2023, indicators=[{"id": "T-CYCLE", "value": -1000, "unit": "天"}]), "$.indicators[0].value"),
    ("value in 万件", report(2023, indicators=[{"id": "XN-I02", "value": -0.5, "unit": "万件"}]), "$.indicators[0].value"),
    ("history", report(2023, indicators=[{"id": "XN-I02", "value": 3, "unit": "件", "history": [{"year": 2022, "value": -1, "unit": "件"}]}]),
     "$.indicators[0].history[0].value"),
    ("quantity", report(2023, obligations=[{"id": "XN-O-STATIONS", "status": "in_progress", "quantity": -3, "unit": "个"}]), "$.obligations[0].quantity"),
    ("percent below -100", report(2023, indicators=[{"id": "XN-I10", "value": -101, "unit": "%"}]), "$.indicators[0].value"),
]


@pytest.mark.parametrize(("data", "place"), [c[1:] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_negative_counts_are_refused(cli: CliRunner, write_json: Write, data: Any, place: str) -> None:
    path = write_json("neg.json", data)
    assert_located(check(cli, str(path)), path, place)


def test_negative_money_and_rates_are_values(tmp_path: Path) -> None:
    from checker.units import lower_bound

    assert lower_bound("万元") is None and lower_bound("%") == -100 and lower_bound("个百分点") == -100
    assert lower_bound("件") == 0 and lower_bound("天") == 0 and lower_bound("人次") == 0 and lower_bound("斤") is None


def test_duplicate_history_year_is_an_error_naming_both(cli: CliRunner, write_json: Write) -> None:
    path = write_json("dup.json", report(2023, indicators=[{"id": "XN-I02", "value": 3, "unit": "件", "history": [
        {"year": 2021, "value": 2, "unit": "件"}, {"year": 2022, "value": 2.5, "unit": "件"}, {"year": 2021, "value": 2.1, "unit": "件"},
    ]}]))
    result = check(cli, str(path))
    assert_located(result, path, "$.indicators[0].history[2].year", "history[0]", "history[2]", "2021")
    assert "修订" not in result.output


# --- silent skips -----------------------------------------------------------------------------

def test_empty_path_is_a_problem(cli: CliRunner, write_json: Write) -> None:
    good = write_json("good.json", GOOD)
    result = check(cli, "", str(good))
    assert result.exit_code == 2 and result.stderr == ": 路径为空(未指定文件或目录)\n"


def test_dangling_and_looping_json_links_are_problems(cli: CliRunner, tmp_path: Path, write_json: Write) -> None:
    write_json("good.json", GOOD)
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop: searched once, not an error
    result = check(cli, str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    assert sorted(result.stderr.splitlines()) == [f"{tmp_path / 'dangling.json'}: 符号链接指向的文件不存在", f"{tmp_path / 'loop.json'}: 符号链接循环"]
    assert [a["submission"] for a in json.loads(result.stdout)["assessments"]] == [str(tmp_path / "good.json")]


def test_unreadable_subfolder_is_a_problem(cli: CliRunner, tmp_path: Path, write_json: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    write_json("good.json", GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr("checker.submissions.os.scandir", scandir)
    result = check(cli, str(tmp_path))
    assert result.exit_code == 2 and result.stderr == f"{locked}: 无权读取该目录\n"
    assert "咸宁市" in result.stdout


# --- unclear or forged output -----------------------------------------------------------------

FORGERIES = [
    ("newline in id", report(2023, indicators=[{"id": "T-X\nforged.json: ok", "value": 1, "unit": "件"}])),
    ("ansi in name", report(2023, indicators=[{"name": "\x1b[2J\x1b[31mforged", "value": 1, "unit": "件"}])),
    ("newline in reporter", {**GOOD, "reporter": "咸宁\r\nforged.json: ok"}),
    ("bidi in reporter", {**GOOD, "reporter": "\u202eevil"}),
    ("line separator", report(2023, obligations=[{"name": "a\u2028forged.json: ok", "status": "completed"}])),
]


@pytest.mark.parametrize("data", [c[1] for c in FORGERIES], ids=[c[0] for c in FORGERIES])
def test_echoed_text_cannot_forge_lines(cli: CliRunner, write_json: Write, data: Any) -> None:
    path = write_json("forge.json", data)
    result = check(cli, str(path))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert re.match(rf"{re.escape(str(path))}(:\d+)?: \$\.", line) and "\x1b" not in line and "\u202e" not in line


def test_utf16_gets_a_hint(cli: CliRunner, tmp_path: Path) -> None:
    for name, encoding in (("bom.json", "utf-16"), ("le.json", "utf-16-le"), ("be32.json", "utf-32")):
        path = tmp_path / name
        path.write_bytes(json.dumps(GOOD, ensure_ascii=False).encode(encoding))
        assert_located(check(cli, str(path)), f"{path}:1: ", "UTF-16" if "32" not in name else "UTF-32", "UTF-8")


def test_undecodable_byte_has_line_and_column(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{\n  "plan": "mini",\n  "reporter": "ab\xff"\n}')
    assert_located(check(cli, str(path)), f"{path}:3: ", "第 18 列")


@pytest.mark.parametrize(("text", "place"), [
    ('{"plan": "mini-xianning",\n "reporter": "咸宁市",\n "year": 2023,\n "indicators": [{"id": "XN-I02", "value": 1e99, "unit": "件"}]}',
     ":4: $.indicators[0].value"),
    ('{"plan": "mini-xianning",\n "reporter": "咸宁市",\n "year": 2023,\n "indicators": [{"id": "XN-I02", "id": "x"}]}', ":4: $.indicators[0].id"),
    ('{"plan": "mini-xianning",\n "reporter": "咸宁市",\n "year": 2023,\n "obligations": [{"id": "T", "quantity": NaN}]}', ":4: $.obligations[0].quantity"),
])
def test_parse_stage_problems_have_their_place(cli: CliRunner, tmp_path: Path, text: str, place: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    assert_located(check(cli, str(path)), f"{path}{place}")


@pytest.mark.parametrize("data", [
    {**GOOD, "schema_version": 2.0},
    {**GOOD, "year": 2023.5},
    report(2023, obligations=[{"id": "T-DOC", "status": 1.5}]),
    report(2023, indicators=[{"id": "XN-I02", "value": "3", "unit": "件"}]),
    report(2023, indicators=[{"id": "XN-I02", "value": [3], "unit": "件"}]),
])
def test_no_python_reprs_in_messages(cli: CliRunner, write_json: Write, data: Any) -> None:
    result = check(cli, str(write_json("bad.json", data)))
    assert result.exit_code == 2
    assert "Decimal(" not in result.stderr and "is not valid" not in result.stderr


# --- environment: waiting for call-site changes in cli.py / run.py / reporters ----------------

@pytest.mark.parametrize("value", [
    "nan",
    "inf", "-inf", "101", "-1",
])
def test_fail_under_must_be_a_finite_number(cli: CliRunner, write_json: Write, value: str) -> None:
    result = check(cli, str(write_json("good.json", GOOD)), "--fail-under", value)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_fail_under_helpers() -> None:
    from checker.errors import UsageError
    from checker.scoring import below_threshold, fail_under_threshold

    assert fail_under_threshold(80.0) == 80.0
    for bad in (float("nan"), float("inf"), -1.0, 100.5):
        with pytest.raises(UsageError):
            fail_under_threshold(bad)
    assert below_threshold(79.9, 80) and not below_threshold(80, 80) and below_threshold(None, 80)
    assert below_threshold(99, float("nan")) and not below_threshold(10, None)


def test_non_utf8_file_name_in_json_output(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad-\xff.json")
    (tmp_path / name).write_text(json.dumps(PASSING), encoding="utf-8")
    result = run_process(str(tmp_path), "--rules", str(MINI_PLAN), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["assessments"][0]["submission"].endswith("bad-\\xff.json")


def test_ascii_only_stdout(write_json: Write) -> None:
    good = write_json("good.json", PASSING)
    result = run_process(str(good), "--rules", str(MINI_PLAN), env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and b"Traceback" not in result.stderr


def test_stdout_to_a_full_device(write_json: Write) -> None:
    good = write_json("good.json", PASSING)
    code = "import sys; from checker.cli import check_main; sys.argv[0] = 'check'; check_main()"
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-c", code, str(good), "--rules", str(MINI_PLAN)], stdout=full, stderr=subprocess.PIPE, timeout=10,
        )
    assert result.returncode == 2 and b"Traceback" not in result.stderr and b"internal error" not in result.stderr


def test_echoed_source_cannot_forge_lines_in_the_text_report(cli: CliRunner, write_json: Write) -> None:
    write_json("2022.json", report(2022, indicators=[{"id": "XN-I02", "value": 2.5, "unit": "件"}]))
    path = write_json("2023.json", report(2023, indicators=[{"id": "XN-I02", "value": 3, "unit": "件", "history": [
        {"year": 2022, "value": 2.6, "unit": "件", "source": "年报\nforged.json: ok \x1b[31m"}]}]))
    result = check(cli, str(path.parent))
    assert "forged.json" in result.stdout  # the revision finding echoes the source
    assert "\nforged.json" not in result.stdout and "\x1b" not in result.stdout


def test_empty_rules_path_is_a_problem(cli: CliRunner, write_json: Write) -> None:
    result = cli.invoke(check_command, [str(write_json("good.json", GOOD)), "--rules", ""])
    assert result.exit_code == 2 and "路径为空" in result.stderr


def test_validate_seed_not_utf8(cli: CliRunner, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_53319063e63fe2c0.txt").write_bytes("每万人口".encode("gbk"))
    result = validate(cli, MINI_PLAN, "--seeds", str(seeds))
    assert result.exit_code == 2 and "Traceback" not in result.output and "内部错误" not in result.stderr
