"""Parse an editorial reading text (the podcast's) into blocks, and prove it faithful.

The reading text stands in its page between ``<!-- reading-text -->`` and
``<!-- /reading-text -->``. Blocks are separated by blank lines:

- ``## 标题`` — a section heading (editorial: not in the source);
- ``<!-- sponsor -->`` … ``<!-- /sponsor -->`` — the show's own advertising; the opening marker
  may say what is advertised, ``<!-- sponsor: 会员与早晚报 -->``, and the block's summary names it;
- ``<!-- cold-open -->`` … ``<!-- /cold-open -->`` — the montage of clips an episode opens with;
  each clip recurs later in the conversation and is linked to that place (:func:`link_clips`);
- a paragraph, which must begin with its speaker's label ``**name**：`` (``**name？**：`` when the
  attribution is uncertain), ``name`` being one of the text's own cast (``data/speakers/<text
  id>.yml``), and may hold CriticMarkup corrections. A comment right after the label is the
  editor's note on the attribution: ``**name？**：{>>说话人存疑：……<<}`` is shown to the reader
  who taps the ``？`` (an uncertain label must have one); after a certain label it records the
  reasoning for reviewers and is not shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from edition.errors import EditionError, Problem, fail
from edition.reading.critic import accept, check_balanced, pieces, revert
from edition.reading.speakers import Speakers
from edition.sources.fidelity import blank_markup, describe_difference, first_difference, words_only

START, END = "<!-- reading-text -->", "<!-- /reading-text -->"
SPONSOR_START, SPONSOR_END = "<!-- sponsor -->", "<!-- /sponsor -->"
# The opening marker, with what the block advertises if the editor says: <!-- sponsor: 会员与早晚报 -->.
_SPONSOR_OPENING = re.compile(r"^<!-- sponsor(?::[ ]*(?P<label>(?:(?!-->).)*?))? -->$")
COLD_OPEN_START, COLD_OPEN_END = "<!-- cold-open -->", "<!-- /cold-open -->"
_LABEL = re.compile(r"^\*\*(?P<name>[^*？]+?)(?P<uncertain>？)?\*\*：")
_SPEAKER_NOTE = re.compile(r"^\{>>(?P<note>.*?)<<\}", re.S)
# A clip of the cold open and the later paragraph share at least this share of the clip's words,
# in stretches of at least CLIP_STRETCH characters (a montage cuts a sentence, and speech
# recognition hears the same words a little differently twice).
CLIP_MATCH = 0.6
CLIP_STRETCH = 3
_HEADING = re.compile(r"^(?P<hashes>#{2,6})\s+(?P<title>.+?)\s*$")
# A run of Chinese characters this long without any punctuation is hard to read aloud or follow.
MAX_UNPUNCTUATED_RUN = 80


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    title: str


@dataclass(frozen=True)
class Sponsor:
    line: int
    start: bool
    # What the block advertises, as its opening marker says (``<!-- sponsor: 会员与早晚报 -->``); "" when
    # the marker does not say.
    label: str = ""


@dataclass(frozen=True)
class ColdOpen:
    line: int
    start: bool


@dataclass(frozen=True)
class Paragraph:
    line: int
    speaker_id: str
    uncertain: bool
    text: str
    # The editor's note on the attribution (the comment right after the label), without the markup.
    speaker_note: str = ""


Block = Heading | Sponsor | ColdOpen | Paragraph


@dataclass(frozen=True)
class ReadingText:
    """The page split around its reading text, and the text's blocks."""

    before: str
    after: str
    blocks: list[Block]
    first_line: int


