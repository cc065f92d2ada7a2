"""The speed figures of issue 14, as ratios taken in one run (printed, not asserted).

    .venv/bin/python benchmarks/bench_check.py [--bench DIR] [--rounds N]

DIR is the shared benchmark folder (default ../shared/bench beside the repository: gen_project.py,
floor.py, policy.rego). It needs orjson, fastjsonschema and regopy in this Python. Every side is
timed alternately, `--rounds` times, and the medians are compared (the machines are shared and
noisy: only ratios taken in one run mean anything):

1. batch: `check DIR --format json` on 200 and on 2000 submissions of the workload; the marginal
   cost per submission (t2000 - t200) / 1800 against the floor (orjson + fastjsonschema per
   submission, floor.py's code);
2. against rego-cpp: the Rego policy run by regopy on the same 2000 submissions, per submission,
   against the same marginal cost; every rule's status of both is compared (they must agree);
3. the real 咸宁 mid-term report, 1000 copies each in its own folder: per report (whole run / 1000)
   against its own floor (orjson + fastjsonschema with the project's submission schema);
4. cold `check one.json` (a new process, the plan cache warm) against the venv's
   `python -c "import json; json.load(open('one.json'))"`; the first run with an empty cache too;
5. peak memory (max RSS, by /usr/bin/time) of the 2000 run against the 200 run, and of 1000 咸宁 reports.

Bounds are printed beside them, what no implementation on the design card can go below:
- the JSON content alone: one assessment's record tree rebuilt at C speed (pickle.loads of the
  parsed output) and encoded (orjson, indent 2), from values already computed, per workload
  submission and per 咸宁 report, against their floors;
- the numbers alone: the figures each workload record publishes, computed in straight-line float
  code (arithmetic_loop), and the sum of reading (the floor itself), the numbers and the content:
  the least a checker writing this output in CPython spends per submission;
- the libraries alone: a process that only imports click and pydantic's BaseModel, against json.load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CHECK = str(Path(sys.executable).with_name("check"))
XIANNING = REPO / "submissions" / "xianning" / "2023-xianning-midterm.json"


def run(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Wall time (s) of one process, its output thrown away (its memory: peak_rss)."""
    start = time.perf_counter()
    code = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False).returncode
    elapsed = time.perf_counter() - start
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(args)} exited {code}")
    return elapsed


def copies(report: Path, folder: Path, count: int) -> Path:
    """`count` copies of a report, each in its own folder (as a batch has them)."""
    for i in range(count):
        (folder / f"r{i:04d}").mkdir(parents=True)
        shutil.copy(report, folder / f"r{i:04d}" / report.name)
    return folder


