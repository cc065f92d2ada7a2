"""The message catalogue: every heading and label in both languages, with the same parameters."""

from __future__ import annotations

import pytest

from checker.codes import STATUSES
from checker.i18n import LABELS, MESSAGES, WORDS, parameters
from checker.kinds import KINDS


@pytest.mark.parametrize("key", sorted(WORDS) + sorted(MESSAGES))
def test_both_languages_take_the_same_parameters(key: str) -> None:
    zh, en = WORDS.get(key) or MESSAGES[key]
    assert zh and en
    assert parameters(zh) == parameters(en)


def test_every_label_set_is_complete() -> None:
    assert set(LABELS["status"]) == set(STATUSES)
    assert set(LABELS["kind"]) == {*KINDS, "obligation"}
    assert all(zh and en for labels in LABELS.values() for zh, en in labels.values())
