"""`--format github`: GitHub Actions workflow commands, one annotation per failing or reviewable rule.

`::error file=…,line=…,title=…::message` for missed and not reported, `::warning` for behind,
`::notice` for needs review (STATUS_POLICY's SARIF level), at the entry's line; input errors are
errors; a last notice sums the run up.
"""

from __future__ import annotations

from typing import BinaryIO

from checker.codes import STATUS_POLICY
from checker.i18n import label, word
from checker.judgement import Assessment
from checker.output import Context
from checker.output.overview import gate_text
from checker.output.records import assessment_record, result_location
from checker.run import CheckRun

_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, file: str | None = None, line: int | None = None, title: str | None = None) -> str:
    props = [(k, v) for k, v in (("file", file), ("line", str(line) if line else None), ("title", title)) if v]
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{name}{' ' + head if head else ''}::{escape_data(message)}\n"


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.lang = stream, context.lang

    def add(self, assessment: Assessment) -> None:
        lang = self.lang
        record = assessment_record(assessment, lang)
        out = []
        for judgement, r in zip(assessment.judged.judgements, record.results):
            level = STATUS_POLICY[r.status].sarif
            if level == "none":
                continue
            loc = result_location(assessment, judgement)
            title = f"{r.rule_id} {r.name} · {label('status', r.status, lang)} · {record.reporter} {record.year}"
            message = r.message + (f"\n→ {r.fix}" if r.fix else "")
            out.append(command(_COMMAND[level], message, loc.file, loc.line, title))
        if not assessment.gate.passed:
            out.append(command("error", gate_text(assessment.gate, lang), record.submission, None,
                               f"{record.reporter} {record.year} · {word('failed', lang)}"))
        self.stream.write("".join(out).encode("utf-8"))

    def close(self, run: CheckRun) -> None:
        out = [command("error", p.message(self.lang), p.file, p.line, p.place or None) for p in run.problems]
        n, bad = run.assessed, run.failed
        out.append(command("notice", word("github_summary", self.lang, n=n, ok=n - bad, bad=bad, err=len(run.problems))))
        self.stream.write("".join(out).encode("utf-8"))
