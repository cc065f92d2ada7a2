"""`--format html`: one self-contained page to read on screen, hand to leadership and print on A4.

Inline CSS, inline SVG and a few lines of inline JavaScript (sorting, filtering); nothing is
fetched, so the file opens offline. For a batch: an overview (reporter × year, sortable) and the
roster of entities that owe rules and sent no report, then each report: its summary (outcome,
score, grade, counts by status, category bars), its indicators drawn against their paths, its
obligations (filterable by status and responsible unit), what to fix; last, the plan's sentences.

Each report's section is rendered when it arrives and spooled; only overview rows, the plans and
the ids of the rules shown are kept for the end.
"""

from __future__ import annotations

from html import escape
from typing import BinaryIO

from checker.codes import STATUS_POLICY, STATUSES
from checker.i18n import Lang, fmt_number, label, word
from checker.judgement import Assessment, Judgement
from checker.models import results as out
from checker.models.plan import IndicatorRule
from checker.output import Context, version
from checker.output.html_charts import (
    PathChart,
    bullet,
    category_bars,
    path_chart,
    sparkline,
)
from checker.output.overview import (
    Row,
    grade_text,
    outcome_text,
    roster,
    row,
    score_text,
    shown_score,
)
from checker.output.records import assessment_record, to_fix
from checker.output.spool import Spool
from checker.rulefile import Plan, rule_title
from checker.run import CheckRun

PATH_KINDS = ("level", "flow", "cumulative", "increment", "multiple")  # the series is in the target's unit


def e(value: object) -> str:
    return escape(str(value), quote=True)


def _css(status: str) -> str:
    return STATUS_POLICY[status].css  # type: ignore[index]


def _chip(status: str, lang: Lang, n: int | None = None) -> str:
    count = "" if n is None else f" <b>{n}</b>"
    return f'<span class="chip {_css(status)}" data-status="{status}">{e(label("status", status, lang))}{count}</span>'


