"""A paragraph's time in the recording: shown as ``12:34`` before its words, a link where the audio is.

A transcript from subtitles knows when every cue is spoken; a paragraph starts at the time of its
first word (``SourceText.time_at``), however the editor splits and joins paragraphs. Where the
registry gives the episode's audio, the time is a link to it with a media fragment (``#t=754``):
the browser plays from that moment, and nothing is requested from the audio's host until the
reader clicks. The markup is built here only, escaped, with the class the stylesheet, search and
fidelity proof know (``Mark.TIME``).
"""

from __future__ import annotations

import html
import math

from edition.markup import Mark


def clock(seconds: float) -> str:
    """``754.2`` → ``12:34``; past an hour ``1:02:03``."""
    whole = math.floor(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def time_markup(seconds: float | None, audio: str | None = None) -> str:
    """The inline HTML for a paragraph's start (empty for an untimed source)."""
    if seconds is None:
        return ""
    shown = clock(seconds)
    stamp = f'<time datetime="PT{math.floor(seconds)}S">{shown}</time>'
    if audio is None:
        return f'<span class="{Mark.TIME}">{stamp}</span> '
    href = html.escape(f"{audio}#t={math.floor(seconds)}", quote=True)
    return f'<a class="{Mark.TIME}" href="{href}" title="从 {shown} 起播放录音">{stamp}</a> '
