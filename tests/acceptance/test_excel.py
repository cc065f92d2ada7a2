"""Excel reports: each harmless quirk read as meant, each meaning-changing edit an error at its cell,
hostile workbooks refused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from checker.catalog import Catalog
from checker.cli import check_command
from checker.intake import read
from checker.template import blank_report
from checker.workbook import workbook_bytes

Edit = Callable[[Any], None]


@pytest.fixture(scope="module")
def template() -> bytes:
    plan = Catalog(None).get("langfang-14fyp")
    assert plan is not None
    return workbook_bytes(blank_report(plan, "市市场监管局", 2023))


def _row(ws: Any, rule_id: str) -> int:
    hidden = next(c.column for c in ws[1] if c.value == "规则编号(勿改)")
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=hidden).value == rule_id)


def _col(ws: Any, header: str) -> int:
    return next(c.column for c in ws[1] if c.value == header)


def _edited(template: bytes, tmp_path: Path, *edits: tuple[str, str, str, Any]) -> Path:
    """The template with cells set: (sheet, rule id, column header, value)."""
    wb = load_workbook(io.BytesIO(template))
    for sheet, rule_id, header, value in edits:
        ws = wb[sheet]
        cell = ws.cell(row=_row(ws, rule_id), column=_col(ws, header))
        if isinstance(value, tuple):  # (value, number format)
            cell.value, cell.number_format = value
        else:
            cell.value = value
    path = tmp_path / "report.xlsx"
    wb.save(path)
    return path


def _indicator(path: Path, rule_id: str) -> Any:
    return next(e for e in read(path).submission.indicators if e.id == rule_id)


def _obligation(path: Path, rule_id: str) -> Any:
    return next(e for e in read(path).submission.obligations if e.id == rule_id)


@pytest.mark.parametrize(
    ("rule_id", "typed", "meant"),
    [
        ("LF-I01", 2.95, Decimal("2.95")),  # a float read by its shortest form, not 2.9500000000000002
        ("LF-I01", "2.95", Decimal("2.95")),  # a number stored as text
        ("LF-I14", "13,000", Decimal(13000)),  # thousands separator
        ("LF-I14", "13，000", Decimal(13000)),  # full-width
        ("LF-I14", "13 000", Decimal(13000)),  # a locale's grouping space
        ("LF-I03", (0.05, "0.0%"), Decimal(5)),  # a percentage cell keeps 0.05 for what it shows as 5.0%
        ("LF-I03", "5%", Decimal(5)),
        ("LF-I07", 3, Decimal(3)),
    ],
)
def test_numbers_as_excel_keeps_them(template: bytes, tmp_path: Path, rule_id: str, typed: Any, meant: Decimal) -> None:
    path = _edited(template, tmp_path, ("指标", rule_id, "本年数值", typed))
    assert _indicator(path, rule_id).value == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (dt.datetime(2023, 4, 2), dt.date(2023, 4, 2)),  # a date cell
        (45018, dt.date(2023, 4, 2)),  # a serial number in a cell without date format
        ("2023/4/2", dt.date(2023, 4, 2)),
        ("2023年4月2日", dt.date(2023, 4, 2)),
    ],
)
def test_dates_as_excel_keeps_them(template: bytes, tmp_path: Path, typed: Any, meant: dt.date) -> None:
    path = _edited(template, tmp_path, ("任务", "LF-O-4.5", "完成状态", "已完成"),
                   ("任务", "LF-O-4.5", "佐证材料标题", "专项整治工作方案"), ("任务", "LF-O-4.5", "日期", typed))
    assert _obligation(path, "LF-O-4.5").evidence[0].date == meant


def test_trailing_and_empty_rows_are_ignored(template: bytes, tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(template))
    ws = wb["指标"]
    rows = ws.max_row
    for r in range(rows + 1, rows + 30):
        ws.cell(row=r, column=3, value="  ")  # blanks and formatting Excel leaves behind
        ws.cell(row=r, column=8).number_format = "0.00"
    path = tmp_path / "report.xlsx"
    wb.save(path)
    assert len(read(path).submission.indicators) == rows - 1


def test_several_evidence_items_one_per_line(template: bytes, tmp_path: Path) -> None:
    path = _edited(template, tmp_path, ("任务", "LF-O-4.5", "完成状态", "已完成"),
                   ("任务", "LF-O-4.5", "佐证材料标题", "方案\n总结"), ("任务", "LF-O-4.5", "文号", "廊市监〔2023〕7号\n廊市监〔2023〕40号"))
    evidence = _obligation(path, "LF-O-4.5").evidence
    assert [(e.title, e.doc_number) for e in evidence] == [("方案", "廊市监〔2023〕7号"), ("总结", "廊市监〔2023〕40号")]


def _errors(path: Path) -> list[str]:
    result = CliRunner().invoke(check_command, [str(path)])
    assert result.exit_code == 2
    return result.stderr.splitlines()


def test_meaning_changing_edits_are_errors_at_their_cells(template: bytes, tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(template))
    ind, obl = wb["指标"], wb["任务"]
    r01, r02 = _row(ind, "LF-I01"), _row(ind, "LF-I02")
    ind.cell(row=r01, column=_col(ind, "单位"), value="万件")  # a unit cell edited
    ind.cell(row=r01, column=_col(ind, "本年数值"), value=3)
    ind.cell(row=r02, column=_col(ind, "名称"), value="每万人口高价值发明专利拥有量")  # a row's name moved here
    ind.cell(row=r02, column=_col(ind, "编号"), value="LF-I01")
    ind.cell(row=_row(ind, "LF-I09"), column=_col(ind, "评审结论"), value="很好")
    obl.cell(row=_row(obl, "LF-O-3.3"), column=_col(obl, "完成状态"), value="完成了")
    obl.cell(row=_row(obl, "LF-O-3.3"), column=_col(obl, "已完成数量"), value="12家")
    path = tmp_path / "report.xlsx"
    wb.save(path)
    col = {h: chr(64 + _col(ind, h)) for h in ("单位", "名称", "编号", "评审结论")}
    ocol = {h: chr(64 + _col(obl, h)) for h in ("完成状态", "已完成数量")}
    o33 = _row(obl, "LF-O-3.3")
    assert _errors(path) == [
        f"{path}:指标!{col['单位']}{r01}: 单位被改为“万件”,模板单位为“件”:请按模板单位填报数值,不要改单位",
        f"{path}:指标!{col['编号']}{r02}: 编号“LF-I01”与本行的规则编号 LF-I02 不符(行被移动或编号被改动?)",
        f"{path}:指标!{col['名称']}{r02}: 编号 LF-I02 是“每万人口发明专利拥有量”,与所填名称“每万人口高价值发明专利拥有量”不符(行被移动或编号被改动?请核对)",
        f"{path}:指标!{col['评审结论']}{_row(ind, 'LF-I09')}: 评审结论“很好”无效,可选:达标、未达标",
        f"{path}:任务!{ocol['完成状态']}{o33}: 完成状态“完成了”无效,可选:已完成、推进中、未启动、不适用",
        f"{path}:任务!{ocol['已完成数量']}{o33}: 类型错误:应为数值:数值与单位须分开填写,value 写 12,unit 写 “家”",
    ]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    assert _errors(path) == [f"{path}: 不是有效的 .xlsx 工作簿(请用 Excel 另存为 .xlsx)"]


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checker.intake.xlsx_report.MAX_UNPACKED_BYTES", 1_000_000)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 5_000_000)  # 5 MB of zeros packs to a few KB
    assert path.stat().st_size < 50_000
    [error] = _errors(path)
    assert error.startswith(f"{path}: 工作簿解压后过大(5000000 字节")


def test_too_many_rows_is_refused(template: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checker.intake.xlsx_report.MAX_ROWS", 5)
    path = tmp_path / "report.xlsx"
    path.write_bytes(template)
    assert _errors(path) == [f"{path}: 工作表“指标”超过 5 行,拒绝读取"]


def test_missing_sheet(template: bytes, tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(template))
    del wb["任务"]
    path = tmp_path / "report.xlsx"
    wb.save(path)
    assert _errors(path) == [f"{path}: 缺少工作表:任务(请使用 checker template 生成的工作簿)"]