def _units(plan: Plan, j: Judgement) -> list[str]:
    units = j.rule.responsible.all_units()
    return [plan.entity_name(u) for u in units] if units else [plan.entity_name(j.rule.subject)]


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.lang = stream, context.lang
        self.sections = Spool()
        self.rows: list[Row] = []
        self.plans: dict[str, Plan] = {}
        self.reported: dict[str, set[tuple[str, int]]] = {}
        self.shown: dict[str, set[str]] = {}  # plan -> ids of the rules shown, for the plan's sentences

    def add(self, assessment: Assessment) -> None:
        r = row(assessment)
        n = len(self.rows) + 1
        self.rows.append(r)
        plan = assessment.report.plan
        self.plans.setdefault(plan.id, plan)
        self.reported.setdefault(plan.id, set()).add((r.reporter_id, r.year))
        self.shown.setdefault(plan.id, set()).update(j.rule.id for j in assessment.judged.judgements)
        self.sections.write(_section(n, assessment, assessment_record(assessment, self.lang), self.lang).encode("utf-8"))

    def close(self, run: CheckRun) -> None:
        lang = self.lang
        title = word("report_title", lang)
        if len(self.rows) == 1:
            r = self.rows[0]
            title = f"{r.reporter} · {word('year', lang, year=r.year)} · {title}"
        head = [
            "<!doctype html>\n",
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f'<meta name="generator" content="plan-compliance-checker {e(version())}">\n',
            f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            f'<header class="page"><h1>{e(title)}</h1>\n',
            f'<p class="meta" id="run-summary">{e(word("summary", lang, n=run.assessed, ok=run.assessed - run.failed, bad=run.failed, err=len(run.problems)))}</p>\n',
            "</header>\n",
        ]
        if len(self.rows) > 1:
            head.append(self._overview())
            head.append(self._roster())
        if run.problems:
            head.append(_errors(run, lang))
        self.stream.write("".join(head).encode("utf-8"))
        self.sections.copy_to(self.stream)
        tail = [self._sentences(), f'<footer class="page">{e(word("generated_by", lang, version=version()))}</footer>\n',
                f"<script>{JS}</script>\n</body>\n</html>\n"]
        self.stream.write("".join(tail).encode("utf-8"))

    def _overview(self) -> str:
        lang = self.lang
        heads = [("reporter", "text"), ("year_col", "num"), ("plan_id", "text"), ("total", "num"), ("grade", "text"), ("outcome", "text")]
        th = "".join(f'<th data-type="{t}" scope="col"><button type="button">{e(word(k, lang))}</button></th>' for k, t in heads)
        th += "".join(f'<th data-type="num" scope="col"><button type="button">{e(label("status", s, lang))}</button></th>' for s in STATUSES)
        body = []
        for n, r in enumerate(self.rows, 1):
            score, value = score_text(r.score, r.grade), shown_score(r.score, r.grade)
            cells = [
                f'<td data-sort="{e(r.reporter)}"><a href="#a{n}">{e(r.reporter)}</a></td>',
                f'<td data-sort="{r.year}">{r.year}</td>',
                f'<td data-sort="{e(r.plan)}">{e(r.plan)}</td>',
                f'<td data-sort="{"" if value is None else value}" class="num">{score}</td>',
                f'<td data-sort="{e(r.grade or "")}">{e(grade_text(r.grade, lang))}</td>',
                f'<td data-sort="{int(r.passed)}" class="{"ok" if r.passed else "bad"}">{e(outcome_text(r.passed, lang))}</td>',
            ]
            cells += [f'<td data-sort="{c}" class="num{" zero" if not c else ""}">{c}</td>' for _, c in r.counts]
            body.append(f'<tr data-passed="{str(r.passed).lower()}">{"".join(cells)}</tr>')
        return (
            f'<section id="overview" class="block"><h2>{e(word("overview", lang))}</h2>\n'
            f'<table class="sortable" id="overview-table"><thead><tr>{th}</tr></thead>\n<tbody>\n'
            + "\n".join(body) + "\n</tbody></table></section>\n"
        )

    def _roster(self) -> str:
        lang = self.lang
        parts = [f'<section id="roster" class="block"><h2>{e(word("roster", lang))}</h2>\n<p class="note">{e(word("roster_note", lang))}</p>\n']
        for plan_id, plan in self.plans.items():
            missing = roster(plan, self.reported[plan_id])
            parts.append(f'<h3>{e(plan.rules_file.plan.title)}</h3>\n')
            if not missing:
                parts.append(f'<p>{e(word("roster_none", lang))}</p>\n')
                continue
            rows = []
            for m in missing:
                roles = " · ".join(f"{e(label('role', role, lang))} {n}" for role, n in m.roles().items())
                rows.append(
                    f'<tr data-entity="{e(m.entity.id)}"><td>{e(m.entity.name)}</td><td class="num">{len(m.owed)}</td>'
                    f'<td>{roles}</td><td>{", ".join(map(str, m.years))}</td></tr>'
                )
            parts.append(
                f'<table class="roster" data-plan="{e(plan_id)}"><thead><tr><th>{e(word("reporter", lang))}</th>'
                f'<th>{e(word("owed", lang))}</th><th>{e(word("role", lang))}</th><th>{e(word("missing_years", lang))}</th></tr></thead>\n'
                f"<tbody>\n" + "\n".join(rows) + "\n</tbody></table>\n"
            )
        parts.append("</section>\n")
        return "".join(parts)

    def _sentences(self) -> str:
        lang = self.lang
        parts = [f'<section id="sentences" class="block"><h2>{e(word("plan_sentences", lang))}</h2>\n']
        for plan_id, plan in self.plans.items():
            parts.append(f'<h3>{e(plan.rules_file.plan.title)}</h3>\n<table class="sentences"><thead><tr>'
                         f'<th>{e(word("rule", lang))}</th><th>{e(word("name", lang))}</th><th>{e(word("plan_sentences", lang))}</th>'
                         f'<th>{e(word("section", lang))}</th></tr></thead>\n<tbody>\n')
            for rule in plan.rules.values():
                if rule.id in self.shown[plan_id]:
                    parts.append(f'<tr id="s-{e(plan_id)}-{e(rule.id)}"><td class="id">{e(rule.id)}</td><td>{e(rule_title(rule))}</td>'
                                 f'<td class="quote">“{e(rule.source.quote)}”</td><td>{e(rule.source.section)}</td></tr>\n')
            parts.append("</tbody></table>\n")
        parts.append("</section>\n")
        return "".join(parts)


