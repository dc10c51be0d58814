"""A first, provisional reading text for a raw speech-recognition transcript.

The recognizer gives phrases without punctuation: one line of phrases separated by single spaces
(``asr-line``), or one subtitle cue after another, each with its time (``srt``, ``webvtt``). These
rules turn them into paragraphs with provisional punctuation, so the text is readable before an
editor punctuates it by hand, and so a new episode starts from a draft instead of from one line.
The rules only ever *add* punctuation and line breaks: no character of the transcript is lost.

Rules, in order:

1. Phrases are the spans between spaces — except a space between two Latin letters or digits
   (``Sora 2``), which belongs to the phrase — and a subtitle cue always ends a phrase.
2. A phrase ending in a question particle (吗, 么) ends a question: ``？``.
3. A phrase ending in a sentence-final particle (吧, 嘛, 呢, 啊, 呀, 啦, 哈) ends a sentence: ``。``.
4. Any other phrase is followed by ``，``.
5. A paragraph closes at the first sentence end after ``PARAGRAPH_CHARACTERS`` characters; the last
   phrase of the transcript ends a sentence.
6. A paragraph of a timed source starts at its first phrase's time, shown before it (``12:34``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.reading.timing import time_markup
from edition.sources.escape import markdown_text
from edition.sources.kinds.model import SourceText
from edition.typography import copywriting_text

QUESTION_PARTICLES = "吗么"
FINAL_PARTICLES = "吧嘛呢啊呀啦哈"
PARAGRAPH_CHARACTERS = 150

# A space is a phrase boundary unless it stands between two Latin letters or digits.
_PHRASE_BOUNDARY = re.compile(r"(?<![A-Za-z0-9]) +| +(?![A-Za-z0-9])")


@dataclass(frozen=True)
class DraftParagraph:
    text: str  # plain text with its provisional punctuation (never markup)
    start: float | None = None


def split_phrases(transcript: str) -> list[str]:
    """Rule 1: the recognizer's phrases."""
    return [phrase for phrase in _PHRASE_BOUNDARY.split(transcript.strip()) if phrase]


def punctuate(phrase: str, last: bool) -> str:
    """Rules 2–4: the phrase with the mark that follows it."""
    if phrase[-1] in QUESTION_PARTICLES:
        return phrase + "？"
    if phrase[-1] in FINAL_PARTICLES or last:
        return phrase + "。"
    return phrase + "，"


def draft_paragraphs(source: SourceText | str) -> list[DraftParagraph]:
    """Rules 1–6: punctuated phrases grouped into paragraphs, each with its start time."""
    blocks = [(source, None)] if isinstance(source, str) else [(block.text, block.start) for block in source.blocks]
    phrases = [(phrase, start) for text, start in blocks for phrase in split_phrases(text)]
    paragraphs: list[DraftParagraph] = []
    current, start = "", None
    for index, (phrase, phrase_start) in enumerate(phrases):
        if not current:
            start = phrase_start
        current += punctuate(phrase, last=index == len(phrases) - 1)
        if current[-1] in "。？" and len(current) >= PARAGRAPH_CHARACTERS:
            paragraphs.append(DraftParagraph(current, start))
            current = ""
    if current:
        paragraphs.append(DraftParagraph(current, start))
    return paragraphs


def draft_markdown(source: SourceText | str, audio: str | None = None) -> str:
    """The draft reading text as Markdown paragraphs, each with its anchor (``#p12``): a reader can
    cite it, and the glossary links to it, before the text is edited. The words are escaped: a
    transcript's ``<`` or ``*`` is text."""
    return (
        "\n\n".join(
            f"{time_markup(paragraph.start, audio)}{markdown_text(copywriting_text(paragraph.text))}\n{{ #p{n} }}"
            for n, paragraph in enumerate(draft_paragraphs(source), 1)
        )
        + "\n"
    )
