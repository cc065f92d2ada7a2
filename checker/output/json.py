"""`--format json`: the stable, schema'd document (checker/schemas/assessment.schema.json).

Streamed: each assessment is written as it is done, so a batch's output never waits in memory.
The bytes are those of the whole document dumped at once with two-space indentation.
"""

from __future__ import annotations

from typing import BinaryIO

from pydantic import BaseModel

from checker.judgement import Assessment
from checker.models.results import InputError
from checker.output import Context
from checker.output.records import assessment_record
from checker.run import CheckRun

_INDENT = b"\n    "  # an item of a top-level list sits two levels deep


def _item(model: BaseModel) -> bytes:
    # JSON strings never hold a raw newline, so every newline is a line break to indent.
    return b"    " + model.model_dump_json(indent=2).encode("utf-8").replace(b"\n", _INDENT)


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.context, self.count = stream, context, 0
        stream.write(b'{\n  "version": 1,\n  "assessments": [')

    def add(self, assessment: Assessment) -> None:
        self.stream.write(b",\n" if self.count else b"\n")
        self.stream.write(_item(assessment_record(assessment, self.context.lang)))
        self.count += 1

    def close(self, run: CheckRun) -> None:
        lang = self.context.lang
        self.stream.write(b"\n  ]" if self.count else b"]")
        errors = [
            InputError(file=p.file, line=p.line, place=p.place, message=p.zh if lang == "zh" else p.en, cell=p.cell)
            for p in run.problems
        ]
        self.stream.write(b',\n  "errors": [')
        if errors:
            self.stream.write(b"\n" + b",\n".join(_item(e) for e in errors) + b"\n  ]")
        else:
            self.stream.write(b"]")
        self.stream.write(b"\n}\n")
