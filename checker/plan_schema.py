"""`checker schema PLAN`: the submission schema narrowed to one plan, so an editor completes its
rule ids and names, its reporters and its years, and shows each rule's name beside its id."""

from __future__ import annotations

import copy
import json
from typing import Any

from checker.models.plan import IndicatorRule, ObligationRule
from checker.rulefile import Plan, rule_title
from checker.schema_gen import BASE_URI
from checker.schemas import load_schema
from checker.scope import NON_REPORTING


def plan_schema(plan: Plan) -> dict[str, Any]:
    """The published submission schema with this plan's closed sets as enums."""
    schema = copy.deepcopy(load_schema("submission"))
    rf = plan.rules_file
    schema["$id"] = f"{BASE_URI}submission:{plan.id}"
    schema["title"] = f"{rf.plan.title} 年度报告 / annual report for {plan.id}"
    props = schema["properties"]
    props["plan"] = {**props["plan"], "const": plan.id}
    reporters = [e for e in plan.entities.values() if e.type not in NON_REPORTING]
    names = {n: e for e in reporters for n in (e.name, e.id, *e.aliases)}
    props["reporter"] = {**props["reporter"], "enum": list(names),
                         "enumDescriptions": [f"{e.name}({e.id})" for e in names.values()]}
    period = rf.plan.period
    props["year"] = {**props["year"], "minimum": period.start, "maximum": period.end}
    for model, want in (("IndicatorEntry", IndicatorRule), ("ObligationEntry", ObligationRule)):
        rules = [r for r in plan.rules.values() if isinstance(r, want)]
        entry = schema["$defs"][model]["properties"]
        entry["id"] = {**_described(entry["id"]), "enum": [r.id for r in rules],
                       "enumDescriptions": [rule_title(r) for r in rules]}
        titles = {n: r.id for r in rules for n in (rule_title(r), *r.aliases)}
        entry["name"] = {**_described(entry["name"]), "enum": list(titles), "enumDescriptions": list(titles.values())}
    return schema


def _described(prop: dict[str, Any]) -> dict[str, Any]:
    return {k: prop[k] for k in ("title", "description") if k in prop} | {"type": "string"}


def plan_schema_bytes(plan: Plan) -> bytes:
    return (json.dumps(plan_schema(plan), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
