"""A context scan of the one-to-many characters: does each Traditional character fit its words?

OpenCC maps some Simplified characters to several Traditional ones (并 → 並 併, 干 → 幹 乾 干, 发 →
發 髮, 里 → 裏 里, 只 → 只 隻 …) and picks one by the longest phrase of its dictionary at each place,
a phrase that may straddle two words: 查看并购买 (view and buy) holds 并购 (a merger) and became
查看併購買, and the independent converter of the cross-check (``edition.editions.cross_check``) made
the same choice. Each edition also converts every text node by itself, so a word cut by markup (a
stutter in a filler span) loses its neighbours. This scan reads every occurrence of such a
character in the base edition's pages beside the same place in an edition's pages, and asks what
the words around it call for — in the text a reader reads as one piece (a paragraph's text nodes,
across inline markup), cut into words by jieba:

1. a word listed in ``data/one-to-many.yml`` for the character, standing there without cutting one
   of jieba's words in two (合并, 并购, 一并 → 併; 若干, 干涉 → 干; 头发 → 髮), calls for its form;
2. else the word jieba cuts around it, converted by itself, calls for the form it gets there
   (OpenCC's dictionary without the neighbours' words: 查看 / 并 / 购买 gives 並);
3. a character the file watches, in a form other than its usual one (the character converted
   alone: 並, 發, 只, 後 …), needs a listed word: 併 outside 合并 / 并购 / 吞并 … is unusual.

A place whose character is not the one called for is suspicious: a conversion error to fix with an
override (``data/conversion-overrides.yml``), or a right choice recorded under ``reviewed:`` with its
reason; a place inside an override's phrase, written as the override says, is reviewed there.
Readable attributes (a correction's tooltip) are read too, each value as a piece. Characters inside
the region's own words (数据 → 資料 in Taiwan's prose) are the vocabulary's matter
(``data/regional-vocabulary.yml``) and are counted as skipped, not judged.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Literal

import opencc
from pydantic import BaseModel, ConfigDict, Field

from edition.datafile import load_yaml, validate
from edition.editions.convert import Converter, Override
from edition.editions.publish import READABLE_ATTRIBUTES, UNTOUCHED
from edition.html_text import cut
from edition.segmenter import words as segment

DATA = "data/one-to-many.yml"
# Simplified characters shown on either side of a suspicious place.
AROUND = 6
# Elements that sit inside a line of text: their text and their neighbours' are read as one piece
# (a filler span, a correction's <del>/<ins>, a footnote mark); any other tag ends the piece.
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "i", "ins", "mark", "q", "s", "small"}
    | {"span", "strong", "sub", "sup", "time", "u", "wbr"}
)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
# The attributes an edition converts because a reader sees or hears them (a correction's tooltip).
_ATTRIBUTE = re.compile(r"\s(?:" + "|".join(READABLE_ATTRIBUTES) + r')="([^"]*)"')


class Form(BaseModel):
    """The words in which a character takes one of its Traditional forms, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # OpenCC's standard character (裏, 檯); each edition writes its own variant of it (裡, 枱).
    form: str = Field(min_length=1, max_length=1)
    words: list[str] = Field(min_length=1)  # Simplified, each holding the character
    reason: str = Field(min_length=4)


class Accepted(BaseModel):
    """A place where the page's form is right though the scan's reading of the words is not."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    character: str = Field(min_length=1, max_length=1)
    form: str = Field(min_length=1, max_length=1)  # as ``Form.form``
    context: str = Field(min_length=2)  # the Simplified text around the place, holding the character
    reason: str = Field(min_length=4)


class OneToMany(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # The watched characters: for each, the words that call for each of its forms.
    characters: dict[str, list[Form]]
    reviewed: list[Accepted] = []


def load_one_to_many(root: Path) -> OneToMany:
    return validate(OneToMany, load_yaml(root / DATA, DATA), DATA)


@lru_cache(maxsize=1)
def one_to_many() -> dict[str, tuple[str, ...]]:
    """Each Simplified character OpenCC's STCharacters dictionary maps to more than one Traditional
    character, with them, its default first (并 → 並 併 幷)."""
    clib = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "st.txt"
        subprocess.run(
            [
                str(clib / "bin/opencc_dict"),
                *("-i", str(clib / "share/opencc/STCharacters.ocd2"), "-o", str(dump)),
                *("-f", "ocd2", "-t", "text"),
            ],
            check=True,
        )
        lines = dump.read_text(encoding="utf-8").splitlines()
    pairs = (line.split("\t") for line in lines)
    return {key: tuple(targets.split(" ")) for key, targets in pairs if " " in targets}


# How the words called for a form: a listed word, jieba's word by itself, the character's usual form.
By = Literal["listed", "alone", "usual"]


@dataclass(frozen=True)
class Reading:
    """The form the words around a place call for, the word that calls for it, and how."""

    expected: str
    word: str  # Simplified
    by: By


@dataclass(frozen=True)
class Place:
    """A character whose form is not the one its words call for."""

    page: str
    line: int
    character: str  # Simplified
    form: str  # the edition's
    reading: Reading
    around: str  # the Simplified text around it

    def __str__(self) -> str:
        word, expected = self.reading.word, self.reading.expected
        why = {
            "listed": f"the listed word {word!r} calls for {expected!r}",
            "alone": f"jieba's word {word!r} by itself reads {expected!r}",
            "usual": f"no listed word stands here ({word!r} is none), so its usual {expected!r}",
        }[self.reading.by]
        return (
            f"{self.page}:{self.line}: «{self.around}» writes {self.form!r} for {self.character!r}, where {why}: "
            f"fix it with an override in data/conversion-overrides.yml, or record why the page is right under "
            f"reviewed: in {DATA}"
        )


@dataclass
class Scan:
    """What one edition's scan read and found."""

    examined: Counter[str] = field(default_factory=Counter)  # occurrences read, by Simplified character
    skipped: int = 0  # inside the region's own words
    suspicious: list[Place] = field(default_factory=list)
    accepted: Counter[int] = field(default_factory=Counter)  # ``reviewed:`` entries used, by index
    overridden: int = 0  # places the words read otherwise, inside an override's phrase (reviewed there)
    unmatched: list[str] = field(default_factory=list)  # pages whose text nodes do not pair up


