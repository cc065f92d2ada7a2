"""The assessor's decisions: loading with located errors, verdicts, evidence decisions, waivers,
outcomes, and the properties that keep a reporter from raising its own assessment."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.catalog import Catalog
from checker.decisions import DecisionsError, DecisionSet, load_decisions
from checker.engine.judge import evaluate
from checker.engine.reporter import resolve_reporter
from checker.gates import GateOptions
from checker.judgement import JudgedReport
from checker.locations import SourceMap
from checker.models import results
from checker.models.submission import Submission
from checker.output.records import assessment_record
from checker.passes import passes_for, run_passes
from checker.rulefile import Plan, load_rule_file
from checker.run import CheckArgs, _scored, assess
from checker.series import Report
from tests.harness import run_check

PLAN = """\
schema_version: 1
plan:
  id: decide
  title: 评审测试规划
  issuer: 测试
  published: 2021-01-01
  period: {start: 2021, end: 2025, baseline: 2020}
  jurisdiction: city
  source: {file: seed.txt}
scoring: {max_unassessable_share: 0.25}
entities:
  - {id: city, name: 测试市, type: jurisdiction}
  - {id: ka, name: 甲局, type: department}
  - {id: kb, name: 乙局, type: department}
categories:
  - {id: c, name: 类}
indicators:
  - {id: Q-RANK, name: 保护水平, kind: qualitative, unit: 名, subject: city, rank_at_most: 5,
     target: {year: 2025, comparator: "<="}, category: c, responsible: {lead: [ka]},
     source: {document: seed.txt, section: 甲, quote: 全省前列}}
  - {id: L-NOBASE, name: 无基期指标, kind: level, unit: 件, subject: city, target: {value: 100, year: 2025, comparator: ">="},
     category: c, responsible: {lead: [ka]}, source: {document: seed.txt, section: 甲, quote: 达到100件}}
  - {id: L-A, name: 有基期指标, kind: level, unit: 件, subject: city, baseline: {value: 0, year: 2020},
     target: {value: 50, year: 2025, comparator: ">="}, category: c, responsible: {lead: [ka]},
     source: {document: seed.txt, section: 甲, quote: 达到50件}}
obligations:
  - {id: O-A, title: 开展宣传, category: c, responsible: {lead: [ka]}, source: {document: seed.txt, section: 乙, quote: 开展宣传}}
  - {id: O-B, title: 建立机制, category: c, responsible: {lead: [ka]}, source: {document: seed.txt, section: 乙, quote: 建立机制}}
  - {id: O-DOC, title: 制发方案, category: c, responsible: {lead: [ka]}, deliverable: {type: document, title: 实施方案},
     source: {document: seed.txt, section: 乙, quote: 制发方案}}
  - {id: O-KB, title: 乙局任务, category: c, responsible: {lead: [kb]}, source: {document: seed.txt, section: 乙, quote: 乙局任务}}
