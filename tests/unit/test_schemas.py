"""The published schemas are what the models generate (rerun `python -m checker.schema_gen`)."""

from __future__ import annotations

from checker.schema_gen import SCHEMA_DIR, generate


def test_checked_in_schemas_match_the_models() -> None:
    for file_name, text in generate().items():
        assert (SCHEMA_DIR / file_name).read_text(encoding="utf-8") == text, f"{file_name} drifted: run python -m checker.schema_gen"