def _errors(run: CheckRun, lang: Lang) -> str:
    items = "".join(f"<li><code>{e(p.file)}{':' + str(p.line) if p.line else ''}</code> {e(p.place)} {e(p.message(lang))}</li>\n"
                    for p in run.problems)
    return f'<section id="errors" class="block"><h2>{e(word("input_errors", lang))} ({len(run.problems)})</h2>\n<ul class="errors">\n{items}</ul></section>\n'


def _section(n: int, assessment: Assessment, a: out.Assessment, lang: Lang) -> str:
    plan = assessment.report.plan
    passed = assessment.gate.passed
    score = score_text(a.score, a.grade)
    heading = f"{a.reporter} · {word('year', lang, year=a.year)}"
    illustrative = f' <span class="tag">{e(word("illustrative", lang))}</span>' if a.illustrative else ""
    parts = [
        f'<section class="assessment" id="a{n}" data-reporter="{e(a.reporter_id)}" data-year="{a.year}" data-plan="{e(a.plan)}">\n',
        f'<h2>{e(heading)}{illustrative}</h2>\n<p class="meta">{e(a.plan_title)} · {e(word("file", lang))}: <code>{e(a.submission)}</code></p>\n',
        '<div class="summary">\n',
        f'<div class="card outcome {"ok" if passed else "bad"}"><span class="k">{e(word("outcome", lang))}</span>'
        f'<span class="v" data-key="outcome">{e(outcome_text(passed, lang))}</span></div>\n',
        f'<div class="card"><span class="k">{e(word("total", lang))}</span><span class="v" data-key="score">{score}</span></div>\n',
        f'<div class="card"><span class="k">{e(word("grade", lang))}</span><span class="v" data-key="grade">'
        f'{e(label("grade", a.grade, lang) if a.grade else word("no_grade", lang))}</span></div>\n',
        '<div class="counts">' + "".join(_chip(s, lang, c) for s, c in a.counts.items() if c) + "</div>\n",
        "</div>\n",
    ]
    notes = []
    if a.veto:
        notes.append(f'<p class="alert">{e(word("veto", lang))}: {e(", ".join(a.veto))}</p>')
    for failure in assessment.gate.failures:
        if failure.reason in ("fail_under", "fail_on"):
            notes.append(f'<p class="alert">{e(word("gate_" + failure.reason, lang))}: {e(failure.detail)}</p>')
    for finding in a.findings:
        notes.append(f'<p class="finding">! {e(finding.message)}</p>')
    parts += [x + "\n" for x in notes]
    if a.categories:
        bars = [((c.name_en or c.name) if lang == "en" else c.name, c.score) for c in a.categories]
        parts.append(f'<h3>{e(word("categories", lang))}</h3>\n<div class="bars-wrap">{category_bars(bars)}</div>\n')
    pairs = list(zip(assessment.judged.judgements, a.results))
    indicators = [(j, r) for j, r in pairs if r.rule_type == "indicator"]
    obligations = [(j, r) for j, r in pairs if r.rule_type == "obligation"]
    if indicators:
        parts.append(f'<h3>{e(word("indicators", lang))} ({len(indicators)})</h3>\n{_legend(lang)}<div class="indicators">\n')
        parts += [_indicator(j, r, a.year, lang) for j, r in indicators]
        parts.append("</div>\n")
    if obligations:
        parts.append(_obligations(n, plan, obligations, lang))
    todo = to_fix(a)
    parts.append(f'<h3>{e(word("to_fix", lang))} ({len(todo)})</h3>\n')
    if todo:
        parts.append('<ol class="fixes">\n')
        for r in todo:
            extra = "".join(f'<div class="finding">! {e(f.message)}</div>' for f in r.findings)
            fix = f'<div class="fix">→ {e(r.fix)}</div>' if r.fix else ""
            parts.append(f'<li data-status="{r.status}">{_chip(r.status, lang)} <span class="id">{e(r.rule_id)}</span> {e(r.name)}'
                         f'<div class="msg">{e(r.message)}</div>{extra}{fix}</li>\n')
        parts.append("</ol>\n")
    else:
        parts.append(f"<p>{e(word('nothing_to_fix', lang))}</p>\n")
    parts.append("</section>\n")
    return "".join(parts)


