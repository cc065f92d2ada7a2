"""Developer aid: validate rule files and their quotes. `python tests/check_rule_file.py rules/*.yaml`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from checker.errors import CheckerError
from checker.rulefile import load_rule_file

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main(paths: list[str]) -> int:
    status = 0
    for path in paths:
        try:
            plan = load_rule_file(Path(path))
        except CheckerError as exc:
            print(exc)
            status = 1
            continue
        rf = plan.rules_file
        for rule in (*rf.indicators, *rf.obligations):
            seed = SEEDS / rule.source.document
            if not seed.exists():
                print(f"{path}: {rule.id}: no seed {seed}")
                status = 1
            elif squash(rule.source.quote) not in squash(seed.read_text(encoding="utf-8")):
                print(f"{path}: {rule.id}: quote not verbatim: {rule.source.quote[:60]}")
                status = 1
        print(f"{path}: {len(rf.indicators)} indicators, {len(rf.obligations)} obligations, {len(rf.entities)} entities")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
