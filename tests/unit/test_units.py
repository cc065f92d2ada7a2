"""Units: exact conversion within a dimension, errors across dimensions and for unknown units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.units import UnitError, convert, normalise_unit, parse_unit


@pytest.mark.parametrize(
    ("value", "unit", "to", "expected"),
    [("6.69", "万件", "件", "66900"), ("66900", "件", "万件", "6.69"), ("5", "亿元", "万元", "50000"),
     ("4900", "万元", "元", "49000000"), ("1.5", "万次", "次", "15000"), ("85", "％", "%", "85"),
     ("2", "千件", "件", "2000"), ("7", "百分比", "%", "7")],
)
def test_units_convert_exactly(value: str, unit: str, to: str, expected: str) -> None:
    assert convert(Decimal(value), unit, to) == Decimal(expected)


@pytest.mark.parametrize(("unit", "to"), [("件", "元"), ("家", "件"), ("%", "件")])
def test_incompatible_units(unit: str, to: str) -> None:
    with pytest.raises(UnitError) as info:
        convert(Decimal(1), unit, to)
    assert "无法换算" in info.value.zh


@pytest.mark.parametrize("unit", ["斤", "万%", ""])
def test_unknown_unit(unit: str) -> None:
    with pytest.raises(UnitError) as info:
        parse_unit(unit)
    assert info.value.zh.startswith(f"未知单位 “{unit}”")


def test_units_are_normalised_for_width_and_spaces() -> None:
    assert normalise_unit(" 万 件 ") == "万件"
    assert parse_unit("万件").factor == Decimal(10_000)
