"""A first, provisional reading text for a raw speech-recognition transcript.

The recognizer gives one line of phrases separated by single spaces, without punctuation. These
rules turn it into paragraphs with provisional punctuation, so the text is readable before an
editor punctuates it by hand, and so a new episode starts from a draft instead of from one line.
The rules only ever *add* punctuation and line breaks: no character of the transcript is lost.

Rules, in order:

1. Phrases are the spans between spaces — except a space between two Latin letters or digits
   (``Sora 2``), which belongs to the phrase.
2. A phrase ending in a question particle (吗, 么) ends a question: ``？``.
3. A phrase ending in a sentence-final particle (吧, 嘛, 呢, 啊, 呀, 啦, 哈) ends a sentence: ``。``.
4. Any other phrase is followed by ``，``.
5. A paragraph closes at the first sentence end after ``PARAGRAPH_CHARACTERS`` characters; the last
   phrase of the transcript ends a sentence.
"""

from __future__ import annotations

import re

QUESTION_PARTICLES = "吗么"
FINAL_PARTICLES = "吧嘛呢啊呀啦哈"
PARAGRAPH_CHARACTERS = 150

# A space is a phrase boundary unless it stands between two Latin letters or digits.
_PHRASE_BOUNDARY = re.compile(r"(?<![A-Za-z0-9]) +| +(?![A-Za-z0-9])")


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


def draft_paragraphs(transcript: str) -> list[str]:
    """Rule 5: punctuated phrases grouped into paragraphs."""
    phrases = split_phrases(transcript)
    paragraphs: list[str] = []
    current = ""
    for index, phrase in enumerate(phrases):
        current += punctuate(phrase, last=index == len(phrases) - 1)
        if current[-1] in "。？" and len(current) >= PARAGRAPH_CHARACTERS:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def draft_markdown(transcript: str) -> str:
    """The draft reading text as Markdown paragraphs, each with its anchor (``#p12``): a reader can
    cite it, and the glossary links to it, before the text is edited."""
    return "\n\n".join(f"{text}\n{{ #p{n} }}" for n, text in enumerate(draft_paragraphs(transcript), 1)) + "\n"