def _legend(lang: Lang) -> str:
    items = [("path", "chart_path"), ("series", "history"), ("expected", "chart_expected"), ("actual", "chart_actual"),
             ("projection", "chart_projection"), ("target", "chart_target")]
    return '<p class="legend">' + "".join(f'<span class="lg {k}"></span>{e(word(w, lang))} ' for k, w in items) + "</p>\n"


def _indicator(j: Judgement, r: out.RuleResult, year: int, lang: Lang) -> str:
    rule = j.rule
    assert isinstance(rule, IndicatorRule)
    css = _css(r.status)
    unit = r.unit or ""
    series = tuple((float(p.year), p.value) for p in r.series)
    baseline = next(((float(p.year), p.value) for p in r.series if p.source == "baseline"), None)
    if rule.kind in PATH_KINDS and (r.expected is not None or r.actual is not None or series):
        target = (float(rule.target.year), r.target) if r.target is not None else None
        projection = (float(r.projection.year), r.projection.value) if r.projection else None
        chart = path_chart(PathChart(unit, year, css, series, baseline, r.expected, target, projection, r.actual), lang)
    else:
        chart = bullet(r.actual, r.expected, r.target, unit, css, lang)
    reported = tuple(p for p, point in zip(series, r.series) if point.source != "baseline")
    spark = sparkline(series) if len(reported) >= 2 else ""  # history: two reported years or more
    history = ""
    if spark:
        history = f'<div class="history"><span class="k">{e(word("history", lang))}</span>{spark}</div>'
    attribute = f' <span class="tag">{e(label("attribute", r.attribute, lang))}</span>' if r.attribute == "binding" else ""
    score = "—" if r.score is None else fmt_number(r.score)
    return (
        f'<figure class="indicator {css}" id="r-{e(r.rule_id)}-{year}" data-status="{r.status}" data-rule="{e(r.rule_id)}">'
        f'<figcaption>{_chip(r.status, lang)} <span class="id">{e(r.rule_id)}</span> {e(r.name)}{attribute}'
        f'<span class="score">{e(word("points", lang))} {score}</span></figcaption>'
        f'{chart}{history}<p class="msg">{e(r.message)}</p></figure>\n'
    )


