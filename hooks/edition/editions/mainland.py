"""Mainland words left in an edition's own prose: the measure behind ``data/regional-vocabulary.yml``.

The edition's own prose (notes, glossary entries, annotations, headings the editor wrote, page
frames, labels: every text node outside the speakers' and the author's words, ``SOURCE_WORDS``)
should use each region's words. Two opinions find what is left:

- a reviewed list of word pairs (``data/mainland-words.yml``): a word that reads as Mainland-only in
  a region, and what that region writes; each with the contexts where the word is the region's too
  (通过法案: a bill is 通過 in Taiwan as well);
- ``zhconv-rs``'s word-level conversion (MediaWiki's tables, ``word_check`` in ``data/editions.yml``:
  ``zh-tw`` / ``zh-hk``) of the Simplified prose: where it writes a word differently from its own
  character-only conversion (``zh-hant``) and the edition still has the character-converted word, it
  is a candidate — taken into the vocabulary, or declined with a reason (MediaWiki's tables also err).

Quotations (“” 「」), titles of works (《》), the texts' titles and the glossary's term forms are the
texts' words and never counted. What is left must be recorded, each word with its reason, under
``left:`` in the same file (at most ``MOST_LEFT`` per edition).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from edition.datafile import Words, load_yaml, validate
from edition.editions.convert import Converter
from edition.editions.declared import Edition, Editions, ZhconvVariant
from edition.editions.publish import UNTOUCHED, is_source_text
from edition.html_text import cut
from edition.segmenter import words as segment

WORDS = "data/mainland-words.yml"
MOST_LEFT = 5
# The texts' words inside the edition's prose: quotations and titles of works.
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|‘[^’]*’|『[^』]*』|《[^》]*》")
_HAN = re.compile(r"[\u3400-\u9fff]")


class Pair(BaseModel):
    """A word that reads as Mainland-only in the regions named (``tw: 谷歌 → Google``), and why."""

    model_config = ConfigDict(extra="allow", frozen=True)

    __pydantic_extra__: dict[str, Words] = Field(init=False)
    mainland: Annotated[Words, Field(min_length=2)]
    # Simplified phrases holding the word where it is the regions' word too (通过法案).
    fine: list[str] = []
    reason: str = Field(min_length=4)

    def form_in(self, edition_id: str) -> str | None:
        return (self.model_extra or {}).get(edition_id)


class Left(BaseModel):
    """A Mainland word left in an edition's prose on purpose, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: str = Field(min_length=2)  # Simplified
    reason: str = Field(min_length=4)


