"""The data contributors write: glossary terms (``data/glossary.yml``) and passage annotations
(``data/annotations/<text>.yml``). Unknown keys, missing fields and malformed values are refused
with the file and line (``edition.datafile``); notes are Markdown without raw HTML.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, RootModel

# Bounded work: a footnote is a sentence, a note a few paragraphs, a quote a phrase. An oversized
# field (a pasted article, a runaway paste) is refused with DATA006 before it reaches the search
# indexer's word splitting or the PDF, where its cost grows much faster than its length.
MAX_DEFINITION = 400
MAX_NOTE = 3000
MAX_QUOTE = 300


class Source(BaseModel):
    """A published source for a definition or an annotation, and what kind of source it is
    (``edition.notes.sources``): the organisation's own page, an established newsroom, a reference work."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    url: AnyHttpUrl
    kind: Literal["primary", "news", "reference", "other"]


class Later(BaseModel):
    """What happened after the text was recorded or written, told apart from what was true on the
    day (``后来``): the date of the first event it tells, the note (Markdown), its own sources."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: Date
    note: str = Field(min_length=1, max_length=MAX_NOTE)
    sources: list[Source] = Field(min_length=1)


class FullName(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    en: str | None = None
    zh: str | None = None


class RegionalNote(BaseModel):
    """How a word is usually said in an edition's region (the texts keep their own word)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    region: str = Field(pattern=r"^[a-z][a-z0-9-]*$")  # an edition's id (data/editions.yml; EDN003)
    note: str = Field(min_length=1, max_length=MAX_NOTE)


class Term(BaseModel):
    """A glossary entry: the headword, the forms it takes in the texts, and its explanation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    headword: str = Field(min_length=1)
    aliases: list[str] = []
    full_name: FullName | None = None
    definition: str = Field(min_length=1, max_length=MAX_DEFINITION)
    note: str = Field(default="", max_length=MAX_NOTE)
    sources: list[Source] = Field(min_length=1)
    checked: Date  # when its sources were last read against what it says (edition.notes.freshness)
    later: Later | None = None
    regional: list[RegionalNote] = []

    @property
    def forms(self) -> list[str]:
        """Every surface form, headword included."""
        return [self.headword, *self.aliases]


class Glossary(RootModel[list[Term]]):
    """All terms, in the order of the glossary page."""


class Quote(BaseModel):
    """Where an annotation anchors: a W3C Web Annotation TextQuoteSelector on the reading text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    exact: str = Field(min_length=2, max_length=MAX_QUOTE)
    prefix: str = Field(default="", max_length=MAX_QUOTE)
    suffix: str = Field(default="", max_length=MAX_QUOTE)


class Annotation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    quote: Quote
    note: str = Field(min_length=1, max_length=MAX_NOTE)
    author: str = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    checked: Date  # when its sources were last read against what it says (edition.notes.freshness)
    later: Later | None = None


class Annotations(RootModel[list[Annotation]]):
    """The annotations of one text."""
