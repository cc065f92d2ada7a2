"""Rough timings of `check`, printed (not asserted): `python benchmarks/bench_check.py [N]`.

1. one `check` of one report, as a whole process (median of 5);
2. N reports (default 1000) in one run: copies of 咸宁's 2023 mid-term report, each in its own
   folder so that they are not one series;
3. `check --help` start-up.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHECK = str(Path(sys.executable).with_name("check"))
REPORT = REPO / "submissions" / "xianning" / "2023-xianning-midterm.json"


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    help_time = statistics.median(timed([CHECK, "--help"]) for _ in range(5))
    one = statistics.median(timed([CHECK, str(REPORT), "--format", "json"]) for _ in range(5))
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            folder = Path(tmp) / f"r{i:04d}"
            folder.mkdir()
            shutil.copy(REPORT, folder / "report.json")
        many = timed([CHECK, tmp, "--format", "json"])
    rules = sum(1 for _ in (REPO / "rules").glob("*.yaml"))
    print(f"check --help:                 {help_time * 1000:7.0f} ms")
    print(f"one report (whole process):   {one * 1000:7.0f} ms  ({REPORT.name}, 269 rules owed)")
    print(f"{count} reports in one run:     {many:7.2f} s   ({many / count * 1000:.1f} ms per report; {rules} rule files available)")


if __name__ == "__main__":
    main()
