"""Which owed rule each entry of a report answers: by id, or by normalised name or alias."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.engine.reporter import en_candidates, zh_candidates
from checker.errors import Problem
from checker.locations import JsonPath, format_path
from checker.models.plan import IndicatorRule, ObligationRule
from checker.models.submission import RuleRef
from checker.names import Suggester, normalise
from checker.rulefile import Plan, Rule, rule_title
from checker.scope import OwedRule

Section = str  # "indicators" or "obligations"


def _rule_names(rule: Rule) -> list[str]:
    return [rule_title(rule), *rule.aliases]


class Matcher:
    """Finds the owed rule an entry answers, by id or by normalised name/alias."""

    def __init__(self, plan: Plan, owed: Sequence[OwedRule], section: Section) -> None:
        want = IndicatorRule if section == "indicators" else ObligationRule
        self.plan, self.section = plan, section
        self.suggest = Suggester()  # fuzzy suggestions within a budget: a report of unknown names stays fast
        self.owed = {o.rule.id: o for o in owed if isinstance(o.rule, want)}
        # Every rule of the section: the plan's, built once.
        self.all: dict[str, Rule] = plan.memoised(
            ("rules_of_section", section), lambda: {r.id: r for r in plan.rules.values() if isinstance(r, want)},
        )

    def find(self, ref: RuleRef, name: str, at: JsonPath) -> OwedRule | Problem:
        if ref.id:
            if ref.id in self.owed:
                if ref.name and normalise(ref.name) not in self.plan.normalised_names[ref.id]:
                    return self._mismatch(self.owed[ref.id].rule, ref.name, name, at + ("name",))
                return self.owed[ref.id]
            if ref.id in self.all:
                return self._not_owed(self.all[ref.id], name, at + ("id",))
            return self._unknown(ref.id, name, at + ("id",), {o.rule.id: o.rule.id for o in self.owed.values()})
        wanted = normalise(ref.name or "")
        names = self.plan.normalised_names
        hits = [o for o in self.owed.values() if wanted in names[o.rule.id]]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = [f"{o.rule.id}({self.plan.entity_name(o.rule.subject)})" for o in hits]
            return Problem(
                name, f"名称“{ref.name}”对应多项规则,请改用编号 id:{'、'.join(listed)}",
                f"name '{ref.name}' matches several rules; use the id: {', '.join(listed)}", format_path(at + ("name",)),
            )
        elsewhere = [r for r in self.all.values() if wanted in names[r.id]]
        if elsewhere:
            return self._not_owed(elsewhere[0], name, at + ("name",))
        options = {n: o.rule.id for o in self.owed.values() for n in _rule_names(o.rule)}
        return self._unknown(ref.name or "", name, at + ("name",), options)

    def _mismatch(self, rule: Rule, given: str, name: str, at: JsonPath) -> Problem:
        """Id and name point at different rules: a row moved, or an id edited. Which was meant is unknown."""
        return Problem(
            name, f"编号 {rule.id} 是“{rule_title(rule)}”,与所填名称“{given}”不符(行被移动或编号被改动?请核对)",
            f"id {rule.id} is '{rule_title(rule)}', not '{given}' (a row moved or an id edited?)", format_path(at),
        )

    def _not_owed(self, rule: Rule, name: str, at: JsonPath) -> Problem:
        units = "、".join(self.plan.entity_name(u) for u in rule.responsible.all_units()) or self.plan.entity_name(rule.subject)
        return Problem(
            name, f"规则 {rule.id}“{_rule_names(rule)[0]}”不属于本报送主体的责任(责任单位:{units})",
            f"rule {rule.id} '{_rule_names(rule)[0]}' is not owed by this reporter (responsible: {units})", format_path(at),
        )

    def _unknown(self, text: str, name: str, at: JsonPath, options: Mapping[str, str]) -> Problem:
        close = self.suggest(text, options)
        kind_zh = "指标" if self.section == "indicators" else "任务"
        kind_en = "indicator" if self.section == "indicators" else "obligation"
        return Problem(
            name, f"未知{kind_zh}“{text}”{zh_candidates(close)}",
            f"unknown {kind_en} '{text}'{en_candidates(close)}", format_path(at),
        )


def match_entries(
    plan: Plan, owed: Sequence[OwedRule], section: Section, entries: Sequence[RuleRef], name: str,
    problems: list[Problem], positions: Mapping[str, tuple[int, ...]] | None = None,
) -> dict[str, tuple[OwedRule, RuleRef, JsonPath]]:
    """Rule id -> (owed rule, the entry answering it, the entry's path); problems for the rest.

    `positions` gives each entry's index in the document when some entries were left out (see Intake).
    """
    matcher = Matcher(plan, owed, section)
    found: dict[str, tuple[OwedRule, RuleRef, JsonPath]] = {}
    kept = (positions or {}).get(section)
    for index, entry in enumerate(entries):
        at: JsonPath = (section, kept[index] if kept is not None else index)
        hit = matcher.find(entry, name, at)
        if isinstance(hit, Problem):
            problems.append(hit)
        elif hit.rule.id in found:
            first = format_path(found[hit.rule.id][2])
            problems.append(Problem(
                name, f"规则 {hit.rule.id} 重复填报(另见 {first})", f"rule {hit.rule.id} reported twice (also at {first})",
                format_path(at),
            ))
        else:
            found[hit.rule.id] = (hit, entry, at)
    return found
