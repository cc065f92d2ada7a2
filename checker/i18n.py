"""The one message catalogue: every sentence and label users read, Chinese first, English available.

Judgements carry a message key and its parameters (`Msg`); only the output layer renders them, in
the language it is asked for. A test checks that every key has both languages with the same
parameters, and that every key the code uses exists.
"""

from __future__ import annotations

from decimal import Decimal
from string import Formatter
from typing import Any, Literal

from checker.judgement import Msg

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # Judgements: what a kind, an obligation, a trend or a pass found.
    # indicators
    "reached": ("{year}年实际 {actual}{unit},已达到目标({cmp} {target}{unit})。",
                "{year}: {actual} {unit}, target reached ({cmp} {target} {unit})."),
    "final_missed": ("{year}年实际 {actual}{unit},未达到目标({cmp} {target}{unit}),差 {gap}{unit}。",
                     "{year}: {actual} {unit}, target missed ({cmp} {target} {unit}) by {gap} {unit}."),
    "on_path": ("{year}年应达 {expected}{unit}(序时进度),实际 {actual}{unit},进度比 {ratio}({progress})。",
                "{year}: expected {expected} {unit} on the path to the target, actual {actual} {unit}, progress ratio {ratio} ({progress})."),
    "hold_floor": ("目标({cmp} {target}{unit})低于基期值,按底线判断:{year}年实际 {actual}{unit}。",
                   "the target ({cmp} {target} {unit}) is below the baseline, so it is judged as a floor: {year}: {actual} {unit}."),
    "no_baseline_mid": ("规划未给出基期值,{year}年实际 {actual}{unit},无法判断序时进度,目标年({target_year})再判定。",
                        "the plan gives no baseline: {year}: {actual} {unit}; progress cannot be judged before the target year ({target_year})."),
    "not_reported": ("未填报该项。", "not reported."),
    "not_due": ("{year}年尚未进入考核期。", "not due in {year}."),
    "cagr": ("{start}—{year}年年均增长 {cagr}%,要求{cmp} {rate}%。",
             "average annual growth {start}-{year}: {cagr}%; required {cmp} {rate}%."),
    "cagr_unknown": ("缺少可计算年均增长的数值(需基期值为正),请补报历年数据。",
                     "average growth cannot be computed (a positive baseline value is needed); report the earlier years."),
    "rate_reported": ("{year}年增长率 {actual}%,要求{cmp} {rate}%。", "{year}: growth rate {actual}%; required {cmp} {rate}%."),
    "steady_ok": ("{years}年逐年增长。", "rose every year {years}."),
    "steady_fell": ("{year}年为 {actual}{unit},较{prev_year}年的 {prev}{unit} 未增长。",
                    "{year}: {actual} {unit}, not above {prev_year}'s {prev} {unit}."),
    "steady_no_history": ("缺少上一年度数值,无法判断是否稳步增长,请补报 {prev_year} 年数据。",
                          "no value for the year before, so steady growth cannot be judged; report {prev_year}."),
    "verdict": ("评审结论:{verdict}。", "assessor's verdict: {verdict}."),
    "rank_ok": ("报告排名第 {rank},要求前 {rank_at_most} 名。", "reported rank {rank}; required top {rank_at_most}."),
    "rank_missed": ("报告排名第 {rank},未进入前 {rank_at_most} 名。", "reported rank {rank}; not in the top {rank_at_most}."),
    "qualitative_review": ("定性目标,需评审结论(verdict)或排名(rank)方可判定。",
                           "a qualitative target: it needs an assessor's verdict or a reported rank."),
    "no_increase": ("{year}年实际 {actual}{unit},未高于基期值 {baseline}{unit}。",
                    "{year}: {actual} {unit}, not above the baseline {baseline} {unit}."),
    "multiple": ("目标为 {base_year} 年值 {base}{unit} 的 {factor} 倍,即 {target}{unit}。",
                 "the target is {factor} × {base_year}'s {base} {unit} = {target} {unit}."),
    "cumulative_fell": ("累计值 {year}年 {actual}{unit} 低于 {prev_year}年 {prev}{unit}:累计数不应下降,疑似误填了年度值。",
                        "the running total fell from {prev} {unit} ({prev_year}) to {actual} {unit} ({year}): probably an annual figure reported as cumulative."),
    "missing_years": ("缺少 {years} 年的年度新增数,累计新增按已知年份计算。",
                      "annual additions for {years} are missing; the total counts the known years only."),
    "revision": ("{year}年数值已修订:原报 {old}{unit}({old_source}),现报 {new}{unit}({new_source}),按修订值计算。",
                 "{year} revised: first reported {old} {unit} ({old_source}), now {new} {unit} ({new_source}); the revised figure is used."),
    "early_warning": ("预警:约束性指标按现有趋势预计{year}年为 {value}{unit},将差 {gap}{unit} 未达目标。",
                      "early warning: at the current trend this binding indicator reaches {value} {unit} in {year}, missing its target by {gap} {unit}."),
    "rollup_missing": ("汇总核对:缺少 {names} 的 {year} 年报告。", "roll-up: no {year} report from {names}."),
    "rollup_exceeds": ("汇总核对:{n} 个县(市、区)合计 {parts}{unit},超过全市 {whole}{unit}(多 {diff}{unit}),数据不一致。",
                       "roll-up: {n} sub-entities sum to {parts} {unit}, more than the whole's {whole} {unit} (by {diff} {unit})."),
    "rollup_mismatch": ("汇总核对:各县(市、区)合计 {parts}{unit},与全市 {whole}{unit} 相差 {diff}{unit}。",
                        "roll-up: the sub-entities sum to {parts} {unit}, the whole reports {whole} {unit} (a difference of {diff} {unit})."),
    # obligations
    "ob_completed": ("已完成。", "completed."),
    "ob_in_progress": ("推进中,{due}年到期。", "in progress, due {due}."),
    "ob_in_progress_late": ("到期({due}年)仍未完成。", "not completed by its due year {due}."),
    "ob_recurring_partial": ("年度任务仅部分完成。", "a yearly task only partly done."),
    "ob_not_started": ("尚未启动,{due}年到期。", "not started, due {due}."),
    "ob_not_started_late": ("到期({due}年)仍未启动。", "not started by its due year {due}."),
    "ob_recurring_missed": ("本年度未开展。", "not done this year."),
    "ob_continuous": ("持续推进中。", "ongoing."),
    "ob_not_due": ("{start}年起执行,本年度尚未到期。", "due from {start}; nothing is due yet."),
    "ob_na": ("不适用:{reason}", "not applicable: {reason}"),
    "ob_quantity": ("已完成 {actual}{unit}({what}),要求{cmp} {target}{unit}。",
                    "{actual} {unit} delivered ({what}); required {cmp} {target} {unit}."),
    "ob_quantity_path": ("已完成 {actual}{unit}({what}),序时应达 {expected}{unit},要求{due}年{cmp} {target}{unit}。",
                         "{actual} {unit} delivered ({what}); {expected} {unit} expected by now, {cmp} {target} {unit} due {due}."),
    "ob_quantity_missing": ("报告完成但未填报数量(要求{cmp} {target}{unit} {what})。",
                            "reported completed but no quantity given (required {cmp} {target} {unit} {what})."),
    "ob_no_evidence": ("报告完成但未提供佐证材料。", "reported completed without evidence."),
    "ob_no_document": ("须印发《{title}》,佐证中未见文件标题或文号。",
                       "must issue '{title}'; the evidence names no document title or number."),
    "cite": ("规划原文:“{quote}”({section})", "plan: \"{quote}\" ({section})"),
    # What to do about it (a result's fix).
    "report_value": ("请填报 {year} 年数值及单位。", "report the {year} value with its unit."),
    "raise_value": ("须提升至少 {gap}{unit} 才能达到 {year} 年序时要求。", "needs {gap} {unit} more to be on the {year} path."),
    "lower_value": ("须降低至少 {gap}{unit} 才能达到 {year} 年序时要求。", "needs {gap} {unit} less to be on the {year} path."),
    "missed_target": ("未完成规划目标,请说明原因并提出整改措施。", "target missed: explain why and state corrective measures."),
    "give_verdict": ("请附评审结论(verdict)或排名(rank)。", "attach an assessor's verdict or a reported rank."),
    "report_history": ("请在 history 中补报 {years} 年数值。", "add the {years} values under history."),
    "add_evidence": ("请补充佐证材料(文件标题、文号、日期或链接)。", "add evidence (title, 文号, date or link)."),
    "add_document": ("请提供《{title}》的标题和文号。", "give the title and 文号 of '{title}'."),
    "add_quantity": ("请填报已完成数量 quantity 及单位。", "report the quantity delivered and its unit."),
    "start_task": ("请尽快启动并报告进展。", "start it and report progress."),
    "finish_task": ("请说明未完成原因并明确完成时限。", "explain the delay and set a completion date."),
    "report_obligation": ("请填报该任务的完成状态及佐证。", "report this task's status and evidence."),
}

