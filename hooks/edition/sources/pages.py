"""Build a text's page from its Markdown frame and its raw source, by the text's pipeline.

- ``article`` and ``transcript-draft``: the page (``docs/article.md``) holds the editorial frame —
  credits, download link, licence — and one marker line, ``<!-- edition:text -->``, where the
  text built from the raw source goes; the built text is proved faithful to the source.
- ``transcript-reading``: the page holds a hand-edited reading text between
  ``<!-- reading-text -->`` markers, proved faithful to the raw transcript and then rendered.

Whatever the pipeline, the raw source is first read by its kind (``edition.sources.kinds``) into
blocks of plain text; its words reach the page only through the escaping layer.
"""

from __future__ import annotations

from pathlib import Path

from edition.errors import fail
from edition.markup import Mark
from edition.reading.speakers import load_speakers
from edition.reading.transcript_page import render_transcript_page
from edition.sources.article import article_markdown
from edition.sources.fidelity import check_faithful
from edition.sources.kinds import SourceText
from edition.sources.texts import Pipeline, TextEntry
from edition.sources.transcript_draft import draft_markdown

MARKER = "<!-- edition:text -->"


def render_text(pipeline: Pipeline, source: SourceText, shown_as: str, audio: str | None = None) -> str:
    """The text as reading Markdown, built from the source by the named pipeline."""
    if pipeline == "article":
        return article_markdown(source)
    if pipeline == "transcript-draft":
        return draft_markdown(source, audio)
    raise fail(shown_as, 1, "PAGE002", f"pipeline {pipeline!r} does not build a text from its raw source")


def insert_text(page_markdown: str, text_markdown: str, page_path: str) -> str:
    """Replace the page's marker line with the text; the marker must stand once, alone on a line."""
    lines = page_markdown.split("\n")
    hits = [index for index, line in enumerate(lines) if line.strip() == MARKER]
    if len(hits) != 1:
        line = hits[1] + 1 if hits else 1
        raise fail(
            page_path,
            line,
            "PAGE001",
            f"a text's page needs the marker line {MARKER} exactly once (found {len(hits)})",
        )
    # The author's or speakers' own words, set apart for the editions: their vocabulary is never
    # regionalised (edition.editions.publish), only their characters converted.
    lines[hits[0]] = f'<div class="{Mark.SOURCE_TEXT}" markdown="1">\n\n{text_markdown.rstrip()}\n\n</div>'
    return "\n".join(lines)


def render_page(
    root: Path,
    entry: TextEntry,
    source: SourceText,
    page_markdown: str,
    page_path: str,
    line_offset: int = 0,
    text_id: str = "",
) -> str:
    """The page's Markdown with its text in place, after every check of the text has passed."""
    if entry.pipeline == "transcript-reading":
        assert entry.speakers is not None  # a transcript names its cast (TextEntry)
        speakers = load_speakers(root, entry.speakers)
        return render_transcript_page(
            root, page_markdown, source, page_path, speakers, line_offset, text_id, entry.audio
        )
    text = render_text(entry.pipeline, source, entry.raw, entry.audio)
    check_faithful(source.words, text, entry.raw)
    return insert_text(page_markdown, text, page_path)
