"""Obligation statuses: by reported status, recurrence, due year, quantity and evidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import report

EVIDENCE = [{"title": "咸宁市高价值专利培育实施方案", "doc_number": "咸知办〔2023〕3号", "date": "2023-04-02"}]
NAMELESS = [{"title": "工作总结"}]

CASES = [
    # id, year, reporter, entry, status, score
    ("quantity on path", 2023, "咸宁市", {"id": "XN-O-STATIONS", "status": "in_progress", "quantity": 5, "unit": "个"}, "on_track", 100.0),
    ("quantity behind", 2023, "咸宁市", {"id": "XN-O-STATIONS", "status": "in_progress", "quantity": 2, "unit": "个"}, "behind", 47.6),
    ("quantity final met", 2025, "咸宁市", {"id": "XN-O-STATIONS", "status": "completed", "quantity": 7, "unit": "个", "evidence": NAMELESS}, "met", 100.0),
    ("quantity final short", 2025, "咸宁市", {"id": "XN-O-STATIONS", "status": "completed", "quantity": 6, "unit": "个", "evidence": NAMELESS}, "missed", 85.7),
    ("quantity without evidence", 2025, "咸宁市", {"id": "XN-O-STATIONS", "status": "completed", "quantity": 7, "unit": "个"}, "unverified", 0.0),
    ("completed without quantity", 2025, "咸宁市", {"id": "XN-O-STATIONS", "status": "completed", "evidence": NAMELESS}, "unverified", 0.0),
    ("not started before its start year", 2021, "咸宁市", {"id": "T-DOC", "status": "not_started"}, "not_due", None),
    ("done before its start year", 2021, "咸宁市", {"id": "T-DOC", "status": "completed", "evidence": EVIDENCE}, "met", 100.0),
    ("document before due", 2022, "咸宁市", {"id": "T-DOC", "status": "in_progress"}, "on_track", 100.0),
    ("document late", 2023, "咸宁市", {"id": "T-DOC", "status": "in_progress"}, "missed", 0.0),
    ("document not started before due", 2022, "咸宁市", {"id": "T-DOC", "status": "not_started"}, "behind", 50.0),
    ("document issued", 2023, "咸宁市", {"id": "T-DOC", "status": "completed", "evidence": EVIDENCE}, "met", 100.0),
    ("document not named", 2023, "咸宁市", {"id": "T-DOC", "status": "completed", "evidence": NAMELESS}, "unverified", 0.0),
    ("blank evidence", 2023, "市教育局", {"id": "T-ANNUAL", "status": "completed", "evidence": [{"title": " ", "doc_number": " "}]},
     "unverified", 0.0),
    ("punctuation for a title", 2023, "市教育局", {"id": "T-ANNUAL", "status": "completed", "evidence": [{"title": "——。"}]},
     "unverified", 0.0),
    ("a javascript: link names no document", 2023, "咸宁市",
     {"id": "T-DOC", "status": "completed", "evidence": [{"title": "实施方案", "link": "javascript:alert(1)"}]}, "unverified", 0.0),
    ("a blank 文号 names no document", 2023, "咸宁市",
     {"id": "T-DOC", "status": "completed", "evidence": [{"title": "实施方案", "doc_number": "  "}]}, "unverified", 0.0),
    ("a web link names the document", 2023, "咸宁市",
     {"id": "T-DOC", "status": "completed", "evidence": [{"title": "实施方案", "link": "https://www.xianning.gov.cn/a.html"}]}, "met", 100.0),
    ("annual done", 2023, "市教育局", {"id": "T-ANNUAL", "status": "completed", "evidence": NAMELESS}, "met", 100.0),
    ("annual partly", 2023, "市教育局", {"id": "T-ANNUAL", "status": "in_progress"}, "behind", 50.0),
    ("annual not done", 2023, "市教育局", {"id": "T-ANNUAL", "status": "not_started"}, "missed", 0.0),
    ("continuous mid", 2023, "咸宁市", {"id": "T-ONGOING", "status": "in_progress"}, "on_track", 100.0),
    ("continuous final", 2025, "咸宁市", {"id": "T-ONGOING", "status": "in_progress"}, "met", 100.0),
    ("continuous not started", 2023, "咸宁市", {"id": "T-ONGOING", "status": "not_started"}, "behind", 50.0),
    ("not applicable", 2023, "咸宁市", {"id": "T-ONGOING", "status": "not_applicable", "reason": "本年度无此任务"}, "unverified", 0.0),
    ("by name", 2023, "咸宁市", {"name": "维权援助工作站", "status": "in_progress", "quantity": 5, "unit": "个"}, "on_track", 100.0),
]


@pytest.mark.parametrize(("year", "reporter", "entry", "status", "score"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_obligation(
    result_of: Callable[..., Any], year: int, reporter: str, entry: dict[str, Any], status: str, score: float | None
) -> None:
    rule_id = entry.get("id", "XN-O-STATIONS")
    result = result_of(report(year, reporter, obligations=[entry]), rule_id)
    assert (result.status, result.score) == (status, score)


def test_missing_evidence_says_what_to_add(result_of: Callable[..., Any]) -> None:
    result = result_of(report(2025, obligations=[{"id": "T-ONGOING", "status": "completed"}]), "T-ONGOING")
    assert result.message.startswith("报告完成但未提供佐证材料。")
    assert result.fix == "请补充佐证材料(文件标题、文号、日期或链接)。"


def test_unreported_before_start_is_not_due(result_of: Callable[..., Any]) -> None:
    result = result_of(report(2021), "T-DOC")
    assert (result.status, result.score) == ("not_due", None)
    assert result.message.startswith("2022年起执行,本年度尚未到期。")


def test_unreported_obligation(result_of: Callable[..., Any]) -> None:
    result = result_of(report(2023), "T-DOC")
    assert (result.status, result.score, result.fix) == ("not_reported", 0.0, "请填报该任务的完成状态及佐证。")
