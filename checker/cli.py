"""Command line: click only. Options -> args -> run(args) -> exit status.

Heavy modules (pydantic, jsonschema) are imported inside the commands so --help stays fast.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

# Kept in step with checker.run (which imports pydantic); a test checks they agree.
EXIT_OK, EXIT_FAIL, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
STATUS_CHOICES = ("met", "on_track", "behind", "missed", "not_reported", "needs_review", "not_applicable", "not_due")
FORMATS = ("text", "json")  # keys of checker.reporters.REPORTERS; a test checks they agree
LANGS = ("zh", "en")


def _color(stream: Any) -> bool:
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _guard(show_traceback: bool, body: Callable[[], int], lang: str = "zh") -> int:
    """Run a command body: user errors exit 2 with their message, a bug exits 3 with a short note."""
    from checker.errors import CheckerError

    try:
        return body()
    except CheckerError as exc:
        for problem in exc.problems:
            click.echo(problem.render(lang), err=True)  # type: ignore[arg-type]
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (`check … | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL
    except Exception:  # a bug: say so plainly, keep the trace for --traceback
        if show_traceback:
            traceback.print_exc()
        else:
            click.echo("内部错误(请附 --traceback 输出报告问题) / internal error (rerun with --traceback)", err=True)
        return EXIT_INTERNAL


rules_option = click.option(
    "--rules", "rules", type=click.Path(path_type=Path), default=None,
    help="Rule file or directory (default: the plans installed with the checker).",
)
lang_option = click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True, help="Language of the report.")
traceback_option = click.option("--traceback", is_flag=True, help="Show the Python traceback of an internal error.")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True)
@rules_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@lang_option
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None, help="Fail when a score is below this.")
@click.option(
    "--fail-on", multiple=True, type=click.Choice(STATUS_CHOICES),
    help="Fail when any rule has this status (repeatable).",
)
@traceback_option
@click.version_option(package_name="plan-compliance-checker")
def check_command(
    paths: tuple[str, ...], rules: Path | None, fmt: str, lang: str, fail_under: float | None,
    fail_on: tuple[str, ...], traceback: bool,
) -> None:
    """Check annual-report submissions (files or directories) against their plans' rules.

    Exit status: 0 all pass; 1 an assessment fails (不合格, veto, --fail-under/--fail-on);
    2 invalid input or usage; 3 internal error.
    """

    def body() -> int:
        from checker.reporters import get_reporter
        from checker.run import CheckArgs, check

        args = CheckArgs(paths, rules, lang, fail_under, tuple(fail_on))  # type: ignore[arg-type]
        run = check(args)
        stream = sys.stdout
        get_reporter(fmt)(run, stream, lang, _color(stream))  # type: ignore[arg-type]
        for problem in run.problems:
            click.echo(problem.render(lang), err=True)  # type: ignore[arg-type]
        return run.exit_code

    sys.exit(_guard(traceback, body, lang))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plan-compliance-checker")
def checker_group() -> None:
    """The rule catalog: list, explain and validate plans' rules."""


@checker_group.command("rules")
@click.argument("plan", required=False)
@rules_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@traceback_option
def rules_command(plan: str | None, rules: Path | None, fmt: str, lang: str, traceback: bool) -> None:
    """List every rule (of PLAN, an id or a rule file, or of all plans)."""

    def body() -> int:
        from checker import listing

        plans = listing.select_plans(rules, plan)
        stream = sys.stdout
        if fmt == "json":
            listing.write_json(plans, stream)
        else:
            listing.write_text(plans, stream, lang)  # type: ignore[arg-type]
        return EXIT_OK

    sys.exit(_guard(traceback, body, lang))


@checker_group.command("explain")
@click.argument("rule_id")
@rules_option
@lang_option
@traceback_option
def explain_command(rule_id: str, rules: Path | None, lang: str, traceback: bool) -> None:
    """Show one rule in full."""

    def body() -> int:
        from checker import listing

        listing.explain(rules, rule_id, sys.stdout, lang)  # type: ignore[arg-type]
        return EXIT_OK

    sys.exit(_guard(traceback, body, lang))


@checker_group.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@traceback_option
def validate_command(files: tuple[Path, ...], traceback: bool) -> None:
    """Validate rule files; report every problem with file, line, rule id and field."""

    def body() -> int:
        from checker.errors import RuleFileError
        from checker.rulefile import load_rule_file

        status = EXIT_OK
        for path in files:
            try:
                plan = load_rule_file(path)
            except RuleFileError as exc:
                for problem in exc.problems:
                    click.echo(problem.render(), err=True)
                status = EXIT_INPUT
                continue
            rf = plan.rules_file
            click.echo(f"{path}: ok ({len(rf.indicators)} indicators, {len(rf.obligations)} obligations)")
        return status

    sys.exit(_guard(traceback, body))


def check_main() -> None:
    check_command(prog_name="check")


def checker_main() -> None:
    checker_group(prog_name="checker")