@lru_cache(maxsize=4096)
def _bounds(text: str) -> tuple[tuple[int, int], ...]:
    """Where jieba's words start and end in ``text`` (the base text is cut once for every edition)."""
    ends = list(itertools.accumulate(len(word) for word in segment(text)))
    return tuple(zip([0, *ends[:-1]], ends, strict=True))


def _runs(base: str, edition: str) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """Each piece of text a reader reads as one, from its first line: the base's and the edition's
    text nodes, paired, then each readable attribute's value. Code and the like (``UNTOUCHED``) is
    never converted and never read."""
    yield from _text_runs(base, edition)
    for ours, theirs in zip(_ATTRIBUTE.finditer(base), _ATTRIBUTE.finditer(edition), strict=True):
        yield base.count("\n", 0, ours.start()) + 1, [(ours.group(1), theirs.group(1))]


def _text_runs(base: str, edition: str) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    ours = [piece.raw for piece in cut(edition) if piece.is_text]
    run: list[tuple[str, str]] = []
    line = start = 1
    index = 0
    for piece in cut(base):
        if piece.is_text:
            other, index = ours[index], index + 1
            if any(element.tag in UNTOUCHED for element in piece.stack):
                if run:
                    yield start, run
                run = []
            else:
                if not run:
                    start = line
                run.append((piece.raw, other))
        elif (name := _TAG_NAME.match(piece.raw)) and name.group(1).lower() not in INLINE:
            if run:
                yield start, run
            run = []
        line += piece.raw.count("\n")
    if run:
        yield start, run


class _Reader:
    """One edition's reading of the places: its forms, what each word calls for, what was reviewed."""

    def __init__(self, convert: Converter, data: OneToMany, overrides: list[Override]) -> None:
        self.convert = convert
        self.data = data
        key = convert.edition.id
        self.overrides = [
            (o.simplified, form) for o in overrides if (form := o.form_in(key)) and len(form) == len(o.simplified)
        ]
        self.characters = one_to_many()
        self._alone: dict[str, str] = {}
        self._forms: dict[str, frozenset[str]] = {}

    def alone(self, text: str) -> str:
        """``text`` converted by itself (a word, a character)."""
        if text not in self._alone:
            self._alone[text] = self.convert(text)
        return self._alone[text]

    def written(self, character: str, form: str) -> str:
        """How the edition writes one of a character's forms: 里 stays 里; 裏 is 裡 in Taiwan; 麪 is 麵
        in Hong Kong (its standard forms, data/regional-forms.yml)."""
        return form if form == character else self.convert.characters(form)

    def forms(self, character: str) -> frozenset[str]:
        """Every way the edition may write the character: OpenCC's forms and their variants."""
        if character not in self._forms:
            forms = {character, *self.characters[character]}
            self._forms[character] = frozenset(forms | {self.written(character, form) for form in forms})
        return self._forms[character]

    def listed(self, text: str, at: int, bounds: tuple[tuple[int, int], ...]) -> tuple[str, str] | None:
        """The longest listed word standing at ``at``, and the form it calls for."""
        found: tuple[str, str] | None = None
        for entry in self.data.characters.get(text[at], []):
            for word in entry.words:
                if (found is None or len(word) > len(found[0])) and any(
                    _cuts_no_word(begin, begin + len(word), bounds) for begin, _ in _standing(text, at, word)
                ):
                    found = (word, self.written(text[at], entry.form))
        return found

    def overridden(self, text: str, at: int, form: str) -> bool:
        """Whether an override's phrase stands here and writes ``form`` at this place."""
        return any(
            written[offset] == form for phrase, written in self.overrides for _, offset in _standing(text, at, phrase)
        )

    def reviewed(self, text: str, at: int, form: str) -> int | None:
        """The index of the ``reviewed:`` entry for this place, if any."""
        for index, entry in enumerate(self.data.reviewed):
            if (
                entry.character == text[at]
                and self.written(entry.character, entry.form) == form
                and any(_standing(text, at, entry.context))
            ):
                return index
        return None

    def judge(self, text: str, at: int, form: str) -> Reading | None:
        """What the words call for at ``at``, when it is not ``form``."""
        character = text[at]
        bounds = _bounds(text)
        if listed := self.listed(text, at, bounds):
            word, expected = listed
            return None if form == expected else Reading(expected, word, "listed")
        begin, end = next((a, b) for a, b in bounds if a <= at < b)
        word = text[begin:end]
        alone = self.alone(word)
        if len(alone) == len(word) and alone[at - begin] != form:
            return Reading(alone[at - begin], word, "alone")
        usual = self.alone(character)
        if character in self.data.characters and form != usual:
            return Reading(usual, word, "usual")
        return None


