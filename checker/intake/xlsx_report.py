"""Excel reports: the workbook `checker template --format xlsx` writes, filled in, read back into
the same data as the equivalent JSON report, every part located by sheet and cell (指标!H12).

Tolerant of what Excel does without changing the meaning: numbers stored as text, thousands
separators, a percentage cell holding 0.55 for 55%, dates as serial numbers or date cells,
trailing empty rows. Strict where the meaning would change: a unit cell that differs from the
template's, a row whose rule id (the hidden column) and visible id or name disagree, a status
outside the list. A hostile file is refused before it is parsed: its size, the uncompressed size
of its parts, and the rows read are capped, and it is read in openpyxl's read-only mode.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from checker.echo import path_text
from checker.errors import Problem, SubmissionError
from checker.intake import Intake
from checker.intake.validate import sort_problems, validate
from checker.loading import read_bytes
from checker.locations import JsonPath, SourceMap, cell_order, format_path
from checker.schema_messages import read_date
from checker.workbook import (
    EV_DATE,
    EV_LINK,
    EV_NUMBER,
    EV_TITLE,
    HISTORY_SUFFIX,
    ID,
    INDICATOR_SHEET,
    INFO_FIELDS,
    INFO_SHEET,
    NAME,
    NOTE,
    OBLIGATION_SHEET,
    QUANTITY,
    RANK,
    REASON,
    RULE_ID,
    RULE_UNIT,
    SOURCE,
    STATUS,
    STATUS_CHOICES,
    UNIT,
    VALUE,
    VERDICT,
    VERDICT_CHOICES,
)

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all parts together, uncompressed
MAX_PARTS = 500
MAX_ROWS = 5000  # per sheet; a plan has a few hundred rules
MAX_COLUMNS = 100
# 1,234 / 1，234 / 1 234 (a grouping Excel or a locale adds); "2,95" is not one and stays an error.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:([,\uff0c\u00a0\u202f ])\d{3})(?:\1\d{3})*(?:\.\d+)?$")
_HISTORY = re.compile(rf"^(\d{{4}}){HISTORY_SUFFIX}$")


def read(path: Path) -> Intake:
    name = path_text(path)  # a file name that is not valid UTF-8 is shown with escapes
    # Read as every input is (a regular file, at most MAX_FILE_BYTES), then unpacked from memory.
    content = io.BytesIO(read_bytes(path, SubmissionError))
    _guard(content, name)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(content, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file; the user needs one sentence
        raise SubmissionError([Problem(name, f"无法读取工作簿:{type(exc).__name__}", f"cannot read the workbook: {exc}")]) from exc
    try:
        reader = _Reader(name, wb.epoch)
        data = reader.workbook(wb)
    finally:
        wb.close()
    source = SourceMap(name, cells=reader.cells)
    checked = validate(data, source)
    problems = sorted(sort_problems([*reader.problems, *checked.problems]), key=lambda p: cell_order(p.cell))
    if checked.submission is None:
        raise SubmissionError(problems)
    return Intake(path, checked.submission, source, tuple(problems), checked.positions)


def _guard(content: io.BytesIO, name: str) -> None:
    """Refuse what is not a workbook, or would unpack to far more than a report can be."""
    try:
        with zipfile.ZipFile(content) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise SubmissionError([Problem(name, "不是有效的 .xlsx 工作簿(请用 Excel 另存为 .xlsx)",
                                       "not a valid .xlsx workbook (save it as .xlsx)")]) from exc
    unpacked = sum(p.file_size for p in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        raise SubmissionError([Problem(
            name, f"工作簿解压后过大({unpacked} 字节、{len(parts)} 个部件),拒绝读取",
            f"the workbook unpacks too large ({unpacked} bytes in {len(parts)} parts): refused",
        )])


class _Reader:
    """Turns the sheets into report data, remembering the cell of every path."""

    def __init__(self, name: str, epoch: dt.datetime) -> None:
        self.name, self.epoch = name, epoch
        self.cells: dict[JsonPath, str] = {}
        self.problems: list[Problem] = []

    def problem(self, cell: str, path: JsonPath, zh: str, en: str) -> None:
        self.problems.append(Problem(self.name, zh, en, format_path(path), cell=cell or None))

    def workbook(self, wb: Any) -> dict[str, Any]:
        missing = [s for s in (INFO_SHEET, INDICATOR_SHEET, OBLIGATION_SHEET) if s not in wb.sheetnames]
        if missing:
            raise SubmissionError([Problem(
                self.name, f"缺少工作表:{'、'.join(missing)}(请使用 checker template 生成的工作簿)",
                f"missing sheets: {', '.join(missing)} (use a workbook made by checker template)",
            )])
        data: dict[str, Any] = {"schema_version": 1, **self._info(wb[INFO_SHEET])}
        data["indicators"] = self._entries(wb[INDICATOR_SHEET], "indicators")
        data["obligations"] = self._entries(wb[OBLIGATION_SHEET], "obligations")
        return data

    def _rows(self, ws: Any) -> list[tuple[int, list[Any]]]:
        """(row number, cells) of every row with something in it, header first; capped at MAX_ROWS."""
        rows = []
        for number, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS), start=1):
            if number > MAX_ROWS + 1:
                raise SubmissionError([Problem(
                    self.name, f"工作表“{ws.title}”超过 {MAX_ROWS} 行,拒绝读取", f"sheet '{ws.title}' has more than {MAX_ROWS} rows: refused",
                )])
            if any(_present(c.value) for c in row):
                rows.append((number, list(row)))
        return rows

    def _info(self, ws: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for number, row in self._rows(ws):
            label = _text(row[0].value) if row else None
            key = INFO_FIELDS.get(label or "")
            if key is None or len(row) < 2:
                continue
            cell, value = f"{ws.title}!B{number}", row[1].value
            self.cells[(key,)] = cell
            if not _present(value):
                continue
            if key == "year":
                out[key] = _integer(value)
            elif key == "submitted":
                out[key] = self._date(value, row[1])
            else:
                out[key] = _text(value)
        return out

    def _entries(self, ws: Any, section: str) -> list[dict[str, Any]]:
        rows = self._rows(ws)
        if not rows:
            return []
        header_row, header = rows[0]
        columns = {_text(c.value): i for i, c in enumerate(header) if _present(c.value)}
        required = [ID, NAME, RULE_ID] + ([VALUE, UNIT] if section == "indicators" else [STATUS])
        absent = [h for h in required if h not in columns]
        if absent:
            raise SubmissionError([Problem(
                self.name, f"工作表“{ws.title}”第 {header_row} 行缺少列:{'、'.join(absent)}",
                f"sheet '{ws.title}' row {header_row} lacks the columns: {', '.join(absent)}",
            )])
        entries: list[dict[str, Any]] = []
        for number, row in rows[1:]:
            index = len(entries)
            at: JsonPath = (section, index)
            cells = _Cells(ws.title, number, row, columns)
            entry = self._indicator(cells, at) if section == "indicators" else self._obligation(cells, at)
            self.cells[at] = cells.ref(VALUE if section == "indicators" else STATUS) or f"{ws.title}!A{number}"
            entries.append(entry)
        return entries

    def _reference(self, cells: _Cells, at: JsonPath) -> dict[str, Any]:
        """id and name of a row, checked against the hidden rule id the template wrote."""
        rule_id, shown, name = _text(cells.get(RULE_ID)), _text(cells.get(ID)), _text(cells.get(NAME))
        self.cells[at + ("id",)] = cells.ref(RULE_ID if rule_id else ID) or ""
        self.cells[at + ("name",)] = cells.ref(NAME) or ""
        if rule_id and shown and shown != rule_id:
            self.problem(cells.ref(ID) or "", at + ("id",),
                         f"编号“{shown}”与本行的规则编号 {rule_id} 不符(行被移动或编号被改动?)",
                         f"id '{shown}' is not this row's rule {rule_id} (a row moved or an id edited?)")
        entry: dict[str, Any] = {}
        if rule_id or shown:
            entry["id"] = rule_id or shown
        if name:
            entry["name"] = name
        return entry

    def _unit(self, cells: _Cells, at: JsonPath) -> str | None:
        """The row's unit; one edited away from the template's is an error, not a conversion."""
        unit, given = _text(cells.get(UNIT)), _text(cells.get(RULE_UNIT))
        self.cells[at + ("unit",)] = cells.ref(UNIT) or ""
        if given and unit != given:
            self.problem(cells.ref(UNIT) or "", at + ("unit",),
                         f"单位被改为“{unit or '空'}”,模板单位为“{given}”:请按模板单位填报数值,不要改单位",
                         f"the unit was changed to '{unit or 'empty'}'; the template's is '{given}': report in that unit")
            return given  # reported above; the template's unit keeps the row's other problems in view
        return unit

    def _indicator(self, cells: _Cells, at: JsonPath) -> dict[str, Any]:
        entry = self._reference(cells, at)
        unit = self._unit(cells, at)
        if unit:
            entry["unit"] = unit
        value = cells.get(VALUE)
        if _present(value):
            entry["value"] = _number(value, cells.cell(VALUE), unit)
            self.cells[at + ("value",)] = cells.ref(VALUE) or ""
        if _present(rank := cells.get(RANK)):
            entry["rank"] = _integer(rank)
            self.cells[at + ("rank",)] = cells.ref(RANK) or ""
        self._choice(cells, at, entry, "verdict", VERDICT, VERDICT_CHOICES, ("评审结论", "verdict"))
        for key, header in (("source", SOURCE), ("note", NOTE)):
            if _present(text := cells.get(header)):
                entry[key] = _text(text)
                self.cells[at + (key,)] = cells.ref(header) or ""
        history: list[dict[str, Any]] = []
        for column_header, _index in sorted(cells.columns.items(), key=lambda kv: kv[1]):
            header = column_header or ""
            year = _HISTORY.match(header or "")
            if year is None or not _present(past := cells.get(header)):
                continue
            here = at + ("history", len(history))
            self.cells[here] = self.cells[here + ("value",)] = cells.ref(header) or ""
            history.append({"year": int(year[1]), "value": _number(past, cells.cell(header), unit), "unit": unit or ""})
        if history:
            entry["history"] = history
        return entry

    def _choice(
        self, cells: _Cells, at: JsonPath, entry: dict[str, Any], key: str, header: str,
        choices: Mapping[str, str], what: tuple[str, str],
    ) -> None:
        """A drop-down cell: its Chinese label (or the code itself) as the entry's code, else a problem."""
        if not _present(value := cells.get(header)):
            return
        text = _text(value) or ""
        self.cells[at + (key,)] = cells.ref(header) or ""
        code = choices.get(text, text if text in choices.values() else None)
        if code is None:
            self.problem(cells.ref(header) or "", at + (key,),
                         f"{what[0]}“{text}”无效,可选:{'、'.join(choices)}",
                         f"invalid {what[1]} '{text}'; choose one of: {', '.join(choices.values())}")
        else:
            entry[key] = code

    def _obligation(self, cells: _Cells, at: JsonPath) -> dict[str, Any]:
        entry = self._reference(cells, at)
        self._choice(cells, at, entry, "status", STATUS, STATUS_CHOICES, ("完成状态", "status"))
        if _present(reason := cells.get(REASON)):
            entry["reason"] = _text(reason)
            self.cells[at + ("reason",)] = cells.ref(REASON) or ""
        if _present(quantity := cells.get(QUANTITY)):
            unit = self._unit(cells, at)
            entry["quantity"] = _number(quantity, cells.cell(QUANTITY), unit)
            if unit:
                entry["unit"] = unit
            self.cells[at + ("quantity",)] = cells.ref(QUANTITY) or ""
        if _present(note := cells.get(NOTE)):
            entry["note"] = _text(note)
            self.cells[at + ("note",)] = cells.ref(NOTE) or ""
        evidence = self._evidence(cells, at)
        if evidence:
            entry["evidence"] = evidence
        return entry

    def _evidence(self, cells: _Cells, at: JsonPath) -> list[dict[str, Any]]:
        """One item per line: several documents are listed on separate lines of the same cells."""
        fields = {"title": EV_TITLE, "doc_number": EV_NUMBER, "date": EV_DATE, "link": EV_LINK}
        lines: dict[str, list[Any]] = {}
        for key, header in fields.items():
            value = cells.get(header)
            if isinstance(value, str):
                lines[key] = [part.strip() for part in value.splitlines()]
            else:
                lines[key] = [value] if _present(value) else []
        items: list[dict[str, Any]] = []
        for k in range(max((len(v) for v in lines.values()), default=0)):
            item: dict[str, Any] = {}
            for key, header in fields.items():
                value = lines[key][k] if k < len(lines[key]) else None
                if not _present(value):
                    continue
                item[key] = self._date(value, cells.cell(header)) if key == "date" else _text(value)
                self.cells[at + ("evidence", len(items), key)] = cells.ref(header) or ""
            if item:
                self.cells[at + ("evidence", len(items))] = cells.ref(EV_TITLE) or ""
                if "title" not in item:
                    self.problem(cells.ref(EV_TITLE) or "", at + ("evidence", len(items), "title"),
                                 f"第 {k + 1} 份佐证材料缺少标题", f"evidence item {k + 1} has no title")
                    item["title"] = "—"  # reported above; keeps the item's other problems in view
                items.append(item)
        return items

    def _date(self, value: Any, cell: Any) -> Any:
        """A date cell, an Excel serial number, or text in year-month-day order -> YYYY-MM-DD."""
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
            from openpyxl.utils.datetime import from_excel

            converted = from_excel(value, self.epoch)
            return (converted.date() if isinstance(converted, dt.datetime) else converted).isoformat()
        text = _text(value) or ""
        return read_date(text) or text  # not a date: the schema says so, with the expected form


