"""Reporters, by name. Each is imported only when chosen."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from checker.errors import Lang
    from checker.run import CheckRun


class Reporter(Protocol):
    def __call__(self, run: CheckRun, stream: TextIO, lang: Lang, color: bool) -> None: ...


# name -> module whose `report` function writes that format
REPORTERS: dict[str, str] = {"text": "checker.reporters.text", "json": "checker.reporters.json_out"}


def get_reporter(name: str) -> Reporter:
    reporter: Reporter = import_module(REPORTERS[name]).report
    return reporter
