"""Inline SVG for the HTML report: an indicator against its path, a sparkline, category bars.

Plain strings, no library: the page must open offline and print as it shows. Every number drawn
is one the engine computed (baseline, expected this year, target, reported series, projection).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from checker.i18n import Lang, fmt_number, word

Point = tuple[float, float]  # (year, value)


@dataclass(frozen=True)
class PathChart:
    """What one indicator chart shows."""

    unit: str
    year: int
    status_css: str
    series: tuple[Point, ...]  # reported values up to the year, the baseline included
    baseline: Point | None
    expected: float | None
    target: Point | None
    projection: Point | None
    actual: float | None


def _scale(lo: float, hi: float, out_lo: float, out_hi: float) -> Callable[[float], float]:
    span = hi - lo or 1.0
    return lambda v: out_lo + (v - lo) / span * (out_hi - out_lo)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def path_chart(c: PathChart, lang: Lang, width: int = 360, height: int = 150) -> str:
    """The indicator's value against its path: baseline → expected this year → target, the
    reported series, the projection, each marked and labelled."""
    points = list(c.series)
    path: list[Point] = []
    if c.baseline is not None:
        path.append(c.baseline)
    if c.expected is not None:
        path.append((float(c.year), c.expected))
    if c.target is not None:
        path.append(c.target)
    path = sorted(dict(path).items())
    every = points + path + ([c.projection] if c.projection else [])
    if c.actual is not None:
        every.append((float(c.year), c.actual))
    if not every:
        return ""
    years = [p[0] for p in every]
    values = [p[1] for p in every]
    x_lo, x_hi = min(years), max(years)
    if x_lo == x_hi:
        x_lo, x_hi = x_lo - 1, x_hi + 1
    y_lo, y_hi = min(values), max(values)
    pad = (y_hi - y_lo) * 0.12 or max(abs(y_hi) * 0.1, 1.0)
    y_lo, y_hi = y_lo - pad, y_hi + pad
    left, right, top, bottom = 52, 14, 14, 26
    x = _scale(x_lo, x_hi, left, width - right)
    y = _scale(y_lo, y_hi, height - bottom, top)
    unit = escape(c.unit)
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(word("chart_path", lang))}">',
        f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}"/>',
        f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}"/>',
    ]
    span = int(x_hi - x_lo)
    step = 1 if span <= 8 else 2
    for year in range(int(x_lo), int(x_hi) + 1, step):
        out.append(f'<text class="tick" x="{_n(x(year))}" y="{height - 8}" text-anchor="middle">{year}</text>')
    for value in (y_lo + pad, y_hi - pad):
        out.append(f'<text class="tick" x="{left - 4}" y="{_n(y(value) + 3)}" text-anchor="end">{fmt_number(round(value, 2))}</text>')
    if len(path) >= 2:
        coords = " ".join(f"{_n(x(px))},{_n(y(py))}" for px, py in path)
        out.append(f'<polyline class="path" points="{coords}"><title>{escape(word("chart_path", lang))}</title></polyline>')
    if c.target is not None:
        tx, ty = x(c.target[0]), y(c.target[1])
        label = f'{word("chart_target", lang)} {int(c.target[0])}: {fmt_number(c.target[1])}{unit}'
        out.append(f'<path class="target" d="M{_n(tx)},{_n(ty - 6)} l6,6 l-6,6 l-6,-6 z"><title>{label}</title></path>')
    if len(points) >= 2:
        coords = " ".join(f"{_n(x(px))},{_n(y(py))}" for px, py in points)
        out.append(f'<polyline class="series" points="{coords}"/>')
    for px, py in points:
        out.append(f'<circle class="dot" cx="{_n(x(px))}" cy="{_n(y(py))}" r="2.5"><title>{int(px)}: {fmt_number(py)}{unit}</title></circle>')
    if c.projection is not None and points:
        last = points[-1]
        px, py = c.projection
        label = f'{word("chart_projection", lang)} {int(px)}: {fmt_number(py)}{unit}'
        out.append(f'<line class="projection" x1="{_n(x(last[0]))}" y1="{_n(y(last[1]))}" x2="{_n(x(px))}" y2="{_n(y(py))}"><title>{label}</title></line>')
        out.append(f'<circle class="projected" cx="{_n(x(px))}" cy="{_n(y(py))}" r="3"><title>{label}</title></circle>')
    if c.expected is not None:
        label = f'{word("chart_expected", lang)} {fmt_number(c.expected)}{unit}'
        out.append(f'<circle class="expected" cx="{_n(x(c.year))}" cy="{_n(y(c.expected))}" r="4.5"><title>{label}</title></circle>')
    if c.actual is not None:
        label = f'{word("chart_actual", lang)} {fmt_number(c.actual)}{unit}'
        out.append(f'<circle class="actual {c.status_css}" cx="{_n(x(c.year))}" cy="{_n(y(c.actual))}" r="4"><title>{label}</title></circle>')
    out.append("</svg>")
    return "".join(out) + caption(c, lang)


def caption(c: PathChart, lang: Lang) -> str:
    """The chart's numbers as a line of text (they collide when drawn as labels, and print clearly)."""
    unit = escape(c.unit)
    parts = []
    if c.actual is not None:
        parts.append(f'<span class="actual {c.status_css}">{word("chart_actual", lang)} {fmt_number(c.actual)}{unit}</span>')
    if c.expected is not None:
        parts.append(f'{word("chart_expected", lang)} {fmt_number(c.expected)}{unit}')
    if c.target is not None:
        parts.append(f'{word("chart_target", lang)} {fmt_number(c.target[1])}{unit} ({int(c.target[0])})')
    if c.baseline is not None:
        parts.append(f'{word("ex_baseline", lang)} {fmt_number(c.baseline[1])}{unit} ({int(c.baseline[0])})')
    if c.projection is not None:
        parts.append(f'{word("chart_projection", lang)} {fmt_number(c.projection[1])}{unit} ({int(c.projection[0])})')
    return f'<p class="figures">{" · ".join(parts)}</p>' if parts else ""


