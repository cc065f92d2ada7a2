"""Rule files: load, validate (schema, model, cross-references) and index a plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from checker.errors import Problem, RuleFileError
from checker.loading import build_model, parse_yaml, read_text, schema_problems
from checker.locations import JsonPath, format_path, nearest
from checker.models.plan import Entity, IndicatorRule, ObligationRule, QuantityDeliverable, RuleFile
from checker.names import normalise
from checker.units import UnitError, convert, parse_unit

Rule = IndicatorRule | ObligationRule


@dataclass(frozen=True)
class Plan:
    """A validated rule file with lookups by id."""

    path: str
    rules_file: RuleFile
    entities: dict[str, Entity] = field(repr=False)

    @property
    def id(self) -> str:
        return self.rules_file.plan.id

    @property
    def jurisdiction(self) -> Entity:
        return self.entities[self.rules_file.plan.jurisdiction]

    @cached_property
    def rules(self) -> dict[str, Rule]:
        rules: list[Rule] = [*self.rules_file.indicators, *self.rules_file.obligations]
        return {r.id: r for r in rules}

    @cached_property
    def categories(self) -> dict[str, Any]:
        return {c.id: c for c in self.rules_file.categories}

    @cached_property
    def normalised_names(self) -> dict[str, frozenset[str]]:
        """Rule id -> its name (or title) and aliases, normalised for matching."""
        return {r.id: frozenset(normalise(n) for n in (rule_title(r), *r.aliases)) for r in self.rules.values()}

    def entity_name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return self.jurisdiction.name
        return self.entities[entity_id].name

    def group_ids_of(self, entity_id: str) -> set[str]:
        """The entity and every group it belongs to (各县(市、区)人民政府 includes each county)."""
        return {entity_id} | {e.id for e in self.entities.values() if entity_id in e.members}


def rule_title(rule: Rule) -> str:
    """An indicator's name or an obligation's title."""
    return rule.name if isinstance(rule, IndicatorRule) else rule.title


def _describe(data: dict[str, Any]) -> Any:
    """Render a path, naming the rule id where the path runs through a rule."""

    def describe(path: JsonPath) -> str:
        if len(path) >= 2 and path[0] in ("indicators", "obligations", "entities") and isinstance(path[1], int):
            items = data.get(str(path[0]))
            if isinstance(items, list) and path[1] < len(items) and isinstance(items[path[1]], dict):
                rule_id = items[path[1]].get("id")
                if isinstance(rule_id, str):
                    rest = format_path(path[2:])[1:]
                    return f"{path[0]}[{path[1]}] ({rule_id}){rest}"
        return format_path(path)

    return describe


def load_rule_file(path: Path) -> Plan:
    """Load and validate one rule file; raise RuleFileError with every problem found."""
    name = str(path)
    text = read_text(path, RuleFileError)
    data, lines = parse_yaml(text, name, RuleFileError)
    describe = _describe(data)
    problems = schema_problems(data, "rules", name, lines, describe)
    if problems:
        raise RuleFileError(problems)
    model = build_model(RuleFile, data, name, lines, describe, RuleFileError)
    problems = [
        Problem(name, zh, en, describe(p), nearest(p, lines)) for p, zh, en in cross_reference_problems(model)
    ]
    if problems:
        raise RuleFileError(sorted(problems, key=lambda p: (p.line or 0, p.place)))
    return Plan(name, model, {e.id: e for e in model.entities})


def cross_reference_problems(model: RuleFile) -> list[tuple[JsonPath, str, str]]:
    """Problems a schema cannot see: unknown references, duplicate ids, units, years."""
    out: list[tuple[JsonPath, str, str]] = []
    entity_ids: set[str] = set()
    for i, entity in enumerate(model.entities):
        if entity.id in entity_ids:
            out.append((("entities", i, "id"), f"实体编号 {entity.id} 重复", f"duplicate entity id {entity.id}"))
        entity_ids.add(entity.id)
    category_ids = {c.id for c in model.categories}

    def need_entity(ref: str | None, path: JsonPath) -> None:
        if ref is not None and ref not in entity_ids:
            out.append((path, f"未定义的实体 {ref}", f"unknown entity {ref}"))

    need_entity(model.plan.jurisdiction, ("plan", "jurisdiction"))
    for i, entity in enumerate(model.entities):
        need_entity(entity.parent, ("entities", i, "parent"))
        for j, member in enumerate(entity.members):
            need_entity(member, ("entities", i, "members", j))

    period = model.plan.period
    indicators = {rule.id: rule for rule in model.indicators}
    seen: set[str] = set()
    sections: list[tuple[str, Sequence[Rule]]] = [
        ("indicators", model.indicators),
        ("obligations", model.obligations),
    ]
    for section, rules in sections:
        for i, rule in enumerate(rules):
            at: JsonPath = (section, i)
            if rule.id in seen:
                out.append((at + ("id",), f"规则编号 {rule.id} 重复", f"duplicate rule id {rule.id}"))
            seen.add(rule.id)
            if rule.category not in category_ids:
                out.append((at + ("category",), f"未定义的类别 {rule.category}", f"unknown category {rule.category}"))
            need_entity(rule.subject, at + ("subject",))
            for role in ("lead", "support", "joint"):
                for j, unit_id in enumerate(getattr(rule.responsible, role)):
                    need_entity(unit_id, at + ("responsible", role, j))
            years = {("target", "year"): rule.target.year} if isinstance(rule, IndicatorRule) else {("due",): rule.due, ("start",): rule.start}
            for field_name, year in years.items():
                if year is not None and not (period.start <= year <= period.end):
                    out.append((
                        at + field_name,
                        f"年份 {year} 不在规划期 {period.start}–{period.end} 内",
                        f"year {year} is outside the plan period {period.start}-{period.end}",
                    ))
            unit = rule.unit if isinstance(rule, IndicatorRule) else getattr(rule.deliverable, "unit", None)
            if unit is not None:
                try:
                    parse_unit(unit)
                except UnitError as exc:
                    where = ("unit",) if isinstance(rule, IndicatorRule) else ("deliverable", "unit")
                    out.append((at + where, exc.zh, exc.en))
            if isinstance(rule, ObligationRule) and isinstance(rule.deliverable, QuantityDeliverable):
                out.extend(_link_problems(rule.deliverable, indicators, at + ("deliverable", "from_indicator")))
    return out


def _link_problems(
    deliverable: QuantityDeliverable, indicators: dict[str, IndicatorRule], at: JsonPath
) -> list[tuple[JsonPath, str, str]]:
    """A quantity taken from an indicator: the indicator exists and its unit converts to the deliverable's."""
    ref = deliverable.from_indicator
    if ref is None:
        return []
    indicator = indicators.get(ref)
    if indicator is None:
        return [(at, f"未定义的指标 {ref}(须为本规划的指标)", f"unknown indicator {ref} (must be an indicator of this plan)")]
    try:
        convert(Decimal(1), indicator.unit, deliverable.unit)
    except UnitError:
        return [(
            at, f"指标 {ref} 的单位“{indicator.unit}”无法换算为任务数量单位“{deliverable.unit}”",
            f"the unit '{indicator.unit}' of indicator {ref} does not convert to the deliverable's unit '{deliverable.unit}'",
        )]
    return []
