"""`checker rules --format json`: every rule as a plain record (the shape is stable)."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from checker.listing import record
from checker.output import Command, Context
from checker.rulefile import Plan


def render(command: Command, plans: list[Plan], stream: BinaryIO, context: Context) -> None:
    records: list[dict[str, Any]] = [record(plan, rule) for plan in plans for rule in plan.rules.values()]
    stream.write((json.dumps({"rules": records}, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
