"""Report readers, by file suffix: each turns a file into a Submission and a map of its places.

Adding an input format is one module here with a `read(path) -> Intake` function (raising
SubmissionError with every problem, each located) and one line in READERS.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import Problem

if TYPE_CHECKING:
    from checker.locations import SourceMap
    from checker.models.submission import Submission

# suffix -> module with the reader
READERS: dict[str, str] = {".json": "checker.intake.json_report", ".xlsx": "checker.intake.xlsx_report"}


@dataclass(frozen=True)
class Intake:
    """One report read: what it says, and where each part of it is.

    With `problems`, some entries did not validate: `submission` holds the others (at the document
    indexes in `positions`), still worth matching to their rules so that every problem of the file
    is reported in one pass; such a report is not assessed.
    """

    path: Path
    submission: Submission
    source: SourceMap
    problems: tuple[Problem, ...] = ()
    positions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


def read(path: Path) -> Intake:
    """Read one report with the reader for its suffix; raise SubmissionError when it does not fit."""
    module = READERS.get(path.suffix.lower(), READERS[".json"])  # a named file is read as JSON by default
    intake: Intake = import_module(module).read(path)
    return intake
