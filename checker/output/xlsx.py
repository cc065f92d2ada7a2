"""`--format xlsx`: a workbook with an overview sheet (one row per report) and a results sheet (one
row per rule result), headings frozen and filterable; input errors on a third sheet when any.

openpyxl's write-only mode streams rows to temporary files, so a large batch stays small in memory.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from checker.i18n import word
from checker.judgement import Assessment
from checker.output import Context
from checker.output.overview import grade_text, outcome_text, row, shown_score
from checker.output.records import assessment_record
from checker.output.table import COLUMNS, Cell, headings, rows
from checker.run import CheckRun

_BOLD = Font(bold=True)
_WIDTHS = {"name": 40, "message": 80, "fix": 40, "file": 40, "reporter": 24}
_OVERVIEW = ("reporter", "year_col", "plan_id", "total", "grade", "outcome", "failing_n", "file")


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.context = stream, context
        self.book = Workbook(write_only=True)
        lang = context.lang
        self.overview = self._sheet(word("overview", lang), [word(k, lang) for k in _OVERVIEW], [24, 10, 18, 8, 8, 8, 10, 40])
        keys = [key for key, _ in COLUMNS]
        self.results = self._sheet(word("results", lang), headings(lang), [_WIDTHS.get(k, 12) for k in keys])
        self.n_overview = self.n_results = 1

    def _sheet(self, title: str, header: list[str], widths: list[int]) -> Any:
        # Any: a write-only sheet sets up column_dimensions and auto_filter at run time, unknown to the stubs.
        sheet: Any = self.book.create_sheet(title)
        for i, cells in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(i)].width = cells
        sheet.freeze_panes = "A2"
        sheet.append([self._bold(sheet, h) for h in header])
        return sheet

    @staticmethod
    def _bold(sheet: Any, value: str) -> Any:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = _BOLD
        return cell

    def add(self, assessment: Assessment) -> None:
        lang = self.context.lang
        r = row(assessment)
        score: Cell = shown_score(r.score, r.grade)
        self.overview.append([r.reporter, r.year, r.plan, score, grade_text(r.grade, lang), outcome_text(r.passed, lang), r.failing, r.file])
        self.n_overview += 1
        for cells in rows(assessment_record(assessment, lang), lang, self.context.only_failing):
            self.results.append(cells)
            self.n_results += 1

    def close(self, run: CheckRun) -> None:
        lang = self.context.lang
        self.overview.auto_filter.ref = f"A1:{get_column_letter(len(_OVERVIEW))}{self.n_overview}"
        self.results.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{self.n_results}"
        if run.problems:
            errors = self._sheet(word("input_errors", lang), [word("file", lang), word("line", lang), word("message", lang)], [50, 8, 100])
            for p in run.problems:
                errors.append([p.file, p.line, p.message(lang, place=True)])
        self.book.save(self.stream)
