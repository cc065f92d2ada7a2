"""Units of the plans' quantities, and exact conversion between them (6.69 万件 = 66900 件)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# Base units, by what they count. A count of 家 is not a count of 件: converting between them
# would hide a reporting mistake, so each noun is its own dimension.
BASE_UNITS = frozenset(
    "件 个 家 项 次 名 所 座 户 人 条 篇 部 期 场 批 种 套 款 元 % 人次 件次 家次 天 个工作日".split()
)
PREFIXES = {"": Decimal(1), "千": Decimal(1000), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
ALIASES = {"百分比": "%", "percent": "%", "个百分点": "%"}


class UnitError(ValueError):
    """An unknown unit, or two units that measure different things."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class Unit:
    text: str
    base: str
    factor: Decimal


def normalise_unit(text: str) -> str:
    return ALIASES.get(t := unicodedata.normalize("NFKC", text).strip().replace(" ", ""), t)


def parse_unit(text: str) -> Unit:
    """Read a unit such as 万件, 亿元 or %."""
    norm = normalise_unit(text)
    for prefix, factor in PREFIXES.items():
        base = norm[len(prefix):]
        if norm.startswith(prefix) and base in BASE_UNITS and not (prefix and base == "%"):
            return Unit(text, base, factor)
    known = "、".join(sorted(BASE_UNITS))
    raise UnitError(
        f"未知单位 “{text}”(可用:{known},可加前缀 万/亿/千)",
        f"unknown unit '{text}' (known: {known}, with an optional 万/亿/千 prefix)",
    )


# Which values a unit admits. A count (件, 家, 人次…) or a duration (天, 个工作日) cannot be
# negative: −1000 天 does not meet "≤ 60 天". A percentage (a share, a rate of growth, a change in
# percentage points) can be negative, but never below −100 %: nothing falls by more than all of it.
# An amount of money (元) can be negative: net figures such as 知识产权使用费净收入 are.
# See docs/submission-format.md.
PERCENT_FLOOR = Decimal(-100)
# Inputs are at most 1e15 in their own unit (checker.models.types); converted to a rule's unit they
# may grow by the prefixes' ratio (亿 to 1: 1e8). Past 1e20 a result could no longer be shown to four
# decimals within Decimal's 28 digits: refused as out of range.
MAX_CONVERTED = Decimal("1e20")
SIGNED = frozenset({"元"})


def lower_bound(unit: str) -> Decimal | None:
    """The least value a quantity in this unit can take; None: no bound (money, or an unknown unit,
    which is reported elsewhere)."""
    try:
        base = parse_unit(unit).base
    except UnitError:
        return None
    if base in SIGNED:
        return None
    return PERCENT_FLOOR if base == "%" else Decimal(0)


def sign_problem(value: Decimal, unit: str) -> tuple[str, str] | None:
    """(zh, en) when the value is below what its unit admits (a negative count, a rate below −100 %)."""
    floor = lower_bound(unit)
    if floor is None or value >= floor:
        return None
    if floor == 0:
        return (
            f"数值 {value}{unit} 不能为负(该单位计数量或天数)",
            f"{value} {unit} cannot be negative (the unit counts things or days)",
        )
    return f"数值 {value}{unit} 低于 -100%,不可能", f"{value}{unit} is below -100 %, which is impossible"


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Convert exactly; raise UnitError when the units measure different things."""
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    if src.base != dst.base:
        raise UnitError(
            f"单位 “{from_unit}” 与规则单位 “{to_unit}” 不一致,无法换算",
            f"unit '{from_unit}' cannot be converted to the rule's unit '{to_unit}'",
        )
    converted = value * src.factor / dst.factor
    if abs(converted) > MAX_CONVERTED:
        raise UnitError(
            f"数值 {value}{from_unit} 换算为 {to_unit} 后超出范围(绝对值应 ≤ 1e20)",
            f"{value} {from_unit} is out of range once converted to {to_unit} (|x| must be ≤ 1e20)",
        )
    return converted