def peak_rss(args: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Peak RSS (KiB) of one process, by /usr/bin/time: a child forked from this process counts this
    process's own memory at the fork in its ru_maxrss (Linux), so wait4's figure would be ours."""
    with tempfile.NamedTemporaryFile("r") as out:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name, *args], cwd=cwd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return int(out.read().split()[-1])


def per_item(fn: Callable[[], None], count: int, repeat: int = 5) -> float:
    """Seconds per item of an in-process loop over `count` items (best of `repeat`: a floor)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best / count


def floor_workload(subs: list[Any]) -> Callable[[], None]:
    """floor.py's floor: orjson parse + fastjsonschema validate of each submission."""
    import fastjsonschema
    import orjson

    blobs = [orjson.dumps(s) for s in subs]
    validate = fastjsonschema.compile({"type": "object", "required": ["reporter", "year", "indicators"],
        "properties": {"reporter": {"type": "string"}, "year": {"type": "integer"},
                       "indicators": {"type": "object", "additionalProperties": {"type": "object", "required": ["value", "unit"],
                           "properties": {"value": {"type": "number"}, "unit": {"type": "string"}}}}}})

    def loop() -> None:
        for b in blobs:
            validate(orjson.loads(b))
    return loop


def floor_xianning(count: int) -> Callable[[], None]:
    """The 咸宁 report's own floor: orjson parse + fastjsonschema with the project's submission schema."""
    import fastjsonschema
    import orjson

    schema = json.loads((REPO / "checker" / "schemas" / "submission.schema.json").read_text("utf-8"))
    validate = fastjsonschema.compile(schema, use_default=False)
    blob = XIANNING.read_bytes()

    def loop() -> None:
        for _ in range(count):
            validate(orjson.loads(blob))
    return loop


def content_loop(check_cmd: list[str], cwd: Path, env: dict[str, str], count: int) -> Callable[[], None]:
    """Rebuild (pickle.loads: C speed) and encode (orjson, indent 2) the record of the report
    `check_cmd` assesses, `count` times: the cost of the output content alone."""
    import pickle

    import orjson

    out = subprocess.run(check_cmd, cwd=cwd, env=env, capture_output=True, check=False).stdout
    blob = pickle.dumps(json.loads(out)["assessments"][0])

    def loop() -> None:
        for _ in range(count):
            orjson.dumps(pickle.loads(blob), option=orjson.OPT_INDENT_2)
    return loop


def arithmetic_loop(work: Path, subs: list[Any]) -> Callable[[], None]:
    """The numbers the workload's records publish, computed straight: for each reported value, the
    linear path's expected value, the gap, the progress ratio, the actual CAGR against the
    required one, the linear projection and its gap, rounded as published, and the three numbers
    its message shows. In floats, cheaper than the exact Decimals the records need; no objects,
    no units, no statuses, no messages beyond those numbers: less than any judge of it must do."""
    import yaml

    rules = {}
    for rule in yaml.safe_load((work / "peer-bench.yaml").read_text("utf-8"))["indicators"]:
        base, target = rule["baseline"], rule["target"]
        required = round(((target["value"] / base["value"]) ** (1 / (target["year"] - base["year"])) - 1) * 100, 2)
        rules[rule["id"]] = (base["value"], target["value"], base["year"], target["year"], required)

    def loop() -> None:
        for sub in subs:
            year = sub["year"]
            for rule_id, entry in sub["indicators"].items():
                b, t, y0, y1, required = rules[rule_id]
                v = entry["value"]
                expected = b + (t - b) * (year - y0) / (y1 - y0)
                ratio = (v - b) / (expected - b)
                cagr = ((v / b) ** (1 / (year - y0)) - 1) * 100
                projected = v + (v - b) / (year - y0) * (y1 - year)
                (round(expected, 4), round(t, 4), round(v, 4), round(v - expected, 4), round(ratio, 4),
                 round(cagr, 2), round(cagr / required, 4) if required else None, round(projected, 4), round(projected - t, 4),
                 projected >= t, f"{expected:.2f}", f"{v:.2f}", f"{ratio:.2f}")
    return loop


def rego(bench: Path, work: Path, subs: list[Any]) -> tuple[float, list[dict[str, str]]]:
    """Seconds per submission of regopy on the policy, and each submission's statuses (run_peer.py's calls)."""
    import regopy

    interp = regopy.Interpreter()
    interp.add_module("policy.rego", (bench / "policy.rego").read_text("utf-8"))
    interp.add_data_json((work / "data.json").read_text("utf-8"))
    statuses: list[dict[str, str]] = []
    start = time.perf_counter()
    for s in subs:
        interp.set_input_term(json.dumps(s, ensure_ascii=False))
        out = interp.query("x = data.compliance.results")
        statuses.append({r["rule_id"]: r["status"] for r in json.loads(str(out.binding("x")))})
    return (time.perf_counter() - start) / len(subs), statuses


def agreement(project_json: bytes, rego_statuses: list[dict[str, str]]) -> tuple[int, list[str]]:
    """Rules compared, and every disagreement (submission k, rule, project's status, Rego's)."""
    doc = json.loads(project_json)
    compared, differ = 0, []
    seen = set()
    for a in doc["assessments"]:
        k = int(Path(a["submission"]).stem.split("-")[1])
        seen.add(k)
        ours = {r["rule_id"]: r["status"] for r in a["results"]}
        theirs = rego_statuses[k]
        for rid in sorted(set(ours) | set(theirs)):
            compared += 1
            if ours.get(rid) != theirs.get(rid):
                differ.append(f"sub {k} {rid}: check {ours.get(rid)}, rego {theirs.get(rid)}")
    missing = set(range(len(rego_statuses))) - seen
    differ += [f"sub {k}: not assessed by check" for k in sorted(missing)]
    if doc["errors"]:
        differ.append(f"check reported {len(doc['errors'])} input errors, first: {doc['errors'][0]}")
    return compared, differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not Path("/usr/bin/time").exists():
        raise SystemExit("needs /usr/bin/time for peak memory (Debian: apt-get install time)")
    bench: Path = args.bench.resolve()
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache")}  # a cache of this run's own
        big, small = tmp / "w2000", tmp / "w200"
        for out, n in ((big, 2000), (small, 200)):
            subprocess.run([PYTHON, str(bench / "gen_project.py"), str(out), str(n)], check=True, stdout=subprocess.DEVNULL)
        xianning = copies(XIANNING, tmp / "xianning", 1000)
        subs = json.loads((big / "subs.json").read_text("utf-8"))

        def check(work: Path, *extra: str) -> list[str]:
            return [CHECK, *extra, "--rules", str(work / "peer-bench.yaml")]

        batch = {n: check(w, "subs", "--format", "json") for n, w in ((200, small), (2000, big))}
        cold_cmd = check(big, "one.json")
        bare_cmd = [PYTHON, "-c", "import json; json.load(open('one.json'))"]
        libs_cmd = [PYTHON, "-c", "import click; from pydantic import BaseModel"]
        xianning_cmd = [CHECK, str(xianning), "--format", "json"]

        # The first run with an empty cache, then every side alternately, round after round.
        first_cold = run(cold_cmd, big, env)
        times: dict[str, list[float]] = {
            k: [] for k in ("b200", "b2000", "cold", "bare", "libs", "xianning", "floor", "xfloor", "content", "xcontent", "arithmetic")
        }
        floor_loop, xfloor_loop = floor_workload(subs), floor_xianning(200)
        content = content_loop(check(big, "one.json", "--format", "json"), big, env, 200)
        arithmetic = arithmetic_loop(big, subs)
        xcontent = content_loop([CHECK, str(xianning / "r0000"), "--format", "json"], tmp, env, 20)
        for r in range(args.rounds):
            sides: list[tuple[str, Callable[[], float]]] = [
                ("floor", lambda: per_item(floor_loop, len(subs))),
                ("b200", lambda: run(batch[200], small, env)),
                ("xfloor", lambda: per_item(xfloor_loop, 200)),
                ("b2000", lambda: run(batch[2000], big, env)),
                ("cold", lambda: statistics.median(run(cold_cmd, big, env) for _ in range(3))),
                ("bare", lambda: statistics.median(run(bare_cmd, big, env) for _ in range(3))),
                ("libs", lambda: statistics.median(run(libs_cmd, big, env) for _ in range(3))),
                ("content", lambda: per_item(content, 200)),
                ("xcontent", lambda: per_item(xcontent, 20)),
                ("arithmetic", lambda: per_item(arithmetic, len(subs))),
                ("xianning", lambda: run(xianning_cmd, tmp, env) / 1000),
            ]
            for name, side in (sides if r % 2 == 0 else sides[::-1]):
                times[name].append(side())
            print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)
        rss = {"b200": peak_rss(batch[200], small, env), "b2000": peak_rss(batch[2000], big, env),
               "xianning": peak_rss(xianning_cmd, tmp, env)}
        peer, rego_statuses = rego(bench, big, subs)
        ours = subprocess.run(batch[2000], cwd=big, env=env, capture_output=True, check=False).stdout
        compared, differ = agreement(ours, rego_statuses)

    m = {k: statistics.median(v) for k, v in times.items()}
    marginal = (m["b2000"] - m["b200"]) / 1800
    us, ms = 1e6, 1e3
    print(f"\nmedians of {args.rounds} rounds (times for reference; the figures are the ratios)\n")
    print("| figure | measured | target |")
    print("|---|---|---|")
    print(f"| batch marginal per submission 200→2000 | {marginal * us:.0f} µs = {marginal / m['floor']:.1f}× the floor ({m['floor'] * us:.1f} µs) | ≤ 10× |")
    print(f"| against rego-cpp ({peer * ms:.1f} ms a submission) | {peer / marginal:.0f}× faster | ≥ 100× |")
    print(f"| 咸宁 mid-term, per report in a batch of 1000 | {m['xianning'] * ms:.2f} ms = {m['xianning'] / m['xfloor']:.1f}× its floor ({m['xfloor'] * ms:.3f} ms) | ≤ 5× |")
    print(f"| cold `check one.json` against json.load | {m['cold'] * ms:.0f} ms = {m['cold'] / m['bare']:.1f}× ({m['bare'] * ms:.0f} ms; first run, empty cache: {first_cold * ms:.0f} ms = {first_cold / m['bare']:.1f}×) | ≤ 4× |")
    print(f"| peak memory 2000 against 200 | {rss['b2000'] / 1024:.0f} MB against {rss['b200'] / 1024:.0f} MB = {100 * (rss['b2000'] / rss['b200'] - 1):+.0f} % (1000 咸宁: {rss['xianning'] / 1024:.0f} MB) | within 10 % |")
    print("\nbounds: what the design card's tools cost before any judging (the ratios against the same floors)\n")
    print("| bound | measured | target |")
    print("|---|---|---|")
    print(f"| the workload's JSON content alone, per submission | {m['content'] * us:.0f} µs = {m['content'] / m['floor']:.1f}× the floor | ≤ 10× |")
    print(f"| the workload's numbers alone (in floats), per submission | {m['arithmetic'] * us:.0f} µs = {m['arithmetic'] / m['floor']:.1f}× the floor | ≤ 10× |")
    least = m["floor"] + m["arithmetic"] + m["content"]
    print(f"| reading (the floor) + the numbers + the content, per submission | {least * us:.0f} µs = {least / m['floor']:.1f}× the floor; {peer / least:.0f}× faster than rego-cpp | ≤ 10×; ≥ 100× |")
    print(f"| the 咸宁 report's JSON content alone | {m['xcontent'] * ms:.2f} ms = {m['xcontent'] / m['xfloor']:.1f}× its floor | ≤ 5× |")
    print(f"| importing click and pydantic's BaseModel | {m['libs'] * ms:.0f} ms = {m['libs'] / m['bare']:.1f}× json.load | ≤ 4× |")
    verdict = "agree" if not differ else f"DISAGREE on {len(differ)}"
    print(f"\nstatuses against the Rego policy, 2000 submissions: {compared} rules compared, {verdict}")
    for line in differ[:20]:
        print("  " + line)
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
