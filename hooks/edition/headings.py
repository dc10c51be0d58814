"""Headings that do not break inside a word.

A browser may break a Chinese line between any two characters, so a narrow screen set
"贾玲韩/寒" and "术/语表". The words of each heading (jieba's segmentation) are wrapped in
``<span class="nobr">`` and the stylesheet keeps each on one line; lines still break between
words, and a heading never becomes wider than the screen on account of it (a word is short).
"""

from __future__ import annotations

import html
import re

from edition.html_text import Element, map_text
from edition.segmenter import words

HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def keep_words_whole(page_html: str) -> str:
    """Every Chinese word of two characters or more in a heading, wrapped so it stays on one line."""

    def change(text: str, stack: tuple[Element, ...]) -> str:
        if not any(element.tag in HEADINGS for element in stack) or any(element.tag == "a" for element in stack):
            return text
        if not _CJK.search(text):
            return text
        plain = html.unescape(text)
        return "".join(
            f'<span class="nobr">{html.escape(word, quote=False)}</span>'
            if len(word) > 1 and _CJK.search(word)
            else html.escape(word, quote=False)
            for word in words(plain)
        )

    return map_text(page_html, change)
