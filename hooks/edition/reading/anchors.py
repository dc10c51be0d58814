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
order, and every earlier anchor stays in the file as an alias of the words it named.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel

from edition.datafile import load_yaml, validate

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
    """The pinned anchors, or ``None`` when the text has no anchors file (then: numbered in order)."""
    path = ANCHORS.format(text=text_id)
    if not (root / path).exists():
        return None
    return validate(Pins, load_yaml(root / path, path), path).root


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


def pin(starts: list[int], pins: list[Pin], renumber: bool = False) -> list[Pin]:
    """The anchors file after pinning every paragraph: new ones named after the paragraph before."""
    if renumber or not pins:  # the first pinning numbers in order
        fresh = [Pin(anchor=f"p{n}", at=at) for n, at in enumerate(starts, 1)]
        named = {p.anchor for p in fresh}
        return fresh + [p for p in pins if p.anchor not in named]
    assigned = assign(starts, pins)
    taken = {p.anchor for p in pins}
    out = list(pins)
    previous = "p0"
    for at, anchor in zip(starts, assigned.anchors, strict=True):
        if anchor is None:
            base = re.sub(r"[a-z]+$", "", previous)
            anchor = next(base + s for s in string.ascii_lowercase if base + s not in taken)
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
