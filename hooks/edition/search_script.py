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


def index_words(index_json: str) -> set[str]:
    """The Chinese words of a search index (as its segmentation cut them)."""
    index = json.loads(index_json)
    words: set[str] = set()
    for doc in index["docs"]:
        for text in (doc.get("title", ""), doc.get("text", "")):
            words.update(word for word in _SPLIT.split(text) if word and _HAN.search(word))
    return words


def script_table(words: Iterable[str], convert: Callable[[str], str]) -> ScriptTable:
    """From Simplified to an edition's script: the words that change, and their characters."""
    phrases: dict[str, str] = {}
    chars: dict[str, str] = {}
    for word in words:
        converted = convert(word)
        if converted == word:
            continue
        if 1 < len(word) <= MAX_WORD:
            phrases[word] = converted
        if len(converted) == len(word):
            for simplified, traditional in zip(word, converted, strict=True):
                if simplified != traditional and _HAN.match(simplified):
                    chars.setdefault(simplified, traditional)
    return {"phrases": dict(sorted(phrases.items())), "chars": dict(sorted(chars.items()))}


def reverse_table(tables: Iterable[ScriptTable]) -> ScriptTable:
    """From any Traditional edition's script back to Simplified."""
    phrases: dict[str, str] = {}
    chars: dict[str, str] = {}
    for table in tables:
        for simplified, traditional in table["phrases"].items():
            phrases.setdefault(traditional, simplified)
        for simplified, traditional in table["chars"].items():
            chars.setdefault(traditional, simplified)
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
