"""Series of annual reports: the same plan and reporter over several years, judged in year order.

Each year's evaluation sees the values of the years before it (never after), so adding a later
report never changes an earlier year's assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from checker.errors import Problem
from checker.locations import SourceMap
from checker.models.plan import Entity
from checker.models.submission import Submission
from checker.rulefile import Plan

# rule id -> year -> (value in the rule's unit, where it came from)
PriorValues = dict[str, dict[int, tuple[Decimal, str]]]


@dataclass(frozen=True)
class Report:
    path: Path
    submission: Submission
    plan: Plan
    reporter: Entity
    source: SourceMap  # where each entry of the submission is
    positions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # see Intake.positions

    @property
    def reporter_id(self) -> str:
        return self.reporter.id


def series_key(report: Report) -> tuple[str, str, str]:
    """Reports of one plan and reporter in one directory form a series."""
    return (str(report.path.parent), report.plan.id, report.reporter_id)


def order_series(reports: list[Report]) -> tuple[list[list[Report]], list[Problem]]:
    """Group reports into series, each in year order; two for one year are an error naming both."""
    # A report for part of a year (period_end, e.g. a first-quarter notice) comes before that year's
    # year-end report; two reports for the same reporter and the same period are an error.
    groups: dict[tuple[str, str, str], dict[tuple[int, dt.date], list[Report]]] = {}
    for report in reports:
        key, year = series_key(report), report.submission.year
        period = (year, report.submission.period_end or dt.date(year, 12, 31))
        groups.setdefault(key, {}).setdefault(period, []).append(report)
    ordered: list[list[Report]] = []
    problems: list[Problem] = []
    # The jurisdiction's own report first within a folder and plan, then the others by id.
    jurisdiction = {r.plan.id: r.plan.jurisdiction.id for r in reports}
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2] != jurisdiction[k[1]], k[2])):
        series = []
        for year, _end in sorted(groups[key]):
            same_year = sorted(groups[key][(year, _end)], key=lambda r: str(r.path))
            if len(same_year) > 1:
                files = "、".join(str(r.path) for r in same_year)
                problems.extend(
                    Problem(
                        str(r.path), f"同一报送主体 {year} 年有多份报告:{files}",
                        f"several reports for the same reporter and year {year}: {', '.join(str(x.path) for x in same_year)}",
                        "$.year",
                    )
                    for r in same_year
                )
                continue
            series.append(same_year[0])
        ordered.append(series)
    return ordered, problems


def merge(prior: PriorValues, newer: PriorValues) -> PriorValues:
    """Values known after a newer report: what it states (revisions included) replaces older figures."""
    out = {rule: dict(years) for rule, years in prior.items()}
    for rule, years in newer.items():
        out.setdefault(rule, {}).update(years)
    return out
