"""`checker rules` (one line per rule) and `checker explain` (one rule in full), as text."""

from __future__ import annotations

import io
import json
from typing import Any, BinaryIO

from checker.i18n import Lang, fmt_number, label, word
from checker.listing import record
from checker.output import Command, Context
from checker.output.text import clip, pad
from checker.rulefile import Plan, Rule


def render(command: Command, subject: Any, stream: BinaryIO, context: Context) -> None:
    out = io.StringIO()
    if command == "explain":
        _explain(subject, out, context.lang)
    else:
        _listing(subject, out, context.lang)
    stream.write(out.getvalue().encode("utf-8"))


def _listing(plans: list[Plan], out: io.StringIO, lang: Lang) -> None:
    for plan in plans:
        header = plan.rules_file.plan
        out.write(f"{plan.id}  {header.title}  ({header.period.start}–{header.period.end})\n")
        for rule in plan.rules.values():
            rec = record(plan, rule)
            target = rec["target"]
            goal = ""
            if target["value"] is not None:
                goal = f"{target['comparator']} {fmt_number(target['value'])}{target['unit'] or ''} ({target['year']})"
            elif rec["rule_type"] == "obligation":
                goal = word("due", lang, year=target["year"])
            out.write(
                f"  {pad(rule.id, 18)}{pad(rec['kind'], 14)}{pad(clip(rec['subject'], 14), 14)}"
                f"{pad(clip(rec['name'], 40), 40)}{goal}\n"
            )
        rf = plan.rules_file
        out.write(f"  {word('catalog_counts', lang, indicators=len(rf.indicators), obligations=len(rf.obligations))}\n\n")


def _explain(hits: list[tuple[Plan, Rule]], out: io.StringIO, lang: Lang) -> None:
    for plan, rule in hits:
        rec = record(plan, rule)
        out.write(f"{rule.id} · {rec['name']}\n")
        out.write(f"  {word('plan', lang)}: {plan.id} {plan.rules_file.plan.title}\n")
        for key, value in rec.items():
            if key in ("id", "name", "plan") or value in (None, [], {}):
                continue
            if key == "attribute":
                value = label("attribute", value, lang)
            out.write(f"  {key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value}\n")
