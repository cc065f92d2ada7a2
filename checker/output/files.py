"""`-o/--output FORMAT=PATH`: which format goes to which file, written atomically; and
write_atomically for a file made at once.

A file is written to a temporary file in its own directory and renamed over the target only when
the run has finished, so a reader never sees half a report and a failed run leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from checker.errors import Problem, UsageError
from checker.output import SUFFIXES, Context, Renderer, formats_for, renderer

if TYPE_CHECKING:
    from checker.judgement import Assessment
    from checker.output.progress import Bar
    from checker.run import CheckRun

_SPEC = re.compile(r"^(?P<fmt>[a-z]+)[=:](?P<path>.+)$")


@dataclass(frozen=True)
class OutputSpec:
    fmt: str
    path: Path


def parse_output(spec: str) -> OutputSpec:
    """`html=report.html`, `html:report.html`, or `report.html` (the format its suffix names)."""
    known = formats_for("check")
    match = _SPEC.match(spec)
    if match and match["fmt"] in known:
        fmt, path = match["fmt"], Path(match["path"])
    elif (fmt := SUFFIXES.get(Path(spec).suffix.lower(), "")) and not match:
        path = Path(spec)
    else:
        names = ", ".join(known)
        raise UsageError([Problem(
            spec, f"无法识别输出格式,应为 格式=路径(格式:{names})",
            f"cannot tell the output format: use FORMAT=PATH (formats: {names})",
        )])
    if not path.parent.is_dir():
        raise UsageError([Problem(str(path), "输出目录不存在", "the output's directory does not exist")])
    if path.is_dir():
        raise UsageError([Problem(str(path), "输出路径是目录", "the output path is a directory")])
    return OutputSpec(fmt, path)


class AtomicFile:
    """A temporary file beside `path`, renamed onto it by commit(), removed by discard()."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        self.temp = Path(name)
        self.stream: BinaryIO = os.fdopen(fd, "wb")

    def commit(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.chmod(self.temp, 0o666 & ~_umask())  # as a plainly created file would be
        os.replace(self.temp, self.path)

    def discard(self) -> None:
        self.stream.close()
        self.temp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file whole or not at all, made at once (`template -o`, `schema -o`): a temporary file
    beside it, then os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file would be, not mkstemp's 0600
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Outputs:
    """The standard-output renderer and one renderer per -o file, fed each assessment together.

    Files are renamed into place only after every renderer has closed; on any failure (an internal
    error, Ctrl-C) every temporary file is removed and no target is touched.
    """

    def __init__(self, fmt: str, context: Context, specs: list[OutputSpec], progress: Bar | None = None) -> None:
        self.fmt, self.context, self.specs, self.progress = fmt, context, specs, progress
        self.files: list[AtomicFile] = []
        self.renderers: list[Renderer] = []

    def __enter__(self) -> Outputs:
        sys.stdout.flush()
        self.renderers.append(renderer(self.fmt, sys.stdout.buffer, self.context))
        for spec in self.specs:
            file = AtomicFile(spec.path)
            self.files.append(file)
            context = replace(self.context, color=False)
            self.renderers.append(renderer(spec.fmt, file.stream, context))
        return self

    def add(self, assessment: Assessment) -> None:
        with self.progress.aside() if self.progress is not None else nullcontext():
            for each in self.renderers:
                each.add(assessment)

    # As the run's Progress: the bar, and the end of each folder for renderers that wait for it.
    def start(self, total: int) -> None:
        if self.progress is not None:
            self.progress.start(total)

    def advance(self, files: int) -> None:
        with self.progress.aside() if self.progress is not None else nullcontext():
            for each in self.renderers:
                if (done := getattr(each, "folder_done", None)) is not None:
                    done()
            sys.stdout.buffer.flush()  # results appear as each folder is done
        if self.progress is not None:
            self.progress.advance(files)

    def close(self, run: CheckRun) -> None:
        if self.progress is not None:
            self.progress.close()
        for each in self.renderers:
            each.close(run)
        sys.stdout.buffer.flush()
        while self.files:
            self.files.pop(0).commit()

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.close()
        for file in self.files:  # only those not committed: close() empties the list
            file.discard()
        self.files.clear()
