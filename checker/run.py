"""The `check` job: files -> reports -> series -> judgements -> passes -> score -> gate -> renderers.

Folders are finished one at a time (a folder's reports are judged together, for the roll-up) and
each finished assessment goes to the renderers at once, so nothing needs to be kept to the end.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from checker.catalog import Catalog
from checker.codes import EXIT_FAIL, EXIT_INPUT, EXIT_OK, ScoreBasis, Status
from checker.engine.judge import evaluate
from checker.engine.reporter import resolve_reporter
from checker.errors import CheckerError, NotAReportError, Problem, SubmissionError
from checker.gates import GateOptions, gate
from checker.intake import Intake, read
from checker.judgement import Assessment, JudgedReport
from checker.locations import SourceMap, cell_order
from checker.models.submission import Submission
from checker.passes import Pass, passes_for, run_passes
from checker.rulefile import Plan
from checker.scoring import score
from checker.series import PriorValues, Report, merge, order_series
from checker.submissions import find

if TYPE_CHECKING:
    from checker.decisions import DecisionSet


@dataclass(frozen=True)
class CheckArgs:
    paths: tuple[str, ...]
    rules: Path | None = None
    fail_under: float | None = None
    fail_on: tuple[Status, ...] = ()
    exclude: tuple[str, ...] = ()  # globs of files not to check in the folders searched
    changed: bool = False  # paths are changed files: check every report of their folders
    decisions: tuple[Path, ...] = ()  # assessors' decisions files or folders
    as_of: dt.date | None = None  # the day waivers are judged expired on (default: today)
    gate_on: ScoreBasis = "risk_accepted"


@dataclass
class CheckRun:
    """What a run found: the input problems, and how many assessments were made and failed."""

    problems: list[Problem] = field(default_factory=list)
    assessed: int = 0
    failed: int = 0
    skipped: list[Problem] = field(default_factory=list)  # files found in folders that are no reports

    @property
    def exit_code(self) -> int:
        """2 when any input was invalid, even if an assessment also failed: the run is incomplete,
        so its verdict cannot be trusted (the failures are still reported); else 1 or 0."""
        if self.problems:
            return EXIT_INPUT
        return EXIT_FAIL if self.failed else EXIT_OK


Sink = Callable[[Assessment], None]


class Progress(Protocol):
    """Told how many report files there are, then how many are done as each folder finishes."""

    def start(self, total: int) -> None: ...

    def advance(self, files: int) -> None: ...


def check(args: CheckArgs, sink: Sink, progress: Progress | None = None) -> CheckRun:
    """Check every report named, giving each assessment to `sink` as soon as its folder is done.

    Bad files become problems and the others are still checked. Reports of the same plan and
    reporter in one folder form a series, judged in year order, each year seeing the values of the
    years before it. Output is ordered by folder, plan, reporter and year, whatever the order of
    the command line.
    """
    run = CheckRun()
    # A batch makes millions of short-lived objects and almost no cycles: the default thresholds
    # would collect every 700 allocations, for nothing. Restored when the run ends.
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        return _check(args, sink, progress, run)
    finally:
        gc.set_threshold(*thresholds)


def _check(args: CheckArgs, sink: Sink, progress: Progress | None, run: CheckRun) -> CheckRun:
    found = find(args.paths, args.exclude, args.changed)
    run.problems.extend(found.problems)
    try:
        catalog = Catalog(args.rules)
        # Without the assessor's decisions the outcomes would be wrong, not merely incomplete: stop.
        decisions = _decisions(args.decisions, catalog)
    except CheckerError as exc:
        run.problems.extend(exc.problems)
        return _finish(run)
    passes = passes_for(decisions, args.as_of or dt.date.today())
    options = GateOptions(args.fail_under, args.fail_on, args.gate_on)
    if progress is not None:
        progress.start(len(found.files))
    # A series lives in one folder, so each folder is read, judged and handed on before the next.
    for _folder, in_folder in groupby(sorted(found.files, key=lambda p: str(p.parent)), key=lambda p: str(p.parent)):
        files = list(in_folder)
        intakes = _read(files, found.named, run)
        series_list, problems = order_series(list(_reports(catalog, intakes, run.problems)))
        series_list = [series for series in series_list if series]  # a year given twice leaves a series empty
        run.problems.extend(problems)
        for assessment in _assess_folder(series_list, passes, options, run.problems):
            run.assessed += 1
            run.failed += not assessment.gate.passed
            sink(assessment)
        if progress is not None:
            progress.advance(len(files))
    return _finish(run)


def _decisions(paths: tuple[Path, ...], catalog: Catalog) -> DecisionSet | None:
    if not paths:
        return None  # and their modules stay unimported
    from checker.decisions import load_decisions

    return load_decisions(paths, catalog)


def _read(files: list[Path], named: set[Path], run: CheckRun) -> list[tuple[Path, Intake | list[Problem]]]:
    out: list[tuple[Path, Intake | list[Problem]]] = []
    for path in files:
        try:
            out.append((path, read(path)))
        except NotAReportError as exc:
            # Named on the command line it is a mistake; found in a folder it is just another file.
            (run.problems if path in named else run.skipped).extend(exc.problems)
        except CheckerError as exc:
            out.append((path, exc.problems))
    return out


def _finish(run: CheckRun) -> CheckRun:
    # A broken rule file is reported once, not once per report that needs it.
    run.problems = sorted(set(run.problems), key=lambda p: (p.file, p.line or 0, cell_order(p.cell), p.place, p.en))
    return run


def _reports(
    catalog: Catalog, intakes: Iterable[tuple[Path, Intake | list[Problem]]], problems: list[Problem]
) -> Iterable[Report]:
    for path, intake in intakes:
        if isinstance(intake, list):
            problems.extend(intake)
            continue
        try:
            plan = _plan_for(catalog, intake.submission, str(path))
            reporter = resolve_reporter(plan, intake.submission, str(path))
        except CheckerError as exc:
            problems.extend(p.located(intake.source) for p in (*exc.problems, *intake.problems))
            continue
        report = Report(path, intake.submission, plan, reporter, intake.source, intake.positions)
        if intake.problems:
            # Not assessed, but its valid entries are still matched: every problem of the file at once.
            problems.extend(intake.problems)
            try:
                evaluate(report)
            except CheckerError as exc:
                problems.extend(exc.problems)
            continue
        yield report


def _assess_folder(
    series_list: list[list[Report]], passes: Sequence[tuple[str, Pass]], options: GateOptions, problems: list[Problem]
) -> list[Assessment]:
    judged: list[JudgedReport] = []
    for series in series_list:
        prior: PriorValues = {}
        for report in series:
            try:
                evaluation = evaluate(report, prior)
            except CheckerError as exc:
                problems.extend(exc.problems)
                continue
            prior = merge(prior, evaluation.values)
            judged.append(JudgedReport(report, evaluation.judgements))
    return [_scored(j, options) for j in run_passes(judged, passes)]


def _scored(judged: JudgedReport, options: GateOptions) -> Assessment:
    rules_file = judged.report.plan.rules_file
    raw = score(judged.judgements, rules_file.categories, rules_file.scoring)
    waived = any(j.waived for j in judged.judgements)
    risk_accepted = score(judged.judgements, rules_file.categories, rules_file.scoring, waivers=True) if waived else raw
    return Assessment(judged, raw, risk_accepted, gate(raw, risk_accepted, judged.judgements, options))


def _plan_for(catalog: Catalog, submission: Submission, name: str) -> Plan:
    plan = catalog.get(submission.plan)
    if plan is None:
        known = "、".join(catalog.known_ids()) or "—"
        raise SubmissionError([Problem(
            name, f"找不到规划“{submission.plan}”的规则文件(已有:{known})",
            f"no rule file for plan '{submission.plan}' (known: {known})", "$.plan",
        )])
    return plan


def assess(plan: Plan, submission: Submission, name: str, options: GateOptions = GateOptions()) -> Assessment:
    """Judge, score and gate one submission on its own (no series, no passes across reports)."""
    report = Report(Path(name), submission, plan, resolve_reporter(plan, submission, name), SourceMap(name))
    judged = run_passes([JudgedReport(report, evaluate(report).judgements)])[0]
    return _scored(judged, options)
