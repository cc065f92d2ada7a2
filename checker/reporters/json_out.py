"""`--format json`: the stable, schema'd document (checker/schemas/assessment.schema.json)."""

from __future__ import annotations

from typing import TextIO

from checker.errors import Lang
from checker.run import CheckRun


def report(run: CheckRun, stream: TextIO, lang: Lang, color: bool) -> None:
    # pydantic's serializer writes indented JSON ~10x faster than the json module does.
    stream.write(run.document(lang).model_dump_json(indent=2) + "\n")
