"""Name normalisation, so 每万人口 发明专利拥有量 and ＰＣＴ match 每万人口发明专利拥有量 and PCT."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "《": "<", "》": ">"})


def normalise(text: str) -> str:
    """Fold full-width forms, spaces, quotes and letter case."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES).casefold()
