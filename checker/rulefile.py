"""Rule files: load, validate (schema, model, cross-references) and index a plan."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation, localcontext
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from checker import cache
from checker.errors import Problem, RuleFileError
from checker.loading import build_model, parse_yaml, read_text, schema_problems
from checker.locations import JsonPath, format_path, nearest
from checker.models.plan import (
    Entity,
    IndicatorRule,
    ObligationRule,
    QuantityDeliverable,
    RuleFile,
)
from checker.models.types import MAX_MAGNITUDE
from checker.names import normalise
from checker.units import UnitError, convert, parse_unit, sign_problem

Rule = IndicatorRule | ObligationRule
T = TypeVar("T")


@dataclass(frozen=True)
class Plan:
    """A validated rule file with lookups by id."""

    path: str
    rules_file: RuleFile
    entities: dict[str, Entity] = field(repr=False)
    # Lookups derived from the plan alone (what each reporter owes, the matcher's indexes), built
    # once per plan instead of once per report: see scope.owed_rules, engine.matching, engine.reporter.
    memo: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def memoised(self, key: Hashable, make: Callable[[], T]) -> T:
        """memo[key], made by `make` the first time it is asked for."""
        try:
            found: T = self.memo[key]
        except KeyError:
            found = self.memo[key] = make()
        return found

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


def _describe(data: dict[str, Any]) -> Callable[[JsonPath], str]:
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
    """Load and validate one rule file; raise RuleFileError with every problem found.

    A rule file validated before (the same text, the same checker) comes from the user's cache
    (checker/cache.py): parsing and validating a large plan takes longer than the check itself."""
    name = str(path)
    text = read_text(path, RuleFileError)
    source = text.encode("utf-8", "surrogatepass")
    cached = cache.fetch_pickled("plan", source, Plan)
    if cached is not None:
        return replace(cached, path=name)
    plan = _validated(name, text)
    cache.keep_pickled("plan", source, plan)  # or not, if it cannot be: then validated next time too
    return plan


def _validated(name: str, text: str) -> Plan:
    data, lines = parse_yaml(text, name, RuleFileError, _describe)
    describe = _describe(data)
    problems = schema_problems(data, "rules", name, lines, describe)
    if problems:
        raise RuleFileError(problems)
    model = build_model(RuleFile, data, name, lines, describe, RuleFileError)
    found = cross_reference_problems(model) + semantic_problems(model)
    problems = [Problem(name, zh, en, describe(p), nearest(p, lines)) for p, zh, en in found]
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


Found = list[tuple[JsonPath, str, str]]


def semantic_problems(model: RuleFile) -> Found:
    """Consistency a schema cannot state: the jurisdiction's type, ordered grade bands and progress
    thresholds, start before due, signs the units admit, targets within the bounds on numbers,
    entity names that tell entities apart, source documents inside the seeds folder."""
    out: Found = []
    out += _entity_problems(model)
    out += _scoring_problems(model)
    for i, rule in enumerate(model.indicators):
        out += [(("indicators", i, *p), zh, en) for p, zh, en in _indicator_problems(rule)]
    period = model.plan.period
    for i, ob in enumerate(model.obligations):
        at: JsonPath = ("obligations", i)
        due = ob.due if ob.due is not None else period.end
        if ob.start is not None and ob.start > due:
            out.append((at + ("start",), f"开始年份 {ob.start} 晚于到期年份 {due}", f"start {ob.start} is after the due year {due}"))
        if isinstance(ob.deliverable, QuantityDeliverable) and ob.deliverable.value < 0:
            value = ob.deliverable.value
            out.append((at + ("deliverable", "value"), f"要求数量 {value} 不能为负", f"the required quantity {value} cannot be negative"))
    sections: list[tuple[str, Sequence[Rule]]] = [("indicators", model.indicators), ("obligations", model.obligations)]
    for section, rules in sections:
        for i, r in enumerate(rules):
            problem = _document_problem(r.source.document)
            if problem is not None:
                out.append(((section, i, "source", "document"), *problem))
    problem = _document_problem(model.plan.source.file)
    if problem is not None:
        out.append((("plan", "source", "file"), *problem))
    return out


def _document_problem(document: str) -> tuple[str, str] | None:
    """A source document is a file name inside the seeds folder: never a path out of it."""
    parts = document.replace("\\", "/").split("/")
    if document.startswith(("/", "~")) or ":" in parts[0] or any(p in ("", ".", "..") for p in parts):
        return (
            f"原文文件名 “{document}” 须为原文目录中的相对路径(不得含 ..、不得以 / 开头)",
            f"source document '{document}' must be a relative path inside the seeds folder (no .., no leading /)",
        )
    return None


def _entity_problems(model: RuleFile) -> Found:
    out: Found = []
    jurisdiction = model.plan.jurisdiction
    owners: dict[str, tuple[int, str]] = {}
    for i, entity in enumerate(model.entities):
        if entity.id == jurisdiction and entity.type != "jurisdiction":
            out.append((
                ("entities", i, "type"),
                f"规划辖区 {entity.id} 的类型应为 jurisdiction,实为 {entity.type}",
                f"the plan's jurisdiction {entity.id} must have type 'jurisdiction', not '{entity.type}'",
            ))
        elif entity.id != jurisdiction and entity.type == "jurisdiction":
            out.append((
                ("entities", i, "type"),
                f"只有 plan.jurisdiction({jurisdiction})的类型可为 jurisdiction",
                f"only plan.jurisdiction ({jurisdiction}) may have type 'jurisdiction'",
            ))
        names = [("name", entity.name)] + [(f"aliases[{j}]", a) for j, a in enumerate(entity.aliases)]
        for where, text in names:
            key = normalise(text)
            owner = owners.get(key)
            if owner is not None and owner[0] != i:
                place = ("entities", i, "name") if where == "name" else ("entities", i, "aliases", int(where[8:-1]))
                other = model.entities[owner[0]]
                out.append((
                    place,
                    f"实体名称 “{text}” 与 {other.id} 的 “{owner[1]}” 相同(规范化后),报告无法区分",
                    f"entity name '{text}' is the same as {other.id}'s '{owner[1]}' once normalised: reports could not tell them apart",
                ))
            elif owner is None:
                owners[key] = (i, text)
    return out


def _scoring_problems(model: RuleFile) -> Found:
    out: Found = []
    grades, progress = model.scoring.grades, model.scoring.progress
    if not grades.excellent > grades.good > grades.pass_:
        out.append((
            ("scoring", "grades"),
            f"等级分数线应满足 excellent > good > pass,实为 {grades.excellent:g} / {grades.good:g} / {grades.pass_:g}",
            f"grade bands must satisfy excellent > good > pass, not {grades.excellent:g} / {grades.good:g} / {grades.pass_:g}",
        ))
    if progress.lagging > progress.on_track:
        out.append((
            ("scoring", "progress", "lagging"),
            f"进度阈值 lagging({progress.lagging:g})不应高于 on_track({progress.on_track:g})",
            f"progress threshold lagging ({progress.lagging:g}) must not exceed on_track ({progress.on_track:g})",
        ))
    return out


def _indicator_problems(rule: IndicatorRule) -> Found:
    out: Found = []
    unit = rule.unit
    values: list[tuple[JsonPath, Decimal | None, str]] = [
        (("baseline", "value"), rule.baseline.value if rule.baseline else None, unit),
        (("base", "value"), rule.base.value if rule.base else None, unit),
    ]
    if rule.kind == "growth_rate":
        rate = rule.target.value
        if rate is not None and rate <= -100:
            out.append((("target", "value"), f"年均增长率 {rate}% 须高于 -100%", f"the growth rate {rate}% must be above -100 %"))
        if rule.reported_as == "rate":
            values = []  # the baseline is itself a rate
    elif rule.kind == "multiple":
        factor = rule.target.value
        if factor is not None and factor <= 0:
            out.append((("target", "value"), f"倍数 {factor} 须为正数", f"the factor {factor} must be positive"))
    else:
        values.append((("target", "value"), rule.target.value, unit))
    for path, value, value_unit in values:
        if value is not None and (problem := sign_problem(value, value_unit)) is not None:
            out.append((path, *problem))
    level = _derived_target(rule)
    if level is not None and level.copy_abs() > MAX_MAGNITUDE:
        out.append((
            ("target", "value"),
            f"由目标推算的目标水平约为 {level:.3e}{unit},超出数值上限 1e15",
            f"the target level this target implies is about {level:.3e} {unit}, beyond the bound of 1e15",
        ))
    return out


def _derived_target(rule: IndicatorRule) -> Decimal | None:
    """The level a multiple or growth target implies (factor × base, baseline × (1 + r)^years)."""
    value = rule.target.value
    if value is None:
        return None
    with localcontext() as ctx:
        ctx.traps[InvalidOperation] = False
        if rule.kind == "multiple":
            from checker.trend import stated_target_level  # here: a plan without multiples never imports the kinds

            return stated_target_level(rule)  # the stated level, else factor × base (None: no base value)
        if rule.kind == "growth_rate" and rule.baseline is not None and rule.reported_as != "rate" and value > -100:
            years = rule.target.year - rule.baseline.year
            factor = 1 + value / 100
            if rule.baseline.value == 0 or years <= 0:
                return None
            # Through logarithms: (1 + r)^years may be far beyond what a Decimal holds.
            exponent = factor.log10() * years + rule.baseline.value.copy_abs().log10()
            if exponent > 300:
                return Decimal("1e300")
            return rule.baseline.value * factor ** years
    return None
