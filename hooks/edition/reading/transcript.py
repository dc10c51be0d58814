"""Render a transcript's reading text: speakers, paragraph anchors, clean verbatim, apparatus.

Input is the parsed reading text (``edition.reading.reading``); output is Markdown with inline HTML that
MkDocs renders. Each paragraph gets a citable anchor (``#p12``) with a copy-link number, its
speaker's label (name and symbol), fillers hidden behind the verbatim toggle, and every
correction shown as the editor's reading with the recognizer's original beside it; the
corrections are also listed, with their notes, in the apparatus (校勘记) at the end.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from edition.markup import Mark
from edition.reading.anchors import Assigned
from edition.reading.clean_view import tidy
from edition.reading.critic import Correction, edited, pieces
from edition.reading.fillers import FillerRules, clean_verbatim
from edition.reading.reading import ColdOpen, Heading, Paragraph, ReadingText, Sponsor, link_clips
from edition.reading.speakers import Speakers
from edition.reading.timing import time_markup
from edition.sources.escape import markdown_text
from edition.sources.fidelity import words_only


@dataclass(frozen=True)
class Timing:
    """Each paragraph's start in the recording (``None``: an untimed source) and its audio file."""

    starts: list[float | None] | None = None
    audio: str | None = None

    def markup(self, number: int) -> str:
        """The time shown before paragraph ``number`` (1-based)."""
        return time_markup(self.starts[number - 1], self.audio) if self.starts else ""


@dataclass
class Section:
    """A stretch of the conversation under one heading, with who speaks how much."""

    title: str
    anchor: str
    characters: dict[str, int] = field(default_factory=dict)


@dataclass
class RenderedReading:
    markdown: str
    sections: list[Section]
    corrections: list[tuple[str, Correction]]
    paragraphs: int


def slug(title: str, taken: set[str]) -> str:
    """A readable, unique anchor for a heading (Chinese kept, punctuation dropped)."""
    base = re.sub(r"[^\w]+", "-", title.lower()).strip("-") or "section"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def render_inline(text: str, rules: FillerRules, anchor: str, corrections: list[tuple[str, Correction]]) -> str:
    """A paragraph's text: fillers hidden behind the toggle, corrections with their originals."""
    out: list[str] = []
    for piece in pieces(text):
        if isinstance(piece, str):
            out.append(clean_verbatim(piece, rules))
            continue
        if piece.cut:  # left out of 精编 only (the stylesheet and the view switch)
            out.append(f'<span class="{Mark.EDIT_CUT}">{clean_verbatim(piece.original, rules)}</span>')
            continue
        corrections.append((anchor, piece))
        number = len(corrections)
        queried = piece.original == piece.reading
        kind = "corr corr--query" if queried else "corr corr--conjecture" if piece.note else "corr"
        tip = ("存疑，未改" if queried else f"识别为：{piece.original or '（无）'}") + (
            f"；{piece.note}" if piece.note else ""
        )
        out.append(
            f'<span class="{kind}" id="c{number}" tabindex="0" data-tip="{html.escape(tip)}">'
            + ("" if queried else f'<del class="{Mark.ASR}" title="语音识别原文">{html.escape(piece.original)}</del>')
            + f'<ins title="编者更正">{html.escape(piece.reading)}</ins></span>'
        )
    return tidy("".join(out))


def render_reading(
    reading: ReadingText,
    speakers: Speakers,
    rules: FillerRules,
    shown_as: str = "reading text",
    anchors: Assigned | None = None,
    timing: Timing | None = None,
) -> RenderedReading:
    """``anchors``: each paragraph's pinned anchor and aliases (``edition.reading.anchors``); without them
    paragraphs are numbered in order."""
    out: list[str] = []
    sections: list[Section] = []
    corrections: list[tuple[str, Correction]] = []
    taken: set[str] = set()
    clips = link_clips(reading.blocks, shown_as)
    count = sum(isinstance(block, Paragraph) for block in reading.blocks)
    if anchors is None:
        anchors = Assigned([f"p{n}" for n in range(1, count + 1)], [[] for _ in range(count)])
    numbers = _paragraph_numbers(reading)
    names = [name or f"p{n}" for n, name in enumerate(anchors.anchors, 1)]
    number = 0
    for index, block in enumerate(reading.blocks):
        if isinstance(block, ColdOpen):
            if block.start:
                sections.append(Section("片头", "cold-open"))
                out += [
                    '<div class="cold-open" id="cold-open" markdown="1">',
                    "",
                    '<p class="cold-open__label"><strong>片头</strong>：节目开头的片段集锦，'
                    '每段话在节目中还会出现<span class="screen-only">（点按 → 跳到原处）</span></p>',
                    "",
                ]
            else:
                out += ["</div>", ""]
        elif isinstance(block, Heading):
            anchor = slug(block.title, taken)
            sections.append(Section(block.title, anchor))
            out += [f"{'#' * block.level} {markdown_text(block.title)} {{ #{anchor} }}", ""]
        elif isinstance(block, Sponsor):
            if block.start:
                # What the block advertises, as its marker says: <!-- sponsor: 会员与早晚报 -->.
                what = f"（{html.escape(block.label)}）" if block.label else ""
                out += [
                    '<details class="sponsor" markdown="1">',
                    f'<summary>节目广告{what}<span class="screen-only">：点击展开</span></summary>',
                    "",
                ]
            else:
                out += ["</details>", ""]
        else:
            number += 1
            anchor = names[number - 1]
            if not sections:
                sections.append(Section("开场", anchor))
            section = sections[-1]
            speaker = speakers.root[block.speaker_id]
            section.characters[block.speaker_id] = section.characters.get(block.speaker_id, 0) + len(block.text)
            recurs = names[numbers[clips[index]] - 1] if index in clips else None
            voice = Voice(block.speaker_id, speakers.voice(block.speaker_id), speaker.mark, speaker.name)
            place = Place(anchor, tuple(anchors.aliases[number - 1]))
            when = timing.markup(number) if timing is not None else ""
            out += [_paragraph(block, place, voice, rules, corrections, recurs, when), ""]
    out += _apparatus(corrections)
    return RenderedReading("\n".join(out), sections, corrections, number)


