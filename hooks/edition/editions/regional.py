"""What makes an edition read as written in its region (Taiwan, Hong Kong …), beyond characters.

Three kinds of data, each reviewed entry with its reason, kept by edition id (``data/editions.yml``):

- ``data/regional-forms.yml`` — each region's standard forms (Taiwan: 發布, 帳, 控制臺), applied
  after the character conversion to every text of that edition: a character standard, not a
  choice of words; and the characters a transliterated name keeps (科里森, never 科裡森).
- ``data/regional-vocabulary.yml`` — the region's own words (視頻 → 影片, 用戶 → 使用者 in
  Taiwan), applied only to the edition's own prose: never to the speakers' or the author's words,
  to a quotation of them, to a glossary term's forms (the texts' own words), to names or to the
  titles of cited sources. Any edition but the base takes them, whether or not it converts
  characters (a Simplified regional edition has words of its own too).
- Quotation marks: “” and ‘’ become the edition's own (``quotes`` in ``data/editions.yml``: 「」 and
  『』 in both Traditional editions, by Taiwan's Ministry of Education punctuation handbook; Hong
  Kong the same).

The Simplified source stays the one a contributor writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel

from edition.datafile import Words, line_for, load_yaml, validate
from edition.errors import EditionError, Problem
from edition.notes.model import Term

FORMS = "data/regional-forms.yml"
VOCABULARY = "data/regional-vocabulary.yml"
TEXTS = "data/texts.yml"
# The quotation marks as the base edition is written: an edition's ``quotes`` stand for them, in order.
SOURCE_QUOTES = "“”‘’"
# An apostrophe between Latin letters (OpenAI’s) is not a quotation mark.
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")
_APOSTROPHE_MARK = "\U000f8000"  # private use: kept aside while quotation marks are converted


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    to_replace: Words = Field(alias="from")
    to: Words
    reason: str = Field(min_length=4)


class RegionalForms(BaseModel):
    """Each edition's standard forms under its id (``tw:``), and what keeps a name's characters.
    Which keys may stand besides the fields is ``data/editions.yml``'s to say (``EDN003``)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    __pydantic_extra__: dict[str, list[Form]] = Field(init=False)
    # Characters a transliterated name keeps as written (科里森): OpenCC reads 里 as 裡/裏.
    name_characters: list[str] = []
    # Characters that spell foreign names: a name character between two of them is in a name.
    name_neighbours: str = ""

    def forms_of(self, edition_id: str) -> list[Form]:
        forms: list[Form] = (self.model_extra or {}).get(edition_id, [])
        return forms


