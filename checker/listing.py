"""`checker rules` and `checker explain`: the rule catalog as records other tools can read."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from checker.catalog import Catalog
from checker.errors import Lang, Problem, UsageError
from checker.models.plan import IndicatorRule, ObligationRule, QuantityDeliverable
from checker.rulefile import Plan, Rule, load_rule_file
from checker.trend import target_level

ATTRIBUTE_LABELS = {"expected": ("预期性", "expected"), "binding": ("约束性", "binding")}


def select_plans(rules: Path | None, plan: str | None) -> list[Plan]:
    """The plans asked for: one by id or rule-file path, or every plan in the catalog."""
    if plan is not None and Path(plan).is_file():
        return [load_rule_file(Path(plan))]
    catalog = Catalog(rules)
    if plan is None:
        return catalog.all()
    found = catalog.get(plan)
    if found is None:
        known = "、".join(p.id for p in catalog.all())
        raise UsageError([Problem(plan, f"未知规划(已有:{known})", f"unknown plan (known: {known})")])
    return [found]


def _number(value: Any) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# Units of target.value where it is not a quantity in the rule's unit: a growth rate, a factor.
TARGET_UNITS = {"growth_rate": "%", "multiple": "倍"}


def indicator_level(rule: IndicatorRule) -> tuple[Decimal | None, str | None]:
    """The catalog's target.level: what the reported value must reach by the target year, in the unit
    the report gives it (the rule's unit); None where the target is not one level (steady growth,
    qualitative, additions summed over the years)."""
    if rule.kind == "growth_rate" and rule.reported_as == "rate":
        return rule.target.value, rule.unit  # the series is itself the rate
    level = target_level(rule)
    return (None, None) if level is None else (round(level, 4), rule.unit)


def record(plan: Plan, rule: Rule) -> dict[str, Any]:
    """One rule as a plain record; the shape is stable (other tools read it)."""
    names = plan.entity_name
    responsible = {
        "lead": [names(u) for u in rule.responsible.lead],
        "support": [names(u) for u in rule.responsible.support],
        "joint": [names(u) for u in rule.responsible.joint],
    }
    common: dict[str, Any] = {
        "id": rule.id,
        "plan": plan.id,
        "rule_type": "indicator" if isinstance(rule, IndicatorRule) else "obligation",
        "subject": names(rule.subject),
        "subject_id": rule.subject or plan.jurisdiction.id,
        "category": plan.categories[rule.category].name,
        "weight": rule.weight,
        "responsible": responsible,
        "source": {"document": rule.source.document, "section": rule.source.section, "quote": rule.source.quote},
        "interpretation": rule.interpretation,
    }
    if isinstance(rule, IndicatorRule):
        level, level_unit = indicator_level(rule)
        return {
            **common,
            "kind": rule.kind,
            "name": rule.name,
            "aliases": rule.aliases,
            "target": {
                "value": _number(rule.target.value),
                "unit": TARGET_UNITS.get(rule.kind, rule.unit) if rule.reported_as != "rate" else rule.unit,
                "comparator": rule.target.comparator,
                "year": rule.target.year,
                "level": _number(level),
                "level_unit": level_unit,
            },
            "baseline": None if rule.baseline is None else {
                "value": _number(rule.baseline.value), "unit": rule.unit, "year": rule.baseline.year,
            },
            "base": None if rule.base is None else {
                "value": _number(rule.base.value), "unit": rule.unit, "year": rule.base.year,
            },
            "attribute": rule.attribute,
            "aspirational": rule.aspirational,
            "additive": rule.additive,
        }
    return {**common, **_obligation_fields(plan, rule)}


def _obligation_fields(plan: Plan, rule: ObligationRule) -> dict[str, Any]:
    deliverable = rule.deliverable
    due = rule.due or plan.rules_file.plan.period.end
    quantity = isinstance(deliverable, QuantityDeliverable)
    return {
        "kind": "obligation",
        "name": rule.title,
        "aliases": rule.aliases,
        "target": {
            "value": _number(deliverable.value) if isinstance(deliverable, QuantityDeliverable) else None,
            "unit": deliverable.unit if isinstance(deliverable, QuantityDeliverable) else None,
            "comparator": deliverable.comparator if isinstance(deliverable, QuantityDeliverable) else None,
            "year": due,
            "level": _number(deliverable.value) if isinstance(deliverable, QuantityDeliverable) else None,
            "level_unit": deliverable.unit if isinstance(deliverable, QuantityDeliverable) else None,
        },
        "baseline": None,
        "base": None,
        "attribute": None,
        "recurrence": rule.recurrence,
        "deliverable": deliverable.model_dump(mode="json") if not quantity else {
            "type": "quantity", "what": deliverable.what,  # type: ignore[union-attr]
            "from_indicator": deliverable.from_indicator,  # type: ignore[union-attr]
        },
    }


def write_json(plans: list[Plan], stream: TextIO) -> None:
    records = [record(plan, rule) for plan in plans for rule in plan.rules.values()]
    stream.write(json.dumps({"rules": records}, ensure_ascii=False, indent=2) + "\n")


def write_text(plans: list[Plan], stream: TextIO, lang: Lang) -> None:
    from checker.messages import fmt_number
    from checker.reporters.text import clip, pad

    for plan in plans:
        header = plan.rules_file.plan
        stream.write(f"{plan.id}  {header.title}  ({header.period.start}–{header.period.end})\n")
        for rule in plan.rules.values():
            rec = record(plan, rule)
            target = rec["target"]
            goal = ""
            if target["value"] is not None:
                goal = f"{target['comparator']} {fmt_number(target['value'])}{target['unit'] or ''} ({target['year']})"
            elif rec["rule_type"] == "obligation":
                goal = f"{'期限' if lang == 'zh' else 'due'} {target['year']}"
            stream.write(
                f"  {pad(rule.id, 18)}{pad(rec['kind'], 14)}{pad(clip(rec['subject'], 14), 14)}"
                f"{pad(clip(rec['name'], 40), 40)}{goal}\n"
            )
        stream.write(f"  {len(plan.rules_file.indicators)} indicators, {len(plan.rules_file.obligations)} obligations\n\n")


def explain(rules: Path | None, rule_id: str, stream: TextIO, lang: Lang) -> None:
    """Print one rule in full, with its plan and citation."""
    hits = [(plan, plan.rules[rule_id]) for plan in Catalog(rules).all() if rule_id in plan.rules]
    if not hits:
        raise UsageError([Problem(rule_id, "未知规则编号", "unknown rule id")])
    for plan, rule in hits:
        rec = record(plan, rule)
        stream.write(f"{rule.id} · {rec['name']}\n")
        stream.write(f"  {'规划' if lang == 'zh' else 'plan'}: {plan.id} {plan.rules_file.plan.title}\n")
        for key, value in rec.items():
            if key in ("id", "name", "plan") or value in (None, [], {}):
                continue
            if key == "attribute":
                value = ATTRIBUTE_LABELS[value][0 if lang == "zh" else 1]
            stream.write(f"  {key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value}\n")
