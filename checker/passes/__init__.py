"""Passes between judgement and scoring, in their declared order.

Each pass takes the judged reports of one folder and returns them adjusted: it may add findings,
or change a judgement's status and points, recording an Adjustment (which pass, before, after,
why). Scoring sees only what the last pass returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checker.judgement import JudgedReport
from checker.passes.rollup import roll_up

Pass = Callable[[Sequence[JudgedReport]], list[JudgedReport]]

# name -> pass, in the order they run
PASSES: tuple[tuple[str, Pass], ...] = (
    ("rollup", roll_up),
)


def run_passes(batch: Sequence[JudgedReport], passes: Sequence[tuple[str, Pass]] = PASSES) -> list[JudgedReport]:
    out = list(batch)
    for _name, step in passes:
        out = step(out)
    return out
