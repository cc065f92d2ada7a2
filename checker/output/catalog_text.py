"""`checker rules` (one line per rule) and `checker explain` (one rule in full, as a page), as text."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

from checker.i18n import Lang, fmt_number, label, word
from checker.listing import Listing, record
from checker.models.plan import IndicatorRule, QuantityDeliverable
from checker.output import Command, Context
from checker.output.cells import clip, pad, width
from checker.rulefile import Plan, Rule


def render(command: Command, subject: Any, stream: BinaryIO, context: Context) -> None:
    out = io.StringIO()
    if command == "explain":
        _explain(subject, out, context.lang)
    else:
        _listing(subject, out, context.lang)
    stream.write(out.getvalue().encode("utf-8"))


def _listing(listings: list[Listing], out: io.StringIO, lang: Lang) -> None:
    for listing in listings:
        plan = listing.plan
        header = plan.rules_file.plan
        out.write(f"{plan.id}  {header.title}  ({header.period.start}–{header.period.end})\n")
        if listing.reporter is not None:
            out.write(f"  {word('rules_for', lang, reporter=listing.reporter.name, plan=header.title, n=len(listing.rules))}\n")
        id_cells = max([18] + [width(rule.id) + 2 for rule, _ in listing.rules])
        role_cells = max([0] + [width(label("role", role, lang)) + 2 for _, role in listing.rules if role])
        for rule, role in listing.rules:
            rec = record(plan, rule)
            target = rec["target"]
            goal = ""
            if target["value"] is not None:
                goal = f"{target['comparator']} {fmt_number(target['value'])}{target['unit'] or ''} ({target['year']})"
            elif rec["rule_type"] == "obligation":
                goal = word("due", lang, year=target["year"])
            role_text = pad(label("role", role, lang), role_cells) if role else ""
            out.write(
                f"  {pad(rule.id, id_cells)}{role_text}{pad(rec['kind'], 14)}{pad(clip(rec['subject'], 14), 14)}"
                f"{pad(clip(rec['name'], 40), 42)}{goal}\n"
            )
        if listing.reporter is None:
            rf = plan.rules_file
            out.write(f"  {word('catalog_counts', lang, indicators=len(rf.indicators), obligations=len(rf.obligations))}\n")
        out.write("\n")


def _explain(hits: list[tuple[Plan, Rule]], out: io.StringIO, lang: Lang) -> None:
    """Each rule as a page: labelled lines in the chosen language, the plan's sentence last."""
    for n, (plan, rule) in enumerate(hits):
        if n:
            out.write("\n")
        rec = record(plan, rule)
        header = plan.rules_file.plan
        lines: list[tuple[str, str]] = [(word("plan", lang), f"{plan.id} {header.title}")]
        if isinstance(rule, IndicatorRule):
            kind = label("kind", rule.kind, lang)
            code = f" ({rule.kind})" if kind != rule.kind else ""  # the id rule files use, when it reads differently
            lines.append((word("ex_rule_type", lang), f"{word('ex_indicator', lang)} · {kind}{code}"))
        else:
            lines.append((word("ex_rule_type", lang), f"{word('ex_obligation', lang)} · {label('deliverable', rule.deliverable.type, lang)} · "
                                                      f"{label('recurrence', rule.recurrence, lang)}"))
        lines.append((word("ex_subject", lang), rec["subject"]))
        category = plan.categories[rule.category]
        name = (category.name_en or category.name) if lang == "en" else category.name
        lines.append((word("ex_category", lang), f"{name} · {word('ex_weight', lang)} {fmt_number(rule.weight)}"))
        target = rec["target"]
        unit = target["unit"] or ""
        if target["value"] is not None:
            cmp = label("cmp", target["comparator"], lang)
            lines.append((word("ex_target", lang), word("ex_target_value", lang, year=target["year"], cmp=cmp, value=fmt_number(target["value"]), unit=unit.strip() if lang == "en" else unit)))
        elif isinstance(rule, IndicatorRule):
            lines.append((word("ex_target", lang), f"{label('kind', rule.kind, lang)} ({target['year']})"))
        else:
            lines.append((word("ex_target", lang), word("ex_due", lang, year=target["year"])))
        if rec["baseline"] is not None:
            base = rec["baseline"]
            lines.append((word("ex_baseline", lang), word("ex_baseline_value", lang, year=base["year"], value=fmt_number(base["value"]), unit=rule.unit if isinstance(rule, IndicatorRule) else "")))
        if isinstance(rule, IndicatorRule):
            attribute = label("attribute", rule.attribute, lang)
            if rule.aspirational:
                attribute += f" · {word('ex_aspirational', lang)}"
            lines.append((word("ex_attribute", lang), attribute))
        elif isinstance(rule.deliverable, QuantityDeliverable):
            d = rule.deliverable
            lines.append((word("ex_deliverable", lang), f"{d.what} {label('cmp', d.comparator, lang)} {fmt_number(d.value)}{d.unit}"))
        elif rule.deliverable.type == "document":
            lines.append((word("ex_deliverable", lang), f"《{rule.deliverable.title}》"))
        for role in ("lead", "support", "joint"):
            if rec["responsible"][role]:
                lines.append((label("role", role, lang), "、".join(rec["responsible"][role])))
        if rec["aliases"]:
            lines.append((word("ex_aliases", lang), "、".join(rec["aliases"])))
        source = rule.source
        lines.append((word("ex_source", lang), f"“{source.quote}”"))
        lines.append(("", f"({source.section} · {header.title})"))
        if rec["interpretation"]:
            lines.append((word("ex_interpretation", lang), rec["interpretation"]))
        cells = max(width(text) for text, _ in lines) + 2
        out.write(f"{rule.id} · {rec['name']}\n")
        out.writelines(f"  {pad(text + ':' if text else '', cells)}{value}\n" for text, value in lines)