def sparkline(points: Sequence[Point], width: int = 110, height: int = 28) -> str:
    """The reported history, small: a line through the years, the last point marked."""
    if len(points) < 2:
        return ""
    values = [p[1] for p in points]
    x = _scale(points[0][0], points[-1][0], 3, width - 3)
    lo, hi = min(values), max(values)
    y = _scale(lo, hi if hi != lo else lo + 1, height - 3, 3)
    coords = " ".join(f"{_n(x(px))},{_n(y(py))}" for px, py in points)
    title = " → ".join(f"{int(px)} {fmt_number(py)}" for px, py in points)
    last = points[-1]
    return (
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{escape(title)}">'
        f'<title>{escape(title)}</title><polyline points="{coords}"/>'
        f'<circle cx="{_n(x(last[0]))}" cy="{_n(y(last[1]))}" r="2.5"/></svg>'
    )


def category_bars(rows: Sequence[tuple[str, float | None]], width: int = 420) -> str:
    """One bar per category, its score of 100; — when it has none."""
    label_w, bar_w, row_h = 120, width - 120 - 44, 22
    height = row_h * len(rows) + 4
    out = [f'<svg class="bars" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for i, (name, score) in enumerate(rows):
        top = i * row_h + 4
        out.append(f'<text class="label" x="{label_w - 6}" y="{top + 12}" text-anchor="end">{escape(name)}</text>')
        out.append(f'<rect class="track" x="{label_w}" y="{top}" width="{bar_w}" height="14" rx="2"/>')
        if score is not None:
            css = "ok" if score >= 80 else "warn" if score >= 60 else "bad"
            out.append(f'<rect class="bar {css}" x="{label_w}" y="{top}" width="{_n(bar_w * min(score, 100) / 100)}" height="14" rx="2"/>')
        out.append(f'<text class="label" x="{label_w + bar_w + 6}" y="{top + 12}">{fmt_number(score)}</text>')
    out.append("</svg>")
    return "".join(out)


def bullet(actual: float | None, expected: float | None, target: float | None, unit: str, status_css: str, lang: Lang,
           width: int = 360, height: int = 30) -> str:
    """For kinds without a path in the report's own unit (growth rates, steady growth, ranks):
    the actual as a bar, the expected value and the target as marks."""
    known = [v for v in (actual, expected, target) if v is not None]
    if not known:
        return ""
    lo, hi = min(0.0, *known), max(known) * 1.15 or 1.0
    x = _scale(lo, hi, 8, width - 8)
    unit = escape(unit)
    out = [f'<svg class="chart bullet" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">',
           f'<rect class="track" x="8" y="8" width="{width - 16}" height="14" rx="2"/>']
    if actual is not None:
        out.append(f'<rect class="bar {status_css}" x="{_n(x(lo))}" y="8" width="{_n(x(actual) - x(lo))}" height="14" rx="2">'
                   f'<title>{word("chart_actual", lang)} {fmt_number(actual)}{unit}</title></rect>')
    for value, css, key in ((expected, "expected-mark", "chart_expected"), (target, "target-mark", "chart_target")):
        if value is not None:
            out.append(f'<line class="{css}" x1="{_n(x(value))}" y1="4" x2="{_n(x(value))}" y2="26">'
                       f'<title>{word(key, lang)} {fmt_number(value)}{unit}</title></line>')
    figures = " · ".join(
        f"{word(key, lang)} {fmt_number(v)}{unit}"
        for key, v in (("chart_actual", actual), ("chart_expected", expected), ("chart_target", target)) if v is not None
    )
    out.append("</svg>")
    return "".join(out) + f'<p class="figures">{figures}</p>'