def _obligations(n: int, plan: Plan, pairs: list[tuple[Judgement, out.RuleResult]], lang: Lang) -> str:
    units = sorted({u for j, _ in pairs for u in _units(plan, j)})
    statuses = [s for s in STATUSES if any(r.status == s for _, r in pairs)]
    status_opts = "".join(f'<option value="{s}">{e(label("status", s, lang))}</option>' for s in statuses)
    unit_opts = "".join(f'<option value="{e(u)}">{e(u)}</option>' for u in units)
    rows = []
    for j, r in pairs:
        names = _units(plan, j)
        due = getattr(j.rule, "due", None) or plan.rules_file.plan.period.end
        msg = e(r.message) + (f'<div class="fix">→ {e(r.fix)}</div>' if r.fix else "")
        rows.append(
            f'<tr data-status="{r.status}" data-units="{e("|".join(names))}"><td>{_chip(r.status, lang)}</td>'
            f'<td class="id">{e(r.rule_id)}</td><td>{e(r.name)}</td><td>{e("、".join(names))}</td><td class="num">{due}</td>'
            f"<td>{msg}</td></tr>"
        )
    return (
        f'<h3>{e(word("obligations", lang))} ({len(pairs)})</h3>\n'
        f'<div class="filters" data-table="ob{n}">'
        f'<label>{e(word("status", lang))} <select name="status"><option value="">{e(word("all", lang))}</option>{status_opts}</select></label> '
        f'<label>{e(word("responsible", lang))} <select name="unit"><option value="">{e(word("all", lang))}</option>{unit_opts}</select></label> '
        f'<span class="shown" data-total="{len(pairs)}">{len(pairs)}/{len(pairs)}</span></div>\n'
        f'<table class="obligations" id="ob{n}"><thead><tr><th>{e(word("status", lang))}</th><th>{e(word("rule", lang))}</th>'
        f'<th>{e(word("name", lang))}</th><th>{e(word("responsible", lang))}</th><th>{e(word("due", lang, year="")).strip()}</th>'
        f'<th>{e(word("message", lang))}</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table>\n"
    )


