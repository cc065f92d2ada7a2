"""Citations: every rule's quote must occur verbatim (whitespace aside) in its source document."""

from __future__ import annotations

import re
from pathlib import Path

from checker.errors import Problem
from checker.rulefile import Plan

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def quote_problems(plan: Plan, seeds: Path) -> list[Problem]:
    """One problem per rule whose document is missing or does not contain its quote."""
    texts: dict[str, str | None] = {}
    problems = []
    for rule in plan.rules.values():
        document = rule.source.document
        if document not in texts:
            path = seeds / document
            texts[document] = squash(path.read_text(encoding="utf-8")) if path.is_file() else None
        text = texts[document]
        if text is None:
            problems.append(Problem(plan.path, f"找不到原文 {seeds / document}", f"no source document {seeds / document}", rule.id))
        elif squash(rule.source.quote) not in text:
            problems.append(Problem(
                plan.path, f"引文未在原文中找到:“{rule.source.quote[:40]}”", f"quote not found verbatim in {document}: '{rule.source.quote[:40]}'",
                rule.id,
            ))
    return problems
