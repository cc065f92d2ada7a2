"""Instructions per report, counted by valgrind's callgrind: the same count whatever else the
machine is doing, so a change's effect shows where bench_check.py's timings swing by tens of
per cent. For A/B work on speed; the issue's figures are bench_check.py's.

    .venv/bin/python benchmarks/bench_instructions.py [--reports N]

For the real 咸宁 mid-term report and for one workload submission (../shared/bench), it runs
`check DIR --format json` on 1 and on 1 + N copies (each in its own folder, as a batch has them)
and prints the difference per report, the start (plan cache warm) excluded; and the same for the
floor (orjson + fastjsonschema, bench_check.py's code). Needs valgrind; ~1 minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench_check import CHECK, PYTHON, REPO, XIANNING, copies

FLOOR = """
import sys
sys.path.insert(0, {bench!r})
import bench_check
bench_check.floor_xianning({count})()
"""


def instructions(args: list[str], cwd: Path, env: dict[str, str]) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    ).stderr
    found = re.search(r"Collected : (\d+)", out)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {' '.join(args)}:\n{out[-2000:]}")
    return int(found[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--reports", type=int, default=10)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind (Debian: apt-get install valgrind)")
    n = args.reports
    with tempfile.TemporaryDirectory(prefix="bench-instr-") as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache"), "PYTHONHASHSEED": "0"}
        subprocess.run([PYTHON, str(args.bench / "gen_project.py"), str(tmp / "w"), "1"], check=True, stdout=subprocess.DEVNULL)
        rules = ["--rules", str(tmp / "w" / "peer-bench.yaml")]
        cases = {
            "咸宁 mid-term report": (XIANNING, []),
            "one workload submission": (tmp / "w" / "one.json", rules),
        }
        print(f"instructions per report (check DIR --format json, {n} reports more than 1):\n")
        for label, (report, extra) in cases.items():
            small, big = copies(report, tmp / f"{label}-1", 1), copies(report, tmp / f"{label}-n", n + 1)
            subprocess.run([CHECK, str(small), *extra], env=env, stdout=subprocess.DEVNULL, check=False)  # fill the cache
            per = (instructions([CHECK, str(big), "--format", "json", *extra], tmp, env)
                   - instructions([CHECK, str(small), "--format", "json", *extra], tmp, env)) // n
            print(f"  {label}: {per / 1e6:.1f} M")
        floor = [PYTHON, "-c"]
        bench = str(Path(__file__).resolve().parent)
        per = (instructions([*floor, FLOOR.format(bench=bench, count=n + 1)], tmp, env)
               - instructions([*floor, FLOOR.format(bench=bench, count=1)], tmp, env)) // n
        print(f"  the 咸宁 report's floor (orjson + fastjsonschema): {per / 1e6:.1f} M")


if __name__ == "__main__":
    main()
