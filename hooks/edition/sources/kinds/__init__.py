"""The kinds of raw source, registered in one place.

Each kind is one module with one interface (:class:`~edition.sources.kinds.model.SourceKind`):
it recognises its files and reads them into blocks of plain text with their times and metadata.
Adding a kind is a module and a line in :data:`KINDS`; ``make add-text`` picks the first kind in
this order that recognises a file (``--format`` names one instead), and the registry records it
(``source:`` in ``data/texts.yml``) so a build never guesses.
"""

from __future__ import annotations

from edition.errors import fail
from edition.sources.kinds import asr_line, html_page, markdown_article, plain, shuijingqiu, subtitles
from edition.sources.kinds.model import Block, Metadata, SourceKind, SourceText, TextKind

# Most particular first: a subtitle file or a web page could also pass for plain text.
KINDS: dict[str, SourceKind] = {
    kind.name: kind
    for kind in (
        subtitles.WEBVTT,
        subtitles.SRT,
        html_page.KIND,
        shuijingqiu.KIND,
        asr_line.KIND,
        markdown_article.KIND,
        plain.KIND,
    )
}

__all__ = ["KINDS", "Block", "Metadata", "SourceKind", "SourceText", "TextKind", "detect", "kind_named"]


def kind_named(name: str, shown_as: str, line: int = 1) -> SourceKind:
    """The kind called ``name`` (``SRC006`` when there is none)."""
    if name not in KINDS:
        raise fail(shown_as, line, "SRC006", f"unknown source kind {name!r}: use one of {', '.join(KINDS)}")
    return KINDS[name]


def detect(text: str, suffix: str) -> SourceKind:
    """The first kind that recognises the file (plain text recognises any text)."""
    return next(kind for kind in KINDS.values() if kind.recognise(text, suffix.lower()))
