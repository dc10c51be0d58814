"""The data files kept by edition, and ``EDN003``: each of their edition keys names an edition.

Reviewed data for the editions made from the base edition stands under each edition's id
(``tw: 影片``): a regional word, a conversion override, a region's standard forms, a reviewed
difference from the independent converter, a glossary term's regional note. Which ids exist is
``data/editions.yml``'s to say, so the models of these files take any key besides their own fields
and this check holds the keys to the declared editions: a key that names no edition (a typo, an
edition removed) would otherwise be kept silently and applied nowhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from edition.datafile import line_for, load_yaml
from edition.editions.convert import OVERRIDES, Override
from edition.editions.cross_check import REVIEW, Review
from edition.editions.declared import EDITIONS_FILE, Editions
from edition.editions.regional import FORMS, VOCABULARY, RegionalForms, Word
from edition.errors import EditionError, Problem
from edition.notes.glossary import GLOSSARY

# Files of entries, each entry keyed by edition (``- simplified: 视频\n  tw: 影片``).
ENTRY_FILES: tuple[tuple[str, type[BaseModel]], ...] = ((VOCABULARY, Word), (OVERRIDES, Override))
# Files keyed by edition at the top (``tw: [...]``).
TOP_FILES: tuple[tuple[str, type[BaseModel]], ...] = ((FORMS, RegionalForms), (REVIEW, Review))


def _fields(model: type[BaseModel]) -> set[str]:
    """The keys a model takes besides editions' ids, as the data writes them (aliases included)."""
    return {field.alias or name for name, field in model.model_fields.items()}


def _parsed(root: Path, shown_as: str) -> Any:
    """The file's YAML, or None when it does not parse: its own loader reports that."""
    try:
        return load_yaml(root / shown_as, shown_as)
    except EditionError:
        return None


def _problem(shown_as: str, line: int, key: str, editions: Editions) -> Problem:
    if key == editions.base.id:
        message = (
            f"{key!r} is the base edition: it is the text as written and takes no conversion or regional "
            "entry; remove this one"
        )
    else:
        named = ", ".join(edition.id for edition in editions.others)
        message = (
            f"{key!r} names no edition made from the base (they are {named}, in {EDITIONS_FILE}): "
            "correct the key, or declare the edition there"
        )
    return Problem(shown_as, line, "EDN003", message)


def edition_key_problems(root: Path, editions: Editions) -> list[Problem]:
    """``EDN003`` for every key of a file kept by edition that names no edition made from the base."""
    allowed = {edition.id for edition in editions.others}
    problems: list[Problem] = []
    for shown_as, model in ENTRY_FILES:
        data, fields = _parsed(root, shown_as), _fields(model)
        for index, item in enumerate(data if isinstance(data, list) else []):
            for key in item if isinstance(item, dict) else {}:
                if key not in fields and key not in allowed:
                    problems.append(_problem(shown_as, line_for(data, (index, key)), str(key), editions))
    for shown_as, model in TOP_FILES:
        data, fields = _parsed(root, shown_as), _fields(model)
        for key in data if isinstance(data, dict) else {}:
            if key not in fields and key not in allowed:
                problems.append(_problem(shown_as, line_for(data, (key,)), str(key), editions))
    glossary = _parsed(root, GLOSSARY)
    for index, term in enumerate(glossary if isinstance(glossary, list) else []):
        notes = term.get("regional") if isinstance(term, dict) else None
        for note_index, note in enumerate(notes if isinstance(notes, list) else []):
            region = note.get("region") if isinstance(note, dict) else None
            if isinstance(region, str) and region not in allowed:
                where = (index, "regional", note_index, "region")
                problems.append(_problem(GLOSSARY, line_for(glossary, where), region, editions))
    return problems
