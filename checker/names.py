"""Name normalisation, so 每万人口 发明专利拥有量 and ＰＣＴ match 每万人口发明专利拥有量 and PCT."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "《": "<", "》": ">"})


def normalise(text: str) -> str:
    """Fold full-width forms, spaces, quotes and letter case."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES).casefold()


_normal = lru_cache(maxsize=65536)(normalise)  # option names recur in every lookup

# Fuzzy suggestions ("did you mean …") cost a difflib comparison per option: capped, and cached
# per text, so 100,000 unknown names (or one name of a million characters) stay fast.
MAX_SUGGEST_TEXT = 100  # characters of the unknown text compared
MAX_SUGGEST_WORK = 200_000  # characters compared by difflib for one text (text × options)


def suggest(text: str, options: Mapping[str, str], n: int = 5) -> list[str]:
    """Up to n of the options (display name -> id) closest to text, as 'name (id)' (or 'name' when
    the id is the name); one entry per id, so a rule's aliases do not crowd the list."""
    return list(_suggest(text[: MAX_SUGGEST_TEXT * 4], tuple(options.items()), n))


@lru_cache(maxsize=4096)
def _suggest(text: str, options: tuple[tuple[str, str], ...], n: int) -> tuple[str, ...]:
    by_name = dict(options)
    normal = {_normal(k): k for k in by_name}
    wanted = _clipped(text)
    hits = [k for k in normal if wanted and (wanted in k or k in wanted)]
    if len(wanted) * max(1, len(normal)) <= MAX_SUGGEST_WORK:
        hits += difflib.get_close_matches(wanted, list(normal), n=n, cutoff=0.5)
    shown: dict[str, str] = {}
    for hit in hits:
        shown.setdefault(by_name[normal[hit]], normal[hit])
    return tuple(_listed(shown, n))


def _clipped(text: str) -> str:
    """The part of an unknown text compared: normalised, at most MAX_SUGGEST_TEXT characters."""
    return normalise(text[: MAX_SUGGEST_TEXT * 4])[:MAX_SUGGEST_TEXT]


def _listed(shown: Mapping[str, str], n: int) -> list[str]:
    """The first n of id -> name, as 'name (id)', or 'name' when the id is the name."""
    return [name if rid == name else f"{name} ({rid})" for rid, name in list(shown.items())[:n]]


class Suggester:
    """suggest() with a budget of fuzzy comparisons, for one report: past `fuzzy` unknown texts,
    only substring matches are offered (cheap), so a report of thousands of unknown names costs
    milliseconds, not minutes."""

    def __init__(self, fuzzy: int = 100) -> None:
        self.left = fuzzy

    def __call__(self, text: str, options: Mapping[str, str], n: int = 5) -> list[str]:
        if self.left > 0:
            self.left -= 1
            return suggest(text, options, n)
        wanted = _clipped(text)
        shown: dict[str, str] = {}
        for name, rid in options.items():
            key = _normal(name)
            if wanted and (wanted in key or key in wanted):
                shown.setdefault(rid, key)
        return _listed(shown, n)
