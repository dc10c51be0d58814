"""The editions the site is published in, as ``data/editions.yml`` declares them.

One entry per edition — where it lives, its language tag, its label in the edition switch, how its
characters are converted (OpenCC) and checked (zhconv-rs), its quotation marks, its theme strings,
its PDF's fonts — and the words every edition's PDF adds. The base edition, listed first, is the
text contributors write; every other edition is made from it. No module names an edition: each
reads them from here, so an edition is added by data alone.

Checks (each ``path:line: CODE message``), besides the file's shape (``DATA00x``):

- ``EDN001`` two editions with the same id, prefix, language tag or label;
- ``EDN002`` an edition out of its role: the base edition is first, at the site's root and converts
  nothing; every other edition has a prefix of its own and names its region;
- ``EDN004`` an OpenCC configuration OpenCC does not have.

``EDN003`` (a data file's key that names no edition) is ``edition.editions.keys``'.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Literal

import opencc
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from edition.datafile import Words, line_for, load_yaml, validate
from edition.errors import EditionError, Problem

EDITIONS_FILE = "data/editions.yml"
# zhconv-rs's variants (its README): the targets an edition's characters can be compared with.
ZhconvVariant = Literal["zh-hant", "zh-hans", "zh-tw", "zh-hk", "zh-mo", "zh-cn", "zh-sg", "zh-my"]
# What only a converted edition declares: the base edition is the text as written.
CONVERSION_FIELDS = ("region", "opencc", "cross_check", "word_check", "theme_language", "quotes")
# Fields no two editions may share: each names, places or labels one edition.
UNIQUE_FIELDS = ("id", "prefix", "lang", "label")


class Edition(BaseModel):
    """One published edition: where it lives and how its text is made."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    prefix: str = Field(pattern=r"^(?:[a-z0-9][a-z0-9-]*/)?$")  # "" (the site's root) or "tw/"
    lang: str = Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
    label: Words  # the switch's label
    name: Words  # the switch's accessible name
    region: Words | None = None
    opencc: str | None = Field(default=None, pattern=r"^[a-z0-9]+$")
    cross_check: ZhconvVariant | None = None
    # zhconv-rs variant whose word-level conversion is a second opinion on the region's words in the
    # edition's prose (edition.editions.mainland); omit: none.
    word_check: ZhconvVariant | None = None
    theme_language: str | None = Field(default=None, min_length=2)
    # The marks that stand for “ ” ‘ ’, in that order.
    quotes: str | None = Field(default=None, min_length=4, max_length=4)
    pdf_fonts: list[str] = Field(min_length=1)

    @property
    def is_base(self) -> bool:
        """The edition at the site's root: the text as contributors write it."""
        return not self.prefix


class PdfWords(BaseModel):
    """The words each edition's PDF adds, in the base's script (converted for each edition)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subtitle: str = Field(min_length=1)  # {texts}: each text's title, in 《》
    keywords: str = Field(min_length=1)
    contents: str = Field(min_length=1)
    licence: str = Field(min_length=1)
    authors: str = Field(min_length=1)  # {authors}: the texts' authors

    @field_validator("subtitle", "authors")
    @classmethod
    def _fills_only_its_own_place(cls, value: str, info: ValidationInfo) -> str:
        place = {"subtitle": "texts", "authors": "authors"}[str(info.field_name)]
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        if names - {place}:
            raise ValueError(f"only {{{place}}} is filled in here: write other braces as {{{{ and }}}}")
        return value


class Editions(BaseModel):
    """Every edition, the base edition first, and the words of their PDFs."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    all: tuple[Edition, ...] = Field(alias="editions", min_length=1)
    pdf: PdfWords

    @property
    def base(self) -> Edition:
        return self.all[0]

    @property
    def others(self) -> tuple[Edition, ...]:
        """The editions made from the base edition, each in its own folder."""
        return self.all[1:]

    def named(self, edition_id: str) -> Edition:
        return next(edition for edition in self.all if edition.id == edition_id)

    @property
    def regions(self) -> dict[str, str]:
        """Each edition's region name by its id (the base edition has none)."""
        return {edition.id: edition.region for edition in self.others if edition.region}


def load_editions(root: Path) -> Editions:
    """The editions of the project at ``root``, checked (``EDN001``, ``EDN002``, ``EDN004``)."""
    data = load_yaml(root / EDITIONS_FILE, EDITIONS_FILE)
    editions = validate(Editions, data, EDITIONS_FILE)
    problems = _shared_fields(editions, data) + _roles(editions, data) + _converters(editions, data)
    if problems:
        raise EditionError(problems)
    return editions


def _line(data: object, index: int, *rest: str) -> int:
    return line_for(data, ("editions", index, *rest))


def _shared_fields(editions: Editions, data: object) -> list[Problem]:
    problems = []
    for field in UNIQUE_FIELDS:
        seen: dict[str, str] = {}
        for index, edition in enumerate(editions.all):
            value = getattr(edition, field)
            if value in seen:
                problems.append(
                    Problem(
                        EDITIONS_FILE,
                        _line(data, index, field),
                        "EDN001",
                        f"{field} {value!r} of edition {edition.id!r} is also edition {seen[value]!r}'s: "
                        "each edition has its own",
                    )
                )
            seen.setdefault(value, edition.id)
    return problems


def _roles(editions: Editions, data: object) -> list[Problem]:
    problems = []
    base = editions.base
    if not base.is_base:
        problems.append(
            Problem(
                EDITIONS_FILE,
                _line(data, 0, "prefix"),
                "EDN002",
                f'the first edition ({base.id!r}) is the base edition, at the site\'s root: write prefix: ""',
            )
        )
    for field in CONVERSION_FIELDS:
        if getattr(base, field) is not None:
            problems.append(
                Problem(
                    EDITIONS_FILE,
                    _line(data, 0, field),
                    "EDN002",
                    f"the base edition ({base.id!r}) is the text as written and converts nothing: remove {field!r}",
                )
            )
    for index, edition in enumerate(editions.others, 1):
        if edition.is_base:
            problems.append(
                Problem(
                    EDITIONS_FILE,
                    _line(data, index, "prefix"),
                    "EDN002",
                    f"edition {edition.id!r} is made from the base edition and needs a folder of its own: "
                    f"write prefix: {edition.id}/",
                )
            )
        if edition.region is None:
            problems.append(
                Problem(
                    EDITIONS_FILE,
                    _line(data, index),
                    "EDN002",
                    f"edition {edition.id!r} names no region: add region: (how the glossary heads its notes)",
                )
            )
    return problems


@lru_cache(maxsize=16)
def opencc_has(config: str) -> bool:
    """Whether OpenCC has a configuration of this name (``s2tw``)."""
    try:
        opencc.OpenCC(config)
    except RuntimeError:  # OpenCC's "s2xx not found or not accessible"
        return False
    return True


def _converters(editions: Editions, data: object) -> list[Problem]:
    return [
        Problem(
            EDITIONS_FILE,
            _line(data, index, "opencc"),
            "EDN004",
            f"OpenCC has no configuration {edition.opencc!r}: use one of its own (s2tw, s2hk, s2t …), "
            "or omit opencc for an edition in the base's script",
        )
        for index, edition in enumerate(editions.all)
        if edition.opencc is not None and not opencc_has(edition.opencc)
    ]
