"""Search in either script: a table that turns a query into the script of the edition searched.

Each edition's search index holds its own script only, so 商业模式 found nothing in the
Traditional editions and 商業模式 nothing in the Simplified one. Rather than index every text twice,
each edition ships a small table (``search/script.json``, fetched the first time a reader uses the
search box): the words of the index, Simplified → that edition's forms (the edition's own
conversion, overrides included), and for the Simplified edition the way back. The browser
rewrites the query with it, longest word first, then character by character (edition.js).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

# How Material's search splits the index text (its `separator`, with jieba's \u200b), and markup.
_SPLIT = re.compile(r"[\s\u200b\u3000\-、。，．？！；：“”‘’（）《》「」『』]+|<[^>]*>")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Longer words than this are rare in a query and only make the table larger.
MAX_WORD = 8

ScriptTable = dict[str, dict[str, str]]


def index_words(index_json: str, entries: str = "docs") -> set[str]:
    """The Chinese words of a search index (as its segmentation cut them). ``entries`` names the
    index's list of entries: ``docs`` in Material's index, ``items`` in Zensical's."""
    index = json.loads(index_json)
    words: set[str] = set()
    for doc in index[entries]:
        for text in (doc.get("title", ""), doc.get("text", "")):
            words.update(word for word in _SPLIT.split(text) if word and _HAN.search(word))
    return words


def script_table(words: Iterable[str], convert: Callable[[str], str]) -> ScriptTable:
    """From Simplified to an edition's script: the words that change, and their characters.

    A character on its own becomes what the edition's conversion makes of it alone (历 → 歷, and
    系 stays 系), not what it became in whichever word came first: 历 is 曆 in 日历 but 歷 in 历史,
    and a set of words has no order, so the table would differ from one build to the next.
    """
    phrases: dict[str, str] = {}
    changed: set[str] = set()
    for word in words:
        converted = convert(word)
        if converted == word:
            continue
        if 1 < len(word) <= MAX_WORD:
            phrases[word] = converted
        changed.update(char for char in word if _HAN.match(char))
    chars = {char: alone for char in changed if (alone := convert(char)) != char}
    return {"phrases": dict(sorted(phrases.items())), "chars": dict(sorted(chars.items()))}


def reverse_table(tables: Iterable[ScriptTable]) -> ScriptTable:
    """From any Traditional edition's script back to Simplified: every Traditional character the
    words show (曆 and 歷 both → 历), a character's own conversion first, in a fixed order."""
    phrases: dict[str, str] = {}
    chars: dict[str, str] = {}
    tables = list(tables)
    for table in tables:
        for simplified, traditional in table["chars"].items():
            chars.setdefault(traditional, simplified)
    for table in tables:
        for simplified, traditional in table["phrases"].items():
            phrases.setdefault(traditional, simplified)
            if len(simplified) == len(traditional):
                for one, other in zip(simplified, traditional, strict=True):
                    if one != other and _HAN.match(one):
                        chars.setdefault(other, one)
    return {"phrases": dict(sorted(phrases.items())), "chars": dict(sorted(chars.items()))}


def convert_query(query: str, table: ScriptTable) -> str:
    """What edition.js does with a query (kept here for tests): longest word first, then by character."""
    out: list[str] = []
    position = 0
    while position < len(query):
        for length in range(min(MAX_WORD, len(query) - position), 1, -1):
            found = table["phrases"].get(query[position : position + length])
            if found is not None:
                out.append(found)
                position += length
                break
        else:
            out.append(table["chars"].get(query[position], query[position]))
            position += 1
    return "".join(out)