def _standing(text: str, at: int, phrase: str) -> Iterator[tuple[int, int]]:
    """Where ``phrase`` stands in ``text`` over the place ``at``: its start, and the place's offset in it."""
    for offset, char in enumerate(phrase):
        begin = at - offset
        if char == text[at] and begin >= 0 and text[begin : begin + len(phrase)] == phrase:
            yield begin, offset


def _cuts_no_word(begin: int, end: int, bounds: tuple[tuple[int, int], ...]) -> bool:
    """Whether the span cuts none of jieba's words in two: it is whole words (同一 / 周) or inside
    one (因果关系 holds 关系) — never 并购 in 查看 / 并 / 购买, which takes half of 购买."""
    return all((begin <= a and b <= end) or (a <= begin and end <= b) for a, b in bounds if a < end and b > begin)


def _aligned(simplified: str, plain: str, page: str) -> Iterator[tuple[int, int]]:
    """Positions of ``simplified`` and of the edition's ``page`` text that hold the same character:
    where the page is the character conversion ``plain``, all of them; else those outside the
    region's words swapped in (数据 → 資料), a word of the same length aligned place by place."""
    if page == plain:
        yield from ((i, i) for i in range(len(simplified)))
        return
    for op, i1, i2, j1, j2 in SequenceMatcher(None, plain, page, autojunk=False).get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            yield from zip(range(i1, i2), range(j1, j2), strict=True)


def scan(pages: Iterable[tuple[str, str, str]], convert: Converter, data: OneToMany, overrides: list[Override]) -> Scan:
    """Read every one-to-many character of the (name, base HTML, edition HTML) pages of the edition
    ``convert`` converts for, with its reviewed ``overrides``."""
    reader = _Reader(convert, data, overrides)
    result = Scan()
    for name, base, edition in pages:
        if not _paired(base, edition):
            result.unmatched.append(name)
            continue
        for line, run in _runs(base, edition):
            text = "".join(simplified for simplified, _ in run)
            if any(char in reader.characters for char in text):
                for at, form in _places(run, reader):
                    if form is None:
                        result.skipped += 1
                    else:
                        result.examined[text[at]] += 1
                        _read(reader, result, name, line, text, at, form)
    return result


def _paired(base: str, edition: str) -> bool:
    """Whether the pages hold as many text nodes and readable attributes: the edition's made from the base's."""
    texts = [sum(piece.is_text for piece in cut(page)) for page in (base, edition)]
    attributes = [len(_ATTRIBUTE.findall(page)) for page in (base, edition)]
    return texts[0] == texts[1] and attributes[0] == attributes[1]


def _places(run: list[tuple[str, str]], reader: _Reader) -> Iterator[tuple[int, str | None]]:
    """Each one-to-many character of the run (its place in the run's Simplified text) and the
    edition's character there; None inside a word the region swapped in (数据 → 資料)."""
    offset = 0
    for simplified, page in run:
        places = [i for i, char in enumerate(simplified) if char in reader.characters]
        if places:
            plain = reader.convert(simplified)
            pairs = dict(_aligned(simplified, plain, page)) if len(plain) == len(simplified) else {}
            for i in places:
                form = page[pairs[i]] if i in pairs else None
                yield offset + i, form if form in reader.forms(simplified[i]) else None
        offset += len(simplified)


def _read(reader: _Reader, result: Scan, name: str, line: int, text: str, at: int, form: str) -> None:
    found = reader.judge(text, at, form)
    if found is None:
        return
    if reader.overridden(text, at, form):
        result.overridden += 1
        return
    if (index := reader.reviewed(text, at, form)) is not None:
        result.accepted[index] += 1
        return
    around = text[max(at - AROUND, 0) : at + AROUND + 1].strip()
    result.suspicious.append(Place(name, line, text[at], form, found, around))
