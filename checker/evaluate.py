"""Rules x submission -> typed, immutable results (before scoring)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from checker.errors import Lang, Problem, SubmissionError
from checker.kinds import KINDS
from checker.kinds.base import IndicatorInput, Outcome
from checker.links import linked_quantities
from checker.messages import FIXES, Msg
from checker.models.plan import Entity, IndicatorRule, ObligationRule, QuantityDeliverable
from checker.models.results import Citation, Finding, Progress, RuleResult
from checker.models.submission import IndicatorEntry, ObligationEntry, RuleRef, Submission
from checker.names import normalise
from checker.obligations import ObligationInput, evaluate_obligation
from checker.rulefile import Plan, Rule, rule_title
from checker.scope import NON_REPORTING, OwedRule, owed_rules
from checker.series import PriorValues
from checker.trend import Trend, trend_of
from checker.units import UnitError, convert



@dataclass(frozen=True)
class Evaluation:
    """The results of one submission, before scoring."""

    reporter: Entity
    results: tuple[RuleResult, ...]
    values: PriorValues  # what this report states, in rules' units: for the next years of a series


def resolve_reporter(plan: Plan, submission: Submission, name: str) -> Entity:
    """The entity behind `reporter`, by id, name or alias."""
    wanted = normalise(submission.reporter)
    matches = [
        e for e in plan.entities.values()
        if e.id == submission.reporter or wanted in {normalise(n) for n in (e.name, *e.aliases)}
    ]
    if len(matches) == 1 and matches[0].type not in NON_REPORTING:
        return matches[0]
    if len(matches) == 1:
        raise SubmissionError([Problem(
            name, f"“{matches[0].name}”不单独报送(由上级汇总报送)",
            f"'{matches[0].name}' does not report on its own (its parent reports for it)", "$.reporter",
        )])
    candidates = [e for e in plan.entities.values() if e.type not in NON_REPORTING]
    close = _suggest(submission.reporter, {e.name: e.id for e in candidates})
    raise SubmissionError([Problem(
        name, f"规划 {plan.id} 中没有报送主体“{submission.reporter}”{_zh_candidates(close)}",
        f"plan {plan.id} has no reporter '{submission.reporter}'{_en_candidates(close)}", "$.reporter",
    )])


def _suggest(text: str, options: Mapping[str, str]) -> list[str]:
    """Up to five of the options closest to text, as 'name (id)'."""
    normal = {normalise(k): k for k in options}
    wanted = normalise(text)
    hits = [n for n in normal if wanted in n or n in wanted]
    hits += difflib.get_close_matches(wanted, list(normal), n=5, cutoff=0.5)
    shown: dict[str, str] = {}  # one name per target, so a rule's aliases do not crowd the list
    for hit in hits:
        shown.setdefault(options[normal[hit]], normal[hit])
    return [name if rid == name else f"{name} ({rid})" for rid, name in list(shown.items())[:5]]


def _zh_candidates(items: list[str]) -> str:
    return f";可能是:{'、'.join(items)}" if items else ""


def _en_candidates(items: list[str]) -> str:
    return f"; did you mean: {', '.join(items)}" if items else ""


def _rule_names(rule: Rule) -> list[str]:
    return [rule_title(rule), *rule.aliases]


class _Matcher:
    """Finds the owed rule an entry answers, by id or by normalised name/alias."""

    def __init__(self, plan: Plan, owed: list[OwedRule], section: str) -> None:
        want = IndicatorRule if section == "indicators" else ObligationRule
        self.plan, self.section = plan, section
        self.owed = {o.rule.id: o for o in owed if isinstance(o.rule, want)}
        self.all = {r.id: r for r in plan.rules.values() if isinstance(r, want)}

    def find(self, ref: RuleRef, name: str, place: str) -> OwedRule | Problem:
        if ref.id:
            if ref.id in self.owed:
                return self.owed[ref.id]
            if ref.id in self.all:
                return self._not_owed(self.all[ref.id], name, place + ".id")
            return self._unknown(ref.id, name, place + ".id", {o.rule.id: o.rule.id for o in self.owed.values()})
        wanted = normalise(ref.name or "")
        names = self.plan.normalised_names
        hits = [o for o in self.owed.values() if wanted in names[o.rule.id]]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = [f"{o.rule.id}({self.plan.entity_name(o.rule.subject)})" for o in hits]
            return Problem(
                name, f"名称“{ref.name}”对应多项规则,请改用编号 id:{'、'.join(listed)}",
                f"name '{ref.name}' matches several rules; use the id: {', '.join(listed)}", place + ".name",
            )
        elsewhere = [r for r in self.all.values() if wanted in names[r.id]]
        if elsewhere:
            return self._not_owed(elsewhere[0], name, place + ".name")
        options = {n: o.rule.id for o in self.owed.values() for n in _rule_names(o.rule)}
        return self._unknown(ref.name or "", name, place + ".name", options)

    def _not_owed(self, rule: Rule, name: str, place: str) -> Problem:
        units = "、".join(self.plan.entity_name(u) for u in rule.responsible.all_units()) or self.plan.entity_name(rule.subject)
        return Problem(
            name, f"规则 {rule.id}“{_rule_names(rule)[0]}”不属于本报送主体的责任(责任单位:{units})",
            f"rule {rule.id} '{_rule_names(rule)[0]}' is not owed by this reporter (responsible: {units})", place,
        )

    def _unknown(self, text: str, name: str, place: str, options: Mapping[str, str]) -> Problem:
        close = _suggest(text, options)
        kind_zh = "指标" if self.section == "indicators" else "任务"
        kind_en = "indicator" if self.section == "indicators" else "obligation"
        return Problem(
            name, f"未知{kind_zh}“{text}”{_zh_candidates(close)}",
            f"unknown {kind_en} '{text}'{_en_candidates(close)}", place,
        )


def _to_rule_unit(value: Decimal, unit: str, rule_unit: str, name: str, place: str, problems: list[Problem]) -> Decimal | None:
    try:
        return convert(value, unit, rule_unit)
    except UnitError as exc:
        problems.append(Problem(name, exc.zh, exc.en, place))
        return None


def evaluate(
    plan: Plan, submission: Submission, reporter: Entity, name: str, lang: Lang, prior: PriorValues | None = None
) -> Evaluation:
    """Judge every rule the reporter owes; raise SubmissionError listing every entry that does not fit."""
    period = plan.rules_file.plan.period
    if not period.start <= submission.year <= period.end:
        raise SubmissionError([Problem(
            name, f"报告年度 {submission.year} 不在规划期 {period.start}—{period.end} 内",
            f"report year {submission.year} is outside the plan period {period.start}-{period.end}", "$.year",
        )])
    owed = owed_rules(plan, reporter)
    problems: list[Problem] = []
    indicator_entries = _match(plan, owed, "indicators", submission.indicators, name, problems)
    obligation_entries = _match(plan, owed, "obligations", submission.obligations, name, problems)
    indicator_inputs = {
        rid: _indicator_input(plan, o.rule, e, place, submission.year, name, problems, (prior or {}).get(rid, {}))
        for rid, (o, e, place) in indicator_entries.items() if isinstance(o.rule, IndicatorRule)
    }
    quantities = {
        rid: _quantity(o.rule, e, place, name, problems)
        for rid, (o, e, place) in obligation_entries.items() if isinstance(o.rule, ObligationRule)
    }
    # issue-13: a quantity not reported is taken from the indicator the deliverable links to.
    quantities = linked_quantities(plan, quantities, {rid: s.input.value for rid, s in indicator_inputs.items()})
    if problems:
        raise SubmissionError(sorted(problems, key=lambda p: _place_key(p.place)))
    results = []
    for item in owed:
        rule = item.rule
        trend = Trend()
        if isinstance(rule, IndicatorRule):
            outcome, trend = _judge_indicator(rule, indicator_inputs.get(rule.id), submission.year)
        else:
            found = obligation_entries.get(rule.id)
            outcome = _judge_obligation(plan, rule, found and found[1], quantities.get(rule.id), submission.year)
        results.append(_result(plan, item, outcome, trend, lang))
    values: PriorValues = {
        rid: {y: (v, stated.sources[y]) for y, v in stated.input.series().items() if y in stated.sources}
        for rid, stated in indicator_inputs.items()
    }
    return Evaluation(reporter, tuple(results), values)


def _place_key(place: str) -> list[tuple[int, int | str]]:
    """Document order for places such as $.indicators[10].unit (10 after 2)."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"[\[\].]+", place) if part]