class Declined(BaseModel):
    """A word zhconv-rs would change that the edition keeps (MediaWiki's tables err too)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: str = Field(min_length=1)  # Simplified
    theirs: str = Field(min_length=1)
    reason: str = Field(min_length=4)


class MainlandWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[Pair]
    declined: dict[str, list[Declined]] = {}
    left: dict[str, list[Left]] = {}


def load_mainland_words(root: Path) -> MainlandWords:
    return validate(MainlandWords, load_yaml(root / WORDS, WORDS), WORDS)


@dataclass
class Found:
    """What is left in one edition: each Simplified word, where, and how often."""

    by_list: Counter[str] = field(default_factory=Counter)
    by_zhconv: Counter[tuple[str, str]] = field(default_factory=Counter)  # (word, zhconv's form)
    pages: dict[str, set[str]] = field(default_factory=dict)

    def words(self) -> set[str]:
        return set(self.by_list) | {word for word, _ in self.by_zhconv}

    def note(self, word: str, page: str) -> None:
        self.pages.setdefault(word, set()).add(page)


def prose_nodes(page: str) -> Iterator[str]:
    """The edition's own prose in a page: text nodes outside the texts' words and code, with
    quotations and titles of works taken out."""
    for piece in cut(page):
        if not piece.is_text or is_source_text(piece.stack) or any(e.tag in UNTOUCHED for e in piece.stack):
            continue
        if _HAN.search(piece.raw):
            yield _QUOTED.sub("\u3000", piece.raw)


def _without(text: str, phrases: list[str]) -> str:
    for phrase in phrases:
        text = text.replace(phrase, "\u3000")
    return text


def _word_swaps(simplified: str, variant: ZhconvVariant) -> Iterator[tuple[str, str]]:
    """The words zhconv writes differently in ``variant`` than in plain Traditional characters:
    (the Simplified word, zhconv's regional form), each widened to jieba's words around it."""
    from zhconv_rs import zhconv  # only the measure needs it

    plain, regional = zhconv(simplified, "zh-hant"), zhconv(simplified, variant)
    if plain == regional or len(plain) != len(simplified):
        return
    bounds, at = [0], 0
    for word in segment(simplified):
        at += len(word)
        bounds.append(at)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, plain, regional, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if (
            op == "replace"
            and i2 - i1 == j2 - j1
            and all(
                zhconv(p, "zh-hans") == zhconv(r, "zh-hans") for p, r in zip(plain[i1:i2], regional[j1:j2], strict=True)
            )
        ):
            continue  # variant characters (户 / 戶, 注 / 註, 裡 / 裏): the cross-check's matter, not words
        # The words around the change (an insertion touches the words on both sides), each as
        # zhconv writes it by itself; a change only a longer phrase makes, as the whole phrase.
        low, high = (i1, i2) if i2 > i1 else (max(i1 - 1, 0), i1 + 1)
        tokens = [(a, b) for a, b in itertools.pairwise(bounds) if a < high and b > low]
        swapped = [
            (w, zhconv(w, variant)) for a, b in tokens if zhconv(w := simplified[a:b], "zh-hant") != zhconv(w, variant)
        ]
        if not swapped and tokens:
            phrase = simplified[tokens[0][0] : tokens[-1][1]]
            swapped = [(phrase, regional[j1 - (i1 - tokens[0][0]) : j2 + (tokens[-1][1] - i2)])]
        yield from swapped


def measure(
    site: Path, edition: Edition, editions: Editions, convert: Converter, data: MainlandWords, protected: list[str]
) -> Found:
    """Mainland words left in ``edition``'s prose of the built ``site``."""
    found = Found()
    pairs = [(pair, convert(pair.mainland)) for pair in data.words if pair.form_in(edition.id)]
    fine = sorted({convert(phrase) for pair, _ in pairs for phrase in pair.fine}, key=len, reverse=True)
    kept = sorted({convert(word) for word in protected}, key=len, reverse=True)
    # The region's own words, which may hold the Mainland one (演算法 holds 算法).
    kept += sorted({form for pair, _ in pairs if (form := pair.form_in(edition.id))}, key=len, reverse=True)
    declined = {(entry.word, entry.theirs) for entry in data.declined.get(edition.id, [])}
    others = {other.prefix.rstrip("/") for other in editions.others}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site)
        if relative.parts[0] in others:
            continue
        name = relative.as_posix()
        built = site / edition.prefix / relative
        if not built.exists():
            continue
        prose = [_without(text, [*fine, *kept]) for text in prose_nodes(built.read_text(encoding="utf-8"))]
        for pair, word in pairs:
            if count := sum(text.count(word) for text in prose):
                found.by_list[pair.mainland] += count
                found.note(pair.mainland, name)
        if edition.word_check is None:
            continue
        suggested = {
            swap
            for simplified in prose_nodes(page.read_text(encoding="utf-8"))
            for swap in _word_swaps(_without(simplified, protected), edition.word_check)
            if swap not in declined
        }
        for word, theirs in suggested:
            if convert(word) == theirs or word in found.by_list or any(word == pair.mainland for pair, _ in pairs):
                continue  # the edition writes it as zhconv does, or the list's word (counted above)
            if count := sum(text.count(convert(word)) for text in prose):
                found.by_zhconv[(word, theirs)] += count
                found.note(word, name)
    return found


def report(found: Found, edition: Edition, data: MainlandWords) -> list[str]:
    """One line per word left, most frequent first; those recorded under ``left:`` say so."""
    reasons = {entry.word: entry.reason for entry in data.left.get(edition.id, [])}
    counts: Counter[str] = Counter(found.by_list)
    suggested: dict[str, str] = {}
    for (word, theirs), count in found.by_zhconv.items():
        if word not in found.by_list:
            counts[word] += count
        suggested[word] = theirs
    lines = []
    for word, count in counts.most_common():
        how = "list" if word in found.by_list else f"zhconv → {suggested[word]}"
        kept = f" — left: {reasons[word]}" if word in reasons else ""
        pages = ", ".join(sorted(found.pages.get(word, ())))
        lines.append(f"{edition.id}: {word} ×{count} ({how}; {pages}){kept}")
    return lines