def split_page(page: str, shown_as: str, line_offset: int = 0) -> tuple[str, str, str, int]:
    """(before, reading text, after, line of the reading text's first line)."""
    lines = page.split("\n")
    starts = [i for i, line in enumerate(lines) if line.strip() == START]
    ends = [i for i, line in enumerate(lines) if line.strip() == END]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise fail(shown_as, line_offset + 1, "READ001", f"the page needs one {START} line and one {END} line after it")
    s, e = starts[0], ends[0]
    return "\n".join(lines[:s]), "\n".join(lines[s + 1 : e]), "\n".join(lines[e + 1 :]), line_offset + s + 2


def parse_blocks(text: str, speakers: Speakers, shown_as: str, first_line: int) -> list[Block]:
    """The blocks of a reading text; every problem found is reported, not just the first."""
    problems: list[Problem] = []
    blocks: list[Block] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        start = index
        while index < len(lines) and lines[index].strip():
            index += 1
        chunk = _spaced_marker("\n".join(lines[start:index]).strip())
        line = first_line + start
        heading = _HEADING.match(chunk)
        label = _LABEL.match(chunk)
        if chunk == SPONSOR_END:
            blocks.append(Sponsor(line, start=False))
        elif sponsor := _SPONSOR_OPENING.match(chunk):
            blocks.append(Sponsor(line, start=True, label=(sponsor["label"] or "").strip()))
        elif chunk in (COLD_OPEN_START, COLD_OPEN_END):
            blocks.append(ColdOpen(line, chunk == COLD_OPEN_START))
        elif heading and "\n" not in chunk:
            blocks.append(Heading(line, len(heading["hashes"]), heading["title"]))
        elif label is None and (ascii_colon := _ASCII_COLON_LABEL.match(chunk)):
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "SPK005",
                    f"the label **{ascii_colon['name']}** is followed by a half-width colon: write the full-width "
                    f"colon, **{ascii_colon['name']}**：",
                )
            )
        elif label is None and chunk.startswith("<!--"):
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "READ007",
                    f"unknown marker {chunk[:40]!r}: the reading text knows {SPONSOR_START} (or "
                    f"<!-- sponsor: 什么 -->), {SPONSOR_END}, {COLD_OPEN_START} and {COLD_OPEN_END}; "
                    "a note for reviewers goes after a label as {>>…<<}",
                )
            )
        elif label is None:
            problems.append(Problem(shown_as, line, "SPK002", f"paragraph without a speaker: {_label_hint(speakers)}"))
        elif (found := speakers.by_name(label["name"])) is None:
            known = "、".join(speaker.name for speaker in speakers.root.values())
            problems.append(Problem(shown_as, line, "SPK001", f"unknown speaker {label['name']!r}: use one of {known}"))
        else:
            try:
                check_balanced(chunk, shown_as, line)
            except EditionError as error:
                problems += error.problems
                continue
            text = chunk[label.end() :].strip()
            note = _SPEAKER_NOTE.match(text)
            if label["uncertain"] and (note is None or not note["note"].strip()):
                problems.append(
                    Problem(
                        shown_as,
                        line,
                        "SPK003",
                        f"uncertain speaker {label['name']}？ without a reason: say why right after the label, "
                        f"as **{label['name']}？**：{{>>说话人存疑：……<<}}",
                    )
                )
            if note is not None:
                text = text[note.end() :].lstrip()
            if hidden := _HIDING.search(text):
                problems.append(
                    Problem(
                        shown_as,
                        line,
                        "READ008",
                        f"HTML in a paragraph ({hidden.group()[:20]!r}): a comment or tag would hide words from "
                        "readers while the fidelity proof counts them; write the words as text, and a note as "
                        "{>>…<<}",
                    )
                )
                continue
            if not text:
                problems.append(Problem(shown_as, line, "SPK004", "speaker label with no words after it"))
                continue
            blocks.append(
                Paragraph(line, found[0], bool(label["uncertain"]), text, note["note"].strip() if note else "")
            )
    problems += _marker_problems(blocks, Sponsor, SPONSOR_END, shown_as)
    problems += _marker_problems(blocks, ColdOpen, COLD_OPEN_END, shown_as)
    if problems:
        raise EditionError(problems)
    return blocks


