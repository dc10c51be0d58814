"""A transcript's page: its hand-edited reading text checked against the raw transcript, then rendered."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from edition.errors import EditionError, Problem, fail
from edition.markup import Mark
from edition.reading.anchors import Assigned, assign, check_order, load_pins
from edition.reading.conversation_map import page_head
from edition.reading.critic import edited
from edition.reading.fillers import FillerRules, clean_verbatim, load_filler_rules
from edition.reading.reading import (
    Block,
    Paragraph,
    check_punctuated,
    check_reading_faithful,
    check_spacing,
    paragraph_starts,
    parse_reading,
)
from edition.reading.speakers import Speakers
from edition.reading.transcript import Timing, render_reading
from edition.sources.fidelity import words_only
from edition.sources.kinds.model import SourceText

# Front matter as MkDocs reads it (mkdocs.utils.meta.YAML_RE): `---` and optional blanks on the
# first line, closed by a line of `---` or `...`; a page read otherwise would not be recognised.
_OPENING = re.compile(r"-{3}[ \t]*\n")
_CLOSING = re.compile(r"\n(?:\.{3}|-{3})[ \t]*\n")


def front_matter(source: str) -> dict[str, object]:
    """The page's front matter as data (empty when it has none or it is not valid YAML)."""
    opening = _OPENING.match(source)
    closing = _CLOSING.search(source, opening.end() - 1) if opening else None
    if opening is None or closing is None:
        return {}
    try:
        meta = yaml.safe_load(source[opening.end() : closing.start() + 1])
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def split_front_matter(source: str, shown_as: str = "") -> tuple[str, int]:
    """The Markdown after a ``---`` front matter block, and how many lines came before it.

    With ``shown_as`` the block is checked: ``PAGE003`` when it is not closed, is not valid YAML or
    has no title — MkDocs would show it as page text and lose the title and description.
    """
    opening = _OPENING.match(source)
    if opening:
        closing = _CLOSING.search(source, opening.end() - 1)
        if closing:
            body_start = closing.end()
            if shown_as:
                _check_front_matter(source[opening.end() : closing.start()], shown_as)
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
    for key in ("title", "description"):
        # Both land in <title> and <meta> through the engine's templates, which do not all escape.
        if any(char in str(meta.get(key) or "") for char in "<>\n"):
            raise fail(
                shown_as, 2, "PAGE003", f"front matter `{key}:` holds <, > or a line break: write it as plain text"
            )


def pinned_anchors(root: Path, text_id: str, blocks: list[Block], shown_as: str) -> Assigned | None:
    """Each paragraph's pinned anchor (``edition.reading.anchors``); ``ANCH001`` for a paragraph not pinned."""
    pins = load_pins(root, text_id)
    if pins is None:
        return None
    assigned = assign(paragraph_starts(blocks), pins)
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    check_order(assigned, shown_as, [paragraph.line for paragraph in paragraphs])
    missing = [
        Problem(
            shown_as,
            paragraph.line,
            "ANCH001",
            f"a new paragraph has no anchor yet: run `make anchors ID={text_id}` to pin it (the other "
            "paragraphs keep theirs) and commit data/anchors/" + text_id + ".yml",
        )
        for paragraph, anchor in zip(paragraphs, assigned.anchors, strict=True)
        if anchor is None
    ]
    if missing:
        raise EditionError(missing)
    return assigned


_FILLER_SPAN = re.compile(rf'<span class="{Mark.FILLER}">.*?</span>', re.S)


def cut_share(blocks: list[Block], rules: FillerRules, characters: int) -> float | None:
    """The share of the speakers' words the edited view (精编) leaves out — cuts and the fillers the
    clean view hides — or ``None`` when the text has no cut (it has no edited view)."""
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    if not characters or not any("{//" in paragraph.text for paragraph in paragraphs):
        return None
    shown = sum(
        len(words_only(re.sub(r"<[^>]+>", "", _FILLER_SPAN.sub("", clean_verbatim(edited(paragraph.text), rules)))))
        for paragraph in paragraphs
    )
    return max(0.0, 1 - shown / characters)


def render_transcript_page(
    root: Path,
    markdown: str,
    source: SourceText,
    shown_as: str,
    speakers: Speakers,
    line_offset: int = 0,
    text_id: str = "",
    audio: str | None = None,
) -> str:
    """Check the page's reading text (speakers, markup, fidelity, punctuation, pinned anchors) and render it.

    A timed source gives each paragraph the time of its first word: fixed by the fidelity proof,
    so splitting and joining paragraphs never loses it."""
    reading = parse_reading(markdown, speakers, shown_as, line_offset)
    check_reading_faithful(source.words, reading.blocks, shown_as)
    check_punctuated(reading.blocks, shown_as)
    check_spacing(reading.blocks, shown_as)
    anchors = pinned_anchors(root, text_id, reading.blocks, shown_as) if text_id else None
    times = [source.time_at(start) for start in paragraph_starts(reading.blocks)] if source.timed else None
    rules = load_filler_rules(root)
    rendered = render_reading(reading, speakers, rules, shown_as, anchors, Timing(times, audio))
    share = cut_share(reading.blocks, rules, len(source.words))
    head = page_head(rendered.sections, speakers, len(source.words), rendered.paragraphs, share)
    return f"{reading.before}\n\n{head}\n\n{rendered.markdown}\n{reading.after}"