class RegionalReading(BaseModel):
    """A Simplified phrase, how each edition writes it (where it differs: ``tw: 影片``, keyed by
    edition id), and why: the shape of a conversion override (``convert.Override``) and of a
    regional word (``Word``). Which keys may stand besides the fields is ``data/editions.yml``'s to
    say (``EDN003``)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    __pydantic_extra__: dict[str, Words] = Field(init=False)
    simplified: Words
    reason: str = Field(min_length=4)

    def form_in(self, edition_id: str) -> str | None:
        """How the edition writes the phrase, if the entry says."""
        return (self.model_extra or {}).get(edition_id)


class Word(RegionalReading):
    simplified: Annotated[Words, Field(min_length=2)]  # a word, not a character: characters are OpenCC's


class Vocabulary(RootModel[list[Word]]):
    """The region's own words for the edition's prose."""


@dataclass(frozen=True)
class Regional:
    """Everything regional a converter needs, for every edition."""

    forms: RegionalForms = field(default_factory=RegionalForms)
    vocabulary: list[Word] = field(default_factory=list)
    # The texts' own words, never regionalised in the prose that cites them (glossary forms).
    protected_words: tuple[str, ...] = ()
    # Transliterated names (from the glossary's full names): their name characters stay.
    names: tuple[str, ...] = ()

    def forms_for(self, edition_id: str) -> list[tuple[str, str]]:
        return [(form.to_replace, form.to) for form in self.forms.forms_of(edition_id)]

    def phrases(self) -> list[str]:
        """Every phrase a converter matches as a whole: the texts' own words, the regional words and
        the names (edition.headings keeps each in one piece)."""
        return [*self.protected_words, *(word.simplified for word in self.vocabulary), *self.names]

    def words_for(self, edition_id: str) -> list[tuple[str, str]]:
        return [(word.simplified, target) for word in self.vocabulary if (target := word.form_in(edition_id))]


def load_regional(root: Path, terms: list[Term], corpus: str | None = None) -> Regional:
    """The regional data; with ``corpus`` (the texts and the edition's prose), also checked:
    ``REG001`` a word that occurs nowhere."""
    forms = validate(RegionalForms, load_yaml(root / FORMS, FORMS), FORMS)
    vocabulary_data = load_yaml(root / VOCABULARY, VOCABULARY)
    vocabulary = validate(Vocabulary, vocabulary_data, VOCABULARY)
    if corpus is not None:
        problems = [
            Problem(
                VOCABULARY,
                line_for(vocabulary_data, (index, "simplified")),
                "REG001",
                f"{word.simplified!r} occurs in no text or note: remove the entry",
            )
            for index, word in enumerate(vocabulary.root)
            if word.simplified not in corpus
        ]
        if problems:
            raise EditionError(problems)
    titles = text_titles(root)
    term_forms = {form for term in terms for form in term.forms if len(form) > 1}
    protected = sorted(term_forms | titles, key=lambda word: (-len(word), word))  # the same in every run
    return Regional(forms, vocabulary.root, tuple(protected), transliterated_names(terms))


def text_titles(root: Path) -> set[str]:
    """The texts' titles (``data/texts.yml``) and the show's or column's name before a title's
    colon (后互联网时代的乱弹): titles of works, which the prose names but never rewords."""
    registry = load_yaml(root / TEXTS, TEXTS)
    titles: set[str] = set()
    for entry in registry.values() if isinstance(registry, dict) else ():
        for key in ("title", "label"):  # the label names the text too (文章：Sora 与互联网的解药)
            title = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(title, str) and title:
                titles.add(title)
                titles.update(part for part in re.split(r"[：（）]", title)[key == "label" :] if len(part) > 1)
    return titles


def transliterated_names(terms: list[Term]) -> tuple[str, ...]:
    """Chinese renderings of foreign names in the glossary, whole and by part (帕特里克·科里森,
    科里森): the texts and notes may use either."""
    names: set[str] = set()
    for term in terms:
        candidates = [term.full_name.zh] if term.full_name and term.full_name.zh else []
        candidates += [form for form in term.forms if "·" in form]
        for name in candidates:
            if "·" in name:
                names.add(name)
                names.update(part for part in name.split("·") if len(part) > 1)
    return tuple(sorted(names, key=lambda name: (-len(name), name)))  # longest first; the same in every run


def name_character_spans(text: str, forms: RegionalForms) -> list[int]:
    """Offsets of name characters that stand inside a transliterated name (科里森): between two
    name-spelling characters, or next to the name dot ·."""
    if not forms.name_characters:
        return []
    spelling = set(forms.name_neighbours) | {"·"}
    return [
        at
        for at, char in enumerate(text)
        if char in forms.name_characters
        and 0 < at < len(text) - 1
        and ((text[at - 1] in spelling and text[at + 1] in spelling) or "·" in (text[at - 1], text[at + 1]))
    ]


def regional_quotes(text: str, marks: str | None) -> str:
    """“ ” ‘ ’ → the edition's ``marks`` in that order (「」『』); an apostrophe inside a Latin word
    stays. No marks: the edition keeps the base's."""
    if marks is None:
        return text
    text = _APOSTROPHE.sub(_APOSTROPHE_MARK, text)
    for mark, regional in zip(SOURCE_QUOTES, marks, strict=True):
        text = text.replace(mark, regional)
    return text.replace(_APOSTROPHE_MARK, "’")
