"""Subtitles with a time for every cue: SRT and WebVTT, parsed by maintained libraries.

Whisper and similar recognizers write these. Each cue is one timed block: its text with the
subtitle's own formatting tags (``<i>``, ``<b>``, WebVTT's ``<v Name>`` and ``<c>``) left out, its
lines joined by a space (a phrase boundary for the draft). The cue numbers and timestamps are not
words of the text; the cue's start is kept as the time its words are spoken.
"""

from __future__ import annotations

import html
import io
import re

import srt
import webvtt
from webvtt.errors import MalformedFileError

from edition.errors import fail
from edition.sources.kinds.model import Block, SourceKind, SourceText

# SRT's formatting tags (subtitle players render them; they are not words).
_SRT_TAGS = re.compile(r"</?(?:i|b|u|font)(?:\s[^>]*)?>|\{\\an?\d+\}", re.I)
_SRT_CUE = re.compile(r"\A\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")


def _cue_text(text: str) -> str:
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


# A line that begins as a cue's timing line does (a cue's text may hold "-->" too).
_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-->")


def _timing_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.split("\n"), 1) if _TIMING.match(line)]


def _all_cues_read(text: str, starts: list[float], shown_as: str, kind: str) -> None:
    """``SRC005`` when a timing line was not read as a cue's: a lenient parser skips a cue with a
    malformed time, or folds it into the cue before, and its words would be lost without a word."""
    lines = _timing_lines(text)
    if len(lines) != len(starts):
        stamps = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}[.,]\d{3}\s+-->\s+(?:\d+:)?\d{2}:\d{2}[.,]\d{3}")
        bad = next((n for n in lines if not stamps.match(text.split("\n")[n - 1])), lines[-1] if lines else 1)
        raise fail(
            shown_as,
            bad,
            "SRC005",
            f"{len(lines)} timing lines but {len(starts)} {kind} cues read: fix the cue at this line "
            "(`00:01:02,000 --> 00:01:04,000`, then its text, then a blank line)",
        )


def _checked(blocks: list[Block], shown_as: str, kind: str) -> SourceText:
    if not blocks:
        raise fail(shown_as, 1, "SRC004", f"the {kind} file has no cue with text")
    return SourceText(tuple(blocks))


def recognise_srt(text: str, suffix: str) -> bool:
    return suffix == ".srt" or bool(_SRT_CUE.match(text))


def read_srt(text: str, shown_as: str) -> SourceText:
    blocks: list[Block] = []
    starts: list[float] = []
    try:
        for cue in srt.parse(text):
            starts.append(cue.start.total_seconds())
            words = _cue_text(_SRT_TAGS.sub("", cue.content))
            if words:
                blocks.append(Block("paragraph", words, cue.start.total_seconds()))
    except srt.SRTParseError as error:
        line = text.count("\n", 0, error.actual_start) + 1
        raise fail(
            shown_as,
            line,
            "SRC005",
            "not a well-formed SRT cue here (number, `00:01:02,000 --> 00:01:04,000`, text, blank line): "
            "fix the file or give --format",
        ) from error
    _all_cues_read(text, starts, shown_as, "SRT")
    return _checked(blocks, shown_as, "SRT")


def recognise_webvtt(text: str, suffix: str) -> bool:
    return text.lstrip("\ufeff").startswith("WEBVTT")


def read_webvtt(text: str, shown_as: str) -> SourceText:
    try:
        captions = webvtt.from_buffer(io.StringIO(text)).captions
    except MalformedFileError as error:
        raise fail(
            shown_as, 1, "SRC005", f"not a well-formed WebVTT file ({error}): fix it or give --format"
        ) from error
    # webvtt-py drops the cue's tags but leaves its character references (&lt; &amp;), which
    # stand for the characters a cue cannot write literally.
    starts = [caption.start_in_seconds + caption.start_time.milliseconds / 1000 for caption in captions]
    _all_cues_read(text, starts, shown_as, "WebVTT")
    blocks = [
        Block("paragraph", words, start)
        for caption, start in zip(captions, starts, strict=True)
        if (words := _cue_text(html.unescape(caption.text)))
    ]
    return _checked(blocks, shown_as, "WebVTT")


SRT = SourceKind(
    "srt", "transcript", "SRT subtitles (Whisper and others): a time for every cue", recognise_srt, read_srt
)
WEBVTT = SourceKind("webvtt", "transcript", "WebVTT subtitles: a time for every cue", recognise_webvtt, read_webvtt)
