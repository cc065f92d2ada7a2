"""Judge one report: every rule its reporter owes, as neutral judgements (before the passes)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from checker.engine.figures import qualify
from checker.engine.inputs import Stated, indicator_input, quantity
from checker.engine.matching import match_entries
from checker.errors import Problem, SubmissionError
from checker.judgement import Judgement, Msg
from checker.kinds import KINDS
from checker.links import linked_quantities
from checker.locations import place_key
from checker.models.plan import IndicatorRule, ObligationRule
from checker.models.submission import IndicatorEntry, ObligationEntry, RuleRef
from checker.obligations import ObligationInput, evaluate_obligation
from checker.progress import Figure, Outcome, year_share
from checker.rulefile import Plan
from checker.scope import owed_rules
from checker.series import PriorValues, Report
from checker.trend import Trend, trend_of


# No series, no measures: immutable, so one instance serves every rule without a trend.
NO_TREND = Trend()


@dataclass(frozen=True)
class Evaluation:
    """The judgements of one report, and the values it states (for the next years of its series)."""

    judgements: tuple[Judgement, ...]
    values: PriorValues  # rule id -> year -> (value in the rule's unit, source)


def evaluate(report: Report, prior: PriorValues | None = None) -> Evaluation:
    """Judge every rule the reporter owes; raise SubmissionError listing every entry that does not fit."""
    plan, submission, source = report.plan, report.submission, report.source
    name = source.file  # the file name as shown (escaped where it is not valid UTF-8)
    period = plan.rules_file.plan.period
    problems: list[Problem] = []
    if not period.start <= submission.year <= period.end:
        problems.append(Problem(
            name, f"报告年度 {submission.year} 不在规划期 {period.start}—{period.end} 内",
            f"report year {submission.year} is outside the plan period {period.start}-{period.end}", "$.year",
        ))
    owed = owed_rules(plan, report.reporter)
    indicators = match_entries(plan, owed, "indicators", submission.indicators, name, problems, report.positions)
    obligations = match_entries(plan, owed, "obligations", submission.obligations, name, problems, report.positions)
    stated = {
        rid: indicator_input(
            plan, o.rule, e, at, submission.year, name, problems, (prior or {}).get(rid, {}), submission.period_end,
        )
        for rid, (o, e, at) in indicators.items() if isinstance(o.rule, IndicatorRule) and isinstance(e, IndicatorEntry)
    }
    quantities = {
        rid: quantity(o.rule, e, at, name, problems)
        for rid, (o, e, at) in obligations.items() if isinstance(o.rule, ObligationRule) and isinstance(e, ObligationEntry)
    }
    # A quantity not reported is taken from the indicator the deliverable links to (one figure, two rules).
    linked = linked_quantities(plan, quantities, {rid: s.input.value for rid, s in stated.items()})
    if problems:
        raise SubmissionError(sorted((p.located(source) for p in problems), key=lambda p: place_key(p.place)))
    judgements = []
    for item in owed:
        rule, trend = item.rule, NO_TREND
        figure = found_baseline = None
        if isinstance(rule, IndicatorRule):
            found = indicators.get(rule.id)
            resolved = stated.get(rule.id)
            outcome, trend = _judge_indicator(rule, resolved, submission.year)
            if resolved is not None:
                figure, found_baseline = resolved.input.figure, resolved.found_baseline
        else:
            found = obligations.get(rule.id)
            entry = found and found[1]
            outcome = _judge_obligation(plan, rule, entry, linked.get(rule.id), submission.year)
            if quantities.get(rule.id) is None and linked.get(rule.id) is not None:
                note = Msg.of("quantity_linked", indicator=getattr(rule.deliverable, "from_indicator", ""))
                outcome = replace(outcome, notes=(*outcome.notes, note))
            if isinstance(entry, ObligationEntry) and entry.note:
                figure = Figure(note=entry.note)
        location = source.locate(found[2]) if found else None
        judgements.append(Judgement(rule, item.role, outcome, trend, location, figure=figure, found=found_baseline))
    values: PriorValues = {
        rid: {y: (v, s.sources[y]) for y, v in s.input.series().items() if y in s.sources}
        for rid, s in stated.items()
    }
    return Evaluation(tuple(judgements), values)


def _judge_indicator(rule: IndicatorRule, stated: Stated | None, year: int) -> tuple[Outcome, Trend]:
    if rule.baseline is not None and year <= rule.baseline.year:
        # The path starts after the baseline year: nothing is due yet.
        return Outcome("not_due", Msg.of("not_due", year=year)), NO_TREND
    if stated is None or (stated.blank and not stated.history_only):
        return Outcome("not_reported", Msg.of("not_reported"), points=0.0, fix=Msg.of("report_value", year=year)), NO_TREND
    inp = stated.input
    if stated.history_only:
        # History only: the earlier years are kept (series, later baselines); this year is not reported.
        years = [y for y in inp.series() if y in stated.sources]
        trend = Trend(trend_of(inp, stated.sources).series)
        return Outcome(
            "not_reported", Msg.of("history_only", years="、".join(map(str, years))), points=0.0,
            fix=Msg.of("report_value", year=year), notes=stated.revisions,
        ), trend
    kind = KINDS[rule.kind]
    if inp.figure.partial and kind.part_year == "review" and inp.verdict is None:
        outcome = Outcome(
            "needs_review",
            Msg.of("part_year_review", date=inp.figure.period_end, share=year_share(inp.figure.share or Decimal(0)),
                   actual=inp.value, unit=rule.unit),
            actual=inp.value, fix=Msg.of("report_year_end", year=year),
        )
    else:
        outcome = kind.judge(inp)
    outcome = qualify(outcome, rule, inp.figure)
    trend = trend_of(inp, stated.sources)
    found = stated.found if outcome.status not in ("not_reported", "not_due") else ()
    notes = (*found, *stated.revisions, *stated.warnings, *stated.hints, *outcome.notes, *trend.warnings)
    if len(notes) == len(outcome.notes):  # nothing added (the usual case): the outcome as it is
        return outcome, trend
    return replace(outcome, notes=notes), trend


# The same for every obligation not reported (immutable: one instance serves them all).
_OBLIGATION_NOT_REPORTED = Outcome("not_reported", Msg.of("not_reported"), points=0.0, fix=Msg.of("report_obligation"))


def _judge_obligation(
    plan: Plan, rule: ObligationRule, entry: RuleRef | None, quantity: Decimal | None, year: int
) -> Outcome:
    completed = isinstance(entry, ObligationEntry) and entry.status == "completed"
    if rule.start is not None and year < rule.start and not completed:
        return Outcome("not_due", Msg.of("ob_not_due", start=rule.start))
    if not isinstance(entry, ObligationEntry) or entry.status is None:  # no status: a blank template row
        return _OBLIGATION_NOT_REPORTED
    period, settings = plan.rules_file.plan.period, plan.rules_file.scoring
    return evaluate_obligation(ObligationInput(
        rule, entry, quantity, year, rule.due or period.end, period.start, settings.progress, settings.obligation_points,
    ))
