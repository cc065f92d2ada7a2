"""Indicator kinds: each a plain judging function with its traits, registered in KINDS.

The traits are everything the rest of the checker needs to know about a kind (what a reported
value may mean, whether a trend or a roll-up applies, the level its target stands for), so that
knowledge stays here and not in trend, roll-up, listing or the rule model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from checker.kinds import growth, increment, level, multiple, qualitative, steady
from checker.models.plan import IndicatorRule
from checker.progress import IndicatorInput, Outcome, Shape

# How a value for part of a year is judged: on the path at that date (a stock, or additions so far),
# pro rata within the year (a flow), or not at all before the year's figure (rates and comparisons
# with last year's full-year value). See docs/scoring.md, "Part-year figures".
PartYear = Literal["path", "pro_rata", "review"]


@dataclass(frozen=True)
class Kind:
    judge: Callable[[IndicatorInput], Outcome]
    # The value the reported series must reach by the target year, in the rule's unit; None when
    # the target is not a level of the reported series (a rate, annual additions, a verdict).
    target_level: Callable[[IndicatorInput], Decimal | None]
    reported_as: tuple[str, ...] = ()  # what a report's value may mean; the first is the default
    needs_target_value: bool = True
    needs_value: bool = True  # False: a verdict or a rank may answer without a value
    summable: bool = False  # sub-entities' values may add up to the whole (roll-up)
    path: Shape = "linear"  # default expected path from baseline to target
    part_year: PartYear = "path"


def _no_level(inp: IndicatorInput) -> Decimal | None:
    return None


KINDS: dict[str, Kind] = {
    "level": Kind(level.evaluate_level, level.target_level, summable=True),
    "flow": Kind(level.evaluate_flow, level.target_level, summable=True, part_year="pro_rata"),
    "cumulative": Kind(level.evaluate_cumulative, level.target_level, summable=True),
    "increment": Kind(
        increment.evaluate_increment, increment.target_level,
        reported_as=("added_since_baseline", "level", "annual_addition"),
    ),
    "growth_rate": Kind(
        growth.evaluate_growth, growth.target_level, reported_as=("level", "rate"), path="geometric", part_year="review",
    ),
    "multiple": Kind(multiple.evaluate_multiple, multiple.target_level, path=multiple.PATH),
    "steady_growth": Kind(steady.evaluate_steady, _no_level, needs_target_value=False, part_year="review"),
    "qualitative": Kind(qualitative.evaluate_qualitative, _no_level, needs_target_value=False, needs_value=False),
}


def reported_as(rule: IndicatorRule) -> str | None:
    """What the rule's reported value means: as the rule file says, or the kind's default."""
    allowed = KINDS[rule.kind].reported_as
    return rule.reported_as or (allowed[0] if allowed else None)


def path_of(rule: IndicatorRule) -> Shape:
    """The expected path from baseline to target: as the rule file says, or the kind's default."""
    return rule.path or KINDS[rule.kind].path
