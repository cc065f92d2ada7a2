"""checker validate --seeds: quotes found once, recurrence words quoted, seeds read safely."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.citations import occurrences, quote_problems
from checker.errors import RuleFileError
from checker.rulefile import Plan, load_rule_file

SEED = "甲、建立工作站。每年举办宣传活动。持续推进培训。建立工作站。定期召开会议,研究解决问题。\n"

PLAN = """\
schema_version: 1
plan:
  id: t
  title: 测试规划
  issuer: 测试
  published: 2022-05-06
  period: {{start: 2021, end: 2025, baseline: 2020}}
  jurisdiction: city
  source: {{file: seed.txt}}
entities:
  - {{id: city, name: 测试市, type: jurisdiction}}
categories:
  - {{id: c, name: 类}}
obligations:
  - id: T-1
    title: 测试任务
    recurrence: {recurrence}
    category: c
    source: {{document: "{document}", section: 甲, quote: "{quote}"}}
"""


def plan_with(tmp_path: Path, quote: str, recurrence: str = "once", document: str = "seed.txt") -> Plan:
    path = tmp_path / "t.yaml"
    path.write_text(PLAN.format(quote=quote, recurrence=recurrence, document=document), encoding="utf-8")
    return load_rule_file(path)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED, encoding="utf-8")
    return folder


def messages(plan: Plan, seeds: Path) -> list[str]:
    return [p.render("en") for p in quote_problems(plan, seeds)]


def test_a_quote_found_once_is_fine(tmp_path: Path, seeds: Path) -> None:
    assert messages(plan_with(tmp_path, "甲、建立工作站"), seeds) == []


def test_a_quote_found_twice_must_be_extended(tmp_path: Path, seeds: Path) -> None:
    [line] = messages(plan_with(tmp_path, "建立 工作站"), seeds)  # whitespace does not count
    assert "T-1" in line and "occurs 2 times" in line and "neighbouring words" in line


def test_a_quote_not_found_is_reported(tmp_path: Path, seeds: Path) -> None:
    [line] = messages(plan_with(tmp_path, "建立服务站"), seeds)
    assert "quote not found verbatim" in line


def test_occurrences_counts_overlaps() -> None:
    assert occurrences("aa", "aaa") == 2
    assert occurrences("b", "aaa") == 0


@pytest.mark.parametrize(("quote", "recurrence"), [
    ("每年举办宣传活动", "annual"), ("持续推进培训", "continuous"), ("定期召开会议", "periodic"),
])
def test_a_recurring_rule_quoting_its_recurrence_word_is_fine(tmp_path: Path, seeds: Path, quote: str, recurrence: str) -> None:
    assert messages(plan_with(tmp_path, quote, recurrence), seeds) == []


@pytest.mark.parametrize(("quote", "recurrence"), [
    ("研究解决问题", "periodic"),  # the 定期 is in the sentence but not in the quote (廊坊 LF-O-8.1)
    ("推进培训", "continuous"),  # the 持续 is left out
    ("定期召开会议", "annual"),  # a word of another recurrence does not count
    ("甲、建立工作站", "continuous"),
])
def test_a_recurring_rule_without_its_word_is_reported(tmp_path: Path, seeds: Path, quote: str, recurrence: str) -> None:
    [line] = messages(plan_with(tmp_path, quote, recurrence), seeds)
    assert "T-1" in line and f"recurrence '{recurrence}' but the quote has no word that makes it recur" in line


def test_a_seed_that_is_not_utf8_is_a_located_problem(tmp_path: Path, seeds: Path) -> None:
    (seeds / "seed.txt").write_bytes("第一行\n建立".encode() + "工作站".encode("gbk"))
    [problem] = quote_problems(plan_with(tmp_path, "建立"), seeds)
    assert problem.file == str(seeds / "seed.txt") and problem.line == 2
    assert "not UTF-8" in problem.en and "UTF-8" in problem.zh


@pytest.mark.parametrize("document", ["../outside.txt", "ABSOLUTE", "link.txt", "sub/../../outside.txt", "."])
def test_a_document_outside_the_seeds_folder_is_a_problem_and_never_read(
    tmp_path: Path, seeds: Path, document: str
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(SEED, encoding="utf-8")  # it holds the quote: reading it would pass
    if document == "ABSOLUTE":
        document = str(outside)
    if document == "link.txt":
        if not hasattr(os, "symlink"):
            pytest.skip("no symlinks")
        (seeds / "link.txt").symlink_to(outside)
    try:
        [line] = messages(plan_with(tmp_path, "甲、建立工作站", document=document), seeds)
    except RuleFileError as exc:  # a path that leaves the folder by its spelling is refused with the rule file
        [line] = [p.render("en") for p in exc.problems]
        assert "must be a relative path inside the seeds folder" in line and "T-1" in line
    else:  # a link out of the folder is found when the seeds are read, and not followed
        assert "is outside the seeds folder" in line and "T-1" in line


def test_a_missing_document_is_reported_once(tmp_path: Path, seeds: Path) -> None:
    [line] = messages(plan_with(tmp_path, "甲、建立工作站", document="nothing.txt"), seeds)
    assert "no source document" in line


def test_an_omission_mark_lets_a_heading_identify_the_place(tmp_path: Path, seeds: Path) -> None:
    (seeds / "seed.txt").write_text("甲:建立工作站。开展培训。\n乙:建立工作站。开展培训。\n", encoding="utf-8")
    assert messages(plan_with(tmp_path, "乙:…开展培训"), seeds) == []
    [line] = messages(plan_with(tmp_path, "建立工作站。开展培训"), seeds)
    assert "occurs 2 times" in line
    # the parts must be in order and in one paragraph
    [line] = messages(plan_with(tmp_path, "开展培训…乙:"), seeds)
    assert "quote not found" in line
    [line] = messages(plan_with(tmp_path, "甲:…乙:"), seeds)
    assert "quote not found" in line
