"""Put a text, built from its raw source, into the page that presents it.

A text's page (``docs/article.md``, ``docs/podcast.md``) holds the editorial frame — credits,
download link, licence — and one marker line, ``<!-- edition:text -->``, where the text goes.
"""

from __future__ import annotations

from edition.article import clean_article
from edition.errors import fail
from edition.podcast_draft import draft_markdown
from edition.typography import copywriting

MARKER = "<!-- edition:text -->"


def render_text(pipeline: str, raw: str, shown_as: str) -> str:
    """The text as reading Markdown, by the pipeline the registry names."""
    if pipeline == "article":
        return clean_article(raw, shown_as)
    if pipeline == "podcast-draft":
        return copywriting(draft_markdown(raw))
    raise fail(shown_as, 1, "PAGE002", f"unknown pipeline {pipeline!r}")


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
    lines[hits[0]] = text_markdown.rstrip("\n")
    return "\n".join(lines)
