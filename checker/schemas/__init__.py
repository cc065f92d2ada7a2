"""The published JSON Schemas: generated from the models, checked in, and used for validation."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_NAMES = ("rules", "submission", "assessment", "decisions")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The checked-in schema `name` (one of SCHEMA_NAMES)."""
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
