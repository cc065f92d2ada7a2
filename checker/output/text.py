"""The terminal report: per-rule table by category, then score, grade and what to fix."""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO, TextIO

from checker.codes import STATUS_POLICY, STATUSES
from checker.i18n import Lang, fmt_number, label, word
from checker.judgement import Assessment as Judged
from checker.models.results import Assessment, RuleResult
from checker.output import Context
from checker.output.cells import Painter as _Painter
from checker.output.cells import clip, pad, width
from checker.output.overview import Row, counts_text, row, score_text
from checker.output.records import assessment_record, to_fix
from checker.run import CheckRun

ID_CELLS = 16  # the rule column's least width; wider when an id is longer


def _color(status: str) -> str:
    return STATUS_POLICY[status].color  # type: ignore[index]


class Renderer:
    """Each folder's assessments as the folder is done: a line per report first when there are
    several, then each report in full; at the end a line of counts when there was more than one file.

    Only the current folder's rendered text is held (a folder is judged together anyway).
    """

    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.lang, self.paint, self.count = stream, context.lang, _Painter(context.color), 0
        self.only_failing = context.only_failing
        self.folder: Path | None = None
        self.rows: list[Row] = []
        self.details: list[str] = []

    def add(self, assessment: Judged) -> None:
        folder = assessment.report.path.parent
        if folder != self.folder:
            self._flush()
            self.folder = folder
        out = io.StringIO()
        _assessment(assessment_record(assessment, self.lang), assessment, out, self.lang, self.paint, self.only_failing)
        self.rows.append(row(assessment))
        self.details.append(out.getvalue())

    def folder_done(self) -> None:
        self._flush()

    def _flush(self) -> None:
        if not self.details:
            return
        from checker.output.summary import block

        out = io.StringIO()
        if self.count:
            out.write("\n")
        if len(self.rows) > 1:
            out.write(block(self.rows, self.lang, self.paint) + "\n")
        out.write("\n".join(self.details))
        self.stream.write(out.getvalue().encode("utf-8"))
        self.count += len(self.details)
        self.rows, self.details = [], []

    def close(self, run: CheckRun) -> None:
        self._flush()
        if run.assessed + len(run.problems) > 1:
            n, bad = run.assessed, run.failed
            line = word("summary", self.lang, n=n, ok=n - bad, bad=bad, err=len(run.problems))
            self.stream.write(("\n" + line + "\n").encode("utf-8"))


def _assessment(a: Assessment, judged: Judged, out: TextIO, lang: Lang, paint: _Painter, only_failing: bool = False) -> None:
    title = f"{a.plan_title} · {a.reporter} · {word('year', lang, year=a.year)}"
    out.write(paint(title, "1") + "\n")
    note = f"  ({word('illustrative', lang)})" if a.illustrative else ""
    out.write(f"{word('file', lang)}: {a.submission}{note}\n")
    names = {c.id: c for c in a.categories}
    status_cells = max(width(label("status", s, lang)) for s in STATUSES) + 2
    # The rule column fits the longest id, so ids are never cut (XN-AGRI-CHAYE-I01 vs …-I02).
    id_cells = max([ID_CELLS] + [width(r.rule_id) + 2 for r in a.results])
    header = (
        f"  {pad(word('status', lang), status_cells)}{pad(word('rule', lang), id_cells)}{pad(word('name', lang), 34)}"
        f"{pad(word('expected', lang), 12)}{pad(word('actual', lang), 12)}{word('score', lang)}"
    )
    shown = [r for r in a.results if STATUS_POLICY[r.status].failing] if only_failing else a.results
    if only_failing:
        out.write(word("only_failing_note", lang) + "\n")
    # Categories in the plan's order (scoring lists them so), then any the plan does not name.
    for cat_id in dict.fromkeys([c.id for c in a.categories] + [r.category for r in a.results]):
        rows = [r for r in shown if r.category == cat_id]
        if not rows:
            continue
        cat = names.get(cat_id)
        cat_score = "—" if cat is None or cat.score is None else fmt_number(cat.score)
        cat_name = cat_id if cat is None else (cat.name_en or cat.name) if lang == "en" else cat.name
        out.write(f"\n{paint('【' + cat_name + '】', '1')} {word('score', lang)} {cat_score}\n")
        out.write(paint(header, "2") + "\n")
        for r in rows:
            out.write(_row(r, lang, paint, status_cells, id_cells) + "\n")
            beside = _beside(r, lang)
            if beside:
                out.write(paint(f"  {' ' * status_cells}↳ {beside}", "2") + "\n")
    _trends(shown, out, lang, paint, id_cells)
    out.write("\n")
    verdict = paint(word("passed", lang), "1;32") if judged.gate.passed else paint(word("failed", lang), "1;31")
    out.write(f"{_score_line(a.score, a.grade, a.outcome, a.ungraded_cause, lang)} · {verdict}\n")
    risk = a.risk_accepted
    if risk is not None and (risk.score, risk.grade, risk.outcome) != (a.score, a.grade, a.outcome):
        line = _score_line(risk.score, risk.grade, risk.outcome, None, lang)
        out.write(f"{word('risk_accepted', lang)}: {line}\n")
    if a.outcome == "incomplete" or a.completeness < 1:
        out.write(f"{word('completeness', lang)} {a.completeness:.0%}\n")
    if a.outcome == "ungraded" and a.ungraded_cause == "plan_data":
        out.write(word("plan_data_note", lang) + "\n")
    out.write(f"{counts_text(a.counts.items(), lang)}\n")
    if a.unassessable_share:
        out.write(f"{word('review_share', lang)} {a.unassessable_share:.0%}\n")
    if a.veto:
        out.write(paint(f"{word('veto', lang)}: {', '.join(a.veto)}", "1;31") + "\n")
    if a.findings:
        out.write(f"{word('findings', lang)}:\n")
        for finding in a.findings:
            out.write(f"  ! {finding.message}\n")
    for failure in judged.gate.failures:
        if failure.reason in ("fail_under", "fail_on"):
            out.write(paint(f"{word('gate_' + failure.reason, lang)}: {failure.detail}", "1;31") + "\n")
    _decisions(a, out, lang)
    todo = [r for r in to_fix(a) if not only_failing or STATUS_POLICY[r.status].failing]  # of the rules shown
    if not todo:
        out.write(word("nothing_to_fix", lang) + "\n")
        return
    out.write(f"\n{paint(word('to_fix', lang), '1')} ({len(todo)}):\n")
    for n, r in enumerate(todo, 1):
        status = paint(label("status", r.status, lang), _color(r.status))
        out.write(f"{n:>3}. [{status}] {r.rule_id} {r.name}\n")
        out.write(f"     {r.message}\n")
        for finding in r.findings:
            out.write(f"     ! {finding.message}\n")
        if r.fix:
            out.write(f"     → {r.fix}\n")


