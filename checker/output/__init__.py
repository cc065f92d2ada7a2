"""Renderers, by command and format name. Each module is imported only when chosen.

A `check` renderer is a class `Renderer(stream, context)` with `add(assessment)`, called as each
assessment is done, and `close(run)`, called once at the end; it writes bytes, so one renderer may
write text, XML, HTML or a workbook. A renderer that holds a folder's assessments back (to print a
line per report before the details) may also define `folder_done()`, called when every assessment
of a folder has been added. `rules` and `explain` renderers are functions
`render(command, listings | hits, stream, context)`. Adding a format is one module and one line
in OUTPUTS.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, Protocol

if TYPE_CHECKING:
    from checker.i18n import Lang
    from checker.judgement import Assessment
    from checker.run import CheckRun

Command = Literal["check", "rules", "explain"]

# command -> format name -> module
OUTPUTS: dict[Command, dict[str, str]] = {
    "check": {
        "text": "checker.output.text",
        "json": "checker.output.json",
        "summary": "checker.output.summary",
        "html": "checker.output.html",
        "csv": "checker.output.csv",
        "xlsx": "checker.output.xlsx",
        "junit": "checker.output.junit",
        "sarif": "checker.output.sarif",
        "github": "checker.output.github",
        "markdown": "checker.output.markdown",
    },
    "rules": {"text": "checker.output.catalog_text", "json": "checker.output.catalog_json"},
    "explain": {"text": "checker.output.catalog_text"},
}


# `-o PATH` without a format: the format its suffix names.
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".json": "json", ".html": "html", ".htm": "html", ".csv": "csv", ".xlsx": "xlsx",
    ".xml": "junit", ".sarif": "sarif", ".md": "markdown",
}
BINARY_FORMATS = frozenset({"xlsx"})  # not for a terminal


@cache
def version() -> str:
    """This package's version, for what a report says made it ("0" from a source tree not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("plan-compliance-checker")
    except PackageNotFoundError:
        return "0"


def formats_for(command: Command) -> tuple[str, ...]:
    return tuple(OUTPUTS[command])


@dataclass(frozen=True)
class Context:
    """What a renderer may need besides the results."""

    lang: Lang = "zh"
    color: bool = False
    only_failing: bool = False  # list only rules whose status fails (text, csv, xlsx)


class Renderer(Protocol):
    def __init__(self, stream: BinaryIO, context: Context) -> None: ...

    def add(self, assessment: Assessment) -> None: ...

    def close(self, run: CheckRun) -> None: ...


def renderer(name: str, stream: BinaryIO, context: Context) -> Renderer:
    """The `check` renderer of format `name`, writing to stream."""
    made: Renderer = import_module(OUTPUTS["check"][name]).Renderer(stream, context)
    return made


def render(command: Command, name: str, subject: Any, stream: BinaryIO, context: Context) -> None:
    """Render a catalog listing (`rules`) or rules in full (`explain`) in format `name`."""
    import_module(OUTPUTS[command][name]).render(command, subject, stream, context)
