"""Citations: every rule's quote must identify its place in the plan text (`checker validate --seeds`).

Checks, per rule:

- the source document is a file inside the seeds folder (never a path that leads out of it) and
  is UTF-8 text;
- the quote occurs verbatim (whitespace aside) in it, and exactly once: a quote that occurs twice
  does not say which of the two places the rule stands for. `…` in a quote marks an omission: its
  parts occur in that order within one paragraph (one line of the seed), so that a heading can
  identify the place of a sentence that occurs twice (市公安局:…探索建立情报导侦机制);
- an obligation that recurs (annual, periodic, continuous) has in its quote the words that make it
  recur (RECURRENCE_MARKERS): the reading must be checkable against the text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from checker.errors import Problem
from checker.models.plan import ObligationRule, Recurrence
from checker.rulefile import Plan

_SPACE = re.compile(r"\s+")

# Words that make a measure recur, by recurrence; built from ../shared/GLOSSARY.md and the five
# plans' wording. docs/plans.md ("Readings shared by the five plans") gives the table of readings.
RECURRENCE_MARKERS: dict[Recurrence, tuple[str, ...]] = {
    # 每年 / 年度 / 逐年, and the yearly events the plans name (宣传周, 知识产权日, 品牌日, 专利周).
    "annual": ("每年", "年度", "逐年", "年年", "一年一", "宣传周", "知识产权日", "品牌日", "专利周", "图书日"),
    # 定期 and stated rhythms (每季度, 每月, 一月一链).
    "periodic": ("定期", "每季度", "每半年", "每月", "一月一", "季度", "月度"),
    # 持续 / 不断 / 常态化 / 长效化 / 坚持不懈 / 动态…, and standing functions: 履行…职责 (履行), 负责组织实施,
    # 统筹规划/统筹协调 of the plan, 监督检查 / 监督指导 of its implementation, 跟踪分析 / 跟踪监测.
    "continuous": (
        "持续", "不断", "常态化", "长效化", "坚持", "动态", "始终", "长期",
        "履行", "负责组织实施", "统筹规划", "统筹协调", "监督检查", "监督指导", "跟踪",
    ),
}


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def occurrences(needle: str, haystack: str) -> int:
    """How often needle occurs in haystack, overlapping occurrences included."""
    count, at = 0, haystack.find(needle)
    while at != -1:
        count += 1
        at = haystack.find(needle, at + 1)
    return count


GAP = "…"


class Seed(NamedTuple):
    """A seed's text without whitespace, whole and line by line: made once, searched for every rule."""

    whole: str
    lines: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Seed:
        return cls(squash(text), tuple(squash(line) for line in text.splitlines()))


def quote_occurrences(quote: str, seed: Seed) -> int:
    """How often a quote occurs in a seed; with `…`, the parts in order within one line."""
    parts = [p for p in (squash(part) for part in quote.split(GAP)) if p]
    if not parts:
        return 0
    if len(parts) == 1:
        return occurrences(parts[0], seed.whole)
    return sum(_in_order(parts, line) for line in seed.lines)


def _in_order(parts: list[str], line: str) -> int:
    """Occurrences of the last part after the others, each found in order, in one line."""
    at = 0
    for part in parts[:-1]:
        found = line.find(part, at)
        if found == -1:
            return 0
        at = found + len(part)
    return occurrences(parts[-1], line[at:])


def recurrence_marker(rule: ObligationRule) -> str | None:
    """The word of the quote that makes a recurring rule recur; None if there is none (or it is once)."""
    quote = squash(rule.source.quote)
    return next((m for m in RECURRENCE_MARKERS.get(rule.recurrence, ()) if m in quote), None)


def _inside(seeds: Path, document: str) -> Path | None:
    """The seed file a citation names, or None if the name leads outside the seeds folder."""
    if Path(document).is_absolute() or "\\" in document:
        return None
    root = seeds.resolve()
    path = (seeds / document).resolve()  # follows symlinks: a link out of the folder is out
    return path if path.is_relative_to(root) and path != root else None


def _read_seed(plan: Plan, seeds: Path, document: str, rule_id: str, problems: list[Problem]) -> Seed | None:
    """The text of one seed, or None after recording (at the first rule citing it) why not."""
    path = _inside(seeds, document)
    if path is None:
        problems.append(Problem(
            plan.path, f"原文路径“{document}”不在原文目录 {seeds} 内", f"source document '{document}' is outside the seeds folder {seeds}", rule_id,
        ))
        return None
    if not path.is_file():
        problems.append(Problem(plan.path, f"找不到原文 {seeds / document}", f"no source document {seeds / document}", rule_id))
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(Problem(
            str(seeds / document), f"原文不是 UTF-8 文本(第 {exc.start} 字节)", f"not UTF-8 text (byte {exc.start})", line=line,
        ))
        return None
    return Seed.of(text)


def quote_problems(plan: Plan, seeds: Path) -> list[Problem]:
    """Every citation problem of a plan: documents, quotes not found or not unique, recurrence words."""
    texts: dict[str, Seed | None] = {}
    problems: list[Problem] = []
    for rule in plan.rules.values():
        document = rule.source.document
        if document not in texts:
            texts[document] = _read_seed(plan, seeds, document, rule.id, problems)
        text = texts[document]
        if text is None:
            continue
        short = rule.source.quote[:40]
        found = quote_occurrences(rule.source.quote, text)
        if found == 0:
            problems.append(Problem(
                plan.path, f"引文未在原文中找到:“{short}”", f"quote not found verbatim in {document}: '{short}'", rule.id,
            ))
        elif found > 1:
            problems.append(Problem(
                plan.path, f"引文在原文中出现 {found} 次,须加上前后文字以确定位置:“{short}”",
                f"quote occurs {found} times in {document}; extend it with neighbouring words to identify its place: '{short}'",
                rule.id,
            ))
        if isinstance(rule, ObligationRule) and rule.recurrence != "once" and recurrence_marker(rule) is None:
            words = RECURRENCE_MARKERS[rule.recurrence][:6]
            problems.append(Problem(
                plan.path, f"recurrence 为 {rule.recurrence},但引文中没有使其重复的词(如 {'、'.join(words)} 等),请引用该词",
                f"recurrence '{rule.recurrence}' but the quote has no word that makes it recur (such as {', '.join(words)}); quote it",
                rule.id,
            ))
    return problems
