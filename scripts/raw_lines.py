"""Show the raw source's lines behind a paragraph of a reading text, with their times.

    .venv/bin/python scripts/raw_lines.py ID PARAGRAPH      # a paragraph by its anchor: p12, 12
    .venv/bin/python scripts/raw_lines.py ID 12:34          # the cues around a time
    make raw-lines ID=… AT=p12

An editor deciding a correction or a speaker reads the recognizer's own lines beside the paragraph:
for a subtitle source, each cue with its time (and, with the audio in the registry, the address
that plays from there); for a one-line transcript, the stretch of the line behind the paragraph.
It works on a draft too (its paragraphs as the page shows them). Refused with `path:line: CODE`:
RAW001 an id that is no transcript, or a paragraph that is not there.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from edition.cli import run_on_arguments
from edition.errors import fail
from edition.reading.anchors import assign, load_pins
from edition.reading.reading import Paragraph, paragraph_starts, parse_reading, source_words
from edition.reading.speakers import load_speakers
from edition.reading.timing import clock
from edition.sources.fidelity import words_only
from edition.sources.texts import REGISTRY, load_registry, read_source
from edition.sources.transcript_draft import draft_paragraphs

ROOT = Path(__file__).resolve().parent.parent
_TIME = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")


def _seconds(text: str) -> float | None:
    match = _TIME.match(text)
    if match is None:
        return None
    hours, minutes, seconds = (int(part) if part else 0 for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def raw_lines(root: Path, text_id: str, at: str) -> list[str]:
    """The lines to show: a heading, then each raw block behind the paragraph or time."""
    entry = load_registry(root).texts.get(text_id)
    if entry is None or entry.kind != "transcript" or entry.speakers is None:
        raise fail(REGISTRY, 1, "RAW001", f"{text_id!r} is no transcript of the registry")
    source = read_source(root, text_id, entry)
    page = f"docs/{entry.page}"
    labels: list[str]
    if entry.draft:  # the draft's paragraphs, as its page shows them
        drafts = draft_paragraphs(source)
        texts = [draft.text for draft in drafts]
        starts = list(itertools.accumulate((len(words_only(text)) for text in texts[:-1]), initial=0))
        labels = [f"{text_id} draft" for _ in drafts]
        pins = None
    else:
        reading = parse_reading((root / page).read_text(encoding="utf-8"), load_speakers(root, entry.speakers), page)
        paragraphs = [block for block in reading.blocks if isinstance(block, Paragraph)]
        texts = [source_words(paragraph.text) for paragraph in paragraphs]
        starts = paragraph_starts(reading.blocks)
        labels = [f"{page}:{paragraph.line}" for paragraph in paragraphs]
        pins = load_pins(root, text_id)
    ends = [*starts[1:], len(source.words)]
    seconds = _seconds(at)
    if seconds is not None:
        first, last = seconds - 20, seconds + 40
        heading = f"{text_id} around {clock(seconds)}"
    else:
        pinned = assign(starts, pins).anchors if pins else [None] * len(starts)
        names = [name or f"p{n}" for n, name in enumerate(pinned, 1)]
        wanted = at if at.startswith("p") else f"p{at}"
        if wanted not in names:
            raise fail(
                page, 1, "RAW001", f"no paragraph {wanted} in {page}: give an anchor such as p12, or a time 12:34"
            )
        index = names.index(wanted)
        heading = f"{labels[index]} {wanted}: {words_only(texts[index])[:40]}…"
        first_char, last_char = starts[index], ends[index]
    lines = [heading]
    position = 0
    for block in source.blocks:
        words = words_only(block.text)
        span = (position, position + len(words))
        position += len(words)
        if seconds is not None:
            inside = block.start is not None and first <= block.start <= last
        else:
            inside = span[0] < last_char and span[1] > first_char
        if inside:
            when = clock(block.start) if block.start is not None else "     "
            play = f"  {entry.audio}#t={int(block.start)}" if entry.audio and block.start is not None else ""
            lines.append(f"  {when}  {block.text}{play}")
    return lines


if __name__ == "__main__":
    run_on_arguments(__doc__, 2, lambda text_id, at: raw_lines(ROOT, text_id, at))
