"""Assessors' decisions files: loaded in stages like rule files, cross-checked against the plans.

Each decision is kept with where it was written (file:line), so a result can say who decided,
when, why, and where that is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.catalog import Catalog
from checker.engine.reporter import entities_named
from checker.errors import CheckerError, Problem
from checker.loading import build_model, parse_yaml, read_text, schema_problems
from checker.locations import JsonPath, format_path, nearest
from checker.models.decisions import (
    ALL_REPORTERS,
    Decision,
    DecisionsFile,
    EvidenceDecision,
    VerdictDecision,
)
from checker.models.plan import IndicatorRule
from checker.rulefile import Plan
from checker.scope import NON_REPORTING

SUFFIXES = (".yaml", ".yml", ".json")
INDICATOR_CLAIMS = ("verdict", "rank", "figure")


class DecisionsError(CheckerError):
    """A decisions file is unreadable, malformed, or names what no plan has."""


@dataclass(frozen=True)
class Placed:
    """One decision, where it is written, and the reporter ids it covers (None: every reporter)."""

    decision: Decision
    file: str
    line: int | None
    reporters: frozenset[str] | None

    @property
    def ref(self) -> str:
        """file:line, as results cite it."""
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class DecisionSet:
    """Every decision of a run, looked up by plan and rule."""

    by_rule: dict[tuple[str, str], list[Placed]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.by_rule)

    def applying(self, plan: str, rule: str, reporter: str, year: int) -> list[Placed]:
        """The decisions about this rule for this reporter and year, in file order.

        A decision naming the reporter takes precedence over one of the same type for every
        reporter (`*`): the general decision is the rule, the named one its exception.
        """
        placed = self.by_rule.get((plan, rule))
        if not placed:  # most rules have no decision
            return []
        found = [
            p for p in placed
            if year in p.decision.years and (p.reporters is None or reporter in p.reporters)
        ]
        named = {p.decision.type for p in found if p.reporters is not None}
        return [p for p in found if p.reporters is not None or p.decision.type not in named]


def decision_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the decisions files in the folders named."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        else:
            out.append(path)
    return out


def load_decisions(paths: Sequence[Path], catalog: Catalog) -> DecisionSet:
    """Load and check every decisions file; raise DecisionsError with every problem found."""
    problems: list[Problem] = []
    placed: list[Placed] = []
    for path in decision_files(paths):
        try:
            placed.extend(_load_file(path, catalog))
        except CheckerError as exc:
            problems.extend(exc.problems)
    problems.extend(_conflicts(placed))
    if problems:
        raise DecisionsError(problems)
    found = DecisionSet()
    for item in placed:
        for rule in item.decision.rules:
            found.by_rule.setdefault((item.decision.plan, rule), []).append(item)
    return found


def _load_file(path: Path, catalog: Catalog) -> list[Placed]:
    name = str(path)
    data, lines = parse_yaml(read_text(path, DecisionsError), name, DecisionsError)
    problems = schema_problems(data, "decisions", name, lines, format_path)
    if problems:
        raise DecisionsError(problems)
    model = build_model(DecisionsFile, data, name, lines, format_path, DecisionsError)
    out, problems = [], []
    for i, decision in enumerate(model.decisions):
        at: JsonPath = ("decisions", i)
        reporters = _check(decision, catalog, name, at, lines, problems)
        out.append(Placed(decision, name, nearest(at, lines), reporters))
    if problems:  # any problem refuses the file: nothing of it is applied
        raise DecisionsError(problems)
    return out


def _check(
    decision: Decision, catalog: Catalog, name: str, at: JsonPath, lines: dict[JsonPath, int], problems: list[Problem]
) -> frozenset[str] | None:
    """The reporter ids a decision covers (None: every reporter); problems for what it names that
    the plan does not have."""

    def problem(field_name: str, zh: str, en: str) -> None:
        problems.append(Problem(name, zh, en, format_path(at + (field_name,)), nearest(at + (field_name,), lines)))

    plan = catalog.get(decision.plan)
    if plan is None:
        problem("plan", f"未知规划 {decision.plan}", f"unknown plan {decision.plan}")
        return frozenset()
    period = plan.rules_file.plan.period
    for year in decision.years:
        if not period.start <= year <= period.end:
            problem("years", f"年份 {year} 不在规划期 {period.start}—{period.end} 内", f"year {year} is outside the plan period")
    for rule_id in decision.rules:
        rule = plan.rules.get(rule_id)
        if rule is None:
            problem("rules", f"规划 {plan.id} 中没有规则 {rule_id}", f"plan {plan.id} has no rule {rule_id}")
        elif isinstance(decision, VerdictDecision) and not (isinstance(rule, IndicatorRule) and rule.kind == "qualitative"):
            problem("rules", f"评审结论只适用于定性指标,{rule_id} 不是", f"a verdict applies to qualitative targets only; {rule_id} is not one")
        elif isinstance(decision, VerdictDecision) and decision.rank is not None and getattr(rule, "rank_at_most", None) is None:
            problem("rank", f"{rule_id} 没有排名要求", f"{rule_id} has no rank to reach")
        elif isinstance(decision, EvidenceDecision) and (decision.claim in INDICATOR_CLAIMS) != isinstance(rule, IndicatorRule):
            kind = "指标" if isinstance(rule, IndicatorRule) else "任务"
            problem("claim", f"{rule_id} 是{kind},没有“{decision.claim}”主张", f"{rule_id} cannot carry a '{decision.claim}' claim")
    return _reporters(plan, decision.reporter, problem)


def _reporters(plan: Plan, reporter: str, problem: Callable[[str, str, str], None]) -> frozenset[str] | None:
    if reporter == ALL_REPORTERS:
        return None
    ids = frozenset(e.id for e in entities_named(plan, reporter) if e.type not in NON_REPORTING)
    if not ids:
        problem("reporter", f"规划 {plan.id} 中没有报送主体“{reporter}”", f"plan {plan.id} has no reporter '{reporter}'")
    return ids


def _conflicts(placed: Sequence[Placed]) -> list[Problem]:
    """Two verdict or evidence decisions for the same rule, reporter and year: which one holds is unclear."""
    seen: dict[tuple[str, str, str, int, str], Placed] = {}
    problems = []
    for item in placed:
        d = item.decision
        if d.type == "waiver":
            continue
        for rule in d.rules:
            for reporter in sorted(item.reporters) if item.reporters is not None else ["*"]:
                for year in d.years:
                    key = (d.plan, rule, reporter, year, d.type)
                    if key in seen and seen[key].ref != item.ref:
                        problems.append(Problem(
                            item.file, f"与 {seen[key].ref} 的评审决定重复({rule},{year} 年)",
                            f"conflicts with the decision at {seen[key].ref} ({rule}, {year})", "", item.line,
                        ))
                    seen.setdefault(key, item)
    return problems