WORDS: dict[str, tuple[str, str]] = {
    # The terminal report's headings and phrases.
    "year": ("{year} 年度", "year {year}"),
    "file": ("文件", "file"),
    "illustrative": ("示例数据", "illustrative data"),
    "status": ("状态", "status"),
    "rule": ("编号", "rule"),
    "name": ("名称", "name"),
    "expected": ("应达", "expected"),
    "actual": ("实际", "actual"),
    "score": ("得分", "score"),
    "total": ("总分", "score"),
    "grade": ("等级", "grade"),
    "no_grade": ("数据不足,不评等级", "insufficient data, no grade"),
    "passed": ("通过", "passed"),
    "failed": ("不通过", "FAILED"),
    "veto": ("一票否决(约束性指标未完成)", "veto (binding indicators missed)"),
    "review_share": ("待审核权重占比", "weight needing review"),
    "to_fix": ("需整改", "to fix"),
    "nothing_to_fix": ("无需整改。", "nothing to fix."),
    "trend": ("趋势", "trends"),
    "projected": ("预计{year}年 {value}{unit},{verdict}", "projected {value} {unit} in {year}, {verdict}"),
    "reaches": ("可达标", "reaching the target"),
    "misses": ("差 {gap}{unit}", "missing by {gap} {unit}"),
    "cagr": ("年均增速 {actual}% / 需 {required}%", "CAGR {actual}% / needs {required}%"),
    "findings": ("核对发现", "findings"),
    "gate_fail_under": ("低于 --fail-under 门槛", "below the --fail-under threshold"),
    "gate_fail_on": ("触发 --fail-on 状态", "a --fail-on status"),
    "summary": ("共检查 {n} 份报告:{ok} 份通过,{bad} 份不通过,{err} 个输入错误。",
                "{n} report(s) checked: {ok} passed, {bad} failed, {err} input error(s)."),
    # The rule catalog (`checker rules`, `checker explain`).
    "due": ("期限 {year}", "due {year}"),
    "plan": ("规划", "plan"),
    "catalog_counts": ("{indicators} 项指标,{obligations} 项任务", "{indicators} indicators, {obligations} obligations"),
    # Outputs for every audience (summary, HTML, CSV/XLSX, CI formats), progress and the catalog page.
    "progress": ("检查", "checking"),
    "progress_unit": ("份", "file"),
    "skipped": ("已跳过", "skipped"),
    "reporter": ("报送主体", "reporter"),
    "year_col": ("年度", "year"),
    "outcome": ("结论", "outcome"),
    "counts": ("各状态数量", "counts by status"),
    "overview": ("总览", "overview"),
    "report_title": ("规划实施合规检查报告", "Plan compliance report"),
    "generated_by": ("由 plan-compliance-checker {version} 生成", "generated by plan-compliance-checker {version}"),
    "categories": ("分类得分", "scores by category"),
    "indicators": ("指标", "indicators"),
    "obligations": ("任务", "obligations"),
    "responsible": ("责任单位", "responsible units"),
    "all": ("全部", "all"),
    "message": ("说明", "message"),
    "fix": ("整改", "fix"),
    "plan_sentences": ("规划原文", "the plan's sentences"),
    "section": ("出处", "section"),
    "roster": ("未报送名单", "roster: no report sent"),
    "roster_note": ("规划中负有规则、但本批次没有报告的单位(按报送年度)。",
                    "Entities that owe rules under the plan but sent no report in this batch (by year)."),
    "roster_none": ("本批次中所有负有规则的单位均已报送。", "every entity that owes rules sent a report in this batch."),
    "owed": ("应承担规则", "rules owed"),
    "missing_years": ("缺报年度", "years missing"),
    "input_errors": ("输入错误", "input errors"),
    "chart_path": ("路径(基期→目标)", "path (baseline → target)"),
    "chart_expected": ("本年应达", "expected this year"),
    "chart_actual": ("实际", "actual"),
    "chart_projection": ("预测", "projection"),
    "chart_target": ("目标", "target"),
    "history": ("历年", "history"),
    "points": ("得分", "points"),
    "unit": ("单位", "unit"),
    "plan_id": ("规划编号", "plan id"),
    "line": ("行", "line"),
    "reports_by_plan": ("{n} 份报告", "{n} report(s)"),
    "junit_errors": ("输入错误", "input errors"),
    "github_summary": ("{n} 份报告:{ok} 份通过,{bad} 份不通过,{err} 个输入错误", "{n} report(s): {ok} passed, {bad} failed, {err} input error(s)"),
    "md_failing": ("不通过的规则", "failing rules"),
    "md_none_failing": ("没有不通过的规则。", "no failing rule."),
    "only_failing_note": ("(仅列出不通过的规则)", "(failing rules only)"),
    # `checker explain`: one rule as a page.
    "ex_rule_type": ("类型", "type"),
    "ex_indicator": ("指标", "indicator"),
    "ex_obligation": ("任务", "obligation"),
    "ex_kind": ("指标类别", "kind"),
    "ex_subject": ("责任主体", "subject"),
    "ex_category": ("类别", "category"),
    "ex_weight": ("权重", "weight"),
    "ex_target": ("目标", "target"),
    "ex_target_value": ("{year} 年{cmp} {value}{unit}", "{cmp} {value} {unit} by {year}"),
    "ex_due": ("{year} 年前完成", "due by {year}"),
    "ex_baseline": ("基期", "baseline"),
    "ex_baseline_value": ("{year} 年 {value}{unit}", "{value} {unit} in {year}"),
    "ex_attribute": ("属性", "attribute"),
    "ex_aspirational": ("力争目标", "aspirational (力争)"),
    "ex_additive": ("可加总", "additive"),
    "ex_yes": ("是", "yes"),
    "ex_no": ("否", "no"),
    "ex_aliases": ("别名", "aliases"),
    "ex_recurrence": ("周期", "recurrence"),
    "ex_deliverable": ("成果", "deliverable"),
    "ex_source": ("规划原文", "the plan says"),
    "ex_interpretation": ("解释", "interpretation"),
    "rules_for": ("{reporter} 在 {plan} 中承担的规则({n} 条)", "what {reporter} owes under {plan} ({n} rules)"),
    "role": ("角色", "role"),
    "results": ("结果", "results"),
    "failing_n": ("不通过规则数", "failing rules"),
}

