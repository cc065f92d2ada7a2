"""Where things are in an input file: a JSON path with its line, or an Excel sheet and cell."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, TypeVar

JsonPath = tuple[str | int, ...]
V = TypeVar("V")
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def format_path(path: Iterable[str | int]) -> str:
    """Render a path as $.indicators[2].value."""
    out = "$"
    for part in path:
        out += f"[{part:d}]" if isinstance(part, int) else f".{part}"  # :d: True, if ever, as 1 (equal keys, equal text)
    return out


# locate() renders the path of every judged entry, the same few thousand in every report: a path's
# text depends only on the path (equal paths, even 1 and True, give equal text), so it is kept.
_formatted = lru_cache(maxsize=8192)(format_path)


class Location(NamedTuple):  # one is made per judged entry: a tuple is built in C, a frozen dataclass field by field
    """One place in one file. `path` is always set; `line` for text formats, `cell` for workbooks."""

    file: str
    path: str = "$"
    line: int | None = None
    cell: str | None = None  # 指标!D12

    def render(self) -> str:
        if self.cell is not None:
            return f"{self.file}:{self.cell}"
        return f"{self.file}:{self.line}" if self.line is not None else self.file


@dataclass(frozen=True)
class SourceMap:
    """The known places of one input file: the line (or cell) of each path that has one.

    A path without its own entry takes its nearest ancestor's, so `$.indicators[3].unit` is
    found at the line where indicator 3 begins.
    """

    file: str
    lines: Mapping[JsonPath, int] = field(default_factory=dict)
    cells: Mapping[JsonPath, str] = field(default_factory=dict)

    def locate(self, path: JsonPath) -> Location:
        # Asked for every judged entry; a text file has no cells to search.
        cell = nearest(path, self.cells) if self.cells else None
        return Location(self.file, _formatted(path), nearest(path, self.lines), cell)

    def line_at(self, place: str) -> int | None:
        """The line of a rendered path such as $.indicators[3].unit (that of its nearest ancestor)."""
        return _nearest_rendered(place, self.lines)

    def cell_at(self, place: str) -> str | None:
        """The cell of a rendered path (that of its nearest ancestor), in a workbook."""
        return _nearest_rendered(place, self.cells)


def _nearest_rendered(place: str, known: Mapping[JsonPath, V]) -> V | None:
    return nearest(parse_path(place), known)


def parse_path(place: str) -> JsonPath:
    """$.indicators[3].unit -> ("indicators", 3, "unit"): the inverse of format_path."""
    return tuple(int(index) if index else key for key, index in _STEP.findall(place))


_CELL = re.compile(r"^(.*)!([A-Z]+)(\d+)$")


def cell_order(cell: str | None) -> tuple[int, int, int]:
    """Sheet by sheet (in the workbook's order), row by row, left to right: the order a clerk reads in."""
    from checker.workbook import SHEET_ORDER

    m = _CELL.match(cell or "")
    if m is None:
        return (-1, 0, 0)
    column = 0
    for letter in m[2]:
        column = column * 26 + ord(letter) - 64
    sheet = SHEET_ORDER.index(m[1]) if m[1] in SHEET_ORDER else len(SHEET_ORDER)
    return (sheet, int(m[3]), column)



def place_key(place: str) -> list[tuple[int, int | str]]:
    """Document order for places such as $.indicators[10].unit (10 after 2)."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"[\[\].]+", place) if part]


def nearest(path: JsonPath, known: Mapping[JsonPath, V]) -> V | None:
    """The value known for a path, or for its nearest ancestor that has one (no value is None)."""
    while (found := known.get(path)) is None and path:
        path = path[:-1]
    return found
