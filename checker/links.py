"""Links between rules: an obligation's quantity taken from the indicator that counts the same thing.

咸宁's 20 保护工作站 are both the indicator XN-I12 and the deliverable of XN-O-4.5.2.7; the rule file
links them (`deliverable.from_indicator: XN-I12`) so that a report gives the figure once.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from checker.models.plan import IndicatorRule, QuantityDeliverable
from checker.rulefile import Plan
from checker.units import convert


def linked_quantities(
    plan: Plan, quantities: Mapping[str, Decimal | None], indicator_values: Mapping[str, Decimal | None]
) -> dict[str, Decimal | None]:
    """The reported obligations' quantities, with each missing one taken from its linked indicator.

    `quantities`: obligation id -> the quantity its entry gives (in the deliverable's unit), for the
    obligations the report has an entry for; `indicator_values`: indicator id -> the value the report
    gives (in the indicator's unit). A quantity the report states itself is kept; an obligation with
    no entry stays unreported (its status and evidence come from its own entry).
    """
    out = dict(quantities)
    for rule_id, quantity in quantities.items():
        rule = plan.rules.get(rule_id)
        deliverable = getattr(rule, "deliverable", None)
        if quantity is not None or not isinstance(deliverable, QuantityDeliverable) or deliverable.from_indicator is None:
            continue
        indicator = plan.rules.get(deliverable.from_indicator)
        value = indicator_values.get(deliverable.from_indicator)
        if isinstance(indicator, IndicatorRule) and value is not None:
            out[rule_id] = convert(value, indicator.unit, deliverable.unit)
    return out
