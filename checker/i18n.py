"""The one message catalogue: every sentence and label users read, Chinese first, English available.

Judgements carry a message key and its parameters (`Msg`); only the output layer renders them, in
the language it is asked for. A test checks that every key has both languages with the same
parameters, and that every key the code uses exists.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache
from string import Formatter
from typing import TYPE_CHECKING, Any, Literal

from checker.echo import MAX_MESSAGE, clean

if TYPE_CHECKING:
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
    "multiple_level": ("目标为 {base_year} 年值的 {factor} 倍,规划所列目标值 {target}{unit}({base_year} 年值未知,按目标值判断)。",
                       "the target is {factor} × the {base_year} value; the plan states it as {target} {unit} (the {base_year} value is unknown, so the stated level is used)."),
    "quantity_linked": ("数量取自指标 {indicator} 的填报值。", "the quantity is the value reported for indicator {indicator}."),
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
    "ob_na_rule": ("规划规定的不适用情形:{when}", "the plan says when it does not apply: {when}"),
    "ob_na_claim": ("报告不适用(待评审确认):{reason}", "reported not applicable (awaiting an assessor): {reason}"),
    "self_verdict": ("自评结论:{verdict}(待评审确认)。", "self-assessed: {verdict} (awaiting an assessor)."),
    "self_rank": ("自报排名第 {rank}(待评审确认)。", "self-reported rank {rank} (awaiting an assessor)."),
    "claim_rejected": ("评审未认可报告的主张。", "the assessor did not accept the reported claim."),
    "ob_quantity": ("已完成 {actual}{unit}({what}),要求{cmp} {target}{unit}。",
                    "{actual} {unit} delivered ({what}); required {cmp} {target} {unit}."),
    "ob_quantity_path": ("已完成 {actual}{unit}({what}),序时应达 {expected}{unit},要求{due}年{cmp} {target}{unit}。",
                         "{actual} {unit} delivered ({what}); {expected} {unit} expected by now, {cmp} {target} {unit} due {due}."),
    "ob_quantity_missing": ("报告完成但未填报数量(要求{cmp} {target}{unit} {what})。",
                            "reported completed but no quantity given (required {cmp} {target} {unit} {what})."),
    "ob_no_evidence": ("报告完成但未提供佐证材料。", "reported completed without evidence."),
    "ob_no_document": ("须印发《{title}》,佐证中未见文件标题或文号。",
                       "must issue '{title}'; the evidence names no document title or number."),
    # The assessor's decisions (what a pass changed, and who decided it).
    "decided_verdict": ("评审结论:{assessor}({unit},{date}),依据:{basis}",
                        "assessor's verdict: {assessor} ({unit}, {date}); basis: {basis}"),
    "decided_accept": ("评审认可:{reason}——{assessor}({unit},{date}),依据:{basis}",
                       "accepted: {reason} — {assessor} ({unit}, {date}); basis: {basis}"),
    "decided_reject": ("评审未认可:{reason}——{assessor}({unit},{date}),依据:{basis}",
                       "rejected: {reason} — {assessor} ({unit}, {date}); basis: {basis}"),
    "waived": ("豁免:{justification}(批准:{approver},文号 {doc},有效期至 {expires};{assessor},{unit},{date},依据:{basis})",
               "waived: {justification} (approved by {approver}, 文号 {doc}, until {expires}; {assessor}, {unit}, {date}; basis: {basis})"),
    "waiver_expired": ("豁免已于 {expires} 到期,未予适用({ref})。", "the waiver expired on {expires} and was not applied ({ref})."),
    "decision_unmatched": ("评审决定({ref})针对“{claim}”主张,但本项没有该主张,未予适用。",
                           "the decision at {ref} is about a '{claim}' claim, which this result does not make; not applied."),
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
    "confirm_claim": ("自评须经评审确认:请附评审依据,由评审单位在评审决定中认定。", "a self-assessment needs an assessor's decision: attach what supports it."),
    "support_na": ("请附不适用的依据,由评审单位确认。", "attach what shows it does not apply, for the assessor to confirm."),
    # Real reported figures: baselines from data, history on its own, part-year figures, estimates
    # and bounds, implausible magnitudes (docs/scoring.md, docs/series.md).
    "baseline_from_data": ("规划未给出基期值,基期值取自报告:{year} 年 {value}{unit}({source})。",
                           "the plan gives no baseline: taken from the reports: {year}: {value} {unit} ({source})."),
    "base_from_data": ("规划未给出基准年数值,取自报告:{year} 年 {value}{unit}({source})。",
                       "the plan gives no base-year value: taken from the reports: {year}: {value} {unit} ({source})."),
    "multiple_no_base": ("规划未给出 {base_year} 年数值,报告也未提供,无法计算 {factor} 倍目标;请在 history 中补报 {base_year} 年数值。",
                         "neither the plan nor the reports give the {base_year} value, so the {factor}× target cannot be computed; report {base_year} under history."),
    "history_only": ("本年度未填报,仅填报了历年数据({years} 年),已计入历史序列。",
                     "not reported for this year; the prior years given ({years}) are kept in the series."),
    "on_path_at": ("截至{date}应达 {expected}{unit}(序时进度),实际 {actual}{unit},进度比 {ratio}({progress})。",
                   "by {date}: expected {expected} {unit} on the path to the target, actual {actual} {unit}, progress ratio {ratio} ({progress})."),
    "flow_pro_rata": ("截至{date}(全年已过 {share}),年初至今 {actual}{unit};{year}年全年应达 {year_expected}{unit},按时间进度折算应达 {expected}{unit},折算进度比 {ratio}({progress})。",
                      "year to date {date} ({share} of the year): {actual} {unit}; {year} should reach {year_expected} {unit}, pro rata {expected} {unit} by now, pro-rata ratio {ratio} ({progress})."),
    "flow_part_reached": ("截至{date}年初至今已达 {actual}{unit},全年必然达到目标({cmp} {target}{unit})。",
                          "year to date {date}: {actual} {unit}, so the year's total reaches the target ({cmp} {target} {unit}) whatever follows."),
    "flow_part_exceeded": ("截至{date}年初至今已达 {actual}{unit},全年必然超出目标({cmp} {target}{unit})。",
                           "year to date {date}: {actual} {unit}, so the year's total already fails the target ({cmp} {target} {unit})."),
    "flow_part_no_baseline": ("截至{date}(全年已过 {share}),年初至今 {actual}{unit};规划未给出基期值,目标年({target_year})前无法按时间进度判断。",
                              "year to date {date} ({share} of the year): {actual} {unit}; the plan gives no baseline, so progress cannot be judged before the target year ({target_year})."),
    "part_year_review": ("截至{date}(全年已过 {share})的数值 {actual}{unit} 不是全年数,增长类目标须以全年数判断。",
                         "{actual} {unit} covers the year to {date} ({share} of the year) only; a growth target is judged on the full year."),
    "report_year_end": ("年度结束后请报送 {year} 年全年数据。", "report the full-year {year} figure when the year is over."),
    "estimate_basis": ("所报为预计数:“{status}”系据预计数得出,为暂定结论,待统计确数复核。",
                       "the figure is an estimate: '{status}' rests on it and is provisional until the final figure."),
    "bound_certain": ("所报为{bound}({actual}{unit}):已足以判定达标。",
                      "the figure is a {bound} ({actual} {unit}): enough to show the target met."),
    "bound_floor": ("所报为{bound}({actual}{unit}):按此判断,实际状态不差于此,差距至多 {gap}{unit};请报告确数。",
                    "the figure is a {bound} ({actual} {unit}): judged on it, the true status is no worse, and the gap at most {gap} {unit}; report the exact figure."),
    "bound_ceiling": ("所报为{bound}({actual}{unit}):实际值更不利,状态不会好于此。",
                      "the figure is a {bound} ({actual} {unit}): the true value is further off, so the status is no better."),
    "bound_inconclusive": ("所报为{bound}({actual}{unit}),不能证明已达到要求:需报告确数方可判定。",
                           "the figure is a {bound} ({actual} {unit}), which cannot show the requirement met: the exact figure is needed."),
    "final_missed_at_most": ("{year}年实际 {actual}{unit},未达到目标({cmp} {target}{unit}),差距至多 {gap}{unit}。",
                             "{year}: {actual} {unit}, target missed ({cmp} {target} {unit}) by at most {gap} {unit}."),
    "raise_value_at_most": ("至多须再提升 {gap}{unit} 即可达到 {year} 年序时要求;请报告确数。",
                            "at most {gap} {unit} more is needed to be on the {year} path; report the exact figure."),
    "lower_value_at_most": ("至多须再降低 {gap}{unit} 即可达到 {year} 年序时要求;请报告确数。",
                            "at most {gap} {unit} less is needed to be on the {year} path; report the exact figure."),
    "report_exact": ("请报告确数(而非上限/下限)。", "report the exact figure, not a bound."),
    "magnitude": ("数量级存疑:{value}{unit} 与 {ref_year} 年的 {ref}{unit} 相差约 {factor} 倍,请核对单位与口径。",
                  "implausible magnitude: {value} {unit} is about {factor} times off {ref_year}'s {ref} {unit}; check the unit and the definition."),
    "magnitude_unit": ("数量级存疑:{value}{unit} 与 {ref_year} 年的 {ref}{unit} 相差约 {factor} 倍,疑似单位误写:若原数为 {probable} 而非 {entered},应为 {corrected}{unit}。",
                       "implausible magnitude: {value} {unit} is about {factor} times off {ref_year}'s {ref} {unit}; probably the wrong unit: if the figure was in {probable}, not {entered}, it is {corrected} {unit}."),
    "magnitude_fraction": ("数量级存疑:{value}% 约为 {ref_year} 年 {ref}% 的 1/{factor},疑似把比例的小数形式当作百分数填报:应为 {corrected}%。",
                           "implausible magnitude: {value}% is about 1/{factor} of {ref_year}'s {ref}%; probably a fraction given as a percentage: it would be {corrected}%."),
    "magnitude_percent_twice": ("数量级存疑:{value}% 约为 {ref_year} 年 {ref}% 的 {factor} 倍,疑似百分数又乘了 100:应为 {corrected}%。",
                                "implausible magnitude: {value}% is about {factor} times {ref_year}'s {ref}%; probably a percentage multiplied by 100 again: it would be {corrected}%."),
    "magnitude_per_population": ("数量级存疑:{value}{unit} 约为 {ref_year} 年 {ref}{unit} 的 {factor} 倍;该指标为每万人口数,疑似填报了总量:请以总量除以常住人口(万人)。",
                                 "implausible magnitude: {value} {unit} is about {factor} times {ref_year}'s {ref} {unit}; this is a per-10,000-population ratio, and the figure looks like a total: divide it by the population in 10,000s."),
    # Input hints: likely slips that change no status (issue 11).
    "percent_fraction": ("{year}年填报值 {value}% 远小于规划中的数值(约 {scale}%),疑似把百分数写成了小数:55% 应填 55,不是 0.55。",
                         "{year}: {value}% is far below the plan's figures (about {scale}%): a percentage written as a fraction? 55% is 55, not 0.55."),
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
    "incomplete": ("不完整(退回补报)", "incomplete (returned to be completed)"),
    "ungraded_claims": ("自评待评审确认,不评等级", "unconfirmed claims, no grade"),
    "plan_data_note": ("规划未提供判断所需数据(如基期值),暂不评等级,不视为不通过。",
                       "the plan lacks what is needed to judge (such as baselines): no grade, and not a failure."),
    "risk_accepted": ("适用豁免后", "with waivers"),
    "completeness": ("填报完整度", "completeness"),
    "claims": ("待评审确认的主张", "claims awaiting an assessor"),
    "decisions": ("评审决定", "assessor's decisions"),
    "gate_fail_under": ("低于 --fail-under 门槛", "below the --fail-under threshold"),
    "gate_fail_on": ("触发 --fail-on 状态", "a --fail-on status"),
    "summary": ("共检查 {n} 份报告:{ok} 份通过,{bad} 份不通过,{err} 个输入错误。",
                "{n} report(s) checked: {ok} passed, {bad} failed, {err} input error(s)."),
    # The rule catalog (`checker rules`, `checker explain`).
    "due": ("期限 {year}", "due {year}"),
    "plan": ("规划", "plan"),
    "catalog_counts": ("{indicators} 项指标,{obligations} 项任务", "{indicators} indicators, {obligations} obligations"),
    # How an entry states its figure, beside it in the terminal report.
    "figure_estimate": ("预计", "estimate"),
    "figure_partial": ("截至{date}(全年已过 {share})", "to {date} ({share} of the year)"),
    "figure_source": ("来源:{source}", "source: {source}"),
    "figure_note": ("备注:{note}", "note: {note}"),
    "figure_baseline": ("基期 {year} 年 {value}{unit}(取自报告)", "baseline {year}: {value} {unit} (from the reports)"),
    "provisional": ("暂定", "provisional"),
    # Blank reports (`checker template`): what an obligation without a counted deliverable asks.
    "template_recurrence_once": ("{year}年前完成", "done by {year}"),
    "template_recurrence_annual": ("每年开展", "every year"),
    "template_recurrence_periodic": ("定期开展", "regularly"),
    "template_recurrence_continuous": ("持续推进", "ongoing"),
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
    "github_summary": ("{n} 份报告:{ok} 份通过,{bad} 份不通过,{err} 个输入错误", "{n} report(s): {ok} passed, {bad} failed, {err} input error(s)"),
    "md_failing": ("不通过的规则", "failing rules"),
    "only_failing_note": ("(仅列出不通过的规则)", "(failing rules only)"),
    # `checker explain`: one rule as a page.
    "ex_rule_type": ("类型", "type"),
    "ex_indicator": ("指标", "indicator"),
    "ex_obligation": ("任务", "obligation"),
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
    "ex_aliases": ("别名", "aliases"),
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
        "unverified": ("待核实", "unverified claim"),
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
    "claim": {
        "completed": ("报告已完成", "completed"),
        "quantity": ("报告数量", "quantity"),
        "not_applicable": ("报告不适用", "not applicable"),
        "verdict": ("自评结论", "self-assessed verdict"),
        "rank": ("自报排名", "self-reported rank"),
        "figure": ("不能证明达标的上限/下限", "a bound that cannot show the target met"),
    },
    "bound": {"at_least": ("下限", "lower bound"), "at_most": ("上限", "upper bound")},
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
_LABELLED_PARAMS = {"cmp": "cmp", "progress": "progress", "verdict": "status", "status": "status", "bound": "bound"}


def fmt_number(value: Decimal | float | int | None) -> str:
    """A number as users read it: at most two decimals (two significant digits below 0.1, so a small
    value never shows as 0), no trailing zeros, no exponent."""
    if value is None:
        return "—"
    if type(value) is int:  # a year, a count: what the steps below give for any integer (not a bool)
        return str(value)
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if not d.is_finite():
        return str(d)
    return _formatted(d)


# Every step of _plain depends on the value alone (not on how the Decimal spells it: 1.50 and 1.5
# give "1.5"), so equal Decimals share an entry. A batch formats the same few hundred values
# again and again (targets, expected values, years); a small cache keeps memory flat.
@lru_cache(maxsize=4096)
def _formatted(d: Decimal) -> str:
    with localcontext() as ctx:
        ctx.traps[InvalidOperation] = False  # a value too large to quantize prints as it is
        return _plain(d)


def _plain(d: Decimal) -> str:
    if d and abs(d) < Decimal("0.1") and d != d.quantize(Decimal("0.01")):
        # Two decimals would leave at most one significant digit (0.055 → 0.06, 0.00026 → 0):
        # show two significant digits instead (0.055, 0.00026).
        d = d.quantize(Decimal(1).scaleb(d.adjusted() - 1))
        return f"{d:f}".rstrip("0").rstrip(".")
    text = f"{d.quantize(Decimal('0.01')):f}" if d != d.to_integral_value() else f"{d.to_integral_value():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "zh" else pair[1]


def render(msg: Msg, lang: Lang) -> str:
    """A judgement's message (or fix) as a sentence in the language asked for."""
    template = MESSAGES[msg.key][0 if lang == "zh" else 1]
    return template.format_map({k: _localise(k, v, lang) for k, v in msg.params})


def _localise(key: str, value: Any, lang: Lang) -> str:
    namespace = _LABELLED_PARAMS.get(key)
    if namespace is not None:
        return label(namespace, value, lang)
    if isinstance(value, (Decimal, float, int)) and not isinstance(value, bool):
        return fmt_number(value)
    # What a sentence quotes from an input (a reason, a source, a name) stays on its line, short.
    return clean(str(value), MAX_MESSAGE)


def label(namespace: str, key: str, lang: Lang) -> str:
    """The label of a member of a closed set (a status, a grade, a comparator…)."""
    return _pick(LABELS[namespace][key], lang)


def word(key: str, lang: Lang, **params: object) -> str:
    """A heading or phrase of the reports, with its parameters filled in."""
    return _pick(WORDS[key], lang).format(**params)


def parameters(template: str) -> frozenset[str]:
    """The names a template uses, for the catalogue's own test."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)
