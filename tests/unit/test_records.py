"""The output records: every output of a run shares the record of each assessment."""

from __future__ import annotations

import json
from pathlib import Path

from checker.models.submission import Submission
from checker.output.records import assessment_record
from checker.rulefile import load_rule_file
from checker.run import assess

REPO = Path(__file__).resolve().parents[2]


def test_outputs_of_one_run_share_each_assessments_record() -> None:
    plan = load_rule_file(REPO / "rules" / "xianning-14fyp.yaml")
    data = json.loads((REPO / "submissions" / "xianning" / "2023-chibi-county.json").read_text(encoding="utf-8"))
    first, second = (assess(plan, Submission.model_validate(data), "chibi.json") for _ in range(2))

    zh = assessment_record(first, "zh")
    assert assessment_record(first, "zh") is zh  # the next output of the run asks again: the same record
    en = assessment_record(first, "en")
    assert en is not zh and en.results[0].message != zh.results[0].message
    assert assessment_record(first, "zh") is zh  # each language keeps its own

    other = assessment_record(second, "zh")  # another assessment, equal in content: its own record
    assert other is not zh and other == zh
    assert assessment_record(first, "zh") is not zh and assessment_record(first, "zh") == zh  # made again