def _paragraph_numbers(reading: ReadingText) -> dict[int, int]:
    """Block index → paragraph number (¶), for links that point forward."""
    paragraphs = (index for index, block in enumerate(reading.blocks) if isinstance(block, Paragraph))
    return {index: number for number, index in enumerate(paragraphs, 1)}


@dataclass(frozen=True)
class Place:
    """Where a paragraph can be linked to: its anchor (``p43``, ``p43a``) and old anchors of its words."""

    anchor: str
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.anchor.removeprefix("p")


@dataclass(frozen=True)
class Voice:
    """Who speaks a turn: id, place in the cast (colour and rule style follow it), mark and name."""

    speaker_id: str
    number: int
    mark: str
    name: str


def _paragraph(
    block: Paragraph,
    place: Place,
    voice: Voice,
    rules: FillerRules,
    corrections: list[tuple[str, Correction]],
    recurs: str | None = None,
    when: str = "",
) -> str:
    anchor, number = place.anchor, place.label
    query = ""
    if block.uncertain:
        # The reason is the editor's note on the attribution; it opens on tap like a correction's.
        reason = html.escape(block.speaker_note)
        query = f'<span class="{Mark.SPEAKER_QUERY}" tabindex="0" data-tip="{reason}" title="{reason}">？</span>'
    uncertain = " speaker--uncertain" if block.uncertain else ""
    # An old anchor of these words (two paragraphs were joined) still lands here.
    aliases = "".join(f'<span class="anchor-alias" id="{alias}"></span>' for alias in place.aliases)
    label = (
        f'{aliases}<a class="{Mark.PARAGRAPH_NUMBER}" href="#{anchor}"'
        f' title="第 {number} 段：点击复制链接">{number}</a>{when}'
        f'<span class="{Mark.SPEAKER} voice-{voice.number}{uncertain}">'
        f'<span class="{Mark.SPEAKER_MARK}" aria-hidden="true">{html.escape(voice.mark)}</span>'
        f"{html.escape(voice.name)}"
        # The colon the stylesheet draws, as text for the search index (and hidden from readers).
        f'<span class="{Mark.SPEAKER_COLON}" hidden>：</span>{query}'
        "</span>"
    )
    text = render_inline(block.text, rules, anchor, corrections)
    if recurs is not None:
        shown = recurs.removeprefix("p")
        text += f' <a class="{Mark.RECURS}" href="#{recurs}" title="节目中的原处：第 {shown} 段">→ ¶{shown}</a>'
    # A turn the edited view leaves out whole (a backchannel, an ad read): hidden there with its label.
    out_of_edit = f" .{Mark.EDITED_OUT}" if "{//" in block.text and not words_only(edited(block.text)) else ""
    return f'{label}{text}\n{{ #{anchor} .turn .voice-{voice.number}{out_of_edit} data-speaker="{voice.speaker_id}" }}'


def _apparatus(corrections: list[tuple[str, Correction]]) -> list[str]:
    if not corrections:
        return []
    out = [
        "## 校勘记 { #apparatus }",
        "",
        "语音识别稿中的误识，本版在正文中更正；下表列出每一处的识别原文与编者读法，标“推测”者为编者推断。",
        "",
        f'<div class="{Mark.APPARATUS}" markdown="1">',  # for the stylesheet: a long block, laid out late
        "",
    ]
    for number, (anchor, correction) in enumerate(corrections, 1):
        note = f"（{html.escape(correction.note)}）" if correction.note else ""
        if correction.original == correction.reading:
            out.append(f'{number}. <a href="#c{number}">¶{anchor[1:]}</a> {html.escape(correction.reading)}{note}')
            continue
        out.append(
            f'{number}. <a href="#c{number}">¶{anchor[1:]}</a> '
            f"<del>{html.escape(correction.original) or '（无）'}</del> → "
            f"<ins>{html.escape(correction.reading) or '（删）'}</ins>{note}"
        )
    return [*out, "", "</div>", ""]
