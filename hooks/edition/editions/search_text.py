"""What the search index reads of a text page: the reading text, without the aids shown beside it.

A site's search indexes a page's HTML as built, hidden parts included. In the podcast that put the
recognizer's originals next to the editor's readings (上冒犯Sam Altman), fillers that the clean
verbatim hides (呃, 嗯), paragraph numbers and speaker marks (42■主持) and footnote numbers into
every search result. Both engines' searches (Material's plugin, Zensical's) skip an element marked
``data-search-exclude``: the pipeline marks the aids so, and the page itself keeps everything (the
marks are removed after the build, ``unmark_left_out``). A
speaker's name carries a hidden colon (``transcript.py``), so results read 闲哥：首先…

``indexed_html`` says what an index should read of a page; the site tests hold each engine's index
to it.
"""

from __future__ import annotations

import re

from edition.html_text import Element, class_names, cut
from edition.markup import READING_AIDS

LEFT_OUT_MARK = "data-search-exclude"


def _left_out(element: Element) -> bool:
    return not READING_AIDS.isdisjoint(element.classes)


def indexed_html(html: str) -> str:
    """``html`` without the reader's aids (``markup.READING_AIDS``: their tags and everything inside them)."""
    pieces = cut(html)
    kept: list[str] = []
    for index, piece in enumerate(pieces):
        if any(_left_out(element) for element in piece.stack):
            continue  # inside a left-out element, or its end tag
        following = pieces[index + 1].stack if index + 1 < len(pieces) else ()
        opens = len(following) > len(piece.stack) and following[: len(piece.stack)] == piece.stack
        if not piece.is_text and opens and _left_out(following[len(piece.stack)]):
            continue  # the start tag of a left-out element
        kept.append(piece.raw)
    return "".join(kept)


# A start tag, attribute by attribute (a quoted value may hold `>`), and its class attribute.
_START_TAG = re.compile(
    r"""<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(/?)>"""
)


def mark_left_out(html: str) -> str:
    """``html`` with every reader's aid (``markup.READING_AIDS``) marked for the engine's search to skip."""

    def mark(match: re.Match[str]) -> str:
        attributes = match.group(2)
        if READING_AIDS.isdisjoint(class_names(attributes)) or LEFT_OUT_MARK in attributes:
            return match.group(0)
        return f"<{match.group(1)}{attributes} {LEFT_OUT_MARK}{match.group(3)}>"

    return _START_TAG.sub(mark, html)


def unmark_left_out(html: str) -> str:
    """``html`` without the marks, once the engine's index is written (Zensical drops them itself)."""
    return html.replace(f" {LEFT_OUT_MARK}", "")
