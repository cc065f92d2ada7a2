"""Indicator kinds: one plain function per kind, registered in KINDS."""

from __future__ import annotations

from collections.abc import Callable

from checker.kinds.base import IndicatorInput, Outcome
from checker.kinds.growth import evaluate_growth
from checker.kinds.increment import evaluate_increment
from checker.kinds.level import evaluate_cumulative, evaluate_level
from checker.kinds.multiple import evaluate_multiple
from checker.kinds.qualitative import evaluate_qualitative
from checker.kinds.steady import evaluate_steady

KINDS: dict[str, Callable[[IndicatorInput], Outcome]] = {
    "level": evaluate_level,
    "flow": evaluate_level,
    "cumulative": evaluate_cumulative,
    "increment": evaluate_increment,
    "growth_rate": evaluate_growth,
    "multiple": evaluate_multiple,
    "steady_growth": evaluate_steady,
    "qualitative": evaluate_qualitative,
}
