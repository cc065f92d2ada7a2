"""`--format sarif`: SARIF 2.1.0 for code-scanning tools, validated in the tests against the OASIS schema.

Each result is located at the file and line of the entry that answered the rule (a rule not
reported points at the report's `indicators` or `obligations` list, where the entry belongs).
Rule metadata carries the plan's sentence as help text. Only statuses with a SARIF level (behind,
missed, not reported, needs review) are results; input errors are results of the rule `input`.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, BinaryIO
from urllib.parse import quote

from checker.codes import STATUS_POLICY
from checker.i18n import label, render
from checker.judgement import Assessment, Msg
from checker.output import Context, version
from checker.output.records import assessment_record, result_location
from checker.output.spool import Spool
from checker.run import CheckRun

_RESULTS = "\u0000results"  # where the spooled results go in the log's text (json.dumps writes it escaped)
_ITEM = "\n" + " " * 8  # a result's indent within the log (json.dumps, indent 2: runs[0].results[i])
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INPUT_RULE = "input"


def uri(path: str) -> str:
    """A file path as a URI reference: relative paths stay relative (to the checkout), with / separators."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


def _region(line: int | None) -> dict[str, Any]:
    return {"region": {"startLine": line}} if line else {}


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.lang = stream, context.lang
        self.rules: dict[str, dict[str, Any]] = {}  # descriptor id -> descriptor, in first-seen order
        self.index: dict[str, int] = {}
        # The rule list comes first in the log but grows with the results: the results are spooled
        # as their text within the log, one at a time, and the log is assembled at close.
        self.results = Spool()
        self.n_results = 0

    def _rule_index(self, key: str, descriptor: dict[str, Any]) -> int:
        if key not in self.rules:
            self.rules[key], self.index[key] = descriptor, len(self.rules)
        return self.index[key]

    def _result(self, result: dict[str, Any]) -> None:
        text = json.dumps(result, ensure_ascii=False, indent=2).replace("\n", _ITEM)
        self.results.write((("," if self.n_results else "") + _ITEM + text).encode("utf-8"))
        self.n_results += 1

    def add(self, assessment: Assessment) -> None:
        lang = self.lang
        record = assessment_record(assessment, lang)
        plan = assessment.report.plan
        for judgement, r in zip(assessment.judged.judgements, record.results):
            level = STATUS_POLICY[r.status].sarif
            if level == "none":
                continue
            rule = judgement.rule
            key = f"{plan.id}/{rule.id}"
            index = self.index.get(key)
            if index is None:  # described once, by its first result
                sentence = render(Msg.of("cite", quote=rule.source.quote, section=rule.source.section), lang)
                index = self._rule_index(key, {
                    "id": key,
                    "name": rule.id,
                    "shortDescription": {"text": r.name},
                    "fullDescription": {"text": f"{plan.rules_file.plan.title} · {rule.source.section}"},
                    "help": {"text": sentence},
                    "properties": {"plan": plan.id, "category": rule.category, "tags": [plan.id, rule.category]},
                })
            loc = result_location(assessment, judgement)
            text = f"{label('status', r.status, lang)}: {r.message}" + (f" → {r.fix}" if r.fix else "")
            self._result({
                "ruleId": key,
                "ruleIndex": index,
                "level": level,
                "message": {"text": text},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(loc.file)}, **_region(loc.line)}}],
                "partialFingerprints": {"planResult/v1": f"{plan.id}/{record.reporter_id}/{record.year}/{rule.id}"},
                "properties": {"status": r.status, "reporter": record.reporter, "year": record.year},
            })

    def close(self, run: CheckRun) -> None:
        if run.problems:
            index = self._rule_index(INPUT_RULE, {
                "id": INPUT_RULE,
                "name": "InvalidInput",
                "shortDescription": {"text": "invalid input" if self.lang == "en" else "输入错误"},
                "help": {"text": "a report file that cannot be read or does not fit its plan" if self.lang == "en"
                         else "无法读取或与规划不符的报告文件"},
            })
            for p in run.problems:
                self._result({
                    "ruleId": INPUT_RULE, "ruleIndex": index, "level": "error",
                    "message": {"text": p.message(self.lang, place=True)},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(p.file)}, **_region(p.line)}}],
                })
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "plan-compliance-checker",
                    "version": version(),
                    "informationUri": "https://pypi.org/project/plan-compliance-checker/",
                    "rules": list(self.rules.values()),
                }},
                "language": "zh-CN" if self.lang == "zh" else "en",
                "results": _RESULTS,
            }],
        }
        head, tail = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(_RESULTS))
        self.stream.write(head.encode("utf-8"))
        if self.n_results:  # json.dumps's list: each item on its own line, the bracket back at the key's indent
            self.stream.write(b"[")
            self.results.copy_to(self.stream)
            self.stream.write(f"\n{' ' * 6}]".encode("utf-8"))
        else:
            self.results.close()
            self.stream.write(b"[]")
        self.stream.write((tail + "\n").encode("utf-8"))
