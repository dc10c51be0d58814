"""What every source kind gives the pipeline: the source's text as blocks of plain text, with times.

A kind never gives markup: a block's ``text`` is the characters of the source (page chrome,
subtitle numbering and timestamps, HTML tags left out), and whatever the pipeline builds from it
goes through the escaping layer (``edition.sources.escape``). The words of the blocks, in order,
are what a reading text must hold (the fidelity proof); a timed block's ``start`` is when its words
are spoken, so any paragraph an editor makes keeps the time of its first word.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from edition.sources.fidelity import words_only

TextKind = Literal["transcript", "article"]
# title, meta (column, date), heading, paragraph, break (a section break), end (an end mark such as
# —完—), byline (the author's line after it).
Role = Literal["title", "meta", "heading", "paragraph", "break", "end", "byline"]


@dataclass(frozen=True)
class Block:
    role: Role
    text: str
    start: float | None = None  # seconds from the start of the recording


@dataclass(frozen=True)
class Metadata:
    """What the source says about itself (an empty string where it says nothing)."""

    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    site: str = ""


@dataclass(frozen=True)
class SourceText:
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    dropped: tuple[str, ...] = ()  # lines of page chrome left out, for the contributor's report

    @property
    def text(self) -> str:
        """The source's words as plain text, block by block."""
        return "\n".join(block.text for block in self.blocks if block.text)

    @cached_property
    def words(self) -> str:
        """The characters a reading text must hold, in order (``edition.sources.fidelity``)."""
        return words_only(self.text)

    @property
    def timed(self) -> bool:
        return any(block.start is not None for block in self.blocks)

    @cached_property
    def _time_index(self) -> tuple[list[int], list[float]]:
        positions: list[int] = []
        starts: list[float] = []
        position = 0
        for block in self.blocks:
            if block.start is not None:
                positions.append(position)
                starts.append(block.start)
            position += len(words_only(block.text))
        return positions, starts

    def time_at(self, position: int) -> float | None:
        """When the word character at ``position`` of :attr:`words` is spoken (its block's start)."""
        positions, starts = self._time_index
        index = bisect.bisect_right(positions, position) - 1
        return starts[index] if index >= 0 else None


@dataclass(frozen=True)
class SourceKind:
    """One kind of raw source: how to recognise it and how to read it.

    ``recognise(text, suffix)`` answers for a decoded file and its name's suffix (``.srt``);
    ``read(text, shown_as)`` gives its :class:`SourceText` or raises ``EditionError`` naming the
    file, the line and the fix.
    """

    name: str  # as the registry's `source:` and add-text's --format name it
    text_kind: TextKind
    description: str  # for --help and CONTRIBUTING
    recognise: Callable[[str, str], bool]
    read: Callable[[str, str], SourceText]
