"""Filling in blank reports as a reporter would, in JSON and in the workbook, with the same answers.

`python -m tests.filling` rewrites the example workbook submissions/langfang/excel/ (its
assessment is in the langfang golden).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from checker.template import Blank, json_template
from checker.workbook import (
    EV_DATE,
    EV_LINK,
    EV_NUMBER,
    EV_TITLE,
    HISTORY_SUFFIX,
    INDICATOR_SHEET,
    OBLIGATION_SHEET,
    QUANTITY,
    REASON,
    RULE_ID,
    SOURCE,
    STATUS,
    STATUS_CHOICES,
    VALUE,
    VERDICT,
    VERDICT_CHOICES,
    workbook_bytes,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_WORKBOOK = REPO / "submissions" / "langfang" / "excel" / "2023-dept-kjj-filled.xlsx"
_LABEL = {code: label for label, code in STATUS_CHOICES.items()}
_VERDICT_LABEL = {code: label for label, code in VERDICT_CHOICES.items()}


@dataclass(frozen=True)
class Answer:
    value: Decimal | None = None
    verdict: str | None = None
    history: dict[int, Decimal] = field(default_factory=dict)
    status: str | None = None
    reason: str | None = None
    quantity: Decimal | None = None
    evidence: tuple[tuple[str, str, dt.date, str], ...] = ()
    source: str | None = None


def answers(blank: Blank) -> dict[str, Answer]:
    """Deterministic answers for every row: values near the path, each obligation status in turn."""
    out: dict[str, Answer] = {}
    statuses = ("completed", "in_progress", "not_started", "not_applicable")
    for i, row in enumerate(blank.rows):
        if row.section == "indicators":
            if row.answer == "verdict":
                out[row.rule.id] = Answer(verdict="met" if i % 2 == 0 else "missed")
                continue
            base = (row.expected if row.expected is not None else Decimal(10)).quantize(Decimal("0.01"))
            value = base * Decimal("0.9") if i % 2 else base
            history = {y: (value * (1 - Decimal("0.05") * (blank.year - y))).quantize(Decimal("0.01")) for y in blank.history_years}
            out[row.rule.id] = Answer(value=value.quantize(Decimal("0.01")), history=history, source="统计年报")
        else:
            status = statuses[i % 4]
            quantity = (row.expected or Decimal(1)).quantize(Decimal(1)) if row.quantity else None
            evidence = ((f"{row.name}工作总结", f"示例〔{blank.year}〕{i}号", dt.date(blank.year, 5, 6), "https://example.org/a"),) if status == "completed" else ()
            out[row.rule.id] = Answer(status=status, reason="本年度无此项任务" if status == "not_applicable" else None,
                                      quantity=quantity, evidence=evidence)
    return out


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def filled_json(blank: Blank, given: dict[str, Answer]) -> dict[str, Any]:
    """The JSON template with the answers written in."""
    data = json_template(blank)
    for entry in data["indicators"]:
        a = given[entry["id"]]
        if a.value is not None:
            entry["value"] = _plain(a.value)
        if a.verdict is not None:
            entry["verdict"] = a.verdict
        if a.source:
            entry["source"] = a.source
        if a.history:
            entry["history"] = [{"year": y, "value": _plain(v), "unit": entry["unit"]} for y, v in sorted(a.history.items())]
    for entry in data["obligations"]:
        a = given[entry["id"]]
        if a.status:
            entry["status"] = a.status
        if a.reason:
            entry["reason"] = a.reason
        if a.quantity is not None:
            entry["quantity"] = _plain(a.quantity)
        if a.evidence:
            entry["evidence"] = [{"title": t, "doc_number": n, "date": d.isoformat(), "link": link} for t, n, d, link in a.evidence]
    return data


def filled_workbook(blank: Blank, given: dict[str, Answer], quirks: bool = False) -> bytes:
    """The workbook template with the answers typed in; with `quirks`, as Excel often keeps them
    (numbers as text with thousands separators, dates as serial numbers)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(workbook_bytes(blank)))
    ind, obl = wb[INDICATOR_SHEET], wb[OBLIGATION_SHEET]
    for ws, section in ((ind, "indicators"), (obl, "obligations")):
        columns = {c.value: c.column for c in ws[1]}
        for r in range(2, ws.max_row + 1):
            rule_id = ws.cell(row=r, column=columns[RULE_ID]).value
            a = given[str(rule_id)]

            def put(header: str, value: Any, row: int = r, cols: dict[Any, Any] = columns, sheet: Any = ws) -> None:
                sheet.cell(row=row, column=cols[header], value=value)

            if section == "indicators":
                if a.value is not None:
                    put(VALUE, f"{a.value:,}" if quirks and a.value >= 1000 else (str(a.value) if quirks else float(a.value)))
                if a.verdict is not None:
                    put(VERDICT, _VERDICT_LABEL[a.verdict])
                if a.source:
                    put(SOURCE, a.source)
                for y, v in a.history.items():
                    put(f"{y}{HISTORY_SUFFIX}", float(v))
            else:
                if a.status:
                    put(STATUS, _LABEL[a.status])
                if a.reason:
                    put(REASON, a.reason)
                if a.quantity is not None:
                    put(QUANTITY, float(a.quantity))
                for title, number, day, link in a.evidence:
                    put(EV_TITLE, title)
                    put(EV_NUMBER, number)
                    put(EV_DATE, (day - dt.date(1899, 12, 30)).days if quirks else day)
                    put(EV_LINK, link)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def main() -> None:
    from checker.catalog import Catalog
    from checker.output.files import write_atomically
    from checker.template import blank_report

    plan = Catalog(None).get("langfang-14fyp")
    assert plan is not None
    blank = blank_report(plan, "市科技局", 2023)
    write_atomically(EXAMPLE_WORKBOOK, filled_workbook(blank, answers(blank), quirks=True))
    print(f"wrote {EXAMPLE_WORKBOOK.relative_to(REPO)}")


if __name__ == "__main__":
    main()
