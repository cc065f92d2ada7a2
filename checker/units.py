"""Units of the plans' quantities, and exact conversion between them (6.69 万件 = 66900 件)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

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


# Reports spell a handful of units thousands of times: each spelling is read once.
@lru_cache(maxsize=1024)
def normalise_unit(text: str) -> str:
    return ALIASES.get(t := unicodedata.normalize("NFKC", text).strip().replace(" ", ""), t)


@lru_cache(maxsize=1024)
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


# How reports write units that the plans write otherwise (docs/submission-format.md, "Units").
# Accepted, because they cannot mean anything else once the rule's unit is known:
#   a bare prefix (亿, 万, 千) for the rule's own noun: 3.42 亿 for a rule in 亿元 / 元, 3.9 万 for 件;
#   件/万人 (and 件/万人口, 件每万人) for a per-10,000-population rule in 件 (每万人口…拥有量);
#   个 and 家 for each other: both count units (enterprises, stations, institutions), and the plans
#   themselves count the same stations in 个 in one place and 家 in another.
# Refused with a hint: anything else that measures a different thing.
INTERCHANGEABLE = {frozenset({"个", "家"})}
PER_POPULATION = ("/万人口", "/万人", "每万人口", "每万人")


def convert_reported(value: Decimal, unit: str, rule_unit: str, per_population: bool = False) -> Decimal:
    """A reported value in the rule's unit, reading the spellings reports use; UnitError with a hint
    of the probable mistake otherwise. `per_population`: the rule is a per-10,000-population ratio."""
    dst = parse_unit(rule_unit)
    norm = normalise_unit(unit)
    for suffix in PER_POPULATION:
        if norm.endswith(suffix) and norm != suffix:
            count = norm[: -len(suffix)]
            if per_population and count in (rule_unit, dst.base):
                return value if count == rule_unit else convert(value, count, rule_unit)
            raise UnitError(
                f"单位 “{unit}” 为每万人口数,而该指标为总量({rule_unit}):请填报总量,或核对是否选错了指标",
                f"'{unit}' is a per-10,000-population figure, but this indicator is a total in {rule_unit}:"
                " report the total, or check the indicator chosen",
            )
    if norm in PREFIXES and norm and dst.base != "%":
        # A bare 亿 / 万 / 千: the rule's own noun is meant.
        return value * PREFIXES[norm] / dst.factor
    src = parse_unit(unit)
    if src.base != dst.base and frozenset({src.base, dst.base}) in INTERCHANGEABLE:
        return value * src.factor / dst.factor
    if src.base != dst.base:
        raise _mismatch(unit, src, rule_unit, dst, per_population)
    return value * src.factor / dst.factor


def _mismatch(unit: str, src: Unit, rule_unit: str, dst: Unit, per_population: bool) -> UnitError:
    """The precise hint for two units that measure different things."""
    if per_population and dst.base != "%":
        zh = f"该指标为每万人口数({rule_unit}/万人),所报单位 “{unit}” 不符:请填报 {rule_unit} 或 {rule_unit}/万人 计的比值,而非总量"
        en = f"this indicator is a per-10,000-population ratio ({rule_unit} per 10,000 people); '{unit}' does not fit: give the ratio in {rule_unit}, not a total"
    elif dst.base == "元":
        zh = f"该指标为金额({rule_unit}),所报单位 “{unit}” 不是金额单位:请用 元、万元 或 亿元"
        en = f"this indicator is an amount ({rule_unit}); '{unit}' is not a unit of money: use 元, 万元 or 亿元"
    elif src.base == "元":
        zh = f"所报单位 “{unit}” 为金额,而该指标计 {rule_unit}:请核对是否选错了指标"
        en = f"'{unit}' is an amount, but this indicator counts {rule_unit}: check the indicator chosen"
    elif dst.base == "%" or src.base == "%":
        zh = f"该指标单位为 {rule_unit},所报单位 “{unit}” 不符:比率填 %,数量填计数单位"
        en = f"this indicator is in {rule_unit}; '{unit}' does not fit: rates in %, counts in a count unit"
    else:
        zh = (
            f"单位 “{unit}” 与规则单位 “{rule_unit}” 计量的不是同一类对象,无法换算;"
            f"若所报确为同一事物,请改用 “{rule_unit}”"
        )
        en = (
            f"'{unit}' and the rule's unit '{rule_unit}' count different things and cannot be converted;"
            f" if the figure is the same thing, write '{rule_unit}'"
        )
    return UnitError(zh, en)


def unit_spellings() -> list[str]:
    """Every unit spelling parse_unit accepts as written (the published schema's enum): each base
    unit with each prefix, the aliases, and the full-width ％ that Chinese input methods type."""
    spelled = [p + b for p in PREFIXES for b in sorted(BASE_UNITS) if not (p and b == "%")]
    # What convert_reported also reads once the rule's unit is known: a bare prefix, and the
    # per-10,000-population spellings of a count.
    bare = [p for p in PREFIXES if p]
    per_population = [b + suffix for b in sorted(BASE_UNITS) if b not in ("%", "元") for suffix in PER_POPULATION]
    return [*spelled, *ALIASES, "％", *bare, *per_population]
