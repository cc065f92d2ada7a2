"""`--format summary`: one line per reporter and year, streamed; then the roster and the counts.

The text report prints the same lines for a folder before that folder's details.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from checker.i18n import Lang, word
from checker.judgement import Assessment
from checker.output import Context
from checker.output.cells import Painter as _Painter
from checker.output.cells import pad, width
from checker.output.overview import (
    Row,
    counts_text,
    grade_text,
    outcome_text,
    roster,
    row,
    score_text,
)
from checker.rulefile import Plan
from checker.run import CheckRun

REPORTER_CELLS = 18  # streamed lines cannot be sized to the longest name; longer names push the row


def line(r: Row, lang: Lang, paint: _Painter, reporter_cells: int = REPORTER_CELLS) -> str:
    """One assessment: outcome, reporter, year, score, grade, counts by status."""
    outcome_cells = max(width(word("passed", lang)), width(word("failed", lang)))
    outcome = paint(pad(outcome_text(r.passed, lang), outcome_cells), "32" if r.passed else "1;31")
    year = word("year", lang, year=r.year)
    return (
        f"  {outcome}  {pad(r.reporter, reporter_cells)}  {year}  {pad(score_text(r.score, r.grade), 6)}"
        f"{pad(grade_text(r.grade, lang), 8 if lang == 'en' else 6)}  {counts_text(r.counts, lang)}"
        f"  {paint(r.file, '2')}"  # two reports of one reporter and year may sit in two folders
    )


def block(rows: Sequence[Row], lang: Lang, paint: _Painter) -> str:
    """Lines for several assessments, names padded to the longest, a heading per plan."""
    cells = max((width(r.reporter) for r in rows), default=0)
    out, plan = [], None
    for r in rows:
        if r.plan != plan:
            out.append(paint(f"【{r.plan_title}】", "1"))
            plan = r.plan
        out.append(line(r, lang, paint, cells))
    return "\n".join(out) + "\n"


def roster_lines(plans: dict[str, Plan], reported: dict[str, set[tuple[str, int]]], lang: Lang) -> list[str]:
    """Per plan, every entity owing rules that sent no report, with the years missing."""
    out: list[str] = []
    for plan_id, plan in plans.items():
        missing = roster(plan, reported[plan_id])
        if missing:
            names = "、".join(f"{m.entity.name}({', '.join(map(str, m.years))})" for m in missing)
            out.append(f"{word('roster', lang)} · {plan.rules_file.plan.title}: {names}")
    return out


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.lang, self.paint = stream, context.lang, _Painter(context.color)
        self.plan: str | None = None
        self.plans: dict[str, Plan] = {}
        self.reported: dict[str, set[tuple[str, int]]] = {}

    def add(self, assessment: Assessment) -> None:
        r = row(assessment)
        text = ""
        if r.plan != self.plan:
            text += self.paint(f"【{r.plan_title}】", "1") + "\n"
            self.plan = r.plan
        self.plans.setdefault(r.plan, assessment.report.plan)
        self.reported.setdefault(r.plan, set()).add((r.reporter_id, r.year))
        self.stream.write((text + line(r, self.lang, self.paint) + "\n").encode("utf-8"))

    def close(self, run: CheckRun) -> None:
        lines = roster_lines(self.plans, self.reported, self.lang) if run.assessed > 1 else []
        n, bad = run.assessed, run.failed
        lines.append(word("summary", self.lang, n=n, ok=n - bad, bad=bad, err=len(run.problems)))
        self.stream.write(("\n" + "\n".join(lines) + "\n").encode("utf-8"))
