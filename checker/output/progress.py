"""A progress bar on stderr for batches, through tqdm (only when stderr is a terminal)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from checker.i18n import Lang, word


class Bar:
    """Report files done, advanced as each folder finishes; drawn only for more than one file."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.bar: Any = None

    def start(self, total: int) -> None:
        if total > 1:
            from tqdm import tqdm

            # leave=False: the bar disappears when done, so the terminal keeps only the results;
            # mininterval=0: it moves once per folder, rarely enough to draw every step.
            self.bar = tqdm(total=total, unit=word("progress_unit", self.lang), desc=word("progress", self.lang), leave=False, mininterval=0, miniters=1)

    def advance(self, files: int) -> None:
        if self.bar is not None:
            self.bar.update(files)

    @contextmanager
    def aside(self) -> Iterator[None]:
        """Clear the bar while results are written to the same terminal, then draw it again."""
        if self.bar is None:
            yield
            return
        with self.bar.external_write_mode():
            yield

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
