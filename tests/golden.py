"""Golden assessments of the example reports: compute them, and rewrite them on request.

Regenerate after an intended change: `python -m tests.golden` (from the repository root), then
review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

from checker.output import Context, renderer
from checker.run import CheckArgs, check
from tests.harness import run_check

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "submissions"
GOLDEN = Path(__file__).parent / "golden"


def example_folders() -> list[str]:
    return sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())


AS_OF = dt.date(2026, 6, 30)  # the day the examples' waivers are judged on, so goldens stay fixed


def example_args(folder: str) -> CheckArgs:
    """`check submissions/<folder>`, with the assessor's decisions in its decisions/ folder if any."""
    decisions = EXAMPLES / folder / "decisions"
    found = (Path("submissions") / folder / "decisions",) if decisions.is_dir() else ()
    return CheckArgs((f"submissions/{folder}",), decisions=found, as_of=AS_OF)


def golden_for(folder: str) -> dict[str, Any]:
    """Exit status of `check submissions/<folder>` and every file's assessment or errors."""
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        assessments, run, _ = run_check(example_args(folder))
    finally:
        os.chdir(cwd)
    files: dict[str, Any] = {}
    for assessment in assessments:
        files[assessment.submission] = {"assessment": assessment.model_dump(mode="json")}
    for problem in run.problems:
        files.setdefault(problem.file, {"errors": []})["errors"].append(
            {"line": problem.line, "place": problem.place, "message": problem.zh}
        )
    return {"exit_code": run.exit_code, "files": dict(sorted(files.items()))}


def golden_path(folder: str) -> Path:
    return GOLDEN / f"{folder}.json"


# Terminal reports kept as exact text: name -> (paths, rule file or None, language, decisions)
TEXT_CASES: dict[str, tuple[tuple[str, ...], str | None, str, tuple[str, ...]]] = {
    "scoring-example.zh": (("docs/examples/scoring-example.json",), "tests/fixtures/mini-plan.yaml", "zh", ()),
    "scoring-example.en": (("docs/examples/scoring-example.json",), "tests/fixtures/mini-plan.yaml", "en", ()),
    "xianning-2021-2023.zh": (
        tuple(f"submissions/xianning/{n}" for n in ("2021-xianning-annual.json", "2022-xianning-annual.json", "2023-xianning-midterm.json")),
        None, "zh", ("submissions/xianning/decisions",),
    ),
    "wuhan-2019-decisions.zh": (
        ("submissions/wuhan/2019-wuhan-midterm.json", "submissions/wuhan/2019-donghu-zone.json"), None, "zh",
        ("submissions/wuhan/decisions",),
    ),
    "wuhan-2019-decisions.en": (
        ("submissions/wuhan/2019-wuhan-midterm.json",), None, "en", ("submissions/wuhan/decisions",),
    ),
    # Real figures: a lower bound (≥), an estimate (≈), part-year figures, baselines from the reports.
    "hubei-real-figures.zh": (("submissions/hubei/real-figures", "submissions/hubei/first-quarter"), None, "zh", ()),
}


def text_for(name: str) -> str:
    """The terminal report of one text case, without colour."""
    paths, rules, lang, decisions = TEXT_CASES[name]
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        out = io.BytesIO()
        text = renderer("text", out, Context(lang))  # type: ignore[arg-type]
        args = CheckArgs(paths, Path(rules) if rules else None, decisions=tuple(map(Path, decisions)), as_of=AS_OF)
        text.close(check(args, text.add))
    finally:
        os.chdir(cwd)
    return out.getvalue().decode("utf-8")


def text_path(name: str) -> Path:
    return GOLDEN / "text" / f"{name}.txt"


# Every output format kept as exact bytes: name -> (paths, rule file or None, language, exclude globs)
FORMAT_CASES: dict[str, tuple[tuple[str, ...], str | None, str, tuple[str, ...]]] = {
    "scoring-example.zh": (("docs/examples/scoring-example.json",), "tests/fixtures/mini-plan.yaml", "zh", ()),
    "scoring-example.en": (("docs/examples/scoring-example.json",), "tests/fixtures/mini-plan.yaml", "en", ()),
    # a batch: several reporters and years, a sub-folder, input errors (exit 2), the roster
    "hubei.zh": (("submissions/hubei",), None, "zh", ()),
}
# the batch's JSON is tests/golden/hubei.json already (as records)
FORMAT_SKIP: dict[str, frozenset[str]] = {"hubei.zh": frozenset({"json"})}
# format -> file suffix of its golden; the workbook is kept as its cells (its zip bytes carry times)
FORMAT_SUFFIXES: dict[str, str] = {
    "text": ".txt", "summary": ".summary.txt", "json": ".json", "html": ".html", "csv": ".csv", "xlsx": ".xlsx.json",
    "junit": ".junit.xml", "sarif": ".sarif", "github": ".github.txt", "markdown": ".md",
}


def format_bytes(name: str, fmt: str) -> bytes:
    """What `check` writes in format `fmt` for one format case, run from the repository root."""
    paths, rules, lang, exclude = FORMAT_CASES[name]
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        out = io.BytesIO()
        made = renderer(fmt, out, Context(lang))  # type: ignore[arg-type]
        made.close(check(CheckArgs(paths, Path(rules) if rules else None, exclude=exclude), made.add))
    finally:
        os.chdir(cwd)
    return out.getvalue()


def workbook_cells(data: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet of a workbook as rows of cell values."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def format_golden(name: str, fmt: str) -> bytes:
    """The bytes a format case's golden file holds (for the workbook: its cells as JSON)."""
    data = format_bytes(name, fmt)
    if fmt == "xlsx":
        return (json.dumps(workbook_cells(data), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return data


def format_path(name: str, fmt: str) -> Path:
    return GOLDEN / "formats" / f"{name}{FORMAT_SUFFIXES[fmt]}"


def format_cases() -> list[tuple[str, str]]:
    """(case, format) of every format golden."""
    return [(name, fmt) for name in FORMAT_CASES for fmt in FORMAT_SUFFIXES if fmt not in FORMAT_SKIP.get(name, ())]


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for folder in example_folders():
        text = json.dumps(golden_for(folder), ensure_ascii=False, indent=1) + "\n"
        golden_path(folder).write_text(text, encoding="utf-8")
        print(f"wrote {golden_path(folder).relative_to(REPO)}")
    text_path("x").parent.mkdir(exist_ok=True)
    for name in TEXT_CASES:
        text_path(name).write_text(text_for(name), encoding="utf-8")
        print(f"wrote {text_path(name).relative_to(REPO)}")
    format_path("x", "text").parent.mkdir(exist_ok=True)
    for name, fmt in format_cases():
        format_path(name, fmt).write_bytes(format_golden(name, fmt))
        print(f"wrote {format_path(name, fmt).relative_to(REPO)}")


if __name__ == "__main__":
    main()
