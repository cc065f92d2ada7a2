"""Safe echoing of untrusted text: what a report, a rule file or a file name says, shown to a user.

Anything printed from an input must stay on its line and be printable by any stream:
- control characters (C0, DEL, C1), line and paragraph separators and bidirectional controls are
  shown as escapes (``\\n``, ``\\x1b``, ``\\u202e``), so ``"T-X\\nforged.json: ok"`` cannot forge
  a line and an ANSI escape cannot repaint the terminal;
- lone surrogates are shown as escapes too (``\\udc00``); the ones Python uses for undecodable bytes
  of a file name (U+DC80..U+DCFF, "surrogateescape") as the byte they stand for (``\\xff``), so the
  result always encodes as UTF-8 (text and JSON output);
- very long text is cut, saying how much was left out.

Backslashes are left as they are: the escapes are for reading, not for parsing back.
"""

from __future__ import annotations

import errno
import io
import os
import re
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from checker.errors import Problem

MAX_ECHO = 200  # characters of an echoed value (an id, a name, a reason) in a message
MAX_MESSAGE = 2000  # characters of a whole message line
MAX_PATH = 4096  # characters of a file name (PATH_MAX)

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str | None:
    """The escape for one character, or None when it can be shown as it is."""
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029) or char in _BIDI:
        return f"\\u{code:04x}"
    return None


# Every character _escape() changes, for a fast first look (most text needs nothing).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029" + "".join(sorted(_BIDI)) + "]")


def needs_escape(text: str) -> bool:
    """Whether clean() would change anything but the length."""
    return _UNSAFE.search(text) is not None


def clean(text: str, limit: int | None = MAX_ECHO) -> str:
    """Text safe to print on one line: escapes for control characters and lone surrogates, cut to
    about `limit` characters (None: no cut) with the number of characters left out."""
    if (limit is None or len(text) <= limit) and not needs_escape(text):
        return text
    out: list[str] = []
    size = 0
    for index, char in enumerate(text):
        piece = _escape(char) or char
        if limit is not None and size + len(piece) > limit:
            return "".join(out) + f"…(+{len(text) - index})"
        out.append(piece)
        size += len(piece)
    return "".join(out)


def path_text(path: str | os.PathLike[str]) -> str:
    """A file name as users should read it: undecodable bytes as \\xNN, control characters escaped."""
    return clean(os.fspath(path), MAX_PATH)


def safe_stream(stream: TextIO) -> TextIO:
    """Make a text stream write what its encoding cannot represent as escapes instead of raising
    (an ASCII-only or Latin-1 terminal, LANG=C): the output stays readable and complete."""
    if isinstance(stream, io.TextIOWrapper):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # a closed or detached stream: leave it alone
            pass
    return stream


def write_problem(exc: OSError) -> Problem:
    """The located problem for an output stream that cannot be written (a full device, a closed
    descriptor)."""
    from checker.errors import Problem

    reason = os.strerror(exc.errno) if exc.errno else str(exc)
    zh = "设备已满,结果未能完整写出" if exc.errno == errno.ENOSPC else f"无法写出结果:{reason}"
    en = "device full: the output is incomplete" if exc.errno == errno.ENOSPC else f"cannot write the output: {reason}"
    return Problem("<stdout>", zh, en)
