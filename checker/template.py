"""`checker template`: the blank report a reporter fills in for a year, one row per rule it owes.

Each row says the reporter's role, the unit to report in, the target, the value expected this
year on the path to it, and the plan's sentence. Rules owed but not due that year (an obligation
whose `start` is later, an indicator whose baseline year is not yet past) get no row: whatever
was entered, `check` would judge them 未到期; they are listed in the instructions instead.
The workbook form is in checker/workbook.py; both are written atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from checker.errors import CheckerError, Problem, UsageError
from checker.i18n import fmt_number, label, word
from checker.kinds import KINDS, path_of, reported_as
from checker.models.plan import (
    DocumentDeliverable,
    Entity,
    IndicatorRule,
    QuantityDeliverable,
)
from checker.models.types import json_number
from checker.progress import expected_on_path
from checker.rulefile import Plan, Rule, rule_title
from checker.scope import OwedRule, Role, owed_rules
from checker.trend import stated_target_level

if TYPE_CHECKING:
    from checker.intake import Intake

Section = Literal["indicators", "obligations"]
_CMP = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


@dataclass(frozen=True)
class PastFigure:
    year: int
    value: Decimal
    unit: str
    source: str | None


@dataclass(frozen=True)
class Row:
    """One rule to answer, with everything the reporter needs to know about it."""

    section: Section
    rule: Rule
    role: Role
    unit: str | None  # the unit to report in: the rule's, or the counted deliverable's
    target: str  # the target in words: 2025年 ≥ 3.7件
    expected: Decimal | None  # expected this year on the path to the target
    answer: Literal["value", "verdict", "status"]
    quantity: bool = False  # an obligation whose deliverable is counted
    history: tuple[PastFigure, ...] = ()

    @property
    def name(self) -> str:
        return rule_title(self.rule)

    @property
    def role_label(self) -> str:
        return label("role", self.role, "zh")

    def comment(self, year: int) -> str:
        """The row's guidance as one line (the JSON template's $comment)."""
        parts = [f"本单位职责:{self.role_label}"]
        if self.unit:
            parts.append(f"单位:{self.unit}")
        parts.append(f"目标:{self.target}")
        if self.expected is not None:
            parts.append(f"{year}年序时应达:{fmt_number(self.expected)}{self.unit or ''}")
        parts.append(f"规划原文:“{self.rule.source.quote}”")
        return " · ".join(parts)


@dataclass(frozen=True)
class Blank:
    plan: Plan
    reporter: Entity
    year: int
    rows: tuple[Row, ...]
    not_due: tuple[OwedRule, ...]
    history_years: tuple[int, ...]  # years before this one a history value may be given for

    def section(self, section: Section) -> list[Row]:
        return [r for r in self.rows if r.section == section]


def blank_report(plan: Plan, reporter_name: str, year: int, earlier: Intake | None = None) -> Blank:
    """The rows `reporter_name` must answer in `year`; `earlier` (an Intake) pre-fills the history."""
    from checker.engine.reporter import resolve_reporter
    from checker.models.submission import Submission

    period = plan.rules_file.plan.period
    if not period.start <= year <= period.end:
        raise UsageError([Problem(
            str(year), f"年度不在规划期 {period.start}—{period.end} 内", f"year outside the plan period {period.start}-{period.end}",
        )])
    probe = Submission(plan=plan.id, reporter=reporter_name, year=year)
    try:
        reporter = resolve_reporter(plan, probe, reporter_name)
    except CheckerError as exc:
        raise UsageError([Problem(reporter_name, p.zh, p.en) for p in exc.problems]) from exc
    history = _history(plan, reporter, year, earlier) if earlier is not None else {}
    rows, not_due = [], []
    for owed in owed_rules(plan, reporter):
        if _due(owed.rule, year):
            rows.append(_row(plan, owed, year, history.get(owed.rule.id, ())))
        else:
            not_due.append(owed)
    start = period.baseline + 1 if period.baseline is not None else period.start
    return Blank(plan, reporter, year, tuple(rows), tuple(not_due), tuple(range(max(start, period.start), year)))


def _due(rule: Rule, year: int) -> bool:
    if isinstance(rule, IndicatorRule):
        return rule.baseline is None or year > rule.baseline.year
    return rule.start is None or year >= rule.start


def _row(plan: Plan, owed: OwedRule, year: int, history: tuple[PastFigure, ...]) -> Row:
    rule = owed.rule
    if isinstance(rule, IndicatorRule):
        answer: Literal["value", "verdict"] = "verdict" if not KINDS[rule.kind].needs_value else "value"
        return Row("indicators", rule, owed.role, rule.unit, _indicator_target(rule), _expected(rule, year), answer, history=history)
    deliverable = rule.deliverable
    due = rule.due or plan.rules_file.plan.period.end
    if isinstance(deliverable, QuantityDeliverable):
        recurring = rule.recurrence in ("annual", "periodic")
        start_year = year - 1 if recurring else plan.rules_file.plan.period.start - 1
        expected = expected_on_path(Decimal(0), start_year, deliverable.value, year if recurring else due, year, "linear")
        target = f"{'每年' if recurring else f'{due}年前'} {_CMP[deliverable.comparator]} {fmt_number(deliverable.value)}{deliverable.unit}({deliverable.what})"
        return Row("obligations", rule, owed.role, deliverable.unit, target, expected, "status", quantity=True)
    if isinstance(deliverable, DocumentDeliverable):
        target = f"{due}年前印发《{deliverable.title}》"
    else:
        target = word("template_recurrence_" + rule.recurrence, "zh", year=due)
    return Row("obligations", rule, owed.role, None, target, None, "status")


def _indicator_target(rule: IndicatorRule) -> str:
    t = rule.target
    if rule.kind == "steady_growth":
        return f"{t.year}年前逐年增长"
    if rule.kind == "qualitative":
        ranked = f",排名前 {rule.rank_at_most} 名" if rule.rank_at_most else ""
        return f"{t.year}年:定性目标,须评审结论(达标/未达标){ranked}"
    assert t.value is not None
    if rule.kind == "growth_rate":
        return f"{t.year}年前年均增长 {_CMP[t.comparator]} {fmt_number(t.value)}%"
    if rule.kind == "multiple" and rule.base is not None:
        level = stated_target_level(rule)
        stated = "" if level is None else f"({fmt_number(level)}{rule.unit})"
        return f"{t.year}年达到 {rule.base.year}年的 {fmt_number(t.value)} 倍{stated}"
    if rule.kind == "increment":
        return f"{t.year}年前新增 {_CMP[t.comparator]} {fmt_number(t.value)}{rule.unit}"
    return f"{t.year}年 {_CMP[t.comparator]} {fmt_number(t.value)}{rule.unit}"


def _expected(rule: IndicatorRule, year: int) -> Decimal | None:
    """Where the reported value should be this year, as `check` computes it; None without a path."""
    level = stated_target_level(rule)
    start = rule.baseline or (rule.base if rule.kind == "multiple" else None)
    if level is None or start is None or start.value is None:
        return None
    start_value = start.value
    if rule.kind == "increment" and reported_as(rule) != "level":
        start_value = Decimal(0)  # additions since the baseline start from nothing
    rising = rule.target.comparator in (">=", ">")
    if (level < start_value) == rising and level != start_value:
        return level  # a target behind the baseline is a floor to hold every year
    return expected_on_path(start_value, start.year, level, rule.target.year, year, path_of(rule))


def _history(plan: Plan, reporter: Entity, year: int, earlier: Intake) -> dict[str, tuple[PastFigure, ...]]:
    """Rule id -> the figures of an earlier report of the same reporter (its year and its history)."""
    from checker.engine.matching import match_entries
    from checker.engine.reporter import resolve_reporter
    from checker.models.submission import IndicatorEntry

    sub, name = earlier.submission, str(earlier.path)
    problems: list[Problem] = []
    if earlier.problems:
        problems.extend(earlier.problems)
    elif sub.plan != plan.id:
        problems.append(Problem(name, f"--from 报告属于规划 {sub.plan},不是 {plan.id}", f"--from report is for plan {sub.plan}, not {plan.id}", "$.plan"))
    elif sub.year >= year:
        problems.append(Problem(name, f"--from 报告年度 {sub.year} 应早于 {year}", f"--from report year {sub.year} must precede {year}", "$.year"))
    else:
        try:
            if resolve_reporter(plan, sub, name).id != reporter.id:
                problems.append(Problem(name, f"--from 报告的报送主体是“{sub.reporter}”,不是“{reporter.name}”",
                                        f"--from report is by '{sub.reporter}', not '{reporter.name}'", "$.reporter"))
        except CheckerError as exc:
            problems.extend(exc.problems)
    if problems:
        raise UsageError([p.located(earlier.source) for p in problems])
    found = match_entries(plan, owed_rules(plan, reporter), "indicators", sub.indicators, name, problems, earlier.positions)
    out: dict[str, tuple[PastFigure, ...]] = {}
    for rule_id, (_owed, entry, _at) in found.items():
        assert isinstance(entry, IndicatorEntry)
        figures = {p.year: PastFigure(p.year, p.value, p.unit, p.source) for p in entry.history if p.year < year}
        if entry.value is not None and entry.unit is not None:
            figures[sub.year] = PastFigure(sub.year, entry.value, entry.unit, entry.source or Path(name).name)
        out[rule_id] = tuple(figures[y] for y in sorted(figures))
    return out


# --- JSON -------------------------------------------------------------------------------------


def json_template(blank: Blank) -> dict[str, Any]:
    """The blank as a report skeleton: valid against the schema; `check` on it gives 未填报 with fixes."""
    rf = blank.plan.rules_file
    not_due = "、".join(o.rule.id for o in blank.not_due) or "无"
    header = (
        f"{rf.plan.title} · {blank.reporter.name} {blank.year} 年度报告模板(checker template 生成)。"
        "指标:填 value(数值,不加引号)及 unit(已按规则单位给出);定性目标填 verdict(met 达标 / missed 未达标)或 rank。"
        "任务:填 status(completed 已完成 / in_progress 推进中 / not_started 未启动 / not_applicable 不适用,须填 reason),"
        "完成的附 evidence(title 标题、doc_number 文号、date 日期 YYYY-MM-DD、link 链接);有数量要求的填 quantity。"
        f"未填的项检查为“未填报”。本年度未到期、无需填报:{not_due}。各项 $comment 为说明,检查时忽略。"
    )
    return {
        "$comment": header,
        "schema_version": 1,
        "plan": blank.plan.id,
        "reporter": blank.reporter.name,
        "year": blank.year,
        "indicators": [_json_entry(r, blank.year) for r in blank.section("indicators")],
        "obligations": [_json_entry(r, blank.year) for r in blank.section("obligations")],
    }


def _json_entry(row: Row, year: int) -> dict[str, Any]:
    entry: dict[str, Any] = {"$comment": row.comment(year), "id": row.rule.id, "name": row.name}
    if row.unit and (row.section == "indicators" or row.quantity):
        entry["unit"] = row.unit
    if row.history:
        entry["history"] = [
            {"year": p.year, "value": json_number(p.value), "unit": p.unit, **({"source": p.source} if p.source else {})}
            for p in row.history
        ]
    return entry


def json_bytes(blank: Blank) -> bytes:
    return (json.dumps(json_template(blank), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

