"""One error hierarchy: every problem a user can cause names the file and the place in it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from checker.echo import MAX_MESSAGE, MAX_PATH, clean
from checker.i18n import Lang

if TYPE_CHECKING:
    from checker.locations import SourceMap


@dataclass(frozen=True)
class Problem:
    """One problem in one input file: where it is and what is wrong, in Chinese and English."""

    file: str
    zh: str
    en: str
    place: str = ""  # JSON path such as $.indicators[2].value; empty for the whole file
    line: int | None = None
    cell: str | None = None  # in a workbook: 指标!D12

    def __post_init__(self) -> None:
        # Whatever the problem echoes from an input (a file name, an id, a name) stays on one line,
        # encodable and of bounded length, in every output (stderr and --format json).
        for name, limit in (("file", MAX_PATH), ("place", MAX_MESSAGE), ("zh", MAX_MESSAGE), ("en", MAX_MESSAGE)):
            value = getattr(self, name)
            cleaned = clean(value, limit)
            if cleaned is not value:
                object.__setattr__(self, name, cleaned)

    def render(self, lang: Lang = "zh") -> str:
        where = self.file
        if self.cell is not None:
            where += f":{self.cell}"  # a cell says where; the JSON path would only be noise to a clerk
        elif self.line is not None:
            where += f":{self.line}"
        if self.place and self.cell is None:
            where += f": {self.place}"
        return f"{where}: {self.message(lang)}"

    def message(self, lang: Lang = "zh", *, place: bool = False) -> str:
        """What is wrong, in `lang`; with `place`, after the JSON path when there is one."""
        text = self.zh if lang == "zh" else self.en
        return f"{self.place}: {text}" if place and self.place else text

    def located(self, source: SourceMap) -> Problem:
        """This problem with the line (or cell) of its place in `source`, unless it has one."""
        if self.line is not None or self.cell is not None or source.file != self.file:
            return self
        return replace(self, line=source.line_at(self.place), cell=source.cell_at(self.place))


@dataclass
class CheckerError(Exception):
    """Base of every error the checker reports to users (exit status 2)."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.render() for p in self.problems)


class RuleFileError(CheckerError):
    """A rule file is unreadable, malformed or inconsistent."""


class SubmissionError(CheckerError):
    """A submission is unreadable, malformed, or does not fit its plan."""


class UsageError(CheckerError):
    """The command line names something that does not exist."""


class NotAReportError(SubmissionError):
    """A file that is no annual report at all (none of plan, reporter, year): a package.json in a
    folder of reports. Skipped with a note when found by searching a folder, an error when named."""
