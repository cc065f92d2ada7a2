"""One row per rule result, for CSV and XLSX: people who continue in a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterator

from checker.codes import STATUS_POLICY
from checker.i18n import Lang, label, word
from checker.models.results import Assessment

# column key -> WORDS key of its heading
COLUMNS: tuple[tuple[str, str], ...] = (
    ("plan", "plan_id"), ("reporter", "reporter"), ("year", "year_col"), ("rule", "rule"), ("name", "name"),
    ("status", "status"), ("expected", "expected"), ("actual", "actual"), ("unit", "unit"), ("points", "points"),
    ("message", "message"), ("fix", "fix"), ("file", "file"), ("line", "line"),
)
Cell = str | int | float | None


def headings(lang: Lang) -> list[str]:
    return [word(key, lang) for _, key in COLUMNS]


def rows(a: Assessment, lang: Lang, only_failing: bool = False) -> Iterator[list[Cell]]:
    """The assessment's results as rows of plain cells (numbers stay numbers; None is empty)."""
    for r in a.results:
        if only_failing and not STATUS_POLICY[r.status].failing:
            continue
        yield [
            a.plan, a.reporter, a.year, r.rule_id, r.name, label("status", r.status, lang),
            r.expected, r.actual, r.unit, r.score, r.message, r.fix,
            r.location.file if r.location else a.submission, r.location.line if r.location else None,
        ]