# A label with a half-width colon: the paragraph has a speaker, written the wrong way.
_ASCII_COLON_LABEL = re.compile(r"^\*\*(?P<name>[^*？]+?)？?\*\*\s*:")
# A comment or an HTML tag inside a paragraph (the escaping layer writes a source's < as &lt;).
_HIDING = re.compile(r"<!--|<[A-Za-z/][^>]*>")
_MARKER = re.compile(r"^<!--\s*(/?(?:sponsor|cold-open)(?::[^>]*?)?)\s*-->$")


def _spaced_marker(chunk: str) -> str:
    """A block marker as the parser knows it, however it is spaced (``<!--cold-open-->``)."""
    match = _MARKER.match(chunk)
    return f"<!-- {match[1].strip()} -->" if match else chunk


def _label_hint(speakers: Speakers) -> str:
    """How to begin a paragraph, with the text's own first speaker as the example."""
    first = next(iter(speakers.root.values()))  # a cast lists at least one speaker (Speakers)
    return f"begin it with **{first.name}**： (or **{first.name}？**：), or another name of its cast"


def _marker_problems(
    blocks: list[Block], kind: type[Sponsor] | type[ColdOpen], end: str, shown_as: str
) -> list[Problem]:
    """``READ002`` where a block's opening and closing markers do not alternate."""
    name = end.strip("<!-/ >")
    problems: list[Problem] = []
    open_at: int | None = None
    for block in blocks:
        if isinstance(block, kind):
            if block.start == (open_at is not None):
                problems.append(Problem(shown_as, block.line, "READ002", f"{name} markers must alternate: open, close"))
            open_at = block.line if block.start else None
    if open_at is not None:
        problems.append(Problem(shown_as, open_at, "READ002", f"{name} block is not closed with {end}"))
    return problems


def cold_open_clips(blocks: list[Block]) -> list[int]:
    """Indexes (in ``blocks``) of the paragraphs inside the cold open."""
    inside = False
    clips: list[int] = []
    for index, block in enumerate(blocks):
        if isinstance(block, ColdOpen):
            inside = block.start
        elif inside and isinstance(block, Paragraph):
            clips.append(index)
    return clips


def _clip_words(text: str) -> str:
    return words_only(accept(text))


def link_clips(blocks: list[Block], shown_as: str) -> dict[int, int]:
    """Each clip of the cold open → the index of the later paragraph where its words recur.

    ``READ005`` when a clip recurs nowhere after the cold open; ``READ006`` when the paragraph it
    recurs in has another speaker (the same words cannot have two speakers).
    """
    clips = cold_open_clips(blocks)
    if not clips:
        return {}
    later = [
        (index, _clip_words(block.text))
        for index, block in enumerate(blocks)
        if isinstance(block, Paragraph) and index > clips[-1]
    ]
    links: dict[int, int] = {}
    problems: list[Problem] = []
    for clip_index in clips:
        clip = blocks[clip_index]
        assert isinstance(clip, Paragraph)
        words = _clip_words(clip.text)
        best, best_size = -1, 0
        for index, other in later:
            blocks_in_common = SequenceMatcher(None, words, other, autojunk=False).get_matching_blocks()
            size = sum(common.size for common in blocks_in_common if common.size >= CLIP_STRETCH)
            if size > best_size:
                best, best_size = index, size
        if best < 0 or best_size < CLIP_MATCH * len(words):
            problems.append(
                Problem(
                    shown_as,
                    clip.line,
                    "READ005",
                    f"clip «{words[:12]}…» recurs nowhere after the cold open: move it out of "
                    f"{COLD_OPEN_START} … {COLD_OPEN_END} if it is live conversation",
                )
            )
            continue
        target = blocks[best]
        assert isinstance(target, Paragraph)
        if target.speaker_id != clip.speaker_id:
            problems.append(
                Problem(
                    shown_as,
                    clip.line,
                    "READ006",
                    f"clip is labelled {clip.speaker_id} but its words recur at line {target.line} as "
                    f"{target.speaker_id}: give both the same speaker",
                )
            )
        links[clip_index] = best
    if problems:
        raise EditionError(problems)
    return links


