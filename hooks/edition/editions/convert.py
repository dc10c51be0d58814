"""Each edition's text from the base edition's: OpenCC, corrected by a reviewed override list.

An edition that converts characters names its OpenCC configuration in ``data/editions.yml``:
``s2tw`` and ``s2hk`` convert characters to each region's standard forms without swapping
vocabulary (``s2twp`` would turn 视频 into 影片 and mis-segments): the speakers' words stay
theirs. One-to-many characters (干/幹/乾, 发/發/髮, 里/裡/裏 …) are sometimes converted wrongly in
context; each such phrase is listed in ``data/conversion-overrides.yml`` with the text it must
become in each edition and the reason. Before conversion each listed phrase is replaced by a
private-use placeholder (which OpenCC leaves alone), afterwards by its reviewed form. An edition
in the base's script (no OpenCC) still takes its regional forms, words and quotation marks.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import opencc
from pydantic import RootModel

from edition.datafile import line_for, load_yaml, validate
from edition.editions.declared import Edition, Editions
from edition.editions.regional import Regional, RegionalReading, name_character_spans, regional_quotes
from edition.errors import EditionError, Problem

OVERRIDES = "data/conversion-overrides.yml"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_PLACEHOLDER_BASE = 0xF0000  # Supplementary Private Use Area-A: never in the texts, kept by OpenCC
# Phrases held aside from OpenCC: one pattern for all of them, and each one's form.
Phrases = tuple["re.Pattern[str] | None", dict[str, str]]
# A quotation or a title of a work in the edition's prose: the texts' or their authors' words,
# never regionalised (《后互联网时代的乱弹》 stays 互聯網 in Taiwan).
_QUOTATION = re.compile(r"(“[^”]*”|「[^」]*」|《[^》]*》)")


class Override(RegionalReading):
    """A phrase OpenCC converts wrongly in context, with the right reading for each region."""


class Overrides(RootModel[list[Override]]):
    """Reviewed corrections of OpenCC's output, phrase by phrase."""


@lru_cache(maxsize=4)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


class Converter:
    """Convert text for one edition; identity for the base edition.

    Calling it converts the speakers' and the author's words: characters only (OpenCC, the reviewed
    overrides, the region's standard forms, transliterated names kept, the edition's quotation
    marks). :meth:`prose` converts the edition's own prose: the same, and the region's own words
    (``edition.editions.regional``), outside quotations and the texts' own words.
    """

    def __init__(self, edition: Edition, overrides: list[Override], regional: Regional | None = None) -> None:
        self.edition = edition
        self.regional = regional or Regional()
        self._engine = _opencc(edition.opencc) if edition.opencc else None
        self._overrides = [(o.simplified, form) for o in overrides if (form := o.form_in(edition.id))]
        self._forms = self.regional.forms_for(edition.id)
        # Names keep their name characters: each is converted once, those characters put back.
        self._names = [(name, self._keep_name_characters(name)) for name in self.regional.names]
        self._source = self._phrases(self._overrides + self._names)
        self._prose = self._source
        if not edition.is_base:
            kept = [(word, self(word)) for word in self.regional.protected_words]
            words = self.regional.words_for(edition.id)
            # The reviewed words win over a name's kept characters (特朗普 → 川普 in Taiwan); the
            # texts' own words (kept) over the words.
            self._prose = self._phrases(self._overrides + kept + words + self._names)

    @staticmethod
    def _phrases(pairs: list[tuple[str, str]]) -> Phrases:
        """One pattern for every phrase, longest first (a longer entry wins over one inside it), and
        each phrase's form; an earlier entry wins over a later one for the same phrase. One pass over
        a text node instead of one test per phrase (a glossary's worth of phrases, every node)."""
        table: dict[str, str] = {}
        for simplified, traditional in pairs:
            table.setdefault(simplified, traditional)
        if not table:
            return None, table
        keys = sorted(table, key=len, reverse=True)
        return re.compile("|".join(re.escape(key) for key in keys)), table

    def _keep_name_characters(self, name: str) -> str:
        converted = self.plain(name)
        keep = set(self.regional.forms.name_characters)
        if len(converted) != len(name):
            return converted
        return "".join(s if s in keep else t for s, t in zip(name, converted, strict=True))

    def plain(self, text: str) -> str:
        """OpenCC alone, without overrides."""
        return str(self._engine.convert(text)) if self._engine else text

    def characters(self, text: str) -> str:
        """OpenCC and the region's standard forms, without overrides or names: how the edition writes
        these characters by themselves (OpenCC's 麪 is 麵 in Hong Kong, 佈 is 布 in Taiwan)."""
        return self._standard_forms(self.plain(text))

    def _standard_forms(self, converted: str) -> str:
        for original, regional in self._forms:
            converted = converted.replace(original, regional)
        return converted

    def _convert(self, text: str, phrases: Phrases) -> str:
        if self.edition.is_base:
            return text
        quotes = self.edition.quotes
        if not _HAN.search(text):
            return regional_quotes(text, quotes)
        protected: list[str] = []

        def hold(traditional: str) -> str:
            protected.append(traditional)
            return chr(_PLACEHOLDER_BASE + len(protected) - 1)

        pattern, table = phrases
        if pattern is not None:
            text = pattern.sub(lambda match: hold(table[match.group()]), text)
        for at in reversed(name_character_spans(text, self.regional.forms)):
            text = text[:at] + hold(text[at]) + text[at + 1 :]
        converted = self._standard_forms(self.plain(text))
        for index, traditional in enumerate(protected):
            converted = _put_back(converted, chr(_PLACEHOLDER_BASE + index), traditional)
        return regional_quotes(converted, quotes)

    def __call__(self, text: str) -> str:
        return self._convert(text, self._source)

    def prose(self, text: str) -> str:
        """The edition's own prose: the region's words too, but not inside a quotation."""
        if self.edition.is_base:
            return text
        parts = _QUOTATION.split(text)
        return "".join(
            self(part) if index % 2 else self._convert(part, self._prose) for index, part in enumerate(parts)
        )


