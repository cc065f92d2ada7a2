"""The terminal report: per-rule table by category, then score, grade and what to fix."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from checker.errors import Lang
from checker.messages import GRADE_LABELS, STATUS_LABELS, fmt_number, label
from checker.models.results import Assessment, RuleResult
from checker.run import CheckRun

STATUS_COLORS = {
    "met": "32", "on_track": "32", "behind": "33", "missed": "31",
    "not_reported": "31", "needs_review": "36", "not_applicable": "2", "not_due": "2",
}
TO_FIX = ("missed", "behind", "not_reported", "needs_review")

WORDS: dict[str, tuple[str, str]] = {
    "year": ("{year} 年度", "year {year}"),
    "file": ("文件", "file"),
    "illustrative": ("示例数据", "illustrative data"),
    "status": ("状态", "status"),
    "rule": ("编号", "rule"),
    "name": ("名称", "name"),
    "expected": ("应达", "expected"),
    "actual": ("实际", "actual"),
    "score": ("得分", "score"),
    "total": ("总分", "score"),
    "grade": ("等级", "grade"),
    "no_grade": ("数据不足,不评等级", "insufficient data, no grade"),
    "passed": ("通过", "passed"),
    "failed": ("不通过", "FAILED"),
    "veto": ("一票否决(约束性指标未完成)", "veto (binding indicators missed)"),
    "review_share": ("待审核权重占比", "weight needing review"),
    "to_fix": ("需整改", "to fix"),
    "nothing_to_fix": ("无需整改。", "nothing to fix."),
    "trend": ("趋势", "trends"),
    "projected": ("预计{year}年 {value}{unit},{verdict}", "projected {value} {unit} in {year}, {verdict}"),
    "reaches": ("可达标", "reaching the target"),
    "misses": ("差 {gap}{unit}", "missing by {gap} {unit}"),
    "cagr": ("年均增速 {actual}% / 需 {required}%", "CAGR {actual}% / needs {required}%"),
    "findings": ("核对发现", "findings"),
    "summary": ("共检查 {n} 份报告:{ok} 份通过,{bad} 份不通过,{err} 个输入错误。",
                "{n} report(s) checked: {ok} passed, {bad} failed, {err} input error(s)."),
}


def _w(key: str, lang: Lang, **params: object) -> str:
    return label(WORDS, key, lang).format(**params)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - width(text))


def clip(text: str, cells: int) -> str:
    out = ""
    for char in text:
        if width(out + char) > cells - 1:
            return out + "…"
        out += char
    return out


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text


def report(run: CheckRun, stream: TextIO, lang: Lang, color: bool) -> None:
    paint = _Painter(color)
    for index, assessment in enumerate(run.assessments):
        if index:
            stream.write("\n")
        _assessment(assessment, stream, lang, paint)
    if len(run.assessments) + len(run.problems) > 1:
        bad = len(run.failed)
        stream.write("\n" + _w("summary", lang, n=len(run.assessments), ok=len(run.assessments) - bad, bad=bad, err=len(run.problems)) + "\n")


def _assessment(a: Assessment, out: TextIO, lang: Lang, paint: _Painter) -> None:
    title = f"{a.plan_title} · {a.reporter} · {_w('year', lang, year=a.year)}"
    out.write(paint(title, "1") + "\n")
    note = f"  ({_w('illustrative', lang)})" if a.illustrative else ""
    out.write(f"{_w('file', lang)}: {a.submission}{note}\n")
    names = {c.id: c for c in a.categories}
    status_cells = max(width(label(STATUS_LABELS, s, lang)) for s in STATUS_LABELS) + 2
    header = (
        f"  {pad(_w('status', lang), status_cells)}{pad(_w('rule', lang), 16)}{pad(_w('name', lang), 34)}"
        f"{pad(_w('expected', lang), 12)}{pad(_w('actual', lang), 12)}{_w('score', lang)}"
    )
    for cat_id in dict.fromkeys(r.category for r in a.results):
        cat = names.get(cat_id)
        cat_score = "—" if cat is None or cat.score is None else fmt_number(cat.score)
        cat_name = cat_id if cat is None else (cat.name_en or cat.name) if lang == "en" else cat.name
        out.write(f"\n{paint('【' + cat_name + '】', '1')} {_w('score', lang)} {cat_score}\n")
        out.write(paint(header, "2") + "\n")
        for r in a.results:
            if r.category == cat_id:
                out.write(_row(r, lang, paint, status_cells) + "\n")
    _trends(a, out, lang, paint)
    out.write("\n")
    grade = label(GRADE_LABELS, a.grade, lang) if a.grade else _w("no_grade", lang)
    verdict = paint(_w("passed", lang), "1;32") if a.passed else paint(_w("failed", lang), "1;31")
    score_text = "—" if a.score is None else fmt_number(a.score)
    out.write(f"{_w('total', lang)} {score_text} · {_w('grade', lang)} {grade} · {verdict}\n")
    counts = " · ".join(f"{label(STATUS_LABELS, s, lang)} {n}" for s, n in a.counts.items() if n)
    out.write(f"{counts}\n")
    if a.unassessable_share:
        out.write(f"{_w('review_share', lang)} {a.unassessable_share:.0%}\n")
    if a.veto:
        out.write(paint(f"{_w('veto', lang)}: {', '.join(a.veto)}", "1;31") + "\n")
    if a.findings:
        out.write(f"{_w('findings', lang)}:\n")
        for finding in a.findings:
            out.write(f"  ! {finding.message}\n")
    todo = [r for r in a.results if r.status in TO_FIX or r.findings]
    if not todo:
        out.write(_w("nothing_to_fix", lang) + "\n")
        return
    out.write(f"\n{paint(_w('to_fix', lang), '1')} ({len(todo)}):\n")
    for n, r in enumerate(todo, 1):
        status = paint(label(STATUS_LABELS, r.status, lang), STATUS_COLORS[r.status])
        out.write(f"{n:>3}. [{status}] {r.rule_id} {r.name}\n")
        out.write(f"     {r.message}\n")
        for finding in r.findings:
            out.write(f"     ! {finding.message}\n")
        if r.fix:
            out.write(f"     → {r.fix}\n")


def _trends(a: Assessment, out: TextIO, lang: Lang, paint: _Painter) -> None:
    """One compact line per indicator with two or more known years."""
    rows = [r for r in a.results if len(r.series) >= 2]
    if not rows:
        return
    out.write(f"\n{paint('【' + _w('trend', lang) + '】', '1')}\n")
    for r in rows:
        unit = r.unit or ""
        values = [p.value for p in r.series]
        arrow = "↗" if values[-1] > values[-2] else "↘" if values[-1] < values[-2] else "→"
        path = " → ".join(f"{p.year} {fmt_number(p.value)}" for p in r.series)
        parts = [f"  {pad(clip(r.rule_id, 16), 16)}{path} {arrow}"]
        if r.projection:
            p = r.projection
            verdict = _w("reaches", lang) if p.reaches else _w("misses", lang, gap=fmt_number(abs(p.gap)), unit=unit)
            parts.append(_w("projected", lang, year=p.year, value=fmt_number(p.value), unit=unit, verdict=verdict))
        if r.cagr:
            parts.append(_w("cagr", lang, actual=fmt_number(r.cagr.actual), required=fmt_number(r.cagr.required)))
        out.write(" · ".join(parts) + "\n")


def _row(r: RuleResult, lang: Lang, paint: _Painter, status_cells: int) -> str:
    status = label(STATUS_LABELS, r.status, lang)
    unit = r.unit or ""
    expected = "" if r.expected is None else f"{fmt_number(r.expected)}{unit}"
    actual = "" if r.actual is None else f"{fmt_number(r.actual)}{unit}"
    score = "—" if r.score is None else fmt_number(r.score)
    return (
        f"  {paint(pad(status, status_cells), STATUS_COLORS[r.status])}{pad(clip(r.rule_id, 16), 16)}"
        f"{pad(clip(r.name, 34), 34)}{pad(clip(expected, 12), 12)}{pad(clip(actual, 12), 12)}{score}"
    )
