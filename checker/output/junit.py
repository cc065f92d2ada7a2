"""`--format junit`: JUnit XML for CI test reports, built with xml.etree.

A testsuite per assessment and a testcase per rule: failing statuses are failures, not applicable
and not due are skipped (as is needs review), as STATUS_POLICY says. A last testcase per suite is the
gate, failing when the assessment does; input errors are a testsuite of their own, one error each.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import BinaryIO

from checker.codes import STATUS_POLICY
from checker.i18n import Lang, label, word
from checker.judgement import Assessment
from checker.output import Context
from checker.output.overview import gate_text, grade_text, outcome_text, score_text
from checker.output.records import assessment_record
from checker.output.spool import Spool
from checker.run import CheckRun


class Renderer:
    def __init__(self, stream: BinaryIO, context: Context) -> None:
        self.stream, self.lang = stream, context.lang
        self.suites = Spool()
        self.totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

    def add(self, assessment: Assessment) -> None:
        suite = _suite(assessment, self.lang)
        for key in self.totals:
            self.totals[key] += int(suite.get(key, "0"))
        ET.indent(suite, "  ", level=1)
        self.suites.write(b"  " + ET.tostring(suite, encoding="utf-8", xml_declaration=False) + b"\n")

    def close(self, run: CheckRun) -> None:
        errors = None
        if run.problems:
            errors = ET.Element("testsuite", name=word("input_errors", self.lang), tests=str(len(run.problems)),
                                failures="0", errors=str(len(run.problems)), skipped="0")
            for p in run.problems:
                case = ET.SubElement(errors, "testcase", name=f"{p.file}:{p.line}" if p.line else p.file, classname="input", file=p.file)
                if p.line:
                    case.set("line", str(p.line))
                ET.SubElement(case, "error", type="input", message=p.render(self.lang))
            self.totals["tests"] += len(run.problems)
            self.totals["errors"] += len(run.problems)
        totals = " ".join(f'{k}="{v}"' for k, v in self.totals.items())
        self.stream.write(f'<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="plan-compliance-checker" {totals}>\n'.encode())
        self.suites.copy_to(self.stream)
        if errors is not None:
            ET.indent(errors, "  ", level=1)
            self.stream.write(b"  " + ET.tostring(errors, encoding="utf-8", xml_declaration=False) + b"\n")
        self.stream.write(b"</testsuites>\n")


def _suite(assessment: Assessment, lang: Lang) -> ET.Element:
    a = assessment_record(assessment, lang)
    classname = f"{a.plan}.{a.reporter_id}.{a.year}"
    suite = ET.Element("testsuite", name=f"{a.reporter} · {word('year', lang, year=a.year)} · {a.plan_title}", file=a.submission)
    props = ET.SubElement(suite, "properties")
    for name, value in (("plan", a.plan), ("reporter", a.reporter_id), ("year", str(a.year)),
                        ("score", score_text(a.score, a.grade)), ("grade", grade_text(a.grade, lang)),
                        ("outcome", outcome_text(assessment.gate.passed, lang))):
        ET.SubElement(props, "property", name=name, value=value)
    failures = skipped = 0
    for r in a.results:
        case = ET.SubElement(suite, "testcase", name=f"{r.rule_id} {r.name}", classname=classname,
                             file=r.location.file if r.location else a.submission)
        if r.location and r.location.line:
            case.set("line", str(r.location.line))
        outcome = STATUS_POLICY[r.status].junit
        status = label("status", r.status, lang)
        if outcome == "failure":
            failures += 1
            failure = ET.SubElement(case, "failure", type=r.status, message=f"{status}: {r.message}")
            failure.text = r.fix or ""
        elif outcome == "skipped":
            skipped += 1
            ET.SubElement(case, "skipped", message=f"{status}: {r.message}")
    gate = ET.SubElement(suite, "testcase", name=word("outcome", lang), classname=classname, file=a.submission)
    if not assessment.gate.passed:
        failures += 1
        ET.SubElement(gate, "failure", type="gate", message=gate_text(assessment.gate, lang))
    suite.set("tests", str(len(a.results) + 1))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite
