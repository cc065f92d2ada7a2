"""JSON reports: parsed strictly, with the line of every key and item, then validated in one pass."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from functools import partial
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.scanner import make_scanner
from pathlib import Path
from typing import Any

from checker.echo import path_text
from checker.errors import NotAReportError, Problem, SubmissionError
from checker.intake import Intake
from checker.intake.validate import accepts, validate
from checker.loading import parse_json, read_text, too_deep
from checker.locations import JsonPath, SourceMap

# How deep lines are recorded: top-level keys, entries, their fields, history/evidence items and
# their fields. Deeper values (none in a valid report) are parsed by the C scanner in one go.
WALK_DEPTH = 5
# A valid report needs only the lines of its top-level keys and entries (each result's location):
# it is walked this deep, and its fields' lines are found only if a problem is to be located there.
ENTRY_DEPTH = 2
REPORT_KEYS = ("plan", "reporter", "year")  # a file with none of them is not a report at all
_SPACE = re.compile(r"[ \t\n\r]*")
_AFTER_ITEM = re.compile(r"[ \t\n\r]*(?:(,)[ \t\n\r]*|(\]))")  # what follows an array's item


def read(path: Path) -> Intake:
    name = path_text(path)  # a file name that is not valid UTF-8 is shown with escapes
    text = read_text(path, SubmissionError)
    try:
        # The nesting is walked only for a document the schema refuses: what it accepts is shallow.
        data, shallow = parse_json(text, name, SubmissionError, partial(decode_with_lines, depth=ENTRY_DEPTH), nesting=False)
        accepted = accepts(data)
        if not accepted and too_deep(data):
            raise SubmissionError([])
    except SubmissionError:
        parse_json(text, name, SubmissionError, decode_with_lines)  # raises again, each problem at its own line
        raise
    lines = _LazyLines(text, shallow)
    if not any(key in data for key in REPORT_KEYS):
        raise NotAReportError([Problem(
            name, "不是年度报告(缺少 plan、reporter、year)", "not an annual report (no plan, reporter or year)",
        )])
    source = SourceMap(name, lines)
    checked = validate(data, source, accepted)
    if checked.submission is None:
        raise SubmissionError(list(checked.problems))
    return Intake(path, checked.submission, source, checked.problems, checked.positions)


class _Lines:
    """Line numbers of offsets, counted incrementally (offsets are asked in increasing order)."""

    def __init__(self, text: str) -> None:
        self.text, self.offset, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


class _LazyLines(Mapping[JsonPath, int]):
    """The lines of a report's paths: those of its entries at once, those of the fields within them
    walked from the text the first time one is asked for."""

    def __init__(self, text: str, shallow: dict[JsonPath, int]) -> None:
        self.text, self.shallow = text, shallow
        self.full: dict[JsonPath, int] | None = None

    def _all(self) -> dict[JsonPath, int]:
        if self.full is None:
            self.full = {}
            decode_with_lines(self.text, json.JSONDecoder(object_pairs_hook=dict), self.full)
        return self.full

    def _for(self, path: object) -> Mapping[JsonPath, int]:
        return self.shallow if isinstance(path, tuple) and len(path) <= ENTRY_DEPTH else self._all()

    def __getitem__(self, path: JsonPath) -> int:
        return self._for(path)[path]

    def get(self, path: JsonPath, default: Any = None) -> Any:  # the dict's own get: asked per judged entry
        return self._for(path).get(path, default)

    def __contains__(self, path: object) -> bool:
        return path in self._for(path)

    def __iter__(self) -> Iterator[JsonPath]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def decode_with_lines(
    text: str, decoder: json.JSONDecoder, lines: dict[JsonPath, int], depth: int = WALK_DEPTH,
) -> Any:
    """Decode as the strict decoder does, recording the line of each key and item down to `depth`.

    The C scanner parses every leaf; only objects and arrays near the top are walked here.
    Anything irregular falls back to the plain decoder, whose error is the one reported.
    """
    try:
        walker = _Walker(text, decoder, lines, depth)
        index = _skip(text, 0)
        if text[index] != "{":
            return decoder.decode(text)
        value, index = walker.value(index, (), 0)
        if _skip(text, index) != len(text):
            raise ValueError  # extra data after the object
        return value
    except (ValueError, IndexError, StopIteration):
        lines.clear()
        return decoder.decode(text)


def _skip(text: str, index: int) -> int:
    return _SPACE.match(text, index).end()  # type: ignore[union-attr]


class _Walker:
    def __init__(self, text: str, decoder: json.JSONDecoder, lines: dict[JsonPath, int], depth: int) -> None:
        self.text, self.lines, self.decoder, self.depth = text, lines, decoder, depth
        self.scan = make_scanner(decoder)  # type: ignore[arg-type]  # typeshed types it as a class
        self.counter = _Lines(text)

    def value(self, index: int, path: JsonPath, depth: int) -> tuple[Any, int]:
        char = self.text[index]
        if depth < self.depth and char == "{":
            return self._object(index, path, depth)
        if depth < self.depth and char == "[":
            return self._array(index, path, depth)
        result: tuple[Any, int] = self.scan(self.text, index)
        return result

    def _object(self, index: int, path: JsonPath, depth: int) -> tuple[Any, int]:
        text = self.text
        pairs: list[tuple[str, Any]] = []
        index = _skip(text, index + 1)
        while text[index] != "}":
            if pairs:
                if text[index] != ",":
                    raise ValueError
                index = _skip(text, index + 1)
            if text[index] != '"':
                raise ValueError
            key, end = scanstring(text, index + 1)
            self.lines[path + (key,)] = self.counter.at(index)
            index = _skip(text, end)
            if text[index] != ":":
                raise ValueError
            value, index = self.value(_skip(text, index + 1), path + (key,), depth + 1)
            pairs.append((key, value))
            index = _skip(text, index)
        assert self.decoder.object_pairs_hook is not None
        return self.decoder.object_pairs_hook(pairs), index + 1

    def _array(self, index: int, path: JsonPath, depth: int) -> tuple[list[Any], int]:
        # The loop over a report's entries, so names are bound locally and the lines counted inline.
        text, lines, counter, after = self.text, self.lines, self.counter, _AFTER_ITEM.match
        leaf = depth + 1 >= self.depth  # items parsed whole by the C scanner
        items: list[Any] = []
        index = _skip(text, index + 1)
        if text[index] == "]":
            return items, index + 1
        while True:
            counter.line += text.count("\n", counter.offset, index)
            counter.offset = index
            place = path + (len(items),)
            lines[place] = counter.line
            item, index = self.scan(text, index) if leaf else self.value(index, place, depth + 1)
            items.append(item)
            separator = after(text, index)
            if separator is None:
                raise ValueError
            if separator.lastindex == 2:  # the closing bracket
                return items, separator.end()
            index = separator.end()
