"""A report's data -> Submission, finding every schema and model problem in one pass.

Every reader (JSON, Excel) ends here. The whole document is checked against the published
schema; each entry that passes is then built on its own, so one bad entry neither hides the
problems of the others nor stops them from being matched to their rules afterwards (run.py).
A broken header (plan, reporter, year…) leaves nothing to match: the submission is None.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from checker.errors import Problem
from checker.locations import JsonPath, SourceMap
from checker.models.submission import (
    MAX_ENTRIES,
    IndicatorEntry,
    ObligationEntry,
    Submission,
)

SECTIONS: dict[str, type[BaseModel]] = {"indicators": IndicatorEntry, "obligations": ObligationEntry}


@dataclass(frozen=True)
class Validated:
    """What a report's data became: the submission of its valid entries, and every problem found."""

    submission: Submission | None
    problems: tuple[Problem, ...] = ()
    # section -> the document index of each entry kept (only when some were left out)
    positions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


def accepts(data: dict[str, Any]) -> bool:
    """Whether the published schema accepts the document (the compiled validator: yes or no only).

    It admits nothing nested deeper than five levels (every object is closed, every value typed)."""
    import fastjsonschema

    from checker.loading import compiled_schema

    try:
        compiled_schema("submission")(data)
        return True
    except fastjsonschema.JsonSchemaException:
        return False


def validate(data: dict[str, Any], source: SourceMap, accepted: bool | None = None) -> Validated:
    """Schema, then models entry by entry; a valid document takes the fast path (compiled schema, one model call).

    `accepted` is the schema's verdict when the reader has asked it already."""
    from checker.cache import ready

    ready(Submission)
    if accepted is None:
        accepted = accepts(data)
    if accepted:
        try:
            return Validated(Submission.model_validate(data))
        except ValidationError:
            pass
    too_many = [
        _at(source, (section,), f"条目过多({len(items)} 条,上限 {MAX_ENTRIES} 条)", f"too many entries ({len(items)}, at most {MAX_ENTRIES})")
        for section in SECTIONS if isinstance(items := data.get(section), list) and len(items) > MAX_ENTRIES
    ]
    if too_many:  # refused whole: checking each of a hundred thousand entries would only take time
        return Validated(None, tuple(too_many))
    problems, bad = _schema_problems(data, source)
    refused = {_entry_of(path) for path in bad}  # the entries the schema refuses; None: the header
    kept: dict[str, list[BaseModel]] = {}
    positions: dict[str, tuple[int, ...]] = {}
    for section, model in SECTIONS.items():
        items = data.get(section)
        if not isinstance(items, list):
            continue
        good: list[tuple[int, BaseModel]] = []
        for index, item in enumerate(items):
            if (section, index) in refused:
                continue
            try:
                good.append((index, model.model_validate(item)))
            except ValidationError as exc:
                problems.extend(model_problems(exc, item, (section, index), source))
        kept[section] = [entry for _, entry in good]
        positions[section] = tuple(index for index, _ in good)
    submission = None
    if None not in refused:
        try:
            # Entries are built models already: pydantic does not validate them again.
            submission = Submission.model_validate({**data, **kept})
        except ValidationError as exc:
            problems.extend(model_problems(exc, data, (), source))
    return Validated(submission, tuple(sort_problems(problems)), positions)


def _entry_of(path: JsonPath) -> tuple[str, int] | None:
    if len(path) >= 2 and path[0] in SECTIONS and isinstance(path[1], int):
        return (str(path[0]), path[1])
    return None


def _schema_problems(data: dict[str, Any], source: SourceMap) -> tuple[list[Problem], list[JsonPath]]:
    from checker.loading import schema_errors

    problems: list[Problem] = []
    paths: list[JsonPath] = []
    for path, zh, en in schema_errors(data, "submission"):
        paths.append(path)
        problems.append(_at(source, path, zh, en))
    return problems, paths


def model_problems(exc: ValidationError, data: Any, prefix: JsonPath, source: SourceMap) -> list[Problem]:
    """Pydantic's errors as located problems (the validators' messages are 'zh | en')."""
    from checker.loading import document_path, validator_message
    from checker.schema_messages import date_hint

    problems = []
    for item in exc.errors(include_url=False):
        field, zh, en = validator_message(item)
        path = prefix + document_path(data, item["loc"]) + field
        if str(item["type"]).startswith("date"):
            zh, en = date_hint(item.get("input"))
        problems.append(_at(source, path, zh, en))
    return problems


def _at(source: SourceMap, path: JsonPath, zh: str, en: str) -> Problem:
    where = source.locate(path)
    return Problem(source.file, zh, en, where.path, where.line, where.cell)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Each problem once, in document order (by line in JSON, then by path; a workbook's reader orders
    them by cell after this, the path only breaking ties)."""
    from checker.locations import place_key

    return sorted(set(problems), key=lambda p: (p.line or 0, place_key(p.place), p.en))

