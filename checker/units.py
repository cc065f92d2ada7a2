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


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Convert exactly; raise UnitError when the units measure different things."""
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    if src.base != dst.base:
        raise UnitError(
            f"单位 “{from_unit}” 与规则单位 “{to_unit}” 不一致,无法换算",
            f"unit '{from_unit}' cannot be converted to the rule's unit '{to_unit}'",
        )
    return value * src.factor / dst.factor


def unit_spellings() -> list[str]:
    """Every unit spelling parse_unit accepts as written (the published schema's enum): each base
    unit with each prefix, the aliases, and the full-width ％ that Chinese input methods type."""
    spelled = [p + b for p in PREFIXES for b in sorted(BASE_UNITS) if not (p and b == "%")]
    return [*spelled, *ALIASES, "％"]
