"""`--format json`: the stable, schema'd document (checker/schemas/assessment.schema.json)."""

from __future__ import annotations

import json
from typing import TextIO

from checker.errors import Lang
from checker.run import CheckRun


def report(run: CheckRun, stream: TextIO, lang: Lang, color: bool) -> None:
    document = run.document(lang).model_dump(mode="json")
    stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
