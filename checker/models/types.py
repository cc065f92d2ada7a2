"""Field types shared by the models, and the bounds on every number an input may carry."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema

# Every number in a rule file or a report (values, targets, baselines, quantities, ranks) is at
# most 10^15 in magnitude, zero or at least 10^-12, with at most 28 significant digits (Decimal's
# precision, so unit conversion stays exact). Far beyond any real figure, and small enough that no
# computation on them (paths, growth, projections, sums) overflows. See docs/rule-format.md.
MAX_MAGNITUDE = Decimal("1e15")
MAX_DIGITS = 28
BOUNDS_TEXT = "|x| ≤ 1e15; x = 0 or |x| ≥ 1e-12; at most 28 significant digits"

# Weights (rules, categories) lie in [1e-6, 1e6], so every score is a finite number.
MIN_WEIGHT = 1e-6
MAX_WEIGHT = 1e6


def json_number(value: Decimal) -> int | float:
    """A checked number as JSON writes it: an integer when it is whole, else the nearest float."""
    return int(value) if value == value.to_integral_value() else float(value)


def clip_number(text: str) -> str:
    """A number's text, cut if it is very long (a 5000-digit integer)."""
    return text if len(text) <= 40 else f"{text[:20]}…{text[-8:]}"


def _show(value: Decimal, written: str | None = None) -> str:
    return clip_number(str(value) if written is None else written)  # as written


def number_problem(value: Decimal, written: str | None = None) -> tuple[str, str] | None:
    """(zh, en) when the number is outside the bounds, else None.

    Uses only exact, context-free operations (adjusted(), copy_abs(), comparison), so even
    1e-99999999999999999999 or a 5000-digit integer is judged without Overflow or InvalidOperation.
    """
    if not value.is_finite():
        shown = _show(value, written)
        return f"不允许非有限数值 {shown}", f"non-finite number {shown} is not allowed"
    if value.is_zero():
        return None
    adjusted = value.adjusted()
    # |x| > 1e15 implies adjusted() >= 15: the comparison is needed only at that exponent.
    if adjusted > 15 or (adjusted == 15 and value.copy_abs() > MAX_MAGNITUDE):
        shown = _show(value, written)
        return f"数值 {shown} 超出范围(绝对值应 ≤ 1e15)", f"number {shown} is out of range (|x| must be ≤ 1e15)"
    if adjusted < -12:
        shown = _show(value, written)
        return f"数值 {shown} 过小(非零数的绝对值应 ≥ 1e-12)", f"number {shown} is too small (a nonzero |x| must be ≥ 1e-12)"
    if len(str(value) if written is None else written) <= MAX_DIGITS:
        return None  # no more digits than characters (either form shows every digit): as_tuple() costs more
    digits = value.as_tuple().digits
    # Trailing zeros are not significant, so only a number with more digits than allowed is counted.
    if len(digits) > MAX_DIGITS and len("".join(map(str, digits)).rstrip("0")) > MAX_DIGITS:
        shown = _show(value, written)
        return (
            f"数值 {shown} 有效数字过多(最多 {MAX_DIGITS} 位)",
            f"number {shown} has too many significant digits (at most {MAX_DIGITS})",
        )
    return None


def _bounded(value: Decimal) -> Decimal:
    problem = number_problem(value)
    if problem is not None:
        raise ValueError(f"{problem[0]} | {problem[1]}")
    return value


# Exact decimal numbers: unit conversion (6.69 万件 = 66900 件) must not depend on binary floats.
# In the published schemas they are plain JSON numbers with the bounds above.
Number = Annotated[
    Decimal,
    Field(allow_inf_nan=False),
    AfterValidator(_bounded),
    WithJsonSchema({
        "type": "number", "minimum": -1e15, "maximum": 1e15,
        "$comment": f"bounds: {BOUNDS_TEXT}",
    }),
]
Weight = Annotated[float, Field(ge=MIN_WEIGHT, le=MAX_WEIGHT, allow_inf_nan=False)]
