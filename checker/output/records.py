"""Judgements rendered in one language, as the records every renderer reads (and JSON writes)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from checker.codes import STATUS_POLICY
from checker.echo import MAX_MESSAGE, clean
from checker.i18n import Lang, render
from checker.judgement import Adjustment, Assessment, Judgement, Msg
from checker.locations import Location
from checker.models import results as out
from checker.models.plan import IndicatorRule, QuantityDeliverable
from checker.progress import Figure, published
from checker.rulefile import Plan, Rule

# Findings that inform rather than warn: they do not put a rule on the to-fix list.
INFO = frozenset({"baseline_from_data", "base_from_data", "multiple_level", "bound_certain"})


def _num(value: Decimal | None) -> float | None:
    return None if value is None else published(value)


def _plain(value: Any) -> str | int | float:
    """A message parameter as a JSON value."""
    if type(value) is str:  # the commonest, as it is
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool) or not isinstance(value, (float, int)):
        return str(value)
    return value


def params(msg: Msg) -> dict[str, str | int | float]:
    return {k: _plain(v) for k, v in msg.params}


def finding(msg: Msg, lang: Lang) -> out.Finding:
    severity = "info" if msg.key in INFO else "warning"
    return out.Finding.built(code=msg.key, severity=severity, message=render(msg, lang), params=params(msg))


def figure(fig: Figure | None) -> out.FigureRecord | None:
    if fig is None:
        return None
    return out.FigureRecord.built(
        estimate=fig.estimate, bound=fig.bound, period_end=fig.period_end,
        year_share=None if fig.share is None else round(float(fig.share), 4),
        note=None if fig.note is None else clean(fig.note, MAX_MESSAGE), source=None if fig.source is None else clean(fig.source, MAX_MESSAGE),
    )


def baseline(judgement: Judgement, stated: out.BaselineRecord | None) -> out.BaselineRecord | None:
    """The path's start: the rule's baseline (or multiple's stated base), else one from the reports."""
    rule = judgement.rule
    if not isinstance(rule, IndicatorRule):
        return None
    if rule.baseline is None and judgement.found is not None:
        found = judgement.found
        return out.BaselineRecord.built(year=found.year, value=published(found.value), origin="reports", source=found.source)
    return stated


def _stated_baseline(rule: IndicatorRule) -> out.BaselineRecord | None:
    """The baseline the rule file states (a multiple's base when it has none)."""
    stated = rule.baseline if rule.baseline is not None else rule.base
    if stated is None or stated.value is None:
        return None
    return out.BaselineRecord.built(year=stated.year, value=published(stated.value), origin="plan")


def location(loc: Location | None) -> out.EntryLocation | None:
    if loc is None:
        return None
    return out.EntryLocation.built(file=loc.file, path=loc.path, line=loc.line, cell=loc.cell)


def result_location(assessment: Assessment, judgement: Judgement) -> Location:
    """Where a result points: the entry that answered its rule, else (not reported) the report's
    `indicators` or `obligations` list, where its entry belongs."""
    if judgement.location is not None:
        return judgement.location
    where = "indicators" if isinstance(judgement.rule, IndicatorRule) else "obligations"
    return assessment.report.source.locate((where,))


def adjustment(adj: Adjustment, lang: Lang) -> out.AdjustmentRecord:
    return out.AdjustmentRecord.built(step=adj.step, before=adj.before, after=adj.after, reason=render(adj.reason, lang), ref=adj.ref)


@dataclass(frozen=True, slots=True)
class _RuleParts:
    """What a result says of its rule alone, the same in every report (records are frozen, so the
    citation and baseline records are shared)."""

    rule_id: str
    rule_type: out.RuleType
    kind: str
    subject: str
    name: str
    category: str
    attribute: Literal["expected", "binding"] | None
    weight: float
    unit: str | None
    source: out.Citation
    cite: str  # the citation sentence ending the message
    stated_target: float | None
    stated_baseline: out.BaselineRecord | None


# What a result says of its rule depends on the rule and its plan alone (the subject's name), so the
# parts live with the plan, one table per language, filled as results need them (bounded by the
# plan's rules). The entry holds the rule it was made from: a rule object other than the plan's
# with the same id is made afresh.
_PartsTable = dict[str, tuple[Rule, _RuleParts]]


def _rule_parts(table: _PartsTable, plan: Plan, rule: Rule, lang: Lang) -> _RuleParts:
    hit = table.get(rule.id)
    if hit is None or hit[0] is not rule:
        hit = table[rule.id] = (rule, _parts_of(rule, plan.entity_name(rule.subject), lang))
    return hit[1]


def _parts_of(rule: Rule, subject: str, lang: Lang) -> _RuleParts:
    source = rule.source
    citation = out.Citation.built(document=source.document, section=source.section, quote=source.quote)
    cite = render(Msg.of("cite", quote=source.quote, section=source.section), lang)
    if isinstance(rule, IndicatorRule):
        return _RuleParts(
            rule.id, "indicator", rule.kind, subject, rule.name, rule.category, rule.attribute, rule.weight, rule.unit,
            citation, cite, _num(rule.target.value), _stated_baseline(rule),
        )
    unit = rule.deliverable.unit if isinstance(rule.deliverable, QuantityDeliverable) else None
    return _RuleParts(
        rule.id, "obligation", "obligation", subject, rule.title, rule.category, None, rule.weight, unit,
        citation, cite, None, None,
    )


def rule_result(judgement: Judgement, rule: _RuleParts, lang: Lang) -> out.RuleResult:
    """One judgement as a record, its message and fix in `lang`."""
    outcome, trend, notes, adjustments = judgement.outcome, judgement.trend, judgement.outcome.notes, judgement.adjustments
    gap = None
    if outcome.actual is not None and outcome.expected is not None:
        gap = _num(outcome.actual - outcome.expected)
    has_progress = outcome.ratio is not None or outcome.progress
    fix = outcome.fix
    return out.RuleResult.built(
        rule_id=rule.rule_id,
        rule_type=rule.rule_type,
        kind=rule.kind,
        subject=rule.subject,
        name=rule.name,
        category=rule.category,
        attribute=rule.attribute,
        weight=rule.weight,
        status=outcome.status,
        expected=_num(outcome.expected),
        target=_num(outcome.target) if outcome.target is not None else rule.stated_target,
        actual=_num(outcome.actual),
        unit=rule.unit,
        gap=gap,
        progress=out.Progress.built(ratio=outcome.ratio, category=outcome.progress) if has_progress else None,
        score=judgement.score,
        role=judgement.role,
        message=f"{render(outcome.message, lang)} {rule.cite}",
        fix=render(fix, lang) if fix else None,
        findings=[finding(n, lang) for n in notes] if notes else [],  # most have none: no comprehension to run
        series=list(trend.series),
        cagr=trend.cagr,
        projection=trend.projection,
        source=rule.source,
        message_key=outcome.message.key,
        message_params=params(outcome.message),
        fix_key=fix.key if fix else None,
        location=location(judgement.location),
        adjustments=[adjustment(a, lang) for a in adjustments] if adjustments else [],
        claim=outcome.claim if outcome.status == "unverified" else None,
        figure=figure(judgement.figure),
        baseline=baseline(judgement, rule.stated_baseline),
        provisional=outcome.provisional,
    )


def to_fix(record: out.Assessment) -> list[out.RuleResult]:
    """The rules to act on: a status to fix or a finding that warns, unless waived; when the report
    is incomplete, what to fill in comes first (the report goes back, 退回补报)."""
    todo = [
        r for r in record.results
        if (STATUS_POLICY[r.status].to_fix or any(f.severity != "info" for f in r.findings))
        and not any(adj.step == "waiver" for adj in r.adjustments)
    ]
    if record.outcome == "incomplete":
        todo.sort(key=lambda r: r.status != "not_reported")
    return todo


# Each output of a run (`--format` and every `-o`) asks for the record of the same assessment in
# turn: the last one made in each language is kept for the others (records are frozen).
_LAST: dict[Lang, tuple[Assessment, out.Assessment]] = {}


def assessment_record(assessment: Assessment, lang: Lang) -> out.Assessment:
    """One assessment as the record `check --format json` writes."""
    last = _LAST.get(lang)
    if last is not None and last[0] is assessment:
        return last[1]
    record = _assessment_record(assessment, lang)
    _LAST[lang] = (assessment, record)
    return record


def _assessment_record(assessment: Assessment, lang: Lang) -> out.Assessment:
    report, summary, risk = assessment.report, assessment.summary, assessment.risk_accepted
    plan = report.plan
    table: _PartsTable = plan.memo.setdefault(("record parts", lang), {})
    return out.Assessment.built(
        submission=report.source.file,
        plan=plan.id,
        plan_title=plan.rules_file.plan.title,
        reporter=report.reporter.name,
        reporter_id=report.reporter.id,
        year=report.submission.year,
        illustrative=report.submission.illustrative,
        score=summary.score,
        grade=summary.grade,
        passed=summary.passed,
        veto=list(summary.veto),
        unassessable_share=summary.unassessable_share,
        categories=[
            out.CategoryScore.built(id=c.category.id, name=c.category.name, name_en=c.category.name_en, weight=c.category.weight, score=c.score)
            for c in summary.categories
        ],
        counts=summary.counts,
        findings=[finding(f, lang) for f in assessment.judged.findings],
        results=[rule_result(j, _rule_parts(table, plan, j.rule, lang), lang) for j in assessment.judged.judgements],
        gate=out.GateResult.built(
            passed=assessment.gate.passed,
            failures=[out.GateFailureRecord.built(reason=f.reason, detail=f.detail) for f in assessment.gate.failures],
        ),
        outcome=summary.outcome,
        ungraded_cause=summary.ungraded_cause,
        completeness=summary.completeness,
        risk_accepted=out.RiskAccepted.built(
            score=risk.score, grade=risk.grade, outcome=risk.outcome, passed=risk.passed,
        ),
    )
