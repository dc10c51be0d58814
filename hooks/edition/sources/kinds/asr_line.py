"""Speech recognition as one line of phrases separated by spaces, without punctuation.

The seed podcast's raw transcript has this shape (17,979 characters, one line). The whole line is
one untimed block; the draft (``edition.sources.transcript_draft``) splits it into phrases.
"""

from __future__ import annotations

import re

from edition.errors import fail
from edition.sources.kinds.model import Block, SourceKind, SourceText

# Sentence punctuation: a transcript that has it is not a raw recognizer line.
_PUNCTUATION = re.compile(r"[，。？！；：、]")


def recognise(text: str, suffix: str) -> bool:
    line = text.strip()
    return bool(line) and "\n" not in line and " " in line and not _PUNCTUATION.search(line)


def read(text: str, shown_as: str) -> SourceText:
    line = text.strip()
    if not line:
        raise fail(shown_as, 1, "SRC004", "the source has no text")
    return SourceText((Block("paragraph", line),))


KIND = SourceKind(
    "asr-line",
    "transcript",
    "speech recognition as one line of space-separated phrases, no punctuation",
    recognise,
    read,
)