def _match(
    plan: Plan, owed: list[OwedRule], section: str,
    entries: list[IndicatorEntry] | list[ObligationEntry], name: str, problems: list[Problem],
) -> dict[str, tuple[OwedRule, RuleRef, str]]:
    matcher = _Matcher(plan, owed, section)
    found: dict[str, tuple[OwedRule, RuleRef, str]] = {}
    for index, entry in enumerate(entries):
        place = f"$.{section}[{index}]"
        hit = matcher.find(entry, name, place)
        if isinstance(hit, Problem):
            problems.append(hit)
        elif hit.rule.id in found:
            first = found[hit.rule.id][2]
            problems.append(Problem(
                name, f"规则 {hit.rule.id} 重复填报(另见 {first})", f"rule {hit.rule.id} reported twice (also at {first})", place,
            ))
        else:
            found[hit.rule.id] = (hit, entry, place)
    return found


@dataclass(frozen=True)
class _Stated:
    """An indicator entry resolved: the kind's input, where each value came from, revisions seen."""

    input: IndicatorInput
    sources: dict[int, str]
    revisions: tuple[Msg, ...]


def _indicator_input(
    plan: Plan, rule: IndicatorRule, entry: RuleRef, place: str, year: int,
    name: str, problems: list[Problem], prior: Mapping[int, tuple[Decimal, str]],
) -> _Stated:
    assert isinstance(entry, IndicatorEntry)
    value = None
    if entry.value is not None and entry.unit is not None:
        value = _to_rule_unit(entry.value, entry.unit, rule.unit, name, place + ".unit", problems)
    elif rule.kind != "qualitative":
        problems.append(Problem(
            name, f"指标 {rule.id} 须填报数值 value 及单位 unit", f"indicator {rule.id} needs a value and unit", place,
        ))
    history = {y: v for y, (v, _src) in prior.items() if y < year}
    sources = {y: src for y, (_v, src) in prior.items() if y < year}
    revisions = []
    for i, past in enumerate(entry.history):
        converted = _to_rule_unit(past.value, past.unit, rule.unit, name, f"{place}.history[{i}].unit", problems)
        if past.year >= year:
            problems.append(Problem(
                name, f"历史数据年份 {past.year} 应早于报告年度 {year}", f"history year {past.year} must precede the report year {year}",
                f"{place}.history[{i}].year",
            ))
        elif converted is not None:
            if past.year in history and history[past.year] != converted:
                # A revised figure is normal, but never silent: show both and use the newer one.
                revisions.append(Msg.of(
                    "revision", year=past.year, old=history[past.year], old_source=sources[past.year],
                    new=converted, new_source=past.source or name, unit=rule.unit,
                ))
            history[past.year] = converted
            sources[past.year] = f"{name} (history)"
    if value is not None:
        sources[year] = name
    settings = plan.rules_file.scoring
    inp = IndicatorInput(
        rule, year, value, entry.rank, entry.verdict, history, plan.rules_file.plan.period.start, settings.progress,
    )
    return _Stated(inp, sources, tuple(revisions))


