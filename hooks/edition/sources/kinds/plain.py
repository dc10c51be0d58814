"""A plain-text article: paragraphs separated by blank lines (or, without any blank line, one a line).

The first paragraph is the title when it is a single short line that does not end a sentence, as
an article copied from a page begins. Every character is the author's: nothing is dropped.
"""

from __future__ import annotations

import re

from edition.errors import fail
from edition.sources.kinds.model import Block, Metadata, SourceKind, SourceText

TITLE_CHARACTERS = 60
_SENTENCE_END = re.compile(r"[。！？!?.…」』”]$")


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs, each with its lines joined (a line break inside is a soft break)."""
    chunks = [chunk for chunk in re.split(r"\n\s*\n", text.strip()) if chunk.strip()]
    if len(chunks) == 1:  # no blank lines: every line is a paragraph
        chunks = [line for line in text.split("\n") if line.strip()]
    return ["".join(line.strip() for line in chunk.split("\n")) for chunk in chunks]


def is_title(paragraph: str) -> bool:
    return len(paragraph) <= TITLE_CHARACTERS and not _SENTENCE_END.search(paragraph)


def recognise(text: str, suffix: str) -> bool:
    return bool(text.strip())


def read(text: str, shown_as: str) -> SourceText:
    found = paragraphs(text)
    if not found:
        raise fail(shown_as, 1, "SRC004", "the source has no text")
    title = found[0] if len(found) > 1 and is_title(found[0]) else ""
    blocks = [Block("title", title)] if title else []
    blocks += [Block("paragraph", paragraph) for paragraph in found[1 if title else 0 :]]
    return SourceText(tuple(blocks), Metadata(title=title))


KIND = SourceKind("plain", "article", "a plain-text article: paragraphs between blank lines", recognise, read)
