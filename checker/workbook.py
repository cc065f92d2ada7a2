"""The report workbook: its sheets and columns (shared by the writer here and the reader in
checker/intake/xlsx_report.py), and the blank workbook `checker template --format xlsx` writes.

Columns are found by their header, so a reader does not depend on their order. Two hidden
columns keep what the template gave each row (the rule id and the unit): the reader checks the
visible cells against them, so a row moved to another rule or a unit edited is an error, not a
silently different report. Protection locks everything but the input cells; it guards against
slips, not against a determined user (there is no password), which is what the hidden columns are for.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    from checker.rulefile import Rule
    from checker.template import Blank, PastFigure

INFO_SHEET, INDICATOR_SHEET, OBLIGATION_SHEET, HELP_SHEET = "基本信息", "指标", "任务", "说明"
SHEET_ORDER = (HELP_SHEET, INFO_SHEET, INDICATOR_SHEET, OBLIGATION_SHEET)

# 基本信息: label in column A -> the report's header field; the value is in column B.
INFO_FIELDS = {"规划编号": "plan", "报送主体": "reporter", "报告年度": "year", "填报日期": "submitted"}

# Column headers (the reader's keys).
ID, NAME, UNIT, RULE_ID, RULE_UNIT = "编号", "名称", "单位", "规则编号(勿改)", "模板单位(勿改)"
VALUE, RANK, VERDICT, SOURCE, NOTE = "本年数值", "排名", "评审结论", "数据来源", "备注"
STATUS, REASON, QUANTITY = "完成状态", "不适用理由", "已完成数量"
EV_TITLE, EV_NUMBER, EV_DATE, EV_LINK = "佐证材料标题", "文号", "日期", "链接"
HISTORY_SUFFIX = "年数值"  # 2021年数值: a history column

STATUS_CHOICES = {"已完成": "completed", "推进中": "in_progress", "未启动": "not_started", "不适用": "not_applicable"}
VERDICT_CHOICES = {"达标": "met", "未达标": "missed"}


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    input: bool = False  # unlocked for the reporter
    hidden: bool = False


def indicator_columns(history_years: tuple[int, ...]) -> list[Column]:
    return [
        Column("序号", 6), Column(ID, 12), Column(NAME, 34), Column("本单位职责", 10), Column(UNIT, 8),
        Column("规划目标", 28), Column("本年序时应达", 12),
        Column(VALUE, 12, input=True), Column(RANK, 8, input=True), Column(VERDICT, 10, input=True),
        Column(SOURCE, 20, input=True), Column(NOTE, 20, input=True),
        *(Column(f"{y}{HISTORY_SUFFIX}", 12, input=True) for y in history_years),
        Column("规划原文", 60), Column(RULE_ID, 14, hidden=True), Column(RULE_UNIT, 10, hidden=True),
    ]


def obligation_columns() -> list[Column]:
    return [
        Column("序号", 6), Column(ID, 14), Column(NAME, 34), Column("本单位职责", 10), Column("要求", 30),
        Column("本年序时应达", 12), Column(STATUS, 10, input=True), Column(REASON, 20, input=True),
        Column(QUANTITY, 12, input=True), Column(UNIT, 8),
        Column(EV_TITLE, 34, input=True), Column(EV_NUMBER, 20, input=True), Column(EV_DATE, 12, input=True),
        Column(EV_LINK, 24, input=True), Column(NOTE, 20, input=True),
        Column("规划原文", 60), Column(RULE_ID, 14, hidden=True), Column(RULE_UNIT, 10, hidden=True),
    ]


def workbook_bytes(blank: Blank) -> bytes:
    """The blank report as an .xlsx workbook (instructions, header, indicators, obligations)."""
    from openpyxl import Workbook

    wb = Workbook()
    help_sheet = wb.active
    assert help_sheet is not None
    help_sheet.title = HELP_SHEET
    _instructions(help_sheet, blank)
    _info(wb.create_sheet(INFO_SHEET), blank)
    _indicators(wb.create_sheet(INDICATOR_SHEET), blank)
    _obligations(wb.create_sheet(OBLIGATION_SHEET), blank)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Font, PatternFill

    return {
        "header": PatternFill("solid", fgColor="DDE4EE"),
        "locked": PatternFill("solid", fgColor="F2F2F2"),
        "bold": Font(bold=True),
        "wrap": Alignment(wrap_text=True, vertical="top"),
    }


def _protect(ws: Worksheet) -> None:
    ws.protection.sheet = True
    # Reporters may still widen columns and rows, and sort or filter nothing away.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _instructions(ws: Worksheet, blank: Blank) -> None:
    from openpyxl.styles import Font

    rf = blank.plan.rules_file
    not_due = "、".join(f"{o.rule.id} {_title(o.rule)}" for o in blank.not_due) or "无"
    lines = [
        f"{rf.plan.title}:{blank.reporter.name} {blank.year} 年度实施情况报告",
        "",
        "填写说明",
        f"1. 本表由 checker template 生成,只列出 {blank.reporter.name} {blank.year} 年须填报的规则"
        f"(指标 {len(blank.section('indicators'))} 项,任务 {len(blank.section('obligations'))} 项),并给出本单位职责、单位、目标、本年序时应达值和规划原文。",
        "2. 只填白色单元格;灰色单元格(编号、名称、单位、目标等)已锁定,请勿改动,也不要增删、移动行。",
        "3. “指标”表:在“本年数值”填写数值,单位按“单位”列,不要另写单位或千位分隔符;"
        "定性目标填“评审结论”(达标/未达标)或“排名”;往年数值可补报在“××年数值”列。",
        "4. “任务”表:在“完成状态”下拉选择 已完成 / 推进中 / 未启动 / 不适用;选“不适用”须填写理由;"
        "有数量要求的任务填写“已完成数量”(规划期累计);已完成的任务填写佐证材料(标题、文号、日期、链接),"
        "多份材料在同一单元格内换行(Alt+Enter)逐行对应。",
        "5. 日期填 YYYY-MM-DD(如 2023-04-02)或 Excel 日期;留空的项检查时为“未填报”。",
        f"6. 填好后保存,运行:check 文件名.xlsx  (错误会指出工作表和单元格,如 {INDICATOR_SHEET}!H2)。",
        "7. 隐藏列“规则编号(勿改)”“模板单位(勿改)”用于核对行与规则是否对应,请勿删除。",
        "",
        f"本年度未到期、无需填报:{not_due}",
        "",
        f"规划:{rf.plan.id}  发布:{rf.plan.issuer} {rf.plan.published.isoformat()}  规划期:{rf.plan.period.start}—{rf.plan.period.end}",
    ]
    for i, text in enumerate(lines, start=1):
        ws.cell(row=i, column=1, value=text)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 120
    _protect(ws)


def _info(ws: Worksheet, blank: Blank) -> None:
    from openpyxl.styles import Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    st = _styles()
    rows: list[tuple[str, Any]] = [
        ("项目", "内容"), ("规划编号", blank.plan.id), ("规划名称", blank.plan.rules_file.plan.title),
        ("报送主体", blank.reporter.name), ("报告年度", blank.year), ("填报日期", None),
    ]
    for r, (key, value) in enumerate(rows, start=1):
        ws.cell(row=r, column=1, value=key).fill = st["header"]
        cell = ws.cell(row=r, column=2, value=value)
        if key == "填报日期":
            cell.protection = Protection(locked=False)
            cell.number_format = "yyyy-mm-dd"
            dates = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                                   error="请填写日期,如 2024-01-25", errorTitle="日期")
            ws.add_data_validation(dates)
            dates.add(cell.coordinate)
        else:
            cell.fill = st["locked"]
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 50
    _protect(ws)


def _header(ws: Worksheet, columns: list[Column]) -> dict[str, int]:
    from openpyxl.utils import get_column_letter

    st = _styles()
    index = {}
    for c, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=c, value=col.header)
        cell.fill, cell.font, cell.alignment = st["header"], st["bold"], st["wrap"]
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = col.width
        ws.column_dimensions[letter].hidden = col.hidden
        index[col.header] = c
    ws.freeze_panes = "D2"
    return index


def _fill_row(ws: Worksheet, r: int, columns: list[Column], values: dict[str, Any], open_cells: set[str]) -> None:
    from openpyxl.styles import Protection

    st = _styles()
    for c, col in enumerate(columns, start=1):
        cell = ws.cell(row=r, column=c, value=values.get(col.header))
        cell.alignment = st["wrap"]
        if col.header in open_cells:
            cell.protection = Protection(locked=False)
        else:
            cell.fill = st["locked"]


def _list_validation(ws: Worksheet, choices: list[str], prompt: str) -> DataValidation:
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle=prompt, error=f"请从下拉列表选择:{'、'.join(choices)}")
    ws.add_data_validation(dv)
    return dv


def _number_validation(ws: Worksheet) -> DataValidation:
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="decimal", operator="between", formula1="-1000000000000000", formula2="1000000000000000",
                        allow_blank=True, showErrorMessage=True, errorTitle="数值", error="请填写数值(不加单位)")
    ws.add_data_validation(dv)
    return dv


def _indicators(ws: Worksheet, blank: Blank) -> None:
    columns = indicator_columns(blank.history_years)
    index = _header(ws, columns)
    verdicts = _list_validation(ws, list(VERDICT_CHOICES), VERDICT)
    numbers = _number_validation(ws)
    history = [c.header for c in columns if c.header.endswith(HISTORY_SUFFIX)]
    for r, row in enumerate(blank.section("indicators"), start=2):
        past = {f"{p.year}{HISTORY_SUFFIX}": _in_unit(p, row.unit) for p in row.history}
        values: dict[str, Any] = {
            "序号": r - 1, ID: row.rule.id, NAME: row.name, "本单位职责": row.role_label, UNIT: row.unit,
            "规划目标": row.target, "本年序时应达": _plain(row.expected), "规划原文": row.rule.source.quote,
            RULE_ID: row.rule.id, RULE_UNIT: row.unit, **past,
        }
        open_cells = {VALUE, SOURCE, NOTE, *history}
        if row.answer == "verdict":
            open_cells |= {RANK, VERDICT}
            verdicts.add(ws.cell(row=r, column=index[VERDICT]).coordinate)
        _fill_row(ws, r, columns, values, open_cells)
        for header in (VALUE, *history):
            numbers.add(ws.cell(row=r, column=index[header]).coordinate)
    _protect(ws)


def _obligations(ws: Worksheet, blank: Blank) -> None:
    columns = obligation_columns()
    index = _header(ws, columns)
    statuses = _list_validation(ws, list(STATUS_CHOICES), STATUS)
    numbers = _number_validation(ws)
    for r, row in enumerate(blank.section("obligations"), start=2):
        values: dict[str, Any] = {
            "序号": r - 1, ID: row.rule.id, NAME: row.name, "本单位职责": row.role_label, "要求": row.target,
            "本年序时应达": _plain(row.expected), UNIT: row.unit, "规划原文": row.rule.source.quote,
            RULE_ID: row.rule.id, RULE_UNIT: row.unit,
        }
        open_cells = {STATUS, REASON, EV_TITLE, EV_NUMBER, EV_DATE, EV_LINK, NOTE}
        if row.quantity:
            open_cells.add(QUANTITY)
            numbers.add(ws.cell(row=r, column=index[QUANTITY]).coordinate)
        _fill_row(ws, r, columns, values, open_cells)
        statuses.add(ws.cell(row=r, column=index[STATUS]).coordinate)
        ws.cell(row=r, column=index[EV_DATE]).number_format = "yyyy-mm-dd"
    _protect(ws)


def _plain(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(round(value, 4))


def _title(rule: Rule) -> str:
    from checker.rulefile import rule_title

    return rule_title(rule)


def _in_unit(past: PastFigure, unit: str | None) -> int | float | None:
    """A past figure in the row's unit (the workbook has one unit per row)."""
    from checker.units import UnitError, convert

    try:
        return _plain(convert(past.value, past.unit, unit or past.unit))
    except UnitError:
        return None

