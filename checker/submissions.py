"""Finding report files: the paths named, and folders searched for every readable suffix."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from checker.errors import Problem
from checker.intake import READERS
from checker.loading import folder_problem

MAX_FILES = 100_000  # files named or found in one run
SUFFIXES = tuple(READERS)


@dataclass
class Found:
    """The report files to read, which of them were named on the command line, and what was wrong."""

    files: list[Path] = field(default_factory=list)
    named: set[Path] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def find(paths: Iterable[str], exclude: Iterable[str] = (), changed: bool = False) -> Found:
    """Report files of the paths given: files as named, folders searched recursively.

    Nothing is skipped silently: an empty path, a folder that cannot be read, and a report-suffixed
    entry that is a dangling or looping symbolic link are problems. Entries that are not regular
    files (a FIFO, a device) are listed, and refused with their own message when read. Hidden files
    and folders (.git, .cache) and Excel's ~$ lock files are not searched.

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
        if raw == "":
            out.problems.append(Problem(raw, "路径为空(未指定文件或目录)", "empty path (no file or directory named)"))
            continue
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            out.problems.append(_missing(raw, path, exc))
            continue
        if stat.S_ISDIR(mode):
            hits, trouble = _search(path, recursive=not changed)
            # a changed file's folder is matched as given (a pre-commit hook's --exclude patterns)
            hits = [p for p in hits if not _excluded(p, Path() if changed else path, patterns)]
            out.problems.extend(trouble)
            if not hits and not trouble and not changed:
                suffixes = "、".join(READERS)
                out.problems.append(Problem(raw, f"目录中没有报告文件({suffixes})", f"no submission ({', '.join(READERS)}) in this directory"))
            out.files.extend(hits)
        else:
            out.files.append(path)
            out.named.add(path)
        if len(out.files) > MAX_FILES:
            out.problems.append(Problem(raw, f"文件过多(一次最多 {MAX_FILES} 份)", f"too many files (at most {MAX_FILES} in one run)"))
            out.files = out.files[:MAX_FILES]
            break
    out.files = list(dict.fromkeys(out.files))
    return out


def _excluded(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    relative = path.relative_to(root) if root != Path() else path
    names = (relative.as_posix(), *relative.parts)
    return any(fnmatch(name, pattern) for pattern in patterns for name in names)


def _missing(raw: str, path: Path, exc: OSError) -> Problem:
    if exc.errno == errno.ELOOP:
        return Problem(raw, "符号链接循环", "symbolic link loop")
    if path.is_symlink():
        return Problem(raw, "符号链接指向的文件不存在", "dangling symbolic link")
    if isinstance(exc, PermissionError):
        return Problem(raw, "无权访问", "permission denied")
    if exc.errno == errno.ENOENT:
        return Problem(raw, "文件或目录不存在", "no such file or directory")
    return Problem(raw, f"无法访问:{exc.strerror}", f"cannot access: {exc.strerror}")


def _search(root: Path, recursive: bool = True) -> tuple[list[Path], list[Problem]]:
    """Report files under root (only its own with recursive=False), in name order; folders reached
    twice (a symlink loop) are searched once."""
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            problems.append(folder_problem(str(folder), exc))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith((".", "~$")):  # hidden, or the lock file Excel keeps beside an open workbook
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symbolic links
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(path)
            elif entry.name.endswith(SUFFIXES):
                try:
                    os.stat(path)
                except OSError as exc:
                    problems.append(_missing(str(path), path, exc))
                    continue
                found.append(path)
                if len(found) > MAX_FILES:
                    return found, problems
        if recursive:
            stack.extend(reversed(subfolders))
    return sorted(found), problems
