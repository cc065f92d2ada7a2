"""What each status, grade and exit code means: the one table every part of the checker reads.

No third-party imports: the CLI builds its choices from this module before anything heavy loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal[
    "met", "on_track", "behind", "missed", "not_reported", "unverified", "needs_review", "not_applicable",
    "not_due",
]
SarifLevel = Literal["error", "warning", "note", "none"]
JunitOutcome = Literal["passed", "failure", "skipped"]


@dataclass(frozen=True)
class StatusPolicy:
    """What a status means wherever it is scored, gated, listed or drawn."""

    in_scope: bool  # counts in the owed weight (not_applicable and not_due do not)
    failing: bool  # a failure for CI formats (JUnit failure, SARIF error or warning)
    to_fix: bool  # listed in the fix list
    sarif: SarifLevel
    junit: JunitOutcome
    color: str  # ANSI SGR code for the terminal
    css: str  # class name for the HTML report


STATUS_POLICY: dict[Status, StatusPolicy] = {
    "met": StatusPolicy(True, False, False, "none", "passed", "32", "ok"),
    "on_track": StatusPolicy(True, False, False, "none", "passed", "32", "ok"),
    "behind": StatusPolicy(True, True, True, "warning", "failure", "33", "warn"),
    "missed": StatusPolicy(True, True, True, "error", "failure", "31", "bad"),
    "not_reported": StatusPolicy(True, True, True, "error", "failure", "31", "bad"),
    # The reporter's claim without what supports it: the reporter's burden, scored as rejected.
    "unverified": StatusPolicy(True, True, True, "warning", "failure", "35", "claim"),
    # Cannot be judged from what the plan gives (no baseline, a target only an assessor can judge).
    "needs_review": StatusPolicy(True, False, True, "note", "skipped", "36", "review"),
    "not_applicable": StatusPolicy(False, False, False, "none", "skipped", "2", "muted"),
    "not_due": StatusPolicy(False, False, False, "none", "skipped", "2", "muted"),
}
STATUSES: tuple[Status, ...] = tuple(STATUS_POLICY)

# Grades, best first; None stands for 数据不足 (no grade).
Grade = Literal["优秀", "良好", "合格", "不合格"]
GRADES: tuple[Grade, ...] = ("优秀", "良好", "合格", "不合格")
FAILING_GRADE: Grade = "不合格"

# Exit statuses of every command.
EXIT_OK = 0  # every assessment passes
EXIT_FAIL = 1  # at least one assessment fails its gate
EXIT_INPUT = 2  # invalid input or usage: the problems are listed on stderr
EXIT_INTERNAL = 3  # a bug in the checker
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
EXIT_PIPE = 141  # the reader of our output went away, as shells report SIGPIPE

# What a reporter claims that an assessor must confirm (自评): each can be accepted or rejected.
Claim = Literal["completed", "quantity", "not_applicable", "verdict", "rank", "figure"]

# The outcome of one assessment, before the run's own thresholds (see docs/scoring.md).
Outcome = Literal["pass", "fail", "incomplete", "ungraded"]
# Why there is no grade: the plan lacks the data (passes, with a note), or the reporter's
# unconfirmed claims (fails: they are the reporter's to support).
UngradedCause = Literal["plan_data", "claims"]

# Why an assessment fails its gate.
GateReason = Literal["grade", "veto", "incomplete", "ungraded", "fail_under", "fail_on"]
# Which score the gate reads: raw (decisions applied, waivers not) or risk-accepted (waivers too).
ScoreBasis = Literal["raw", "risk_accepted"]