# Closed sets, by namespace: status, progress, grade, cmp (comparator), attribute, role, kind, recurrence, deliverable.
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "met": ("达标", "met"),
        "on_track": ("序时达标", "on track"),
        "behind": ("滞后", "behind"),
        "missed": ("未达标", "missed"),
        "not_reported": ("未填报", "not reported"),
        "needs_review": ("待审核", "needs review"),
        "not_applicable": ("不适用", "not applicable"),
        "not_due": ("未到期", "not due"),
    },
    "progress": {
        "achieved": ("已达成", "achieved"),
        "on_schedule": ("符合序时进度", "on schedule"),
        "lagging": ("进度滞后", "lagging"),
        "seriously_lagging": ("严重滞后", "seriously lagging"),
        "moving_away": ("背离目标", "moving away"),
    },
    "grade": {
        "优秀": ("优秀", "excellent"),
        "良好": ("良好", "good"),
        "合格": ("合格", "pass"),
        "不合格": ("不合格", "fail"),
    },
    "cmp": {
        ">=": ("不低于", "at least"),
        ">": ("高于", "above"),
        "<=": ("不高于", "at most"),
        "<": ("低于", "below"),
    },
    "attribute": {"expected": ("预期性", "expected"), "binding": ("约束性", "binding")},
    "role": {
        "subject": ("责任主体", "subject"),
        "lead": ("牵头", "lead"),
        "support": ("配合", "support"),
        "joint": ("共同负责", "joint"),
    },
    # Outputs for every audience: the kinds of a rule, recurrences and deliverables, as the catalog page shows them.
    "kind": {
        "level": ("存量", "level"),
        "flow": ("年度量", "annual flow"),
        "cumulative": ("累计", "cumulative"),
        "increment": ("新增", "increment"),
        "growth_rate": ("年均增长", "average growth"),
        "multiple": ("倍数(翻番)", "multiple"),
        "steady_growth": ("稳步增长", "steady growth"),
        "qualitative": ("定性", "qualitative"),
        "obligation": ("任务", "obligation"),
    },
    "recurrence": {
        "once": ("一次性", "once"),
        "annual": ("每年", "annual"),
        "periodic": ("定期", "periodic"),
        "continuous": ("持续", "continuous"),
    },
    "deliverable": {
        "quantity": ("数量", "quantity"),
        "document": ("文件", "document"),
        "activity": ("工作", "activity"),
    },
}
# Message parameters whose values are keys of a label namespace, rendered as that label.
_LABELLED_PARAMS = {"cmp": "cmp", "progress": "progress", "verdict": "status"}


