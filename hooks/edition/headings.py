"""Headings that do not break inside a word.

A browser may break a Chinese line between any two characters, so a narrow screen set
"贾玲韩/寒" and "术/语表". The words of each heading (jieba's segmentation) are wrapped in
``<span class="nobr">`` and the stylesheet keeps each on one line; lines still break between
words, and a heading never becomes wider than the screen on account of it (a word is short).

A phrase the editions convert as a whole (``units``: a show's name, a regional word, a name) is
one piece, not jieba's words: each edition converts a heading's text piece by piece, so a show's
name cut into 后 / 互联网 / 时代 lost its protection and read 後網際網路時代 in Taiwan.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from edition.html_text import Element, map_text
from edition.segmenter import words

Segmenter = Callable[[str], list[str]]
HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# A phrase longer than this (a whole title) would make a line no phone can hold; its parts are
# phrases of their own (edition.editions.regional.text_titles).
LONGEST_UNIT = 10


def _pieces(plain: str, units: re.Pattern[str] | None, segment: Segmenter) -> list[str]:
    """The text cut into the phrases of ``units`` and, between them, jieba's words."""
    if units is None:
        return segment(plain)
    pieces: list[str] = []
    for index, part in enumerate(units.split(plain)):
        if index % 2:
            pieces.append(part)
        elif part:
            pieces += segment(part)
    return pieces


def units_pattern(units: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for the phrases a heading keeps whole, longest first."""
    kept = sorted(
        {unit for unit in units if 1 < len(unit) <= LONGEST_UNIT and _CJK.search(unit)},
        key=lambda unit: (-len(unit), unit),  # the same pattern in every run (a set's order is not)
    )
    return re.compile("(" + "|".join(map(re.escape, kept)) + ")") if kept else None


def keep_words_whole(page_html: str, units: re.Pattern[str] | None = None, segment: Segmenter = words) -> str:
    """Every Chinese word of two characters or more in a heading, wrapped so it stays on one line;
    the phrases of ``units`` (:func:`units_pattern`) each wrapped whole; ``segment`` cuts the rest
    into words (jieba, or what a cache kept of it)."""

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
            for word in _pieces(plain, units, segment)
        )

    return map_text(page_html, change)
