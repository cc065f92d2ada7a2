"""Finding report files: the paths named, and folders searched for every readable suffix."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from checker.errors import Problem
from checker.intake import READERS

MAX_FILES = 100_000  # files named or found in one run
SUFFIXES = tuple(READERS)


def collect(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """Report files named on the command line; folders are searched for each suffix in READERS.

    Nothing is skipped silently: an empty path, a folder that cannot be read, and a *.json entry
    that is a dangling or looping symbolic link are problems. Entries with a report suffix that are not
    regular files (a FIFO, a device) are listed, and refused with their own message when read.
    Hidden files and folders (.git, .cache) are not searched.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        if raw == "":
            problems.append(Problem(raw, "路径为空(未指定文件或目录)", "empty path (no file or directory named)"))
            continue
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            problems.append(_missing(raw, path, exc))
            continue
        if stat.S_ISDIR(mode):
            found, trouble = _search(path)
            problems.extend(trouble)
            if not found and not trouble:
                suffixes = "、".join(READERS)
                problems.append(Problem(raw, f"目录中没有报告文件({suffixes})", f"no submission ({', '.join(READERS)}) in this directory"))
            files.extend(found)
        else:
            files.append(path)
        if len(files) > MAX_FILES:
            problems.append(Problem(raw, f"文件过多(一次最多 {MAX_FILES} 份)", f"too many files (at most {MAX_FILES} in one run)"))
            files = files[:MAX_FILES]
            break
    return list(dict.fromkeys(files)), problems


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


def _search(root: Path) -> tuple[list[Path], list[Problem]]:
    """Report files under root, in name order; folders reached twice (a symlink loop) are searched once."""
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
            zh = "无权读取该目录" if isinstance(exc, PermissionError) else f"无法读取该目录:{exc.strerror}"
            en = "permission denied: cannot list this directory" if isinstance(exc, PermissionError) else f"cannot list this directory: {exc.strerror}"
            problems.append(Problem(str(folder), zh, en))
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
        stack.extend(reversed(subfolders))
    return sorted(found), problems
