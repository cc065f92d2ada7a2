"""The HTML report in a real browser: Debian's headless Chromium loads it, runs its scripts, prints it.

Skipped, saying so, where there is no chromium; in CI (CI=true) a missing browser is a failure,
since .ci/run installs it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests import browser
from tests.golden import format_bytes

pytestmark = pytest.mark.skipif(
    browser.chromium() is None and os.environ.get("CI") != "true",
    reason="no chromium on this machine (apt-get install chromium); CI installs it",
)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("html") / "batch.html"
    page.write_bytes(format_bytes("hubei.zh", "html"))
    return page


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("html") / "single.html"
    page.write_bytes(format_bytes("scoring-example.zh", "html"))
    return page


def _rows(dom: str, table_id: str) -> list[str]:
    body = re.search(rf'<table class="obligations" id="{table_id}">.*?<tbody>(.*?)</tbody>', dom, re.S)
    assert body is not None
    return re.findall(r"<tr [^>]*>", body.group(1))


def test_console_errors_are_caught(tmp_path: Path) -> None:
    """The check below can fail: a page with a script error shows up in the console capture."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><p>x</p><script>missing();</script>", encoding="utf-8")
    assert any("ReferenceError" in m for m in browser.dump_dom(bad).console)


def test_single_report_loads_with_its_figures(single: Path) -> None:
    load = browser.dump_dom(single)
    assert load.console == []
    dom = load.stdout
    assert re.search(r'data-key="score">72<', dom)
    assert re.search(r'data-key="grade">合格<', dom)
    assert re.search(r'data-key="outcome">通过<', dom)
    assert dom.count('<figure class="indicator') == 2
    assert dom.count("<svg") >= 3  # category bars and a chart per indicator
    assert '<span class="shown" data-total="3">3/3</span>' in dom  # the filter script ran
    assert "“每万人口发明专利拥有量达到5件”" in dom  # the plan's sentence


def test_obligation_filter_from_the_fragment(single: Path) -> None:
    load = browser.dump_dom(single, "#status=not_reported")
    assert load.console == []
    rows = _rows(load.stdout, "ob1")
    shown = [r for r in rows if "hidden" not in r]
    assert len(rows) == 3 and len(shown) == 1 and 'data-status="not_reported"' in shown[0]
    assert '<span class="shown" data-total="3">1/3</span>' in load.stdout
    by_unit = _rows(browser.dump_dom(single, "#unit=市科技局").stdout, "ob1")
    assert [r for r in by_unit if "hidden" not in r] == [r for r in by_unit if "市科技局" in r]


def test_batch_overview_and_roster(batch: Path) -> None:
    load = browser.dump_dom(batch)
    assert load.console == []
    dom = load.stdout
    overview = re.search(r'<table class="sortable" id="overview-table">.*?</table>', dom, re.S)
    assert overview is not None and overview.group(0).count("<tr data-passed=") == 5  # every report of submissions/hubei
    assert re.findall(r'<tr data-entity="([^"]+)">', dom) == ["dept-ipa", "xiangyang", "yichang"]
    assert 'id="errors"' in dom


def test_screenshot_and_a4_print(single: Path, tmp_path: Path) -> None:
    png, pdf = tmp_path / "report.png", tmp_path / "report.pdf"
    assert browser.screenshot(single, png).console == []
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert browser.print_pdf(single, pdf).console == []
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes and all(abs(float(w) - 595.28) < 1 and abs(float(h) - 841.89) < 1 for w, h in boxes)  # A4 in points
