"""Finding and loading submission files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.errors import Problem, SubmissionError
from checker.loading import build_model, format_path, parse_json, read_text, schema_problems
from checker.models.submission import Submission


def collect(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """Submission files named on the command line; directories are searched recursively for *.json."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.json") if p.is_file() and not _hidden(p, path))
            if not found:
                problems.append(Problem(raw, "目录中没有 .json 报告文件", "no .json submission in this directory"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(raw, "文件或目录不存在", "no such file or directory"))
    return list(dict.fromkeys(files)), problems


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def load_submission(path: Path) -> Submission:
    """Read, parse and validate one submission; raise SubmissionError with every problem."""
    name = str(path)
    data = parse_json(read_text(path, SubmissionError), name, SubmissionError)
    problems = schema_problems(data, "submission", name, {}, format_path, compiled_first=True)
    if problems:
        raise SubmissionError(problems)
    return build_model(Submission, data, name, {}, format_path, SubmissionError)

