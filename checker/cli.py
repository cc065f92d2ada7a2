"""Command line: click only. Options -> args -> run(args) -> exit status.

Heavy modules (pydantic, jsonschema) are imported inside the commands so --help stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, Literal

import click

from checker.codes import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PIPE,
    STATUSES,
)
from checker.i18n import LANGS, Lang
from checker.output import Context, formats_for

ColorMode = Literal["auto", "always", "never"]


def _color(stream: Any, mode: ColorMode = "auto") -> bool:
    """Colour on a terminal unless NO_COLOR is set and non-empty (no-color.org); --color overrides."""
    if mode != "auto":
        return mode == "always"
    return not os.environ.get("NO_COLOR") and _tty(stream)


def _tty(stream: Any) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def _stdout() -> BinaryIO:
    """Standard output as bytes: renderers write UTF-8 whatever the terminal's encoding claims."""
    sys.stdout.flush()
    return sys.stdout.buffer


def _guard(show_traceback: bool, body: Callable[[], int], lang: Lang = "zh") -> int:
    """Run a command body: user errors exit 2 with their message, a bug exits 3 with a short note."""
    from checker.echo import safe_stream, write_problem
    from checker.errors import CheckerError

    safe_stream(sys.stderr)  # an ASCII-only terminal gets escapes, not a crash
    try:
        code = body()
        sys.stdout.flush()  # a full device shows here, not at exit
        return code
    except CheckerError as exc:
        for problem in exc.problems:
            click.echo(problem.render(lang), err=True)
        return EXIT_INPUT
    except KeyboardInterrupt:
        click.echo("已中断 / interrupted", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`check … | head`): stop quietly, as other command-line tools do,
        # with the status a shell gives a process ended by SIGPIPE (not "an assessment failed").
        _silence_stdout()
        return EXIT_PIPE
    except OSError as exc:  # the output cannot be written (a full device): say so, exit 2
        click.echo(write_problem(exc).render(lang), err=True)
        _silence_stdout()
        return EXIT_INPUT
    except Exception:  # a bug: say so plainly, keep the trace for --traceback
        if show_traceback:
            traceback.print_exc()
        else:
            click.echo("内部错误(请附 --traceback 输出报告问题) / internal error (rerun with --traceback)", err=True)
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    """After a failed write (or a reader gone), let the interpreter's own flush at exit find nothing to write."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no real descriptor (a test runner's stream)
        pass


def _rules_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    # click would turn "" into Path("."), quietly using whatever rule files the current folder has.
    if value == "":
        raise click.BadParameter("路径为空 / empty path")
    return None if value is None else Path(value)


def _fail_under(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    from checker.errors import UsageError
    from checker.scoring import fail_under_threshold

    try:
        return None if value is None else fail_under_threshold(value)
    except UsageError as exc:  # nan would turn the gate off: no score compares below it
        raise click.BadParameter(exc.problems[0].render()) from exc


rules_option = click.option(
    "--rules", "rules", callback=_rules_path, default=None, metavar="PATH",
    help="规则文件或目录(默认:随程序安装的规划)/ Rule file or directory (default: the installed plans).",
)
lang_option = click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True, help="报告语言 / Language of the report.")
traceback_option = click.option("--traceback", is_flag=True, help="内部错误时显示调用栈 / Show the traceback of an internal error.")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True)
@rules_option
@click.option("--format", "fmt", type=click.Choice(formats_for("check")), default="text", show_default=True, help="输出格式 / Output format.")
@lang_option
@click.option(
    "--fail-under", type=float, callback=_fail_under, default=None,
    help="总分低于此值即不通过(0–100)/ Fail below this score (0-100).",
)
@click.option(
    "--fail-on", multiple=True, type=click.Choice(STATUSES),
    help="任一规则为此状态即不通过(可重复)/ Fail when any rule has this status (repeatable).",
)
@click.option(
    "--decisions", multiple=True, type=click.Path(path_type=Path),
    help="评审决定文件或目录(可重复):评审结论、佐证认定、豁免 / Assessor's decisions file or folder (repeatable).",
)
@click.option(
    "--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
    help="按此日期判断豁免是否过期(默认今天)/ Judge waivers expired as of this date (default: today).",
)
@click.option(
    "--gate-on", type=click.Choice(["risk_accepted", "raw"]), default="risk_accepted", show_default=True,
    help="门槛依据:适用豁免后的得分,或原始得分 / Gate on the score with waivers applied, or on the raw score.",
)
@click.option(
    "-o", "--output", "outputs", multiple=True, metavar="FORMAT=PATH",
    help="另写一个文件(可重复),如 html=report.html、junit:junit.xml;仅给路径时按扩展名定格式;原子写入 / "
    "Also write FORMAT to PATH (repeatable), e.g. html=report.html or junit:junit.xml; a bare PATH takes "
    "the format of its suffix; written atomically.",
)
@click.option(
    "--exclude", multiple=True, metavar="GLOB",
    help="目录中不检查的文件(可重复;匹配相对路径、文件名或目录名)/ Skip files found in folders that match "
    "(repeatable; matched against the relative path, the file name and each folder name).",
)
@click.option("--only-failing", is_flag=True, help="只列出不通过的规则 / List only rules with a failing status.")
@click.option(
    "--color", "color_mode", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
    help="终端着色(auto:终端且未设 NO_COLOR)/ Colour (auto: on a terminal unless NO_COLOR is set).",
)
@click.option(
    "--changed", is_flag=True,
    help="PATHS 为改动的文件:检查其所在目录的全部报告(pre-commit 用)/ PATHS are changed files: check every "
    "report in their folders (for pre-commit).",
)
@traceback_option
@click.version_option(package_name="plan-compliance-checker")
def check_command(
    paths: tuple[str, ...], rules: Path | None, fmt: str, lang: Lang, fail_under: float | None,
    fail_on: tuple[str, ...], decisions: tuple[Path, ...], as_of: dt.datetime | None, gate_on: str,
    outputs: tuple[str, ...], exclude: tuple[str, ...], only_failing: bool, color_mode: ColorMode, changed: bool,
    traceback: bool,
) -> None:
    """检查年度报告(文件或目录)是否符合规划规则。
    Check annual reports (files or directories) against their plans' rules.

    \b
    退出码 / exit status:
      0 全部通过 / all pass
      1 有评估不通过(不合格、一票否决、不完整、自评未经确认而无等级、
        --fail-under/--fail-on)/ an assessment fails
      2 输入或用法错误(即使同时有评估不通过:结果不完整)/ invalid input or usage
        (even when an assessment also fails: the run is incomplete)
      3 内部错误 / internal error

    \b
    格式 / formats: text summary json html csv xlsx junit sarif github markdown
    例 / e.g.: check reports/ -o html=report.html -o junit=junit.xml -o sarif=check.sarif
    """

    def body() -> int:
        from checker.errors import Problem, UsageError
        from checker.output import BINARY_FORMATS
        from checker.output.files import Outputs, parse_output
        from checker.output.progress import Bar
        from checker.run import CheckArgs, check

        specs = [parse_output(spec) for spec in outputs]
        if fmt in BINARY_FORMATS and _tty(sys.stdout):
            raise UsageError([Problem(f"--format {fmt}", "二进制格式不输出到终端,请用 -o 或重定向",
                                      "a binary format is not written to a terminal: use -o or redirect")])
        context = Context(lang, _color(sys.stdout, color_mode), only_failing=only_failing)
        bar = Bar(lang) if _tty(sys.stderr) else None
        args = CheckArgs(
            paths, rules, fail_under, tuple(fail_on), exclude=tuple(exclude), changed=changed,  # type: ignore[arg-type]
            decisions=decisions, as_of=as_of.date() if as_of else None, gate_on=gate_on,  # type: ignore[arg-type]
        )
        with Outputs(fmt, context, specs, bar) as out:
            run = check(args, out.add, out)
            out.close(run)
        for note in run.skipped:
            click.echo(note.render(lang), err=True)
        for problem in run.problems:
            click.echo(problem.render(lang), err=True)
        return run.exit_code

    sys.exit(_guard(traceback, body, lang))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plan-compliance-checker")
def checker_group() -> None:
    """规则目录:列出、解释、校验规划规则,生成填报模板与报告格式 / The rule catalog: list, explain and validate the plans' rules; make a report template and a plan's report schema."""


@checker_group.command("rules")
@click.argument("plan", required=False)
@rules_option
@click.option("--format", "fmt", type=click.Choice(formats_for("rules")), default="text", show_default=True)
@click.option(
    "--reporter", default=None, metavar="NAME",
    help="只列出该报送主体承担的规则及其角色(牵头、配合、共同负责)/ Only what this reporter owes, with its role "
    "(lead, support, joint).",
)
@lang_option
@traceback_option
def rules_command(plan: str | None, rules: Path | None, fmt: str, reporter: str | None, lang: Lang, traceback: bool) -> None:
    """列出规则(指定规划编号或规则文件,或全部)/ List rules of PLAN (id or file) or of all plans."""

    def body() -> int:
        from checker import listing
        from checker.output import render

        render("rules", fmt, listing.listings(rules, plan, reporter), _stdout(), Context(lang))
        return EXIT_OK

    sys.exit(_guard(traceback, body, lang))


@checker_group.command("explain")
@click.argument("rule_id")
@rules_option
@lang_option
@traceback_option
def explain_command(rule_id: str, rules: Path | None, lang: Lang, traceback: bool) -> None:
    """显示一条规则的全部内容(编号不区分大小写)/ Show one rule in full (the id in any case)."""

    def body() -> int:
        from checker import listing
        from checker.output import render

        render("explain", "text", listing.rules_named(rules, rule_id), _stdout(), Context(lang))
        return EXIT_OK

    sys.exit(_guard(traceback, body, lang))


@checker_group.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--seeds", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="原文目录:核对每条引文 / Folder of the plan texts: check every quote is verbatim.",
)
@traceback_option
def validate_command(files: tuple[Path, ...], seeds: Path | None, traceback: bool) -> None:
    """校验规则文件并列出全部问题 / Validate rule files, listing every problem."""

    def body() -> int:
        from checker.citations import quote_problems
        from checker.errors import RuleFileError
        from checker.rulefile import load_rule_file

        status = EXIT_OK
        for path in files:
            try:
                plan = load_rule_file(path)
                if seeds is not None and (problems := quote_problems(plan, seeds)):
                    raise RuleFileError(problems)
            except RuleFileError as exc:
                for problem in exc.problems:
                    click.echo(problem.render(), err=True)
                status = EXIT_INPUT
                continue
            rf = plan.rules_file
            click.echo(f"{path}: ok ({len(rf.indicators)} indicators, {len(rf.obligations)} obligations)")
        return status

    sys.exit(_guard(traceback, body))


def _output(target: Path | None, data: bytes) -> None:
    """Write to a file atomically, or to standard output."""
    if target is None:
        _stdout().write(data)
        return
    from checker.output.files import write_atomically

    write_atomically(target, data)


@checker_group.command("template")
@click.argument("plan")
@click.option("--reporter", required=True, help="报送主体(名称或编号)/ Who reports (entity name or id).")
@click.option("--year", required=True, type=int, help="报告年度 / The year reported on.")
@click.option("--format", "fmt", type=click.Choice(("json", "xlsx")), default=None,
              help="json 或 xlsx(默认按 -o 的后缀,否则 json)/ json or xlsx (default: from -o's suffix, else json).")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="写入文件(默认标准输出;xlsx 须指定)/ Write to a file (default stdout; required for xlsx).")
@click.option("--from", "earlier", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="用往年报告(json 或 xlsx)预填历史数值 / Pre-fill history from an earlier report (json or xlsx).")
@rules_option
@traceback_option
def template_command(
    plan: str, reporter: str, year: int, fmt: str | None, output: Path | None, earlier: Path | None,
    rules: Path | None, traceback: bool,
) -> None:
    """生成报送主体某年度须填报的空白报告 / Write the blank report a reporter fills in for a year."""

    def body() -> int:
        from checker import listing
        from checker.errors import Problem, UsageError
        from checker.intake import read
        from checker.template import blank_report, json_bytes

        chosen = fmt or ("xlsx" if output is not None and output.suffix.lower() == ".xlsx" else "json")
        if chosen == "xlsx" and output is None:
            raise UsageError([Problem("-o", "xlsx 格式须用 -o 指定输出文件", "xlsx needs an output file (-o)")])
        [found] = listing.select_plans(rules, plan)
        blank = blank_report(found, reporter, year, read(earlier) if earlier is not None else None)
        if chosen == "xlsx":
            from checker.workbook import workbook_bytes

            _output(output, workbook_bytes(blank))
        else:
            _output(output, json_bytes(blank))
        return EXIT_OK

    sys.exit(_guard(traceback, body))


@checker_group.command("schema")
@click.argument("plan")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="写入文件(默认标准输出)/ Write to a file (default stdout).")
@rules_option
@traceback_option
def schema_command(plan: str, output: Path | None, rules: Path | None, traceback: bool) -> None:
    """生成某规划的报告 JSON Schema(编号、名称可补全)/ Write a plan's report schema (ids and names as enums)."""

    def body() -> int:
        from checker import listing
        from checker.plan_schema import plan_schema_bytes

        [found] = listing.select_plans(rules, plan)
        _output(output, plan_schema_bytes(found))
        return EXIT_OK

    sys.exit(_guard(traceback, body))


def check_main() -> None:
    _leave(lambda: check_command(prog_name="check"))


def checker_main() -> None:
    _leave(lambda: checker_group(prog_name="checker"))


def _leave(command: Callable[[], object]) -> None:
    """Run a console command, then leave without tearing the interpreter down (as mypy's
    hard_exit does): freeing every module and object at exit is a tenth of a cold start, and a
    finished command has nothing left to clean up (its files are written and closed, atomically).
    Standard output and error are flushed first; if that fails, or a tracer or profiler is running
    (coverage, cProfile, pyinstrument write their reports at exit), the interpreter's own exit
    takes over, as before."""
    try:
        command()
        code: object = EXIT_OK
    except SystemExit as exc:
        code = exc.code
    if not isinstance(code, int):  # None or a message: what sys.exit would make of it
        if code is not None:
            print(code, file=sys.stderr)
        code = EXIT_OK if code is None else 1
    if sys.gettrace() is not None or sys.getprofile() is not None:
        raise SystemExit(code)  # a coverage tool or profiler writes its report at exit
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        raise SystemExit(code) from None
    os._exit(code)
