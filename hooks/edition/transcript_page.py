"""A transcript's page: its hand-edited reading text checked against the raw transcript, then rendered."""

from __future__ import annotations

from pathlib import Path

import yaml

from edition.conversation_map import page_head
from edition.errors import fail
from edition.fidelity import words_only
from edition.fillers import load_filler_rules
from edition.reading import check_punctuated, check_reading_faithful, check_spacing, parse_reading
from edition.speakers import Speakers
from edition.transcript import render_reading


def split_front_matter(source: str, shown_as: str = "") -> tuple[str, int]:
    """The Markdown after a ``---`` front matter block, and how many lines came before it.

    With ``shown_as`` the block is checked: ``PAGE003`` when it is not closed, is not valid YAML or
    has no title — MkDocs would show it as page text and lose the title and description.
    """
    if source.startswith("---\n"):
        end = source.find("\n---\n", 4)
        if end >= 0:
            body_start = end + len("\n---\n")
            if shown_as:
                _check_front_matter(source[4:end], shown_as)
            return source[body_start:], source.count("\n", 0, body_start)
        if shown_as:
            raise fail(shown_as, 1, "PAGE003", "front matter is not closed: end it with a line `---`")
    return source, 0


def _check_front_matter(block: str, shown_as: str) -> None:
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + (mark.line if mark is not None else 0)
        raise fail(shown_as, line, "PAGE003", f"front matter is not valid YAML ({error}): fix it") from error
    if not isinstance(meta, dict) or not meta.get("title"):
        raise fail(shown_as, 2, "PAGE003", "front matter has no `title:`: add one (the page's title and tab)")


def render_transcript_page(
    root: Path, markdown: str, raw: str, shown_as: str, speakers: Speakers, line_offset: int = 0
) -> str:
    """Check the page's reading text (speakers, markup, fidelity, punctuation) and render it."""
    reading = parse_reading(markdown, speakers, shown_as, line_offset)
    check_reading_faithful(raw, reading.blocks, shown_as)
    check_punctuated(reading.blocks, shown_as)
    check_spacing(reading.blocks, shown_as)
    rendered = render_reading(reading, speakers, load_filler_rules(root), shown_as)
    head = page_head(rendered.sections, speakers, len(words_only(raw)), rendered.paragraphs)
    return f"{reading.before}\n\n{head}\n\n{rendered.markdown}\n{reading.after}"
