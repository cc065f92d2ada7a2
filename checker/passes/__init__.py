"""Passes between judgement and scoring, in their declared order.

Each pass takes the judged reports of one folder and returns them adjusted: it may add findings,
or change a judgement's status and points, recording an Adjustment (which pass, before, after,
why). Scoring sees only what the last pass returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from checker.judgement import JudgedReport
from checker.passes.rollup import roll_up

if TYPE_CHECKING:
    from checker.decisions import DecisionSet

Pass = Callable[[Sequence[JudgedReport]], list[JudgedReport]]


def passes_for(decisions: DecisionSet | None, as_of: dt.date) -> tuple[tuple[str, Pass], ...]:
    """The passes of a run, in the order they run: the roll-up compares what the reports state,
    then the assessor's decisions (verdicts, evidence, waivers) adjust the judgements. Without
    decisions there is nothing to adjust, and the decisions' modules are not even imported (a
    cold start without them is the usual one)."""
    if not decisions:
        return PASSES
    from checker.passes.decisions import decisions_pass

    return (*PASSES, ("decisions", decisions_pass(decisions, as_of)))


PASSES: tuple[tuple[str, Pass], ...] = (("rollup", roll_up),)  # a run's passes without decisions


def run_passes(batch: Sequence[JudgedReport], passes: Sequence[tuple[str, Pass]] = PASSES) -> list[JudgedReport]:
    out = list(batch)
    for _name, step in passes:
        out = step(out)
    return out
