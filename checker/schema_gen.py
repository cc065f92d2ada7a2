"""Generate the published JSON Schemas from the models: `python -m checker.schema_gen` rewrites them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_DIR = Path(__file__).parent / "schemas"
# A name, not an address: the schemas ship with the package, editors are pointed at the file
# (docs/submission-format.md), and nothing fetches an $id.
BASE_URI = "urn:plan-compliance-checker:schema:"


def generate() -> dict[str, str]:
    """Schema file name -> its text, as it must be checked in."""
    from checker.models.decisions import DecisionsFile
    from checker.models.plan import RuleFile
    from checker.models.results import AssessmentDocument
    from checker.models.submission import Submission

    models: dict[str, Any] = {
        "rules": RuleFile,
        "submission": Submission,
        "assessment": AssessmentDocument,
        "decisions": DecisionsFile,
    }
    out = {}
    for name, model in models.items():
        mode = "serialization" if name == "assessment" else "validation"
        schema = model.model_json_schema(mode=mode)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE_URI}{name}",
            **schema,
        }
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def main() -> None:
    for file_name, text in generate().items():
        (SCHEMA_DIR / file_name).write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / file_name}")


if __name__ == "__main__":
    main()
