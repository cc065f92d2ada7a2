"""Finding report files: the paths named, and folders searched for every readable suffix."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.errors import Problem
from checker.intake import READERS


def collect(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """Report files named on the command line; folders are searched recursively for each suffix in READERS."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for suffix in READERS for p in path.rglob(f"*{suffix}") if p.is_file() and not _hidden(p, path)
            )
            if not found:
                suffixes = "、".join(READERS)
                problems.append(Problem(raw, f"目录中没有报告文件({suffixes})", f"no submission ({', '.join(READERS)}) in this directory"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(raw, "文件或目录不存在", "no such file or directory"))
    return list(dict.fromkeys(files)), problems


def _hidden(path: Path, root: Path) -> bool:
    # ~$report.xlsx is the lock file Excel keeps beside a workbook it has open, not a report.
    return any(part.startswith(".") for part in path.relative_to(root).parts) or path.name.startswith("~$")
