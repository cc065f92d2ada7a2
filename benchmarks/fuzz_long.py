"""The long fuzz run: the CI mutation strategies (tests/fuzzing.py), many more cases, random seeds.

    .venv/bin/python benchmarks/fuzz_long.py [REPORT_CASES] [RULE_CASES] [SEED]

Defaults: 25,000 report cases (20,000 single reports and 5,000 series), 3,000 rule-file cases, a
random seed (printed, so a failure can be replayed). Prints the counts by outcome and exits 1 at
the first case that crashes, with hypothesis's smallest version of it. Record the last counts in
docs/development.md.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests import fuzzing  # noqa: E402
from tests.unit import test_fuzz  # noqa: E402


def _run(name: str, test: Any, cases: int, run_seed: int, needs_tmp: bool) -> None:
    inner: Callable[..., None] = test.hypothesis.inner_test
    before = sum(fuzzing.COUNTS.values())

    def body(data: st.DataObject) -> None:
        if needs_tmp:
            with tempfile.TemporaryDirectory() as folder:
                inner(Path(folder), data)
        else:
            inner(data)

    wrapped = seed(run_seed)(settings(
        max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck),
    )(given(st.data())(body)))
    start = time.monotonic()
    wrapped()
    print(f"{name}: {cases} cases in {time.monotonic() - start:.0f} s ({sum(fuzzing.COUNTS.values()) - before} answers)")


def main() -> None:
    reports = int(sys.argv[1]) if len(sys.argv) > 1 else 25_000
    rules = int(sys.argv[2]) if len(sys.argv) > 2 else 3_000
    run_seed = int(sys.argv[3]) if len(sys.argv) > 3 else random.randrange(2**32)
    print(f"seed {run_seed}")
    _run("reports", test_fuzz.test_mutated_example_reports, reports * 4 // 5, run_seed, True)
    _run("series", test_fuzz.test_mutated_series, reports - reports * 4 // 5, run_seed, False)
    _run("rule files", test_fuzz.test_mutated_rule_files, rules, run_seed, True)
    print("outcomes:", ", ".join(f"{k} {v}" for k, v in sorted(fuzzing.COUNTS.items())))
    print("no crash, hang or unprintable output")


if __name__ == "__main__":
    main()
