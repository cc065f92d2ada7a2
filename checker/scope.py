"""Who owes what: the rules a reporter is judged on, and in which role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker.models.plan import Entity
from checker.rulefile import Plan, Rule

Role = Literal["subject", "lead", "support", "joint"]
NON_REPORTING = ("industry_chain", "group")


@dataclass(frozen=True)
class OwedRule:
    rule: Rule
    role: Role


def owed_rules(plan: Plan, reporter: Entity) -> tuple[OwedRule, ...]:
    """Rules the reporter answers for, in rule-file order (worked out once per plan and reporter).

    The jurisdiction's consolidated report covers every rule at its own level (its own targets, its
    industry chains', and every measure of the plan's). Anyone else owes the targets set for it and
    the rules that name it, or a group it belongs to, as lead, support or joint unit.
    """
    return plan.memoised(("owed", reporter.id), lambda: _owed_rules(plan, reporter))


def _owed_rules(plan: Plan, reporter: Entity) -> tuple[OwedRule, ...]:
    owed: list[OwedRule] = []
    is_jurisdiction = reporter.id == plan.jurisdiction.id
    names = plan.group_ids_of(reporter.id)
    for rule in plan.rules.values():
        subject = rule.subject or plan.jurisdiction.id
        role: Role | None = None
        if subject == reporter.id or (is_jurisdiction and _reports_through(plan, subject, reporter.id)):
            role = "subject"
        else:
            roles: tuple[Role, ...] = ("lead", "support", "joint")
            role = next((r for r in roles if names & set(getattr(rule.responsible, r))), None)
        if role is not None:
            owed.append(OwedRule(rule, role))
    return tuple(owed)


def _reports_through(plan: Plan, subject: str, reporter_id: str) -> bool:
    """An industry chain (or group) has no report of its own: its parent reports for it."""
    entity = plan.entities[subject]
    return entity.type in NON_REPORTING and entity.parent == reporter_id
