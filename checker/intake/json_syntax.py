"""JSON syntax errors in our own words, with line and column, and the usual causes named.

Python's decoder says `Expecting ':' delimiter`; a clerk needs “此处应为冒号 :”, and when the
character there is a full-width ，：“” typed by a Chinese input method, to be told so.
"""

from __future__ import annotations

import json

# The decoder's messages (before " at" / ":"), in Chinese and English.
_MESSAGES: dict[str, tuple[str, str]] = {
    "Expecting ':' delimiter": ("此处应为冒号 :", "a colon ':' is expected here"),
    "Expecting ',' delimiter": ("此处应为逗号 ,(或缺少右括号 } ])", "a comma ',' (or a closing } ]) is expected here"),
    "Expecting property name enclosed in double quotes": (
        "此处应为用半角双引号括起的键名,如 \"value\"", 'a key in double quotes is expected here, e.g. "value"'),
    "Expecting value": ("此处应为一个值(数值、\"字符串\"、true/false/null、对象或数组)",
                        'a value is expected here (a number, a "string", true/false/null, an object or an array)'),
    "Unterminated string starting at": ("字符串没有结束(缺少右双引号 \")", "unterminated string (a closing \" is missing)"),
    "Invalid control character at": ("字符串中有未转义的控制字符(如换行),请写作 \\n", "a raw control character (a line break?) inside a string: write \\n"),
    "Invalid \\escape": ("无效的转义序列(反斜杠 \\ 须写作 \\\\)", "invalid escape (write a backslash as \\\\)"),
    "Invalid \\uXXXX escape": ("无效的 \\uXXXX 转义", "invalid \\uXXXX escape"),
    "Extra data": ("JSON 内容结束后还有多余字符", "extra characters after the JSON document"),
}

# Full-width characters that Chinese input methods type in place of JSON's punctuation.
FULL_WIDTH: dict[str, str] = {
    "，": ",", "：": ":", "“": '"', "”": '"', "‘": "'", "’": "'", "｛": "{", "｝": "}", "［": "[", "］": "]", "；": ";",
    "　": " ",
}


def describe(exc: json.JSONDecodeError) -> tuple[str, str]:
    """(zh, en) for a syntax error, naming a full-width character or a trailing comma when that is the cause."""
    text, pos = exc.doc, exc.pos
    here = text[pos] if pos < len(text) else ""
    if here in FULL_WIDTH:
        half = FULL_WIDTH[here]
        return (f"此处是全角字符 “{here}”,JSON 的标点须用半角 {half}(请关闭中文标点输入)",
                f"full-width '{here}' here: JSON punctuation must be the ASCII '{half}'")
    if not text[pos:].strip():
        return ("文件在此意外结束:内容不完整(缺少右括号 } 或 ]?)", "the file ends too early (a closing } or ] missing?)")
    before = text[:pos].rstrip()
    if before.endswith(",") and here in "}]" and here:
        return ("最后一项后面多了逗号 ,(请删去)", "a trailing comma after the last item (remove it)")
    zh, en = _MESSAGES.get(exc.msg, (exc.msg, exc.msg))
    return zh, en