def _quantity(
    rule: ObligationRule, entry: RuleRef, place: str, name: str, problems: list[Problem]
) -> Decimal | None:
    assert isinstance(entry, ObligationEntry)
    if entry.quantity is None or entry.unit is None:
        return None
    if not isinstance(rule.deliverable, QuantityDeliverable):
        problems.append(Problem(
            name, f"任务 {rule.id} 没有数量要求,不应填报 quantity", f"obligation {rule.id} has no quantity to report",
            place + ".quantity",
        ))
        return None
    return _to_rule_unit(entry.quantity, entry.unit, rule.deliverable.unit, name, place + ".unit", problems)


def _judge_indicator(rule: IndicatorRule, stated: _Stated | None, year: int) -> tuple[Outcome, Trend]:
    if rule.baseline is not None and year <= rule.baseline.year:
        # The path starts after the baseline year: nothing is due yet.
        return Outcome("not_due", Msg.of("not_due", year=year)), Trend()
    if stated is None:
        return Outcome("not_reported", Msg.of("not_reported"), points=0.0, fix=Msg.of("report_value", year=year)), Trend()
    outcome = KINDS[rule.kind](stated.input)
    trend = trend_of(stated.input, stated.sources)
    return replace(outcome, notes=(*stated.revisions, *outcome.notes, *trend.warnings)), trend


