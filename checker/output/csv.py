"""`--format csv`: one row per rule result, UTF-8 with a byte-order mark so Excel reads the Chinese."""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from checker.judgement import Assessment
from checker.output import Context
from checker.output.records import assessment_record
from checker.output.table import Cell, headings, rows
from checker.run import CheckRun


def _cell(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.context = stream, context
        self._write([headings(context.lang)], bom=True)

    def _write(self, table: list[list[str | int | float]] | list[list[str]], bom: bool = False) -> None:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(table)  # RFC 4180 line ends
        self.stream.write(out.getvalue().encode("utf-8-sig" if bom else "utf-8"))

    def add(self, assessment: Assessment) -> None:
        record = assessment_record(assessment, self.context.lang)
        self._write([[_cell(c) for c in row] for row in rows(record, self.context.lang, self.context.only_failing)])

    def close(self, run: CheckRun) -> None:
        pass