"""
AS_OF = dt.date(2026, 6, 30)
WHO = {"assessor": {"name": "王评审", "unit": "考核组"}, "date": "2026-01-10", "basis": "考核通报"}
EVIDENCE = [{"title": "工作总结", "doc_number": "测〔2023〕1号"}]


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "decide.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def plan(rules: Path) -> Plan:
    return load_rule_file(rules)


def decisions_file(tmp_path: Path, *entries: dict[str, Any], name: str = "d.yaml") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"schema_version": 1, "decisions": list(entries)}, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def decision(kind: str, rules: list[str], reporter: str = "测试市", years: list[int] | None = None, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "plan": "decide", "rules": rules, "reporter": reporter, "years": years or [2023], **WHO, **fields}


def submission(year: int = 2023, reporter: str = "测试市", indicators: list[dict[str, Any]] | None = None,
               obligations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"plan": "decide", "reporter": reporter, "year": year, "indicators": indicators or [], "obligations": obligations or []}


def judged(plan: Plan, data: dict[str, Any], decisions: DecisionSet = DecisionSet(), as_of: dt.date = AS_OF,
           times: int = 1) -> results.Assessment:
    sub = Submission.model_validate(data)
    report = Report(Path("r.json"), sub, plan, resolve_reporter(plan, sub, "r.json"), SourceMap("r.json"))
    batch = [JudgedReport(report, evaluate(report).judgements)]
    for _ in range(times):
        batch = run_passes(batch, passes_for(decisions, as_of))
    return assessment_record(_scored(batch[0], GateOptions()), "zh")


def loaded(rules: Path, path: Path) -> DecisionSet:
    return load_decisions([path], Catalog(rules))


def rule(a: results.Assessment, rule_id: str) -> results.RuleResult:
    return next(r for r in a.results if r.rule_id == rule_id)


FULL = submission(indicators=[{"id": "Q-RANK", "rank": 3}, {"id": "L-NOBASE", "value": 40, "unit": "件"},
                              {"id": "L-A", "value": 30, "unit": "件"}],
                  obligations=[{"id": "O-A", "status": "completed", "evidence": EVIDENCE},
                               {"id": "O-B", "status": "completed"}, {"id": "O-DOC", "status": "in_progress"},
                               {"id": "O-KB", "status": "in_progress"}])


# --- loading ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("entry", "place", "message"),
    [
        (decision("verdict", ["NOPE"], verdict="met"), "$.decisions[0].rules", "规划 decide 中没有规则 NOPE"),
        (decision("verdict", ["L-A"], verdict="met"), "$.decisions[0].rules", "评审结论只适用于定性指标,L-A 不是"),
        (decision("evidence", ["O-A"], claim="verdict", decision="accept", reason="r"), "$.decisions[0].claim", "O-A 是任务,没有“verdict”主张"),
        (decision("verdict", ["Q-RANK"], reporter="丙局", verdict="met"), "$.decisions[0].reporter", "规划 decide 中没有报送主体“丙局”"),
        (decision("verdict", ["Q-RANK"], years=[2030], verdict="met"), "$.decisions[0].years", "年份 2030 不在规划期 2021—2025 内"),
        ({**decision("verdict", ["Q-RANK"], verdict="met"), "plan": "elsewhere"}, "$.decisions[0].plan", "未知规划 elsewhere"),
        (decision("verdict", ["Q-RANK"]), "$.decisions[0]", "须给出结论 verdict 或排名 rank 之一"),
        (decision("waiver", ["O-A"], justification="j", approver="a"), "$.decisions[0]", "缺少必填字段:expires"),
        ({**decision("verdict", ["Q-RANK"], verdict="met"), "basis": " "}, "$.decisions[0].basis", "格式不符"),
    ],
)
def test_a_bad_decision_is_located(tmp_path: Path, rules: Path, entry: dict[str, Any], place: str, message: str) -> None:
    path = decisions_file(tmp_path, entry)
    with pytest.raises(DecisionsError) as caught:
        loaded(rules, path)
    [problem] = caught.value.problems
    key = place.rpartition(".")[2]
    text = path.read_text(encoding="utf-8").splitlines()
    line = 4 if key == "decisions[0]" else next(i for i, t in enumerate(text, 1) if t.strip().startswith(f'"{key}"'))
    assert (problem.place, problem.line) == (place, line)
    assert problem.zh.startswith(message)


def test_two_decisions_on_one_claim_conflict(tmp_path: Path, rules: Path) -> None:
    accept = decision("evidence", ["O-B"], claim="completed", decision="accept", reason="r")
    reject = {**accept, "decision": "reject"}
    with pytest.raises(DecisionsError) as caught:
        loaded(rules, decisions_file(tmp_path, accept, reject))
    assert [p.zh for p in caught.value.problems] == [f"与 {tmp_path / 'd.yaml'}:4 的评审决定重复(O-B,2023 年)"]
    assert [(p.file, p.line) for p in caught.value.problems] == [(str(tmp_path / "d.yaml"), 24)]


def test_a_decision_naming_the_reporter_overrides_one_for_every_reporter(tmp_path: Path, rules: Path, plan: Plan) -> None:
    everyone = decision("verdict", ["Q-RANK"], reporter="*", verdict="missed")
    named = decision("verdict", ["Q-RANK"], verdict="met")
    found = loaded(rules, decisions_file(tmp_path, everyone, named))
    assert rule(judged(plan, FULL, found), "Q-RANK").status == "met"  # 测试市 is named
    others = loaded(rules, decisions_file(tmp_path, everyone, {**named, "reporter": "甲局"}, name="o.yaml"))
    assert rule(judged(plan, FULL, others), "Q-RANK").status == "behind"  # only the general one applies


def test_a_broken_decisions_file_stops_the_run(tmp_path: Path, rules: Path) -> None:
    (tmp_path / "r.json").write_text(json.dumps(FULL, ensure_ascii=False), encoding="utf-8")
    bad = decisions_file(tmp_path, decision("verdict", ["NOPE"], verdict="met"), name="bad.yaml")
    assessed, run, _ = run_check(CheckArgs((str(tmp_path / "r.json"),), rules, decisions=(bad,)))
    assert (assessed, run.exit_code) == ([], 2)


# --- applying --------------------------------------------------------------------------------

def test_self_assessment_is_a_claim_until_confirmed(tmp_path: Path, rules: Path, plan: Plan) -> None:
    claimed = rule(judged(plan, FULL), "Q-RANK")
    assert (claimed.status, claimed.claim, claimed.score) == ("unverified", "rank", None)
    confirm = decision("evidence", ["Q-RANK"], claim="rank", decision="accept", reason="与通报一致")
    confirmed = rule(judged(plan, FULL, loaded(rules, decisions_file(tmp_path, confirm))), "Q-RANK")
    assert (confirmed.status, confirmed.score, confirmed.claim) == ("met", 100.0, None)
    [adj] = confirmed.adjustments
    assert (adj.step, adj.before, adj.after, adj.ref) == ("evidence", "unverified", "met", f"{tmp_path / 'd.yaml'}:4")
    assert adj.reason == "评审认可:与通报一致——王评审(考核组,2026-01-10),依据:考核通报"


@pytest.mark.parametrize(
    ("year", "found", "status"),
    [(2023, {"verdict": "met"}, "met"), (2023, {"verdict": "missed"}, "behind"), (2025, {"verdict": "missed"}, "missed"),
     (2023, {"rank": 8}, "behind"), (2025, {"rank": 2}, "met")],
)
def test_the_assessors_verdict_decides(tmp_path: Path, rules: Path, plan: Plan, year: int, found: dict[str, Any], status: str) -> None:
    verdict = decision("verdict", ["Q-RANK"], years=[year], **found)
    got = rule(judged(plan, {**FULL, "year": year}, loaded(rules, decisions_file(tmp_path, verdict))), "Q-RANK")
    assert got.status == status


@pytest.mark.parametrize(
    ("rule_id", "claim", "accept", "status", "score"),
    [("O-B", "completed", True, "met", 100.0), ("O-B", "completed", False, "behind", 0.0)],
)
def test_evidence_decisions(tmp_path: Path, rules: Path, plan: Plan, rule_id: str, claim: str, accept: bool, status: str, score: float) -> None:
    entry = decision("evidence", [rule_id], claim=claim, decision="accept" if accept else "reject", reason="查阅材料")
    got = rule(judged(plan, FULL, loaded(rules, decisions_file(tmp_path, entry))), rule_id)
    assert (got.status, got.score) == (status, score)


def test_a_decision_about_a_claim_not_made_changes_nothing_and_says_so(tmp_path: Path, rules: Path, plan: Plan) -> None:
    entry = decision("evidence", ["O-A"], claim="completed", decision="reject", reason="r")
    got = rule(judged(plan, FULL, loaded(rules, decisions_file(tmp_path, entry))), "O-A")
    assert (got.status, got.adjustments) == ("met", [])
    assert [f.code for f in got.findings] == ["decision_unmatched"]


def test_not_applicable_is_a_claim_unless_the_plan_says_when(tmp_path: Path, rules: Path, plan: Plan) -> None:
    data = {**FULL, "obligations": [*FULL["obligations"][:2], {"id": "O-DOC", "status": "not_applicable", "reason": "无此任务"}]}
    assert (rule(judged(plan, data), "O-DOC").status, rule(judged(plan, data), "O-DOC").score) == ("unverified", 0.0)
    accept = decision("evidence", ["O-DOC"], claim="not_applicable", decision="accept", reason="确无此任务")
    assert rule(judged(plan, data, loaded(rules, decisions_file(tmp_path, accept))), "O-DOC").status == "not_applicable"
    said = load_rule_file(_plan_with(tmp_path, "  - {id: O-DOC, title: 制发方案, category: c, responsible: {lead: [ka]},"
                                               " not_applicable_when: 未设立园区的县, "))
    assert rule(judged(said, data), "O-DOC").status == "not_applicable"


def _plan_with(tmp_path: Path, doc_rule_start: str) -> Path:
    text = PLAN.replace("  - {id: O-DOC, title: 制发方案, category: c, responsible: {lead: [ka]}, ", doc_rule_start)
    path = tmp_path / "said.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_waivers_change_only_the_risk_accepted_score(tmp_path: Path, rules: Path, plan: Plan) -> None:
    waiver = decision("waiver", ["O-B"], justification="机构调整", approver="领导小组办公室", doc_number="测办〔2023〕2号",
                      expires="2026-12-31")
    a = judged(plan, FULL, loaded(rules, decisions_file(tmp_path, waiver)))
    got = rule(a, "O-B")
    assert (got.status, [(x.step, x.after) for x in got.adjustments]) == ("unverified", [("waiver", "not_applicable")])
    plain = judged(plan, FULL)
    assert a.score == plain.score
    assert a.risk_accepted is not None and a.risk_accepted.score is not None and plain.score is not None
    assert a.risk_accepted.score > plain.score


def test_an_expired_waiver_changes_nothing_and_is_reported(tmp_path: Path, rules: Path, plan: Plan) -> None:
    waiver = decision("waiver", ["O-B"], justification="j", approver="a", expires="2026-01-31")
    a = judged(plan, FULL, loaded(rules, decisions_file(tmp_path, waiver)))
    plain = judged(plan, FULL)
    assert (a.score, a.risk_accepted) == (plain.score, plain.risk_accepted)
    assert [f.code for f in rule(a, "O-B").findings] == ["waiver_expired"]


# --- outcomes --------------------------------------------------------------------------------

def test_outcomes(plan: Plan) -> None:
    rest = [{"id": "L-A", "value": 30, "unit": "件"}]
    tasks = [{"id": o, "status": "in_progress"} for o in ("O-A", "O-B", "O-DOC", "O-KB")]
    lacking = judged(plan, submission(indicators=[{"id": "L-NOBASE", "value": 40, "unit": "件"}, {"id": "Q-RANK", "note": "待考核"}, *rest],
                                      obligations=tasks))
    assert (lacking.outcome, lacking.ungraded_cause, lacking.passed, lacking.grade) == ("ungraded", "plan_data", True, None)
    claims = judged(plan, submission(indicators=[{"id": "L-NOBASE", "value": 40, "unit": "件"}, {"id": "Q-RANK", "verdict": "met"}, *rest],
                                     obligations=tasks))
    assert (claims.outcome, claims.ungraded_cause, claims.passed) == ("ungraded", "claims", False)
    sparse = judged(plan, submission(obligations=[{"id": "O-A", "status": "completed", "evidence": EVIDENCE}]))
    assert (sparse.outcome, sparse.completeness, sparse.grade, sparse.passed) == ("incomplete", 0.1429, None, False)
    assert [f.reason for f in _gate(plan, submission(obligations=[{"id": "O-A", "status": "in_progress"}])).failures] == ["incomplete"]


def _gate(plan: Plan, data: dict[str, Any]) -> Any:
    return assess(plan, Submission.model_validate(data), "r.json").gate


# --- properties ------------------------------------------------------------------------------

ENTRY_STATUS = st.sampled_from(["completed", "in_progress", "not_started"])
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def honest_reports(draw: st.DrawFn) -> dict[str, Any]:
    """Reports with real evidence where they say completed, and any subset of the owed rules."""
    obligations = []
    for rule_id in ("O-A", "O-B", "O-DOC"):
        if draw(st.booleans()):
            status = draw(ENTRY_STATUS)
            entry: dict[str, Any] = {"id": rule_id, "status": status}
            if status == "completed":
                entry["evidence"] = EVIDENCE
            obligations.append(entry)
    indicators = [{"id": "L-A", "value": draw(st.integers(0, 60)), "unit": "件"}] if draw(st.booleans()) else []
    return submission(year=draw(st.integers(2021, 2025)), indicators=indicators, obligations=obligations)


GRADE_ORDER = {None: 0, "不合格": 1, "合格": 2, "良好": 3, "优秀": 4}


def _not_above(after: results.Assessment, before: results.Assessment) -> bool:
    """Neither the score, nor the grade, nor passing is higher after than before."""
    return (
        (after.score or 0.0) <= (before.score or 0.0) + 1e-9
        and GRADE_ORDER[after.grade] <= GRADE_ORDER[before.grade]
        and (before.passed or not after.passed)
    )


def _without(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return {**data, "obligations": [o for o in data["obligations"] if o["id"] != rule_id]}


@PROPS
@given(honest_reports(), st.sampled_from(["O-A", "O-B", "O-DOC"]), st.sampled_from(["completed", "not_applicable"]))
def test_an_unsupported_claim_never_raises_score_or_grade(plan: Plan, data: dict[str, Any], rule_id: str, claim: str) -> None:
    claimed = {"id": rule_id, "status": claim, **({"reason": "无此任务"} if claim == "not_applicable" else {})}
    after = judged(plan, {**data, "obligations": [*_without(data, rule_id)["obligations"], claimed]})
    assert _not_above(after, judged(plan, _without(data, rule_id)))  # against leaving the rule out
    assert _not_above(after, judged(plan, data))  # against what the honest report said


@PROPS
@given(honest_reports())
def test_marking_rules_not_applicable_never_raises_the_grade(plan: Plan, data: dict[str, Any]) -> None:
    marked = {**data, "obligations": [{"id": o, "status": "not_applicable", "reason": "不适用"} for o in ("O-A", "O-B", "O-DOC")]}
    assert _not_above(judged(plan, marked), judged(plan, data))


@pytest.fixture(scope="module")
def every_kind(rules: Path, tmp_path_factory: pytest.TempPathFactory) -> DecisionSet:
    folder = tmp_path_factory.mktemp("decisions")
    years = [2021, 2022, 2023, 2024, 2025]
    return loaded(rules, decisions_file(
        folder,
        decision("evidence", ["O-B", "O-DOC"], years=years, claim="completed", decision="accept", reason="r"),
        decision("evidence", ["O-A"], years=years, claim="not_applicable", decision="accept", reason="r"),
        decision("verdict", ["Q-RANK"], years=years, verdict="met"),
        decision("waiver", ["L-A"], years=years, justification="j", approver="a", expires="2099-01-01"),
    ))


@PROPS
@given(honest_reports(), st.sampled_from(["乙局", "甲局"]), st.integers(2021, 2025))
def test_decisions_for_another_reporter_or_year_change_nothing(
    plan: Plan, rules: Path, every_kind: DecisionSet, data: dict[str, Any], other: str, year: int
) -> None:
    elsewhere = DecisionSet({
        key: [replace(p, decision=p.decision.model_copy(update={"years": [y for y in range(2021, 2026) if y != data["year"]] or [year]}))
              for p in placed]
        for key, placed in every_kind.by_rule.items()
    })
    assert judged(plan, data, elsewhere) == judged(plan, data)
    other_reporter = DecisionSet({key: [replace(p, reporters=frozenset({"kb"})) for p in placed]
                                  for key, placed in every_kind.by_rule.items()})
    assert judged(plan, data, other_reporter) == judged(plan, data)


@PROPS
@given(honest_reports())
def test_applying_the_same_decisions_twice_changes_nothing(plan: Plan, every_kind: DecisionSet, data: dict[str, Any]) -> None:
    assert judged(plan, data, every_kind, times=2) == judged(plan, data, every_kind)


@PROPS
@given(honest_reports(), st.dates(dt.date(2000, 1, 1), dt.date(2098, 12, 31)))
def test_an_expired_waiver_changes_nothing(plan: Plan, rules: Path, tmp_path_factory: pytest.TempPathFactory,
                                            data: dict[str, Any], expires: dt.date) -> None:
    folder = tmp_path_factory.mktemp("expired")
    waiver = decision("waiver", ["L-A", "O-A"], years=[data["year"]], justification="j", approver="a", expires=expires.isoformat())
    found = loaded(rules, decisions_file(folder, waiver))
    got = judged(plan, data, found, as_of=expires + dt.timedelta(days=1))
    plain = judged(plan, data)
    assert (got.score, got.grade, got.outcome, got.risk_accepted) == (plain.score, plain.grade, plain.outcome, plain.risk_accepted)
    assert [r.status for r in got.results] == [r.status for r in plain.results]
