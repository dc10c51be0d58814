"""The one escaping layer between a raw source's words and the Markdown a page is rendered from.

A raw source comes from a third party: whatever it holds — ``<script>``, ``&amp;``, ``5*3*2``, a
line starting with ``#``, backticks, ``{++…++}`` — must reach the reader as the characters it is.
Every text built from a raw source passes through :func:`markdown_text` before it stands in a
page's Markdown; only the markup the pipeline or the editor writes around it is interpreted.

Characters Python-Markdown reads as inline markup anywhere are backslash-escaped (its
``ESCAPED_CHARS``), ``<`` and ``&`` become entities (a backslash does not stop raw HTML), and a
line's first character is escaped where it would open a block (headings, lists, quotes, fences,
definition lists, admonitions, setext rules). The rendered text is the source's, character for
character (``tests/test_escape.py`` renders every printable ASCII character and more).
"""

from __future__ import annotations

import re

# Inline markup anywhere in a line: emphasis, code, links and footnotes, attribute lists and
# CriticMarkup ({…}), and the backslash itself.
_INLINE = {char: "\\" + char for char in "\\`*_[]{}"}
_INLINE |= {"<": "&lt;", "&": "&amp;"}
_INLINE_PATTERN = re.compile("[" + re.escape("".join(_INLINE)) + "]")
# A line's first character that would open a block. Python-Markdown's backslash escapes cover
# some; the rest become numeric character references.
_LINE_START = {
    "#": "\\#",
    ">": "\\>",
    "-": "\\-",
    "+": "\\+",
    "!": "\\!",
    "=": "&#61;",
    ":": "&#58;",
    "~": "&#126;",
    "?": "&#63;",
    "|": "&#124;",
    "/": "&#47;",  # pymdownx blocks (///) if ever enabled
}
# "1. " or "1) " at a line's start would be an ordered list.
_ORDERED = re.compile(r"^(\d+)([.)])")


def _line(line: str) -> str:
    line = _INLINE_PATTERN.sub(lambda match: _INLINE[match.group()], line.strip())
    if line[:1] in _LINE_START:
        return _LINE_START[line[0]] + line[1:]
    return _ORDERED.sub(lambda match: match[1] + ("\\." if match[2] == "." else "\\)"), line)


def markdown_text(text: str) -> str:
    """``text`` as Markdown that renders to exactly its characters (lines stripped, kept apart)."""
    return "\n".join(_line(line) for line in text.split("\n"))
