"""Terminal cells: display width of CJK text, padding, clipping, and ANSI colour."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - width(text))


def clip(text: str, cells: int) -> str:
    out = ""
    for char in text:
        if width(out + char) > cells - 1:
            return out + "…"
        out += char
    return out


class Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text
