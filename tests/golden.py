"""Golden assessments of the example reports: compute them, and rewrite them on request.

Regenerate after an intended change: `python -m tests.golden` (from the repository root), then
review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from checker.run import CheckArgs, check

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "submissions"
GOLDEN = Path(__file__).parent / "golden"


def example_folders() -> list[str]:
    return sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())


def golden_for(folder: str) -> dict[str, Any]:
    """Exit status of `check submissions/<folder>` and every file's assessment or errors."""
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        run = check(CheckArgs((f"submissions/{folder}",)))
    finally:
        os.chdir(cwd)
    files: dict[str, Any] = {}
    for assessment in run.assessments:
        files[assessment.submission] = {"assessment": assessment.model_dump(mode="json")}
    for problem in run.problems:
        files.setdefault(problem.file, {"errors": []})["errors"].append(
            {"line": problem.line, "place": problem.place, "message": problem.zh}
        )
    return {"exit_code": run.exit_code, "files": dict(sorted(files.items()))}


def golden_path(folder: str) -> Path:
    return GOLDEN / f"{folder}.json"


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for folder in example_folders():
        text = json.dumps(golden_for(folder), ensure_ascii=False, indent=1) + "\n"
        golden_path(folder).write_text(text, encoding="utf-8")
        print(f"wrote {golden_path(folder).relative_to(REPO)}")


if __name__ == "__main__":
    main()
