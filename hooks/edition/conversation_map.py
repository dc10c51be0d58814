"""The head of the podcast page: who speaks, how long it takes to read, and a map of the talk.

The map is one horizontal bar built at build time (plain HTML and CSS, no script): sections in
order, each as wide as its share of the text and divided by who speaks how much in it. Each
section is one link to its place, at least 24 px square so it can be tapped (it wraps onto a second
row on a narrow phone rather than shrink below that).
"""

from __future__ import annotations

import html

from edition.podcast import Section
from edition.speakers import Speakers

# Characters a reader of Chinese reads per minute (a common estimate for continuous text).
CHARACTERS_PER_MINUTE = 400


def reading_minutes(characters: int) -> int:
    return max(1, round(characters / CHARACTERS_PER_MINUTE))


def speaker_list(speakers: Speakers) -> str:
    items = "".join(
        f'<li><span class="speaker speaker--{sid}"><span class="speaker-mark" aria-hidden="true">{s.mark}</span>'
        f"{html.escape(s.name)}</span>{html.escape(s.role)}</li>"
        for sid, s in speakers.root.items()
    )
    return f'<ul class="speaker-list" aria-label="说话人">{items}</ul>'


def conversation_map(sections: list[Section], speakers: Speakers) -> str:
    """One bar: a link per section, as wide as its share of the talk, striped by who speaks."""
    parts: list[str] = []
    for number, section in enumerate(sections, 1):
        size = sum(section.characters.values())
        shares = "、".join(
            f"{speakers.root[sid].name} {round(100 * count / size) if size else 0}%"
            for sid, count in section.characters.items()
        )
        label = f"{number}. {section.title}（{shares}）"
        segments = "".join(
            f'<span class="map-seg map-seg--{sid}" style="flex-grow:{count}"></span>'
            for sid, count in section.characters.items()
        )
        parts.append(
            f'<a class="map-section" href="#{section.anchor}" style="flex-grow:{size}" '
            f'title="{html.escape(label)}" aria-label="{html.escape(label)}">'
            f'<span class="map-number" aria-hidden="true">{number}</span>{segments}</a>'
        )
    return (
        '<nav class="conversation-map" aria-label="对话地图：各节依次排列，每节按说话人分段">'
        f'<div class="map-bar">{"".join(parts)}</div></nav>'
    )


def page_head(sections: list[Section], speakers: Speakers, characters: int, paragraphs: int) -> str:
    """Speakers, reading time and the conversation map, as one HTML block."""
    return (
        '<div class="reading-head" markdown="0">'
        f"{speaker_list(speakers)}"
        f'<p class="reading-facts">约 {characters:,} 字 · {paragraphs} 段 · {len(sections)} 节 · '
        f"阅读约 {reading_minutes(characters)} 分钟</p>"
        f"{conversation_map(sections, speakers)}"
        '<div class="reading-toggles">'
        '<label><input type="checkbox" id="toggle-verbatim" class="toggle-verbatim"> '
        "逐字稿（显示口头语、重复和笑声）</label>"
        '<label><input type="checkbox" id="toggle-asr" class="toggle-asr"> 显示语音识别原文</label>'
        "</div></div>"
    )
