"""A second opinion on every character of the converted editions.

``zhconv-rs`` converts with MediaWiki's tables — another project, another dictionary — so where
it and the edition (OpenCC, the reviewed overrides, the regional forms, names kept) disagree on a
character, one of them is wrong. Every text node of every page is converted both ways, character
layer only (the region's words in the edition's prose are checked by their own test); each
difference must be recorded as reviewed in ``data/conversion-review.yml`` — what zhconv writes,
what the edition writes, optionally the Simplified words around it, and why the edition is right —
or it is reported as ``XCHK001`` with the page and line, to be fixed by an override or reviewed.
Each edition names the zhconv variant it is compared with (``cross_check`` in ``data/editions.yml``:
Taiwan ``zh-hant``, characters only, as its ``zh-tw`` also swaps words and names; Hong Kong
``zh-hk``); an edition without one is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from edition.datafile import line_for, load_yaml, validate
from edition.editions.declared import Edition
from edition.editions.publish import UNTOUCHED  # the text nodes the conversion leaves as they are
from edition.errors import Problem
from edition.html_text import cut

REVIEW = "data/conversion-review.yml"
_HAN = re.compile(r"[\u3400-\u9fff]")
# How much of the Simplified text around a difference is shown and matched against a context.
AROUND = 3
# Changes closer than this many characters belong to one word (首席執行官 / 行政總裁).
JOIN = 2


class Reviewed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    theirs: str
    ours: str
    context: str | None = None  # Simplified words the difference stands in; none: everywhere
    reason: str = Field(min_length=4)


class Review(BaseModel):
    """Each edition's reviewed differences under its id (``tw:``); which ids may stand is
    ``data/editions.yml``'s to say (``EDN003``)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    __pydantic_extra__: dict[str, list[Reviewed]] = Field(init=False)

    def entries_for(self, edition_id: str) -> list[Reviewed]:
        entries: list[Reviewed] = (self.model_extra or {}).get(edition_id, [])
        return entries


@dataclass(frozen=True)
class Difference:
    theirs: str
    ours: str
    around: str  # the Simplified text around it


def load_review(root: Path) -> Review:
    return validate(Review, load_yaml(root / REVIEW, REVIEW), REVIEW)


def differences(simplified: str, ours: str, theirs: str) -> list[Difference]:
    """Where the two conversions of ``simplified`` disagree, with the Simplified text around."""
    # Where zhconv swapped a word of another length, positions in its text drift from the
    # Simplified text's by up to that much: the window widens by the drift.
    drift = abs(len(simplified) - len(theirs))
    changed: list[list[int]] = []  # [i1, i2, j1, j2] of each difference
    for op, i1, i2, j1, j2 in SequenceMatcher(None, theirs, ours, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if changed and i1 - changed[-1][1] < JOIN:  # one word changed in two places: one difference
            changed[-1][1], changed[-1][3] = i2, j2
        else:
            changed.append([i1, i2, j1, j2])
    found = []
    for i1, i2, j1, j2 in changed:
        reach = AROUND + drift + (j2 - j1) + (i2 - i1)
        found.append(Difference(theirs[i1:i2], ours[j1:j2], simplified[max(0, i1 - reach) : i2 + reach]))
    return found


def is_reviewed(difference: Difference, entries: list[Reviewed]) -> bool:
    """Reviewed as a whole, or, where two variant characters happen to stand close, each one."""

    def holds(theirs: str, ours: str) -> bool:
        return any(
            entry.theirs == theirs
            and entry.ours == ours
            and (entry.context is None or entry.context in difference.around)
            for entry in entries
        )

    if holds(difference.theirs, difference.ours):
        return True
    if len(difference.theirs) != len(difference.ours):
        return False
    pairs = [(t, o) for t, o in zip(difference.theirs, difference.ours, strict=True) if t != o]
    return len(pairs) > 1 and all(holds(t, o) for t, o in pairs)


def cross_check(
    pages: list[tuple[str, str]], edition: Edition, convert: Callable[[str], str], review: Review
) -> list[str]:
    """``page:line: XCHK001 …`` for every unreviewed difference on these (name, Simplified HTML) pages."""
    from zhconv_rs import zhconv  # the second opinion is only needed here

    target, key = edition.cross_check, edition.id
    if target is None:  # an edition compared with nothing
        return []
    entries = review.entries_for(key)
    problems = []
    for name, page in pages:
        line = 1
        for piece in cut(page):
            here = line
            line += piece.raw.count("\n")
            if not piece.is_text or not _HAN.search(piece.raw) or any(e.tag in UNTOUCHED for e in piece.stack):
                continue
            for difference in differences(piece.raw, convert(piece.raw), zhconv(piece.raw, target)):
                if not is_reviewed(difference, entries):
                    problems.append(
                        f"{name}:{here}: XCHK001 {key}: «{difference.around.strip()}» the edition writes "
                        f"{difference.ours!r}, zhconv {difference.theirs!r}: fix it with an override in "
                        f"data/conversion-overrides.yml, or record why the edition is right in {REVIEW}"
                    )
    return problems


def unreviewed_overrides(root: Path, editions: Iterable[Edition]) -> list[Problem]:
    """``OVR004`` for an override whose form differs from the second converter's and is not recorded
    as reviewed: an override exists to fix a conversion error, so one that also disagrees with
    zhconv is either a mistake or a change of the words (软件 → 硬體). `make check` says so; without
    this only the cross-check of every page in `make test` did."""
    from zhconv_rs import zhconv  # the second opinion is only needed here

    from edition.editions.convert import OVERRIDES, load_overrides

    overrides, data = load_overrides(root)
    review = load_review(root)
    problems = []
    for index, override in enumerate(overrides.root):
        for edition in editions:
            ours = override.form_in(edition.id)
            if ours is None or edition.cross_check is None:
                continue
            theirs = zhconv(override.simplified, edition.cross_check)
            for difference in differences(override.simplified, ours, theirs):
                if not is_reviewed(difference, review.entries_for(edition.id)):
                    problems.append(
                        Problem(
                            OVERRIDES,
                            line_for(data, (index, edition.id)),
                            "OVR004",
                            f"the {edition.id} form {ours!r} of {override.simplified!r} writes {difference.ours!r} "
                            f"where zhconv writes {difference.theirs!r}: an override corrects a conversion, never "
                            f"the words; if zhconv is the one wrong, record why in {REVIEW}",
                        )
                    )
    return problems
