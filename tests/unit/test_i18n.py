"""The message catalogue: both languages for every key, the same parameters, every used key present."""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest

from checker.codes import GRADES, STATUSES
from checker.i18n import LABELS, MESSAGES, WORDS, fmt_number, label, parameters, render
from checker.judgement import Msg
from checker.kinds import KINDS

PACKAGE = Path(__file__).resolve().parents[2] / "checker"
SOURCES = {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}


@pytest.mark.parametrize("table", [MESSAGES, WORDS, *LABELS.values()], ids=["messages", "words", *LABELS])
def test_every_entry_has_both_languages_with_the_same_parameters(table: dict[str, tuple[str, str]]) -> None:
    for key, (zh, en) in table.items():
        assert zh.strip() and en.strip(), key
        assert parameters(zh) == parameters(en), key


def test_no_key_is_written_twice() -> None:
    """A dict literal keeps the last of two equal keys silently: the catalogue must not have any."""
    tree = ast.parse(SOURCES[PACKAGE / "i18n.py"])
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def _used(pattern: str) -> set[str]:
    return {m for text in SOURCES.values() for m in re.findall(pattern, text)}


def test_every_message_key_used_exists() -> None:
    used = _used(r'Msg\.of\(\s*"([a-z_]+)"')
    assert used, "the pattern finds the calls"
    assert used <= set(MESSAGES)


def test_every_word_used_exists() -> None:
    used = _used(r'\bword\(\s*"([a-z_]+)"\s*[,)]')
    assert used
    assert used <= set(WORDS)


def test_every_status_grade_and_kind_has_a_label() -> None:
    assert set(LABELS["status"]) == set(STATUSES)
    assert set(LABELS["grade"]) == set(GRADES)
    assert set(LABELS["kind"]) == {*KINDS, "obligation"}


def test_render_localises_labelled_parameters_and_numbers() -> None:
    msg = Msg.of("reached", year=2025, actual=Decimal("5.000"), unit="件", cmp=">=", target=Decimal(5))
    assert render(msg, "zh") == "2025年实际 5件,已达到目标(不低于 5件)。"
    assert render(msg, "en") == "2025: 5 件, target reached (at least 5 件)."
    assert label("status", "needs_review", "en") == "needs review"


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, "—"), (Decimal("3.764"), "3.76"), (Decimal("3.70"), "3.7"), (12, "12"), (Decimal("-0.001"), "-0.001"), (Decimal("0.00026"), "0.00026"), (Decimal("-0.0000001"), "-0.0000001"), (0.5, "0.5")],
)
def test_fmt_number(value: Decimal | int | float | None, text: str) -> None:
    assert fmt_number(value) == text
