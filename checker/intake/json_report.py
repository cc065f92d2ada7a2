"""JSON reports: parsed strictly, validated against the published schema, with the line of every entry."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.scanner import make_scanner
from pathlib import Path
from typing import Any

from checker.errors import NotAReportError, Problem, SubmissionError
from checker.intake import Intake
from checker.loading import build_model, json_decoder, parse_json, read_text, schema_problems
from checker.locations import JsonPath, SourceMap, format_path
from checker.models.submission import Submission

ENTRY_LISTS = ("indicators", "obligations")
REPORT_KEYS = ("plan", "reporter", "year")  # a file with none of them is not a report at all
_SPACE = re.compile(r"[ \t\n\r]*")


def read(path: Path) -> Intake:
    name = str(path)
    text = read_text(path, SubmissionError)
    lines: dict[JsonPath, int] = {}
    data = parse_json(text, name, SubmissionError, lambda t: _decode_with_lines(t, lines))
    if not any(key in data for key in REPORT_KEYS):
        raise NotAReportError([Problem(
            name, "不是年度报告(缺少 plan、reporter、year)", "not an annual report (no plan, reporter or year)",
        )])
    problems = schema_problems(data, "submission", name, lines, format_path, compiled_first=True)
    if problems:
        raise SubmissionError(problems)
    submission = build_model(Submission, data, name, lines, format_path, SubmissionError)
    return Intake(path, submission, SourceMap(name, lines))


class _Lines:
    """Line numbers of offsets, counted incrementally (offsets are asked in increasing order)."""

    def __init__(self, text: str) -> None:
        self.text, self.offset, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _decode_with_lines(text: str, lines: dict[JsonPath, int]) -> Any:
    """Decode as the strict decoder does, recording the line of each top-level key and each entry.

    The C scanner parses every value; only the top-level object and the entry lists are walked
    here. Anything irregular falls back to the plain decoder, whose error message is the one shown.
    """
    decoder = json_decoder()
    try:
        return _walk(text, decoder, lines)
    except (ValueError, IndexError, StopIteration):
        lines.clear()
        return decoder.decode(text)


def _walk(text: str, decoder: json.JSONDecoder, lines: dict[JsonPath, int]) -> Any:
    scan, counter = make_scanner(decoder), _Lines(text)  # type: ignore[arg-type]  # typeshed types it as a class
    index = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if text[index] != "{":
        return decoder.decode(text)
    pairs: list[tuple[str, Any]] = []
    index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
    while text[index] != "}":
        if pairs:
            if text[index] != ",":
                raise ValueError
            index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
        if text[index] != '"':
            raise ValueError
        lines[(key := scanstring(text, index + 1)[0],)] = counter.at(index)
        index = _SPACE.match(text, scanstring(text, index + 1)[1]).end()  # type: ignore[union-attr]
        if text[index] != ":":
            raise ValueError
        index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
        if key in ENTRY_LISTS and text[index] == "[":
            value, index = _walk_list(text, index, scan, counter, key, lines)
        else:
            value, index = scan(text, index)
        pairs.append((key, value))
        index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
    if _SPACE.match(text, index + 1).end() != len(text):  # type: ignore[union-attr]
        raise ValueError  # extra data after the object
    assert decoder.object_pairs_hook is not None
    return decoder.object_pairs_hook(pairs)


def _walk_list(
    text: str, index: int, scan: Any, counter: _Lines, key: str, lines: dict[JsonPath, int]
) -> tuple[list[Any], int]:
    items: list[Any] = []
    index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
    while text[index] != "]":
        if items:
            if text[index] != ",":
                raise ValueError
            index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
        lines[(key, len(items))] = counter.at(index)
        item, index = scan(text, index)
        items.append(item)
        index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
    return items, index + 1
