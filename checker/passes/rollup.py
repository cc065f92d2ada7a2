"""Roll-up: a jurisdiction's figures against the sum of its sub-entities' (咸宁 and its counties).

Only rules marked `additive: true` are compared (counts and amounts; never per-10,000-population
ratios or rates), and only for kinds whose values can be summed (see checker.kinds).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from checker.judgement import JudgedReport, Judgement, Msg
from checker.kinds import KINDS
from checker.models.plan import IndicatorRule
from checker.rulefile import Plan
from checker.series import series_key
from checker.units import UnitError, convert

TOLERANCE = Decimal("0.005")  # relative difference allowed for rounding in the parts

Key = tuple[str, str, str, int]


def roll_up(batch: Sequence[JudgedReport]) -> list[JudgedReport]:
    """The reports, with roll-up findings added to each jurisdiction report judged with its parts."""
    by_key = {(*series_key(j.report), j.report.submission.year): j for j in batch}
    out = []
    for judged in batch:
        report = judged.report
        if report.reporter_id == report.plan.jurisdiction.id:
            judged = _check_whole(judged, by_key)
        out.append(judged)
    return out


def parts_of(plan: Plan) -> list[str]:
    """Sub-entities with targets of their own: the jurisdiction's regions and zones that report."""
    subjects = {rule.subject for rule in plan.rules_file.indicators}
    return [
        e.id for e in plan.entities.values()
        if e.parent == plan.jurisdiction.id and e.type in ("region", "zone") and e.id in subjects
    ]


def _check_whole(whole: JudgedReport, by_key: dict[Key, JudgedReport]) -> JudgedReport:
    report = whole.report
    plan, year, folder = report.plan, report.submission.year, str(report.path.parent)
    parts = parts_of(plan)
    present = {p: by_key[(folder, plan.id, p, year)] for p in parts if (folder, plan.id, p, year) in by_key}
    if not present:
        return whole  # judged alone: nothing to compare
    findings = whole.findings
    missing = [plan.entity_name(p) for p in parts if p not in present]
    if missing:
        findings = (*findings, Msg.of("rollup_missing", year=year, names="、".join(missing)))
    judgements = tuple(_compare(plan, j, present, len(parts)) for j in whole.judgements)
    return replace(whole, findings=findings, judgements=judgements)


def _compare(plan: Plan, judgement: Judgement, present: dict[str, JudgedReport], n_parts: int) -> Judgement:
    rule, whole = judgement.rule, judgement.outcome.actual
    if not isinstance(rule, IndicatorRule) or not rule.additive or not KINDS[rule.kind].summable or whole is None:
        return judgement
    names = plan.normalised_names[rule.id]
    total, counted = Decimal(0), set()
    for part_id, part_report in present.items():
        for part in part_report.judgements:
            part_rule = part.rule
            if (
                isinstance(part_rule, IndicatorRule) and part_rule.subject == part_id and part.outcome.actual is not None
                and names & plan.normalised_names[part_rule.id]
            ):
                try:
                    total += convert(part.outcome.actual, part_rule.unit, rule.unit)
                except UnitError:  # a part counted in a unit of its own: it cannot be summed with the whole
                    continue
                counted.add(part_id)
    if not counted:
        return judgement
    exceeds = total > whole * (1 + TOLERANCE)
    complete = len(counted) == n_parts
    if exceeds or (complete and abs(total - whole) > abs(whole) * TOLERANCE):
        key = "rollup_exceeds" if exceeds else "rollup_mismatch"
        message = Msg.of(key, parts=total, n=len(counted), whole=whole, unit=rule.unit, diff=abs(total - whole))
        return replace(judgement, outcome=replace(judgement.outcome, notes=(*judgement.outcome.notes, message)))
    return judgement
