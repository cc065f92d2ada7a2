"""`checker rules --format json`: every rule as a plain record (the shape is stable)."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from checker.listing import Listing, record
from checker.output import Command, Context


def render(command: Command, listings: list[Listing], stream: BinaryIO, context: Context) -> None:
    # With --reporter, each record ends with the reporter's role (fields are only added, at the end).
    records: list[dict[str, Any]] = [
        {**record(listing.plan, rule), **({"role": role} if listing.reporter is not None else {})}
        for listing in listings for rule, role in listing.rules
    ]
    stream.write((json.dumps({"rules": records}, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
