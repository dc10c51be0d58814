"""Paragraph anchors that never move: ``#p43`` keeps pointing at the same words.

A transcript's paragraphs are cited by anchor (a reader's link, a glossary back-link). Numbering
them in order would move every anchor after a paragraph that an editor splits, joins, adds or
removes. Instead each anchor is pinned to where its paragraph starts in the raw source — a
position in the source's words, which the fidelity check keeps fixed whatever the editor does —
in ``data/anchors/<text id>.yml`` (``make anchors ID=…`` writes it; the diff is reviewed):

- a paragraph starting at a pinned position takes that anchor;
- a new paragraph (an editor split one) has none: ``ANCH001`` until ``make anchors`` pins it, named
  after the paragraph before it (``p43a``, then ``p43b``), so no other anchor changes;
- an anchor whose position no longer starts a paragraph (two were joined) is kept as an alias on
  the paragraph that now holds those words: the old link lands on the same words.

Renumbering (``make anchors ID=… RENUMBER=1``) is a reviewed act: every paragraph gets ``p1…pN`` in
order, and every earlier anchor stays in the file as an alias of the words it named. It is refused
(``ANCH005``) where it would give an existing anchor to other words — a published link would land
elsewhere; a text whose anchors were never published starts afresh by deleting its anchors file.

The file is a contract, checked on every build: one pin per anchor name (``ANCH003``), and the
paragraphs' anchors in the order of their words (``ANCH004``: swapped pins would number paragraphs
9, 11, 10, 12).
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel

from edition.datafile import line_for, load_yaml, validate
from edition.errors import EditionError, Problem, fail

ANCHORS = "data/anchors/{text}.yml"


class Pin(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    anchor: str = Field(pattern=r"^p\d+[a-z]*$")
    at: int = Field(ge=0)  # where the paragraph starts among the raw source's words


class Pins(RootModel[list[Pin]]):
    """A text's pinned anchors, in the order they were pinned."""


@dataclass
class Assigned:
    """The anchor of each paragraph (``None``: not pinned yet) and the aliases it also carries."""

    anchors: list[str | None]
    aliases: list[list[str]] = field(default_factory=list)


def load_pins(root: Path, text_id: str) -> list[Pin] | None:
    """The pinned anchors, or ``None`` when the text has no anchors file (then: numbered in order).
    ``ANCH003`` where one anchor is pinned twice."""
    path = ANCHORS.format(text=text_id)
    if not (root / path).exists():
        return None
    data = load_yaml(root / path, path)
    pins = validate(Pins, data, path).root
    seen: set[str] = set()
    for index, pinned in enumerate(pins):
        if pinned.anchor in seen:
            raise fail(
                path,
                line_for(data, (index,)),
                "ANCH003",
                f"{pinned.anchor} is pinned twice: a page would carry two id={pinned.anchor}; keep the entry "
                "that names the words published under it and delete the other",
            )
        seen.add(pinned.anchor)
    return pins


def _order(anchor: str) -> tuple[int, int, str]:
    match = re.fullmatch(r"p(\d+)([a-z]*)", anchor)
    assert match is not None  # Pin's pattern
    return int(match[1]), len(match[2]), match[2]


def check_order(assigned: Assigned, shown_as: str, lines: list[int]) -> None:
    """``ANCH004`` where a paragraph's anchor sorts before the anchor of the paragraph before it."""
    previous: str | None = None
    for anchor, line in zip(assigned.anchors, lines, strict=True):
        if anchor is None:
            continue
        if previous is not None and _order(anchor) <= _order(previous):
            raise EditionError(
                [
                    Problem(
                        shown_as,
                        line,
                        "ANCH004",
                        f"this paragraph is pinned as {anchor}, after {previous}: the anchors file names them "
                        "out of order (swapped `at:` values?); put each anchor back at its own paragraph's "
                        "position, or renumber with `make anchors RENUMBER=1`",
                    )
                ]
            )
        previous = anchor


def _suffixes() -> Iterator[str]:
    """a … z, aa, ab …: any number of paragraphs split from one."""
    for size in itertools.count(1):
        for letters in itertools.product(string.ascii_lowercase, repeat=size):
            yield "".join(letters)


def assign(starts: list[int], pins: list[Pin]) -> Assigned:
    """Anchors and aliases for paragraphs starting at ``starts`` (source word positions, ascending)."""
    anchors: list[str | None] = [None] * len(starts)
    aliases: list[list[str]] = [[] for _ in starts]
    for pin in pins:
        holder = bisect.bisect_right(starts, pin.at) - 1  # the paragraph holding that position
        if holder < 0:
            continue
        if starts[holder] == pin.at and anchors[holder] is None:
            anchors[holder] = pin.anchor
        elif pin.anchor != anchors[holder]:
            aliases[holder].append(pin.anchor)
    return Assigned(anchors, aliases)


def pin(starts: list[int], pins: list[Pin], renumber: bool = False, shown_as: str = "data/anchors") -> list[Pin]:
    """The anchors file after pinning every paragraph: new ones named after the paragraph before."""
    if renumber or not pins:  # the first pinning numbers in order
        fresh = [Pin(anchor=f"p{n}", at=at) for n, at in enumerate(starts, 1)]
        old = {p.anchor: p.at for p in pins}
        moved = [p for p in fresh if p.anchor in old and old[p.anchor] != p.at]
        if moved:
            raise fail(
                shown_as,
                1,
                "ANCH005",
                f"renumbering would give {moved[0].anchor} (now at source character {old[moved[0].anchor]}) to "
                f"other words (at {moved[0].at}), and {len(moved) - 1} more: a published link would land "
                "elsewhere. Keep the anchors as they are (make anchors without RENUMBER); a text never "
                "published may start afresh by deleting its anchors file",
            )
        named = {p.anchor for p in fresh}
        return fresh + [p for p in pins if p.anchor not in named]
    assigned = assign(starts, pins)
    taken = {p.anchor for p in pins}
    out = list(pins)
    previous = "p0"
    for at, anchor in zip(starts, assigned.anchors, strict=True):
        if anchor is None:
            base = re.sub(r"[a-z]+$", "", previous)
            anchor = next(base + s for s in _suffixes() if base + s not in taken)
            taken.add(anchor)
            out.append(Pin(anchor=anchor, at=at))
        previous = anchor
    return out


def pins_yaml(text_id: str, pins: list[Pin]) -> str:
    lines = [
        f"# Paragraph anchors of {text_id}, pinned to where each paragraph starts among the raw",
        "# source's words (edition.reading.anchors). Written by `make anchors ID=…`; review the diff: an anchor",
        "# that changes breaks a reader's link. An entry whose position no longer starts a paragraph",
        "# is an alias: its link still lands on the same words.",
    ]
    return "\n".join(lines + [f"- {{anchor: {p.anchor}, at: {p.at}}}" for p in pins]) + "\n"