def _put_back(text: str, placeholder: str, phrase: str) -> str:
    """The held phrase in place of its placeholder; a phrase that starts or ends in Latin letters
    (谷歌 → Google) is spaced from a Chinese character beside it, as the edition writes them."""
    if not (phrase[:1].isascii() and phrase[:1].isalnum()) and not (phrase[-1:].isascii() and phrase[-1:].isalnum()):
        return text.replace(placeholder, phrase)
    pieces = text.split(placeholder)
    out = pieces[0]
    for after in pieces[1:]:
        before = " " if out and _HAN.match(out[-1]) and phrase[0].isascii() and phrase[0].isalnum() else ""
        behind = " " if after and _HAN.match(after[0]) and phrase[-1].isascii() and phrase[-1].isalnum() else ""
        out += before + phrase + behind + after
    return out


def load_overrides(root: Path) -> tuple[Overrides, object]:
    data = load_yaml(root / OVERRIDES, OVERRIDES)
    return validate(Overrides, data, OVERRIDES), data


def override_problems(overrides: Overrides, data: object, corpus: str, editions: Editions) -> list[Problem]:
    """``OVR001`` an override that changes nothing; ``OVR002`` a phrase that occurs in no text;
    ``OVR003`` an override that writes Simplified characters into a Traditional edition."""
    problems = []
    converters = {edition.id: Converter(edition, []) for edition in editions.others}
    for index, override in enumerate(overrides.root):
        if override.simplified not in corpus:
            problems.append(
                Problem(
                    OVERRIDES,
                    line_for(data, (index, "simplified")),
                    "OVR002",
                    f"{override.simplified!r} occurs in no text or note: remove the override",
                )
            )
        for key, converter in converters.items():
            target = override.form_in(key)
            if target is not None and converter.plain(override.simplified) == target:
                problems.append(
                    Problem(
                        OVERRIDES,
                        line_for(data, (index, key)),
                        "OVR001",
                        f"override changes nothing: OpenCC already gives {target!r} for {key}; remove it",
                    )
                )
            if target is not None and (simplified := _simplified_characters(target, converter)):
                problems.append(
                    Problem(
                        OVERRIDES,
                        line_for(data, (index, key)),
                        "OVR003",
                        f"the {key} form {target!r} has Simplified characters ({'、'.join(simplified)}): "
                        f"write it in the edition's Traditional characters, as {converter.plain(target)!r}",
                    )
                )
    return problems


@lru_cache(maxsize=1)
def simplified_only() -> frozenset[str]:
    """Characters that exist only in Simplified script: OpenCC's STCharacters dictionary maps them
    and never to themselves (只 → 隻 只 and 家 → 家 傢 are Traditional characters too)."""
    clib = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "st.txt"
        subprocess.run(
            [
                str(clib / "bin/opencc_dict"),
                "-i",
                str(clib / "share/opencc/STCharacters.ocd2"),
                "-o",
                str(dump),
                "-f",
                "ocd2",
                "-t",
                "text",
            ],
            check=True,
        )
        lines = dump.read_text(encoding="utf-8").splitlines()
    return frozenset(key for key, targets in (line.split("\t") for line in lines) if key not in targets.split(" "))


def _simplified_characters(text: str, converter: Converter) -> list[str]:
    """Characters of ``text`` that are Simplified only, and not the region's own form either
    (户 is Hong Kong's: s2hk keeps it)."""
    return [char for char in dict.fromkeys(text) if char in simplified_only() and converter.plain(char) != char]


# Where the edition writes its own prose, besides the texts: an override may fix a phrase there too.
PROSE_SOURCES = ("data/glossary.yml", "data/annotations/*.yml", "docs/*.md")


def override_corpus(root: Path, texts: list[str]) -> str:
    """The texts and the edition's own prose, as one string to look phrases up in."""
    prose = [path.read_text(encoding="utf-8") for pattern in PROSE_SOURCES for path in sorted(root.glob(pattern))]
    return "\n".join([*texts, *prose])


def check_overrides(root: Path, corpus: str, editions: Editions) -> Overrides:
    overrides, data = load_overrides(root)
    problems = override_problems(overrides, data, corpus, editions)
    if problems:
        raise EditionError(problems)
    return overrides
