"""Roll-up: a jurisdiction's figures against the sum of its sub-entities' (咸宁 and its counties).

Only rules marked `additive: true` are compared (counts and amounts; never per-10,000-population
ratios or rates), and only for plain values (level, flow, cumulative).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from checker.errors import Lang
from checker.messages import Msg
from checker.models.plan import IndicatorRule
from checker.models.results import Assessment, Finding, RuleResult
from checker.names import normalise
from checker.rulefile import Plan
from checker.series import Report, series_key
from checker.units import convert

SUMMABLE = ("level", "flow", "cumulative")
TOLERANCE = Decimal("0.005")  # relative difference allowed for rounding in the parts


def roll_up(assessed: Sequence[tuple[Report, Assessment]], lang: Lang) -> list[Assessment]:
    """The assessments, with roll-up findings added to each jurisdiction report checked with its parts."""
    by_key = {(*series_key(r), r.submission.year): (r, a) for r, a in assessed}
    out = []
    for report, assessment in assessed:
        plan = report.plan
        if report.reporter_id == plan.jurisdiction.id:
            assessment = _check_whole(report, assessment, by_key, lang)
        out.append(assessment)
    return out


def parts_of(plan: Plan) -> list[str]:
    """Sub-entities with targets of their own: the jurisdiction's regions and zones that report."""
    subjects = {rule.subject for rule in plan.rules_file.indicators}
    return [
        e.id for e in plan.entities.values()
        if e.parent == plan.jurisdiction.id and e.type in ("region", "zone") and e.id in subjects
    ]


def _check_whole(
    report: Report, whole: Assessment, by_key: dict[tuple[str, str, str, int], tuple[Report, Assessment]], lang: Lang
) -> Assessment:
    plan, year, folder = report.plan, report.submission.year, str(report.path.parent)
    parts = parts_of(plan)
    present = {p: by_key[(folder, plan.id, p, year)][1] for p in parts if (folder, plan.id, p, year) in by_key}
    if not present:
        return whole  # checked alone: nothing to compare
    findings = list(whole.findings)
    missing = [plan.entity_name(p) for p in parts if p not in present]
    if missing:
        findings.append(_finding(Msg.of("rollup_missing", year=year, names="、".join(missing)), lang))
    results = [_compare(plan, r, present, len(parts), lang) for r in whole.results]
    return whole.model_copy(update={"findings": findings, "results": results})


def _compare(plan: Plan, result: RuleResult, present: dict[str, Assessment], n_parts: int, lang: Lang) -> RuleResult:
    rule = plan.rules.get(result.rule_id)
    if not isinstance(rule, IndicatorRule) or not rule.additive or rule.kind not in SUMMABLE or result.actual is None:
        return result
    names = {normalise(n) for n in (rule.name, *rule.aliases)}
    total, counted = Decimal(0), []
    for part_id, assessment in present.items():
        for part in assessment.results:
            part_rule = plan.rules.get(part.rule_id)
            if (
                isinstance(part_rule, IndicatorRule) and part_rule.subject == part_id and part.actual is not None
                and names & {normalise(n) for n in (part_rule.name, *part_rule.aliases)}
            ):
                total += convert(Decimal(repr(part.actual)), part_rule.unit, rule.unit)
                counted.append(part_id)
    if not counted:
        return result
    whole = Decimal(repr(result.actual))
    exceeds = total > whole * (1 + TOLERANCE)
    complete = len(set(counted)) == n_parts
    if exceeds or (complete and abs(total - whole) > abs(whole) * TOLERANCE):
        key = "rollup_exceeds" if exceeds else "rollup_mismatch"
        message = Msg.of(key, parts=total, n=len(set(counted)), whole=whole, unit=rule.unit, diff=abs(total - whole))
        return result.model_copy(update={"findings": [*result.findings, _finding(message, lang)]})
    return result


def _finding(message: Msg, lang: Lang) -> Finding:
    return Finding(code=message.key, severity="warning", message=message.render(lang))
