"""The rule catalog: which plans are asked for, and each rule as a record other tools can read."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from checker.catalog import Catalog
from checker.engine.reporter import en_candidates, entities_named, zh_candidates
from checker.errors import Problem, UsageError
from checker.models.plan import (
    Entity,
    IndicatorRule,
    ObligationRule,
    QuantityDeliverable,
)
from checker.models.types import json_number
from checker.names import suggest
from checker.rulefile import Plan, Rule, load_rule_file, rule_title
from checker.scope import NON_REPORTING, Role, owed_rules
from checker.trend import stated_target_level


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


def _number(value: Decimal | None) -> float | int | None:
    return None if value is None else json_number(value)


# Units of target.value where it is not a quantity in the rule's unit: a growth rate, a factor.
TARGET_UNITS = {"growth_rate": "%", "multiple": "倍"}


def indicator_level(rule: IndicatorRule) -> tuple[Decimal | None, str | None]:
    """The catalog's target.level: what the reported value must reach by the target year, in the unit
    the report gives it (the rule's unit); None where the target is not one level (steady growth,
    qualitative, additions summed over the years)."""
    if rule.kind == "growth_rate" and rule.reported_as == "rate":
        return rule.target.value, rule.unit  # the series is itself the rate
    level = stated_target_level(rule)
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


def rules_named(rules: Path | None, rule_id: str) -> list[tuple[Plan, Rule]]:
    """Every plan's rule with this id (ids are unique within a plan, not across plans).

    Ids are matched exactly, then regardless of case; an unknown id is a usage error naming the
    closest ids and names of every plan.
    """
    plans = Catalog(rules).all()
    hits = [(plan, plan.rules[rule_id]) for plan in plans if rule_id in plan.rules]
    if not hits:
        folded = rule_id.casefold()
        hits = [(plan, rule) for plan in plans for rule in plan.rules.values() if rule.id.casefold() == folded]
    if not hits:
        options = {name: rule.id for plan in plans for rule in plan.rules.values() for name in (rule.id, rule_title(rule))}
        close = suggest(rule_id, options)
        raise UsageError([Problem(rule_id, f"未知规则编号{zh_candidates(close)}", f"unknown rule id{en_candidates(close)}")])
    return hits


@dataclass(frozen=True)
class Listing:
    """The rules of one plan to list; with a reporter, only those it owes, each with its role."""

    plan: Plan
    rules: tuple[tuple[Rule, Role | None], ...]
    reporter: Entity | None = None


def listings(rules: Path | None, plan: str | None, reporter: str | None = None) -> list[Listing]:
    """What `checker rules` lists: every rule of the plans asked for, or what `reporter` owes in each."""
    plans = select_plans(rules, plan)
    if reporter is None:
        return [Listing(p, tuple((rule, None) for rule in p.rules.values())) for p in plans]
    out = []
    for p in plans:
        entity = _entity(p, reporter)
        if entity is not None:
            out.append(Listing(p, tuple((o.rule, o.role) for o in owed_rules(p, entity)), entity))
    if not out:
        options = {name: e.id for p in plans for e in p.entities.values() if e.type not in NON_REPORTING
                   for name in (e.id, e.name, *e.aliases)}
        close = suggest(reporter, options)
        raise UsageError([Problem(
            reporter, f"规划中没有此报送主体{zh_candidates(close)}", f"no plan has this reporter{en_candidates(close)}",
        )])
    return out


def _entity(plan: Plan, reporter: str) -> Entity | None:
    """The first reporting entity of that id, name or alias (a name shared by several: the first)."""
    return next((e for e in entities_named(plan, reporter) if e.type not in NON_REPORTING), None)
