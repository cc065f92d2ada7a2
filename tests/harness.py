"""Running the checker in tests: a run's assessments as records in one language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.i18n import Lang
from checker.judgement import Assessment
from checker.models import results
from checker.models.submission import Submission
from checker.output.records import assessment_record
from checker.rulefile import Plan
from checker.run import CheckArgs, CheckRun, assess, check


def run_check(args: CheckArgs, lang: Lang = "zh") -> tuple[list[results.Assessment], CheckRun, list[Assessment]]:
    """Every assessment of a run (as records in `lang`, and as judged), and the run."""
    judged: list[Assessment] = []
    run = check(args, judged.append)
    return [assessment_record(a, lang) for a in judged], run, judged


def assess_record(plan: Plan, data: dict[str, Any], name: str = "report.json", lang: Lang = "zh") -> results.Assessment:
    """One report dict judged alone, as its record."""
    return assessment_record(assess(plan, Submission.model_validate(data), name), lang)


def paths(*names: str | Path) -> tuple[str, ...]:
    return tuple(str(n) for n in names)
