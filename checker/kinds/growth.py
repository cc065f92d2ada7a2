"""growth_rate (年均增长超过 X%): compound annual growth from the baseline year against X."""

from __future__ import annotations

from decimal import Decimal, DecimalException, localcontext

from checker.judgement import Msg
from checker.models.plan import IndicatorRule
from checker.progress import (
    IndicatorInput,
    Outcome,
    capped,
    classify,
    closing_fix,
    display_ratio,
    expected_on_path,
    meets,
    progress_ratio,
)

# What a report's value may mean: the level whose growth is measured (default), or the rate itself.
MODES = ("level", "rate")


def mode(rule: IndicatorRule) -> str:
    return rule.reported_as or MODES[0]


def target_level(inp: IndicatorInput) -> Decimal | None:
    """The level the baseline reaches at the required rate; None when the series is a rate."""
    rule, baseline = inp.rule, inp.baseline
    if rule.target.value is None or mode(rule) == "rate" or baseline is None:
        return None
    years = rule.target.year - baseline.year
    try:
        level = baseline.value * (Decimal(1) + rule.target.value / 100) ** years
    except DecimalException:
        return None
    return level if level.is_finite() and abs(level) <= MAX_LEVEL else None


MAX_LEVEL = Decimal("1e18")  # beyond this a target level says only "the growth explodes"
CENT = Decimal("0.01")


def root_growth(product: Decimal, years: int) -> Decimal | None:
    """product^(1 / years) - 1, in percent, computed in Decimals (no float overflow, underflow or
    complex roots); None where undefined (years ≤ 0, a negative product)."""
    if years <= 0 or product < 0:
        return None
    if product == 0:
        return Decimal(-100)
    try:
        with localcontext() as ctx:
            ctx.prec = 34
            return ((product.ln() / years).exp() - 1) * 100
    except DecimalException:
        return None


def cagr_percent(start: Decimal, end: Decimal, years: int) -> Decimal | None:
    """(end / start)^(1 / years) - 1, in percent; None where undefined."""
    if years <= 0 or start <= 0 or end < 0:
        return None
    try:
        with localcontext() as ctx:
            ctx.prec = 34
            product = end / start
    except DecimalException:
        return None
    return root_growth(product, years)


def _quantized(value: Decimal, exp: Decimal = CENT) -> Decimal:
    """value to `exp`, or as it is when it has too many digits for that (a guard: inputs are bounded)."""
    try:
        return value.quantize(exp)
    except DecimalException:
        return value


def evaluate_growth(inp: IndicatorInput) -> Outcome:
    rule = inp.rule
    if mode(rule) == "rate":
        return _rate_series(inp)
    baseline = inp.baseline
    assert baseline is not None and rule.target.value is not None and inp.value is not None
    rate, comparator, unit = rule.target.value, rule.target.comparator, rule.unit
    b0, y0 = baseline.value, baseline.year
    final = inp.year >= rule.target.year
    growth = cagr_percent(b0, inp.value, inp.year - y0)
    # The rule file's checks bound the target level (at most 1e15), so it is None only for a rule
    # made without them; either way nothing can be judged.
    target = target_level(inp)
    if growth is None or target is None:
        return Outcome("needs_review", Msg.of("cagr_unknown"), actual=inp.value, fix=Msg.of("give_verdict"))
    growth = _quantized(growth)
    expected = expected_on_path(b0, y0, target, rule.target.year, inp.year, "geometric")
    ratio = progress_ratio(inp.value, b0, expected)
    achieved = meets(growth, rate, comparator)
    message = Msg.of("cagr", start=y0, year=inp.year, cagr=growth, cmp=comparator, rate=rate)
    common = dict(expected=_quantized(expected), target=_quantized(target), actual=inp.value, ratio=display_ratio(ratio))
    if achieved:
        status = "met" if final else "on_track"
        return Outcome(status, message, progress="achieved" if final else "on_schedule", points=1.0, **common)  # type: ignore[arg-type]
    return Outcome(
        "missed" if final else "behind", message, progress=classify(ratio, False, inp.thresholds),
        points=min(capped(ratio), 0.99),
        fix=Msg.of("missed_target") if final else closing_fix(comparator, expected, inp.value, unit, inp.year),
        **common,  # type: ignore[arg-type]
    )


def _rate_series(inp: IndicatorInput) -> Outcome:
    """The series is itself a growth rate: compound the reported yearly rates, never take CAGR of rates."""
    rule = inp.rule
    assert rule.target.value is not None and inp.value is not None
    rates = [v for y, v in inp.series().items() if inp.period_start <= y <= inp.year]
    product = Decimal(1)
    for r in rates:
        # A rate below -100 % is impossible (the input stage refuses it): treat it as the floor.
        product *= max(Decimal(0), Decimal(1) + r / 100)
    root = root_growth(product, len(rates))
    if root is None:
        return Outcome("needs_review", Msg.of("cagr_unknown"), actual=inp.value, fix=Msg.of("give_verdict"))
    average = _quantized(root)
    final = inp.year >= rule.target.year
    ok = meets(average, rule.target.value, rule.target.comparator)
    status = ("met" if final else "on_track") if ok else ("missed" if final else "behind")
    return Outcome(
        status,  # type: ignore[arg-type]
        Msg.of("rate_reported", year=inp.year, actual=average, cmp=rule.target.comparator, rate=rule.target.value),
        expected=rule.target.value, target=rule.target.value, actual=average,
        progress="achieved" if ok and final else ("on_schedule" if ok else None),
        points=1.0 if ok else capped(average / rule.target.value) if rule.target.value > 0 else 0.0,
        fix=None if ok else Msg.of("missed_target"),
    )