def source_words(text: str) -> str:
    """A paragraph's words as the source has them: corrections reverted, markup and escapes blanked."""
    return words_only(blank_markup(revert(text)))


def check_reading_faithful(expected: str, blocks: list[Block], shown_as: str) -> None:
    """``FID001`` at the first paragraph whose words, corrections reverted, differ from the source's
    words (``SourceText.words``)."""
    position = 0
    last_line = 1
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        words = source_words(block.text)
        at = first_difference(expected[position : position + len(words)], words)
        if at is not None:
            raise fail(
                shown_as,
                block.line,
                "FID001",
                "reading text differs from the raw transcript (corrections reverted, punctuation and markup "
                f"removed) at source character {position + at}: "
                + describe_difference(expected, expected[:position] + words, position + at),
            )
        position += len(words)
        last_line = block.line
    if position != len(expected):
        raise fail(
            shown_as,
            last_line,
            "FID001",
            f"reading text ends at source character {position} of {len(expected)}: "
            f"missing «{expected[position : position + 30]}…»",
        )


def paragraph_starts(blocks: list[Block]) -> list[int]:
    """Where each paragraph starts among the source's words (corrections reverted): fixed by the
    fidelity check whatever the editor does to other paragraphs (``edition.reading.anchors``)."""
    starts, position = [], 0
    for block in blocks:
        if isinstance(block, Paragraph):
            starts.append(position)
            position += len(source_words(block.text))
    return starts


def check_punctuated(blocks: list[Block], shown_as: str) -> None:
    """``READ003`` where a paragraph runs too long without a punctuation mark."""
    run = re.compile(f"[\u4e00-\u9fff]{{{MAX_UNPUNCTUATED_RUN + 1},}}")
    for block in blocks:
        if isinstance(block, Paragraph) and (found := run.search(_accepted_without_spaces(block.text))):
            raise fail(
                shown_as,
                block.line,
                "READ003",
                f"{len(found.group())} Chinese characters without punctuation from «{found.group()[:12]}…»: "
                "punctuate it",
            )


_CJK_MEETS_LATIN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u3400-\u4dbf\u4e00-\u9fff]")


def check_spacing(blocks: list[Block], shown_as: str) -> None:
    """``READ004`` where the editor's text runs Chinese into Latin letters or digits.

    Chinese copywriting puts a space between them (``用 GPT-5 做``, ``30 年``). Only the editor's
    own text is checked: where a correction or a hidden filler meets its neighbour, the renderer
    adds the space (``edition.reading.clean_view``).
    """
    problems: list[Problem] = []
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        for piece in pieces(block.text):
            text = piece if isinstance(piece, str) else piece.reading
            if found := _CJK_MEETS_LATIN.search(text):
                around = text[max(0, found.start() - 6) : found.end() + 6]
                problems.append(
                    Problem(
                        shown_as,
                        block.line,
                        "READ004",
                        f"no space between Chinese and Latin in «{around}»: write "
                        f"«{found.group()[0]} {found.group()[1]}»",
                    )
                )
    if problems:
        raise EditionError(problems)


def _accepted_without_spaces(text: str) -> str:
    """The accepted reading text without spaces (a space is not punctuation)."""
    return re.sub(r"\s+", "", accept(text))


def parse_reading(page: str, speakers: Speakers, shown_as: str, line_offset: int = 0) -> ReadingText:
    """``line_offset``: lines of the file before ``page`` (front matter), for error messages."""
    before, text, after, first_line = split_page(page, shown_as, line_offset)
    return ReadingText(before, after, parse_blocks(text, speakers, shown_as, first_line), first_line)