def fmt_number(value: Decimal | float | int | None) -> str:
    """A number as users read it: at most two decimals, no trailing zeros, no exponent."""
    if value is None:
        return "—"
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = f"{d.quantize(Decimal('0.01')):f}" if d != d.to_integral_value() else f"{d.to_integral_value():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "zh" else pair[1]


def render(msg: Msg, lang: Lang) -> str:
    """A judgement's message (or fix) as a sentence in the language asked for."""
    values = {k: _localise(k, v, lang) for k, v in msg.params}
    return _pick(MESSAGES[msg.key], lang).format(**values)


def _localise(key: str, value: Any, lang: Lang) -> str:
    if key in _LABELLED_PARAMS:
        return label(_LABELLED_PARAMS[key], value, lang)
    if isinstance(value, (Decimal, float, int)) and not isinstance(value, bool):
        return fmt_number(value)
    return str(value)


def label(namespace: str, key: str, lang: Lang) -> str:
    """The label of a member of a closed set (a status, a grade, a comparator…)."""
    return _pick(LABELS[namespace][key], lang)


def word(key: str, lang: Lang, **params: object) -> str:
    """A heading or phrase of the reports, with its parameters filled in."""
    return _pick(WORDS[key], lang).format(**params)


def parameters(template: str) -> frozenset[str]:
    """The names a template uses, for the catalogue's own test."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)
