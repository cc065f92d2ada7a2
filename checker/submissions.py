"""Finding report files: the paths named, and folders searched for every readable suffix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from checker.errors import Problem
from checker.intake import READERS


@dataclass
class Found:
    """The report files to read, which of them were named on the command line, and what was wrong."""

    files: list[Path] = field(default_factory=list)
    named: set[Path] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def collect(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """Report files named on the command line; folders are searched recursively for each suffix in READERS."""
    found = find(paths)
    return found.files, found.problems


def find(paths: Iterable[str], exclude: Iterable[str] = (), changed: bool = False) -> Found:
    """Report files of the paths given: files as named, folders searched recursively.

    `exclude` globs drop files found in folders (never a file named): a pattern matches the path
    relative to the folder searched, the file's name, or the name of a folder on the way.
    With `changed`, the paths are changed files (a pre-commit hook's): each stands for every
    report in its own folder, since a year's judgement depends on the other years of its series.
    """
    patterns = tuple(exclude)
    out = Found()
    if changed:
        paths = list(dict.fromkeys(str(Path(p).parent) for p in paths if Path(p).suffix.lower() in READERS))
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            pattern = "*" if changed else "**/*"
            hits = sorted(
                p for suffix in READERS for p in path.glob(f"{pattern}{suffix}")
                # a changed file's folder is matched as given (a pre-commit hook's --exclude mistakes)
                if p.is_file() and not _hidden(p, path) and not _excluded(p, Path() if changed else path, patterns)
            )
            if not hits and not changed:
                out.problems.append(Problem(raw, "目录中没有 .json 报告文件", "no .json submission in this directory"))
            out.files.extend(hits)
        elif path.exists():
            out.files.append(path)
            out.named.add(path)
        else:
            out.problems.append(Problem(raw, "文件或目录不存在", "no such file or directory"))
    out.files = list(dict.fromkeys(out.files))
    return out


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _excluded(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    relative = path.relative_to(root) if root != Path() else path
    names = (relative.as_posix(), *relative.parts)
    return any(fnmatch(name, pattern) for pattern in patterns for name in names)