CSS = """
:root{--ok:#1a7f37;--warn:#b35900;--bad:#c62828;--review:#0b6fa4;--muted:#777;--line:#d0d7de;--bg:#f6f8fa;--ink:#1f2328}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:16px 24px;line-height:1.5;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 6px;border-bottom:2px solid var(--ink);padding-bottom:2px}h3{font-size:15px;margin:18px 0 6px}
.meta,.note{color:#57606a;margin:2px 0 8px}
code{font-size:12px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}
th button{all:unset;cursor:pointer}th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.zero{color:#bbb}
.ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad)}.review{color:var(--review)}.muted{color:var(--muted)}
.summary{display:flex;flex-wrap:wrap;gap:10px;align-items:stretch;margin:8px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:6px 14px;min-width:110px;background:#fff}
.card .k{display:block;font-size:12px;color:#57606a}.card .v{font-size:24px;font-weight:700}
.card.outcome.ok{border-color:var(--ok)}.card.outcome.bad{border-color:var(--bad)}
.counts{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.chip{display:inline-block;border:1px solid currentColor;border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap}
.chip.muted{color:var(--muted)}
.tag{font-size:11px;border:1px solid var(--line);border-radius:3px;padding:0 4px;color:#57606a;font-weight:400}
.alert{color:var(--bad);font-weight:600}.finding{color:var(--warn)}
.indicators{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:10px}
figure.indicator{margin:0;border:1px solid var(--line);border-left:4px solid currentColor;border-radius:4px;padding:6px 8px;break-inside:avoid;color:var(--ink)}
figure.indicator.ok{border-left-color:var(--ok)}figure.indicator.warn{border-left-color:var(--warn)}figure.indicator.bad{border-left-color:var(--bad)}figure.indicator.review{border-left-color:var(--review)}figure.indicator.muted{border-left-color:var(--muted)}
figcaption{font-weight:600}figcaption .score{float:right;font-weight:400;color:#57606a}
.id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;white-space:nowrap}
.msg{font-size:12px;color:#57606a;margin:2px 0}
.figures{font-size:12px;margin:0;font-variant-numeric:tabular-nums}.figures .actual{font-weight:600}
.history{display:flex;align-items:center;gap:6px;font-size:12px;color:#57606a}
svg{overflow:visible}svg text{font-size:10px;fill:#57606a}
svg .axis{stroke:#aaa}svg .path{fill:none;stroke:#8c959f;stroke-dasharray:5 3;stroke-width:1.5}
svg .series{fill:none;stroke:#0969da;stroke-width:2}svg .dot{fill:#0969da}
svg .projection{stroke:#0969da;stroke-dasharray:2 3;stroke-width:1.5}svg .projected{fill:#fff;stroke:#0969da}
svg .expected{fill:none;stroke:#24292f;stroke-width:1.5}svg .target{fill:#24292f}
svg .actual.ok{fill:var(--ok)}svg .actual.warn{fill:var(--warn)}svg .actual.bad{fill:var(--bad)}svg .actual.review{fill:var(--review)}svg .actual.muted{fill:var(--muted)}
svg .track{fill:#eaeef2}svg .bar.ok{fill:var(--ok)}svg .bar.warn{fill:var(--warn)}svg .bar.bad{fill:var(--bad)}svg .bar.review{fill:var(--review)}svg .bar.muted{fill:var(--muted)}
svg .expected-mark{stroke:#24292f;stroke-width:2}svg .target-mark{stroke:#24292f;stroke-width:2;stroke-dasharray:3 2}
svg.spark polyline{fill:none;stroke:#0969da;stroke-width:1.5}svg.spark circle{fill:#0969da}
.legend{font-size:12px;color:#57606a}.lg{display:inline-block;width:18px;height:0;margin:0 4px 3px 8px;border-top:2px solid #0969da;vertical-align:middle}
.lg.path{border-top:2px dashed #8c959f}.lg.projection{border-top:2px dotted #0969da}.lg.expected{width:9px;height:9px;border:1.5px solid #24292f;border-radius:50%}
.lg.actual{width:8px;height:8px;border:0;background:var(--ok);border-radius:50%}.lg.target{width:8px;height:8px;border:0;background:#24292f;transform:rotate(45deg)}
.filters{margin:4px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}.filters .shown{color:#57606a}
ol.fixes li{margin:4px 0}.fix{font-size:12px}
td.quote{font-family:"Noto Serif CJK SC","Songti SC",serif}
footer.page{margin-top:24px;color:#8c959f;font-size:12px}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{max-width:none;padding:0;font-size:10.5pt}
 .filters,th button::after{display:none}
 section.assessment{break-before:page}
 h2,h3{break-after:avoid}
 table{font-size:9pt}tr,figure,.summary{break-inside:avoid}
 .indicators{grid-template-columns:1fr 1fr}
 a{color:inherit;text-decoration:none}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

# Sorting the overview, filtering each obligations table (state also read from the URL's #hash,
# e.g. #status=not_reported&unit=市市场监管局, so a filtered view can be linked and tested).
JS = """
(function(){
  "use strict";
  function filter(box){
    var table=document.getElementById(box.dataset.table), status=box.querySelector("[name=status]").value,
        unit=box.querySelector("[name=unit]").value, shown=0, rows=table.tBodies[0].rows;
    for(var i=0;i<rows.length;i++){
      var r=rows[i], ok=(!status||r.dataset.status===status)&&(!unit||r.dataset.units.split("|").indexOf(unit)>=0);
      r.hidden=!ok; if(ok){shown++;}
    }
    var n=box.querySelector(".shown"); n.textContent=shown+"/"+n.dataset.total;
  }
  var params=new URLSearchParams(location.hash.slice(1));
  document.querySelectorAll(".filters").forEach(function(box){
    box.querySelectorAll("select").forEach(function(sel){
      var wanted=params.get(sel.name);
      if(wanted!==null&&sel.querySelector('option[value="'+CSS.escape(wanted)+'"]')){sel.value=wanted;}
      sel.addEventListener("change",function(){filter(box);});
    });
    filter(box);
  });
  document.querySelectorAll("table.sortable").forEach(function(table){
    var heads=table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads,function(th,col){
      th.querySelector("button").addEventListener("click",function(){
        var asc=th.getAttribute("aria-sort")!=="ascending", num=th.dataset.type==="num",
            body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
          var x=a.cells[col].dataset.sort, y=b.cells[col].dataset.sort, d;
          if(num){x=x===""?-Infinity:parseFloat(x); y=y===""?-Infinity:parseFloat(y); d=x-y;}
          else{d=x.localeCompare(y,document.documentElement.lang);}
          return asc?d:-d;
        });
        Array.prototype.forEach.call(heads,function(h){h.removeAttribute("aria-sort");});
        th.setAttribute("aria-sort",asc?"ascending":"descending");
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
})();
"""
