"""Prove that a reading text is faithful to its raw source.

Both sides are reduced to the characters that carry the words: whitespace and punctuation go,
and on the reading side so does every editorial addition (markup is blanked out, keeping the
offsets, so a difference can be reported at its line in the reading text). What remains must be
identical; the first difference is reported with context on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from edition.errors import fail, line_of
from edition.markup import Mark

# Markup an editor or the pipeline adds, blanked before comparing: attribute lists
# (`{ .article-meta }`, `{ #credits }`), HTML comments, the escaping layer's character references
# (`&lt;`, `&#58;`: a source's `<` and `:`, which are not word characters anyway) and the time of a
# paragraph (`<span class="turn-time">…12:34…</span>`, the pipeline's, never a source's).
_MARKUP = re.compile(
    r"\{:?\s*[.#][^}\n]*\}|<!--.*?-->|&(?:[a-z]+|#\d+);"
    rf'|<(?:a|span) class="{Mark.TIME}"[^>]*>.*?</(?:a|span)>',
    re.S,
)


@lru_cache(maxsize=65536)
def _is_word_char(char: str) -> bool:
    return not char.isspace() and not unicodedata.category(char).startswith(("P", "S", "Z"))


def words_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text's word characters (NFKC, no whitespace or punctuation) and where each stands."""
    if unicodedata.is_normalized("NFKC", text):  # the common case: one character, one offset
        kept = [offset for offset, char in enumerate(text) if _is_word_char(char)]
        return "".join(text[offset] for offset in kept), kept
    chars: list[str] = []
    offsets: list[int] = []
    for offset, char in enumerate(text):
        for normalized in unicodedata.normalize("NFKC", char):
            if _is_word_char(normalized):
                chars.append(normalized)
                offsets.append(offset)
    return "".join(chars), offsets


def words_only(text: str) -> str:
    """The text without whitespace or punctuation, width-normalized (NFKC)."""
    return words_with_offsets(text)[0]


def blank_markup(markdown: str) -> str:
    """The Markdown with editorial markup replaced by spaces (same length, same offsets)."""
    return _MARKUP.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), markdown)


def first_difference(expected: str, actual: str) -> int | None:
    """Index of the first differing character, or ``None`` if the strings are equal."""
    if expected == actual:
        return None
    limit = min(len(expected), len(actual))
    return next((i for i in range(limit) if expected[i] != actual[i]), limit)


def describe_difference(expected: str, actual: str, at: int, context: int = 15) -> str:
    """Both sides around ``at``, with ``|`` where they part."""
    return (
        f"source «{expected[max(0, at - context) : at]}|{expected[at : at + context]}» "
        f"but reading text «{actual[max(0, at - context) : at]}|{actual[at : at + context]}»"
    )


def check_faithful(expected: str, reading: str, shown_as: str) -> None:
    """Raise ``FID001`` at the first place where the reading text and its source's words
    (``SourceText.words``) differ."""
    actual, offsets = words_with_offsets(blank_markup(reading))
    at = first_difference(expected, actual)
    if at is None:
        return
    line = line_of(reading, offsets[at]) if at < len(offsets) else line_of(reading, len(reading))
    raise fail(
        shown_as,
        line,
        "FID001",
        f"reading text differs from its raw source at word character {at} (reading line {line}): "
        + describe_difference(expected, actual, at),
    )
