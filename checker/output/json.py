"""`--format json`: the stable, schema'd document (checker/schemas/assessment.schema.json).

Streamed: each assessment is written as it is done, so a batch's output never waits in memory.
The bytes are those of the whole document dumped at once with two-space indentation.
"""

from __future__ import annotations

from typing import BinaryIO

import orjson
from pydantic import BaseModel

from checker.judgement import Assessment
from checker.models.results import InputError
from checker.output import Context
from checker.output.records import assessment_record
from checker.run import CheckRun

# An item is dumped inside a two-level wrapper, so orjson indents it as the document's lines are
# (an item of a top-level list sits two levels deep), and the wrapper's own bytes are cut off.
_HEAD, _TAIL = b'{\n  "a": [\n', b"\n  ]\n}"


def _item(model: BaseModel) -> bytes:
    """The record as pydantic writes it with indent=2 at that depth, byte for byte, by orjson
    (several times faster; both write floats as their shortest round-trip text). orjson writes a
    record it does not know by `vars`: its fields, in order (a record's values are strings,
    numbers, lists, dicts and records). What orjson refuses (an integer beyond 64 bits, a lone
    surrogate) goes to pydantic, which answers as it always did."""
    try:
        wrapped = orjson.dumps({"a": [model]}, default=vars, option=orjson.OPT_INDENT_2)
        return wrapped[len(_HEAD):-len(_TAIL)]
    except TypeError:  # orjson.JSONEncodeError is one
        # JSON strings never hold a raw newline, so every newline is a line break to indent.
        return b"    " + model.model_dump_json(indent=2).encode("utf-8").replace(b"\n", b"\n    ")


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
            InputError(file=p.file, line=p.line, place=p.place, message=p.message(lang), cell=p.cell)
            for p in run.problems
        ]
        self.stream.write(b',\n  "errors": [')
        if errors:
            self.stream.write(b"\n" + b",\n".join(_item(e) for e in errors) + b"\n  ]")
        else:
            self.stream.write(b"]")
        self.stream.write(b"\n}\n")