def _judge_obligation(
    plan: Plan, rule: ObligationRule, entry: RuleRef | None, quantity: Decimal | None, year: int
) -> Outcome:
    completed = isinstance(entry, ObligationEntry) and entry.status == "completed"
    if rule.start is not None and year < rule.start and not completed:
        return Outcome("not_due", Msg.of("ob_not_due", start=rule.start))
    if not isinstance(entry, ObligationEntry):
        return Outcome("not_reported", Msg.of("not_reported"), points=0.0, fix=Msg.of("report_obligation"))
    period, settings = plan.rules_file.plan.period, plan.rules_file.scoring
    return evaluate_obligation(ObligationInput(
        rule, entry, quantity, year, rule.due or period.end, period.start, settings.progress, settings.obligation_points,
    ))


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 4))


def _result(plan: Plan, item: OwedRule, outcome: Outcome, trend: Trend, lang: Lang) -> RuleResult:
    rule = item.rule
    cite = Msg.of("cite", quote=rule.source.quote, section=rule.source.section).render(lang)
    message = f"{outcome.message.render(lang)} {cite}"
    kind: str
    unit: str | None
    if isinstance(rule, IndicatorRule):
        kind, name, unit, attribute = rule.kind, rule.name, rule.unit, rule.attribute
    else:
        kind, name, attribute = "obligation", rule.title, None
        unit = rule.deliverable.unit if isinstance(rule.deliverable, QuantityDeliverable) else None
    gap = None
    if outcome.actual is not None and outcome.expected is not None:
        gap = _num(outcome.actual - outcome.expected)
    findings = [Finding(code=n.key, severity="warning", message=n.render(lang)) for n in outcome.notes]
    # Built from checked values by our own code: construct without re-validating (10x faster).
    return RuleResult.model_construct(
        rule_id=rule.id,
        rule_type="indicator" if isinstance(rule, IndicatorRule) else "obligation",
        kind=kind,
        subject=plan.entity_name(rule.subject),
        name=name,
        category=rule.category,
        attribute=attribute,
        weight=rule.weight,
        status=outcome.status,
        expected=_num(outcome.expected),
        target=_num(outcome.target if outcome.target is not None else getattr(getattr(rule, "target", None), "value", None)),
        actual=_num(outcome.actual),
        unit=unit,
        gap=gap,
        progress=Progress(ratio=outcome.ratio, category=outcome.progress) if (outcome.ratio is not None or outcome.progress) else None,
        score=None if outcome.points is None else round(outcome.points * 100, 1),
        role=item.role,
        message=message,
        fix=outcome.fix.render(lang, FIXES) if outcome.fix else None,
        findings=findings,
        series=list(trend.series),
        cagr=trend.cagr,
        projection=trend.projection,
        source=Citation(document=rule.source.document, section=rule.source.section, quote=rule.source.quote),
    )