class _Cells:
    """One row's cells by column header."""

    def __init__(self, sheet: str, number: int, row: list[Any], columns: dict[str | None, int]) -> None:
        self.sheet, self.number, self.row, self.columns = sheet, number, row, columns

    def cell(self, header: str) -> Any:
        index = self.columns.get(header)
        return self.row[index] if index is not None and index < len(self.row) else None

    def get(self, header: str) -> Any:
        cell = self.cell(header)
        return None if cell is None else cell.value

    def ref(self, header: str) -> str | None:
        from openpyxl.utils import get_column_letter

        index = self.columns.get(header)
        return None if index is None else f"{self.sheet}!{get_column_letter(index + 1)}{self.number}"


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _integer(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value  # the schema reports what it is instead


def _number(value: Any, cell: Any, unit: str | None) -> Any:
    """A number however Excel keeps it: a float (by its shortest repr, so 3.1 stays 3.1), text with
    thousands separators, or a percentage cell (0.55 shown as 55%) where the unit is %."""
    percent_cell = cell is not None and "%" in str(getattr(cell, "number_format", "") or "")
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return number * 100 if percent_cell and unit in ("%", "％") else number
    text = str(value).strip()
    percent = text.endswith(("%", "％")) and unit in ("%", "％")
    bare = (text.rstrip("%％") if percent else text).strip()
    if _GROUPED.match(bare):
        bare = re.sub(r"[,\uff0c\u00a0\u202f ]", "", bare)
    try:
        number = Decimal(bare)
    except InvalidOperation:
        return text  # the schema says it is not a number, with a hint
    return number if number.is_finite() else text
