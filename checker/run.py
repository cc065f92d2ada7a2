"""The `check` job: files -> submissions -> (series) -> evaluation -> scoring -> assessments."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.catalog import Catalog
from checker.errors import CheckerError, Lang, Problem, SubmissionError
from checker.evaluate import evaluate, resolve_reporter
from checker.rollup import roll_up
from checker.models.results import Assessment, AssessmentDocument, InputError, Status
from checker.models.submission import Submission
from checker.rulefile import Plan
from checker.series import PriorValues, Report, merge, order_series
from checker.scoring import score
from checker.submissions import collect, load_submission

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3


@dataclass(frozen=True)
class CheckArgs:
    paths: tuple[str, ...]
    rules: Path | None = None
    lang: Lang = "zh"
    fail_under: float | None = None
    fail_on: tuple[Status, ...] = ()


@dataclass
class CheckRun:
    """Everything a reporter prints: assessments (by folder, plan, reporter, year) and input problems."""

    assessments: list[Assessment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: set[int] = field(default_factory=set)  # indexes of assessments that fail

    def document(self, lang: Lang) -> AssessmentDocument:
        # The assessments are already validated models: wrap them without re-validating.
        return AssessmentDocument.model_construct(
            assessments=self.assessments,
            errors=[InputError(file=p.file, line=p.line, place=p.place, message=p.zh if lang == "zh" else p.en) for p in self.problems],
        )

    @property
    def exit_code(self) -> int:
        if self.problems:
            return EXIT_INPUT
        return EXIT_FAIL if self.failed else EXIT_OK


def check(args: CheckArgs) -> CheckRun:
    """Check every submission named; bad files become problems and the others are still checked.

    Reports of the same plan and reporter form a series, judged in year order, each year seeing
    the values of the years before it. Output is ordered by plan, reporter and year, whatever the
    order of the command line.
    """
    run = CheckRun()
    files, problems = collect(args.paths)
    run.problems.extend(problems)
    try:
        catalog = Catalog(args.rules)
    except CheckerError as exc:
        run.problems.extend(exc.problems)
        return run
    reports: list[Report] = []
    for path in files:
        try:
            submission = load_submission(path)
            plan = _plan_for(catalog, submission, str(path))
            reporter = resolve_reporter(plan, submission, str(path))
        except CheckerError as exc:
            run.problems.extend(exc.problems)
            continue
        reports.append(Report(path, submission, plan, reporter))
    series_list, problems = order_series(reports)
    run.problems.extend(problems)
    assessed: list[tuple[Report, Assessment]] = []
    for series in series_list:
        prior: PriorValues = {}
        for report in series:
            try:
                assessment, stated = assess_with_values(report, args.lang, prior)
            except CheckerError as exc:
                run.problems.extend(exc.problems)
                continue
            prior = merge(prior, stated)
            assessed.append((report, assessment))
    for assessment in roll_up(assessed, args.lang):
        if not assessment.passed or _fails_thresholds(assessment, args):
            run.failed.add(len(run.assessments))
        run.assessments.append(assessment)
    # A broken rule file is reported once, not once per report that needs it.
    run.problems = sorted(set(run.problems), key=lambda p: (p.file, p.line or 0, p.place, p.en))
    return run


def _plan_for(catalog: Catalog, submission: Submission, name: str) -> Plan:
    plan = catalog.get(submission.plan)
    if plan is None:
        known = "、".join(catalog.known_ids()) or "—"
        raise SubmissionError([Problem(
            name, f"找不到规划“{submission.plan}”的规则文件(已有:{known})",
            f"no rule file for plan '{submission.plan}' (known: {known})", "$.plan",
        )])
    return plan


def assess(plan: Plan, submission: Submission, name: str, lang: Lang) -> Assessment:
    """Evaluate and score one submission on its own."""
    report = Report(Path(name), submission, plan, resolve_reporter(plan, submission, name))
    return assess_with_values(report, lang, {})[0]


def assess_with_values(report: Report, lang: Lang, prior: PriorValues) -> tuple[Assessment, PriorValues]:
    """Evaluate and score one report given earlier years' values; also return the values it states."""
    plan, submission, name = report.plan, report.submission, str(report.path)
    evaluation = evaluate(plan, submission, report.reporter, name, lang, prior)
    summary = score(evaluation.results, plan.rules_file.categories, plan.rules_file.scoring)
    assessment = Assessment(
        submission=name,
        plan=plan.id,
        plan_title=plan.rules_file.plan.title,
        reporter=evaluation.reporter.name,
        reporter_id=evaluation.reporter.id,
        year=submission.year,
        illustrative=submission.illustrative,
        score=summary.score,
        grade=summary.grade,
        passed=summary.passed,
        veto=list(summary.veto),
        unassessable_share=summary.unassessable_share,
        categories=list(summary.categories),
        counts=summary.counts,
        results=list(evaluation.results),
    )
    return assessment, evaluation.values


def _fails_thresholds(assessment: Assessment, args: CheckArgs) -> bool:
    if args.fail_under is not None and (assessment.score is None or assessment.score < args.fail_under):
        return True
    return any(r.status in args.fail_on for r in assessment.results)

