"""Headless Chromium (Debian's `chromium`) for the HTML report's tests, and the docs' screenshot.

Plain command lines, no driver: `--dump-dom` gives the DOM after the page's scripts ran,
`--enable-logging=stderr` prints every console message (our page logs none, so any message is a
failure), `--screenshot` and `--print-to-pdf` make the picture and the A4 print.

Regenerate the screenshot in docs/: `.venv/bin/python -m tests.browser` (needs chromium and, for the
Chinese text, a CJK font such as Debian's fonts-noto-cjk).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-logging=stderr", "--v=0",
)
_CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\] (.*)")
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "images" / "report.png"


def chromium() -> str | None:
    """The browser's path, or None when there is none."""
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@dataclass(frozen=True)
class Load:
    stdout: str
    console: list[str]  # every console message the page printed


def run(page: Path, *args: str, fragment: str = "", timeout: float = 60) -> Load:
    """Load a local page (with an optional #fragment) in a fresh profile, with extra flags."""
    browser = chromium()
    assert browser is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri() + fragment],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return Load(done.stdout, [m.group(1) for m in _CONSOLE.finditer(done.stderr)])


def dump_dom(page: Path, fragment: str = "") -> Load:
    return run(page, "--dump-dom", fragment=fragment)


def screenshot(page: Path, out: Path, size: str = "1100,1500") -> Load:
    return run(page, f"--screenshot={out}", f"--window-size={size}", "--hide-scrollbars")


def print_pdf(page: Path, out: Path) -> Load:
    return run(page, f"--print-to-pdf={out}", "--no-pdf-header-footer")


def main() -> None:
    """Write the HTML report of the scoring example and its screenshot into docs/images/."""
    from checker.output import Context, renderer
    from checker.run import CheckArgs, check

    repo = SCREENSHOT.parents[2]
    os.chdir(repo)
    page = SCREENSHOT.with_suffix(".html")
    with page.open("wb") as stream:
        html = renderer("html", stream, Context("zh"))
        html.close(check(CheckArgs(("docs/examples/scoring-example.json",), Path("tests/fixtures/mini-plan.yaml")), html.add))
    try:
        screenshot(page, SCREENSHOT)
    finally:
        page.unlink()
    print(f"wrote {SCREENSHOT.relative_to(repo)}")


if __name__ == "__main__":
    main()
