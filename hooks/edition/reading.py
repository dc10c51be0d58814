"""Parse an editorial reading text (the podcast's) into blocks, and prove it faithful.

The reading text stands in its page between ``<!-- reading-text -->`` and
``<!-- /reading-text -->``. Blocks are separated by blank lines:

- ``## 标题`` — a section heading (editorial: not in the source);
- ``<!-- sponsor -->`` … ``<!-- /sponsor -->`` — the show's own advertising;
- a paragraph, which must begin with its speaker's label ``**闲哥**：`` (``**闲哥？**：`` when the
  attribution is uncertain) and may hold CriticMarkup corrections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.critic import accept, check_balanced, revert
from edition.errors import EditionError, Problem, fail
from edition.fidelity import describe_difference, first_difference, words_only
from edition.speakers import Speakers

START, END = "<!-- reading-text -->", "<!-- /reading-text -->"
SPONSOR_START, SPONSOR_END = "<!-- sponsor -->", "<!-- /sponsor -->"
_LABEL = re.compile(r"^\*\*(?P<name>[^*？]+?)(?P<uncertain>？)?\*\*：")
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


@dataclass(frozen=True)
class Paragraph:
    line: int
    speaker_id: str
    uncertain: bool
    text: str


Block = Heading | Sponsor | Paragraph


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
        chunk = "\n".join(lines[start:index]).strip()
        line = first_line + start
        heading = _HEADING.match(chunk)
        label = _LABEL.match(chunk)
        if chunk in (SPONSOR_START, SPONSOR_END):
            blocks.append(Sponsor(line, chunk == SPONSOR_START))
        elif heading and "\n" not in chunk:
            blocks.append(Heading(line, len(heading["hashes"]), heading["title"]))
        elif label is None:
            problems.append(
                Problem(
                    shown_as, line, "SPK002", "paragraph without a speaker: begin it with **闲哥**： (or **闲哥？**：)"
                )
            )
        elif (found := speakers.by_name(label["name"])) is None:
            known = "、".join(speaker.name for speaker in speakers.root.values())
            problems.append(Problem(shown_as, line, "SPK001", f"unknown speaker {label['name']!r}: use one of {known}"))
        else:
            try:
                check_balanced(chunk, shown_as, line)
            except EditionError as error:
                problems += error.problems
                continue
            blocks.append(Paragraph(line, found[0], bool(label["uncertain"]), chunk[label.end() :].strip()))
    problems += _sponsor_problems(blocks, shown_as)
    if problems:
        raise EditionError(problems)
    return blocks


def _sponsor_problems(blocks: list[Block], shown_as: str) -> list[Problem]:
    problems: list[Problem] = []
    open_at: int | None = None
    for block in blocks:
        if isinstance(block, Sponsor):
            if block.start == (open_at is not None):
                problems.append(Problem(shown_as, block.line, "READ002", "sponsor markers must alternate: open, close"))
            open_at = block.line if block.start else None
    if open_at is not None:
        problems.append(Problem(shown_as, open_at, "READ002", f"sponsor block is not closed with {SPONSOR_END}"))
    return problems


def check_reading_faithful(raw: str, blocks: list[Block], shown_as: str) -> None:
    """``FID001`` at the first paragraph whose words, corrections reverted, differ from the source."""
    expected = words_only(raw)
    position = 0
    last_line = 1
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        words = words_only(revert(block.text))
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


def _accepted_without_spaces(text: str) -> str:
    """The accepted reading text without spaces (a space is not punctuation)."""
    return re.sub(r"\s+", "", accept(text))


def parse_reading(page: str, speakers: Speakers, shown_as: str, line_offset: int = 0) -> ReadingText:
    """``line_offset``: lines of the file before ``page`` (front matter), for error messages."""
    before, text, after, first_line = split_page(page, shown_as, line_offset)
    return ReadingText(before, after, parse_blocks(text, speakers, shown_as, first_line), first_line)