def _score_line(score: float | None, grade: str | None, outcome: str, cause: str | None, lang: Lang) -> str:
    shown = score_text(score, grade)
    if outcome == "incomplete":
        grade_text = word("incomplete", lang)
    elif grade is None:
        grade_text = word("ungraded_claims" if cause == "claims" else "no_grade", lang)
    else:
        grade_text = label("grade", grade, lang)
    return f"{word('total', lang)} {shown} · {word('grade', lang)} {grade_text}"


def _decisions(a: Assessment, out: TextIO, lang: Lang) -> None:
    """The claims awaiting an assessor, and what the assessor's decisions changed (who, when, why)."""
    claims = [r for r in a.results if r.claim]
    if claims:
        out.write(f"{word('claims', lang)} ({len(claims)}): ")
        out.write("、".join(f"{r.rule_id}({label('claim', r.claim, lang)})" for r in claims if r.claim) + "\n")
    adjusted = [(r, adj) for r in a.results for adj in r.adjustments]
    if adjusted:
        out.write(f"{word('decisions', lang)} ({len(adjusted)}):\n")
        for r, adj in adjusted:
            change = f"{label('status', adj.before, lang)} → {label('status', adj.after, lang)}"
            out.write(f"  {r.rule_id} {change}: {adj.reason} [{adj.ref}]\n")


def _trends(results: list[RuleResult], out: TextIO, lang: Lang, paint: _Painter, id_cells: int) -> None:
    """One compact line per indicator with two or more known years, each value with its unit."""
    rows = [r for r in results if len(r.series) >= 2]
    if not rows:
        return
    out.write(f"\n{paint('【' + word('trend', lang) + '】', '1')}\n")
    for r in rows:
        unit = r.unit or ""
        values = [p.value for p in r.series]
        arrow = "↗" if values[-1] > values[-2] else "↘" if values[-1] < values[-2] else "→"
        spaced = f" {unit}" if unit and lang == "en" else unit  # as the messages write it
        path = " → ".join(f"{p.year} {fmt_number(p.value)}{spaced}" for p in r.series)
        parts = [f"  {pad(r.rule_id, id_cells)}{path} {arrow}"]
        if r.projection:
            p = r.projection
            verdict = word("reaches", lang) if p.reaches else word("misses", lang, gap=fmt_number(abs(p.gap)), unit=unit)
            parts.append(word("projected", lang, year=p.year, value=fmt_number(p.value), unit=unit, verdict=verdict))
        if r.cagr:
            parts.append(word("cagr", lang, actual=fmt_number(r.cagr.actual), required=fmt_number(r.cagr.required)))
        out.write(" · ".join(parts) + "\n")


# The actual cell's mark for a bound or an estimate (spelled out on the line beside the row).
_MARK = {"at_least": "≥", "at_most": "≤"}


def _beside(r: RuleResult, lang: Lang) -> str:
    """How the figure is stated (预计, 下限, part of the year), the baseline taken from the reports,
    the entry's source and note: the line under the row."""
    parts = []
    f = r.figure
    if f is not None:
        if f.estimate:
            parts.append(word("figure_estimate", lang))
        if f.bound:
            parts.append(label("bound", f.bound, lang))
        if f.period_end and f.year_share is not None:
            parts.append(word("figure_partial", lang, date=f.period_end, share=f"{f.year_share:.1%}"))
    if r.provisional:
        parts.append(word("provisional", lang))
    if r.baseline is not None and r.baseline.origin == "reports":
        parts.append(word("figure_baseline", lang, year=r.baseline.year, value=fmt_number(r.baseline.value), unit=r.unit or ""))
    if f is not None and f.source:
        parts.append(word("figure_source", lang, source=f.source))
    if f is not None and f.note:
        parts.append(word("figure_note", lang, note=f.note))
    return " · ".join(parts)


def _row(r: RuleResult, lang: Lang, paint: _Painter, status_cells: int, id_cells: int) -> str:
    status = label("status", r.status, lang)
    unit = r.unit or ""
    expected = "" if r.expected is None else f"{fmt_number(r.expected)}{unit}"
    mark = ""
    if r.figure is not None:
        mark = _MARK.get(r.figure.bound or "", "≈" if r.figure.estimate else "")
    actual = "" if r.actual is None else f"{mark}{fmt_number(r.actual)}{unit}"
    score = "—" if r.score is None else fmt_number(r.score)
    return (
        f"  {paint(pad(status, status_cells), _color(r.status))}{pad(r.rule_id, id_cells)}"
        f"{pad(clip(r.name, 34), 34)}{pad(clip(expected, 12), 12)}{pad(clip(actual, 12), 12)}{score}"
    )
