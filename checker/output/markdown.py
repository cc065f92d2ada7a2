"""`--format markdown`: a job summary for `$GITHUB_STEP_SUMMARY` (or a merge request note).

An overview table first (a row per reporter and year), then per report its failing rules in a
collapsed block, then the input errors. The overview rows are kept; the blocks are spooled.
"""

from __future__ import annotations

from typing import BinaryIO

from checker.codes import STATUS_POLICY
from checker.i18n import fmt_number, label, word
from checker.judgement import Assessment
from checker.output import Context
from checker.output.overview import (
    Row,
    counts_text,
    grade_text,
    outcome_text,
    row,
    score_text,
)
from checker.output.records import assessment_record
from checker.output.spool import Spool
from checker.run import CheckRun


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.lang = stream, context.lang
        self.rows: list[Row] = []
        self.details = Spool()

    def add(self, assessment: Assessment) -> None:
        lang = self.lang
        r = row(assessment)
        self.rows.append(r)
        record = assessment_record(assessment, lang)
        failing = [x for x in record.results if STATUS_POLICY[x.status].failing]
        title = f"{r.reporter} · {word('year', lang, year=r.year)} · {r.plan_title}"
        if not failing:
            return
        body = _table(
            [word(k, lang) for k in ("status", "rule", "name", "expected", "actual", "message")],
            [[label("status", x.status, lang), f"`{x.rule_id}`", x.name,
              "" if x.expected is None else f"{fmt_number(x.expected)}{x.unit or ''}",
              "" if x.actual is None else f"{fmt_number(x.actual)}{x.unit or ''}",
              x.message + (f" → {x.fix}" if x.fix else "")] for x in failing],
        )
        block = f"<details><summary>{cell(title)}: {word('md_failing', lang)} ({len(failing)})</summary>\n\n{body}\n</details>\n\n"
        self.details.write(block.encode("utf-8"))

    def close(self, run: CheckRun) -> None:
        lang = self.lang
        n, bad = run.assessed, run.failed
        out = [f"## {word('report_title', lang)}\n\n", word("summary", lang, n=n, ok=n - bad, bad=bad, err=len(run.problems)) + "\n\n"]
        if self.rows:
            out.append(_table(
                [word(k, lang) for k in ("outcome", "reporter", "year_col", "plan_id", "total", "grade", "counts")],
                [[("✅ " if r.passed else "❌ ") + outcome_text(r.passed, lang), r.reporter, str(r.year), f"`{r.plan}`",
                  score_text(r.score, r.grade), grade_text(r.grade, lang), counts_text(r.counts, lang)] for r in self.rows],
            ) + "\n")
        self.stream.write("".join(out).encode("utf-8"))
        self.details.copy_to(self.stream)
        if run.problems:
            lines = [f"### {word('input_errors', lang)}\n\n"]
            lines += [f"- `{p.file}{':' + str(p.line) if p.line else ''}`: "
                      f"{cell(p.message(lang, place=True))}\n" for p in run.problems]
            self.stream.write(("".join(lines) + "\n").encode("utf-8"))
