"""The head of the podcast page: who speaks, how long it takes to read, and a map of the talk.

The map is one horizontal bar built at build time (plain HTML and CSS, no script): sections in
order, each as wide as its share of the text and divided by who speaks how much in it, with a
legend of the speakers' colours and patterns.
"""

from __future__ import annotations

import html

from edition.markup import Mark
from edition.reading.speakers import Speakers
from edition.reading.transcript import Section

# Characters a reader of Chinese reads per minute (a common estimate for continuous text).
CHARACTERS_PER_MINUTE = 400


def reading_minutes(characters: int) -> int:
    return max(1, round(characters / CHARACTERS_PER_MINUTE))


def speaker_list(speakers: Speakers) -> str:
    items = "".join(
        f'<li><span class="{Mark.SPEAKER} voice-{speakers.voice(sid)}">'
        f'<span class="{Mark.SPEAKER_MARK}" aria-hidden="true">{html.escape(s.mark)}</span>'
        f"{html.escape(s.name)}</span>{html.escape(s.role)}</li>"
        for sid, s in speakers.root.items()
    )
    return f'<ul class="speaker-list" aria-label="说话人">{items}</ul>'


def conversation_map(sections: list[Section], speakers: Speakers) -> str:
    """One bar, as wide as the page: each section as wide as its share of the talk (on a phone too),
    coloured and patterned by who speaks; a legend below says which is whom.

    The bar is a picture, not a row of links: at true proportions its narrowest section is a few
    pixels wide on a phone, far below a 24 px tap target. The table of contents links the sections.
    """
    totals: dict[str, int] = {}
    parts: list[str] = []
    for number, section in enumerate(sections, 1):
        size = sum(section.characters.values())
        for sid, count in section.characters.items():
            totals[sid] = totals.get(sid, 0) + count
        shares = "、".join(
            f"{speakers.root[sid].name} {round(100 * count / size) if size else 0}%"  # escaped with the title
            for sid, count in section.characters.items()
        )
        segments = "".join(
            f'<span class="map-seg voice-{speakers.voice(sid)}" style="flex-grow:{count}"></span>'
            for sid, count in section.characters.items()
        )
        parts.append(
            f'<span class="map-section" style="flex-grow:{size}" '
            f'title="{html.escape(f"{number}. {section.title}（{shares}）")}">{segments}</span>'
        )
    whole = sum(totals.values()) or 1
    legend = "".join(
        f'<span class="map-key"><span class="map-swatch voice-{speakers.voice(sid)}" aria-hidden="true"></span>'
        f"{html.escape(speakers.root[sid].name)} {round(100 * totals[sid] / whole)}%</span>"
        for sid in speakers.root
        if sid in totals
    )
    summary = "、".join(f"{speakers.root[sid].name} {round(100 * totals[sid] / whole)}%" for sid in totals)
    return (
        '<figure class="conversation-map">'
        f'<div class="map-bar" role="img" aria-label="对话地图：{len(sections)} 节，{html.escape(summary)}">'
        f"{''.join(parts)}</div>"
        f'<figcaption class="map-legend">{legend}<span class="map-key map-key--note">每节宽度按字数</span>'
        "</figcaption></figure>"
    )


def reading_toggles(edited: bool = False) -> str:
    """The 精编 (when the text has an edited view), 逐字稿 and 识别原文 switches: a bar that stays
    under the header all down the page. 精编 is on until the reader turns it off (edition.js
    remembers the choice); 精编 and 逐字稿 exclude each other, and with neither the page shows the
    clean verbatim."""
    edited_switch = (
        '<label title="精编：删去不影响意思的口头语、重复和改口"><input type="checkbox" id="toggle-edited" '
        'class="toggle-edited" checked> 精编</label>'
        if edited
        else ""
    )
    return (
        '<div class="reading-toggles" markdown="0">'
        f"{edited_switch}"
        '<label title="显示口头语、重复和笑声"><input type="checkbox" id="toggle-verbatim" class="toggle-verbatim"> '
        "逐字稿</label>"
        '<label title="显示语音识别原文"><input type="checkbox" id="toggle-asr" class="toggle-asr"> 识别原文</label>'
        "</div>"
    )


def view_line(cut_share: float) -> str:
    """The line above an edited text that says which view the page opens in, and how to see the rest."""
    return (
        '<p class="reading-view">本文默认显示<strong>精编本</strong>：删去了不影响意思的口头语、重复和改口，'
        f"约占原话的 {round(100 * cut_share)}%；留下的都是说话人的原话，没有改写。"
        '<span class="screen-only">取消勾选“精编”看整理本（只精简口头语），勾选“逐字稿”看全部原话；'
        "每处删节都记录在源文件里。</span>"
        '<span class="print-only">本 PDF 印的是精编本；整理本和逐字稿见网页版。</span></p>'
    )


def page_head(
    sections: list[Section], speakers: Speakers, characters: int, paragraphs: int, cut_share: float | None = None
) -> str:
    """Speakers, reading time and the conversation map, as one HTML block; then the line that names
    the view (an edited text) and the toggles."""
    view = view_line(cut_share) if cut_share is not None else ""
    return (
        f'<div class="{Mark.READING_HEAD}" markdown="0">'
        f"{speaker_list(speakers)}"
        f'<p class="reading-facts">约 {characters:,} 字 · {paragraphs} 段 · {len(sections)} 节 · '
        f"阅读约 {reading_minutes(characters)} 分钟</p>"
        f"{conversation_map(sections, speakers)}"
        f"</div>\n\n{view}{reading_toggles(cut_share is not None)}"
    )
