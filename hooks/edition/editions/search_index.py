"""The site's search: a Pagefind bundle per edition, made from the edition's own finished pages.

Why not the engines' searches: Material and Zensical both download the whole index when a page
opens (225 KB for two texts, about 35 MB for an archive of 226 episodes). Pagefind splits its index
into chunks and fetches, when the reader searches, only the chunks of the words searched for and
the records shown. One bundle per edition (``<prefix>pagefind/``), written after the editions are
converted, so every edition's search reads the words its pages show (the Taiwan edition's 執行長,
not a conversion of the Simplified index's 首席执行官), whichever engine built the pages.

What is indexed is what ``search_text`` says a search reads: a page's ``<article>`` without the
reader's aids (``markup.READING_AIDS``: fillers, recognized originals, paragraph numbers, marks).
A page is cut at its anchored blocks (paragraphs ``p12``, headings, notes) and the blocks are
gathered into records of about ``RECORD_CHARS`` characters: a result is a few paragraphs, opened
at the paragraph that matched, with its speaker and time; a reader fetches a few kilobytes per
result, never a whole episode.

Chinese in either script: Pagefind's own Chinese support segments with jieba when indexing and with
the browser's ``Intl.Segmenter`` when searching, and the two disagree (and jieba knows no
Traditional words: 互聯網 is indexed as three characters). So the pipeline makes the words itself,
the same way here and in ``docs/assets/search.js``: every Han character is folded to one Simplified
character (``fold_table``: OpenCC ``t2s`` character by character, so 後 and 后 are one letter of the
search's alphabet), and a run of Han characters becomes overlapping pairs (商业模式 → 商业 业模 模式,
its last character alone as well, so that a one-character query finds it). A query's pairs are
searched together, and a record is shown when its text holds the query (folded) as a substring:
in either script, in every edition.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import opencc

from edition.cache import digest, shared_cache
from edition.markup import READING_AIDS

BUNDLE = "pagefind"  # each edition's bundle, beside its pages
FOLD_TABLE = "search/fold.json"  # the characters the browser folds a query with
# Pagefind's language for the records: the words are ours (pairs of folded characters and Latin
# words), so a language whose query path does no segmentation of its own; English stems Latin words.
LANGUAGE = "en"
RECORD_CHARS = 1500  # a record gathers blocks up to about this many characters

_HAN = "\u3400-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_HAN}]+|[a-z0-9]+")
_IS_HAN = re.compile(rf"[{_HAN}]")
# Blocks a result can open at: an element of these tags with an id.
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "div"})
# Never read: machinery, the theme's controls, a heading's permalink.
_SKIP_TAGS = frozenset({"script", "style", "template", "svg", "button", "input", "label", "nav", "form"})
_SKIP_CLASSES = READING_AIDS | {"headerlink", "reading-toggles"}
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed"})


def fold_table(characters: Iterable[str]) -> dict[str, str]:
    """Each Han character that OpenCC's ``t2s`` turns into another single character, to it: the
    same table folds the index here and the query in the browser, so it need only be a function,
    not a perfect conversion (one character to one character keeps a match's place in the text)."""
    converter = opencc.OpenCC("t2s")
    table: dict[str, str] = {}
    for character in sorted(set(characters)):
        if _IS_HAN.match(character):
            folded = converter.convert(character)
            if len(folded) == 1 and folded != character:
                table[character] = folded
    return table


def fold(text: str, table: dict[str, str]) -> str:
    """What the search compares: compatibility forms unified, lower case, each Han character folded."""
    return "".join(table.get(character, character) for character in unicodedata.normalize("NFKC", text).lower())


def words(text: str, table: dict[str, str]) -> list[str]:
    """The words a text is indexed as: Latin words and numbers, and each run of Han characters as its
    overlapping pairs with its last character alone (one word per character: 抖音危险 → 抖音 音危
    危险 险)."""
    out: list[str] = []
    for match in _WORD.finditer(fold(text, table)):
        run = match.group(0)
        if _IS_HAN.match(run):
            out.extend(run[at : at + 2] for at in range(len(run)))
        else:
            out.append(run)
    return out


def query_words(query: str, table: dict[str, str]) -> str:
    """What ``search.js`` hands Pagefind for a query (kept here for tests): the pairs of each Han run
    (one character alone stays one, and finds every pair it begins and every run it ends). Not a
    quoted phrase: Pagefind 1.5.2's phrase search finds nothing once its index is in more than one
    chunk, so the browser keeps the records whose text holds the query as a substring."""
    parts = []
    for part in query.split():
        found: list[str] = []
        for match in _WORD.finditer(fold(part, table)):
            run = match.group(0)
            pairs = [run[at : at + 2] for at in range(len(run) - 1)] if _IS_HAN.match(run) and len(run) > 1 else [run]
            found.extend(pairs)
        if found:
            parts.append(found)
    return " ".join(word for part in parts for word in part)


@dataclass
class Block:
    """An anchored part of a page: a paragraph (with its speaker and time), a heading, a note."""

    anchor: str
    text: str = ""
    speaker: str = ""
    time: str = ""


@dataclass
class Record:
    """One search record: a few consecutive blocks of a page."""

    url: str
    content: str
    meta: dict[str, str] = field(default_factory=dict)


class _Reader(HTMLParser):
    """A page's article as blocks of text, without the reader's aids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = [Block("")]
        self.title = ""
        self._in_article = 0
        self._skip = 0  # depth inside an element never read
        self._stack: list[tuple[str, str]] = []  # open elements: tag, what they collect ("", "speaker", "time", "h1")
        self._in_title = False
        self._collect: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.title:
            self._in_title = True
        attributes = {name: value or "" for name, value in attrs}
        if tag == "article":
            self._in_article += 1
        if tag in _VOID or not self._in_article:
            return
        classes = set(attributes.get("class", "").split())
        role = ""
        if self._skip or tag in _SKIP_TAGS or not classes.isdisjoint(_SKIP_CLASSES):
            self._skip += 1
            role = "skip"
        elif tag in _BLOCK_TAGS and attributes.get("id"):
            self.blocks.append(Block(attributes["id"]))
        if not role and "speaker" in classes:
            role = "speaker"
        elif not role and "turn-time" in classes:
            role = "time"
        self._stack.append((tag, role))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _VOID or not self._in_article:
            return
        # Close up to the matching element (HTML that closes implicitly, like <p> before <div>).
        while self._stack:
            open_tag, role = self._stack.pop()
            if role == "skip":
                self._skip -= 1
            if open_tag == tag:
                break
        if tag == "article":
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if not self._in_article or self._skip:
            return
        block = self.blocks[-1]
        block.text += data
        roles = {role for _, role in self._stack}
        if "speaker" in roles:
            block.speaker += data
        if "time" in roles:
            block.time += data


def page_blocks(html: str) -> tuple[str, list[Block]]:
    """A page's title and its article's blocks, whitespace collapsed, empty ones dropped."""
    reader = _Reader()
    reader.feed(html)
    blocks = []
    for block in reader.blocks:
        block.text = " ".join(block.text.split())
        block.speaker = block.speaker.strip().rstrip("：:").strip()
        block.time = block.time.strip()
        if block.text:
            blocks.append(block)
    # The page's own title, without the site's name the theme appends ("术语表 - Sora 注释读本").
    title = " ".join(reader.title.split()).rsplit(" - ", 1)[0]
    return title, blocks


def page_records(html: str, url: str, table: dict[str, str], size: int = RECORD_CHARS) -> list[Record]:
    """A page's search records: its blocks in order, gathered up to ``size`` characters a record.
    ``meta.blocks`` lists each block's anchor, speaker, time, first word and text, for the result
    to open at the block that matched and show who said it when."""
    title, blocks = page_blocks(html)
    records: list[Record] = []
    for group in _groups(blocks, size):
        content: list[str] = []
        listed = []
        for block in group:
            listed.append([block.anchor, block.speaker, block.time, len(content), block.text])
            content.extend(words(block.text, table))
        anchor = next((block.anchor for block in group if block.anchor), "")
        meta = {"title": title, "page": url, "blocks": json.dumps(listed, ensure_ascii=False, separators=(",", ":"))}
        records.append(Record(url + (f"#{anchor}" if anchor else ""), " ".join(content), meta))
    return records


def _groups(blocks: list[Block], size: int) -> Iterator[list[Block]]:
    group: list[Block] = []
    length = 0
    for block in blocks:
        if group and length + len(block.text) > size:
            yield group
            group, length = [], 0
        group.append(block)
        length += len(block.text)
    if group:
        yield group


def han_characters(pages: Iterable[str]) -> set[str]:
    # The distinct characters first (set() runs in C), then the few thousand of them tested: at 22
    # real-size texts, testing each of the pages' characters took 1.8 s.
    distinct: set[str] = set().union(*map(set, pages))
    return {character for character in distinct if _IS_HAN.match(character)}


def _record_page(record: Record) -> str:
    """A record as the little HTML page Pagefind's indexer reads: its words the body, its meta in
    ``<meta data-pagefind-meta>`` tags (the page a result links to is ``meta.page``, not this file)."""
    metas = "".join(
        f'<meta data-pagefind-meta="{escape(key)}[content]" content="{escape(value)}">'
        for key, value in record.meta.items()
    )
    return f'<!doctype html><html lang="{LANGUAGE}"><head>{metas}</head><body>{escape(record.content)}</body></html>'


def write_bundles(bundles: dict[Path, list[Record]]) -> None:
    """Each edition's Pagefind bundle (its folder: its records), the editions side by side; a
    bundle whose records are the same as in an earlier build is the one written then (kept in the
    cache by its records: Pagefind's output for the same records and version is the same).

    Pagefind's command reads the records as files: its Python API takes about 0.1 s a record over
    its pipe, 8 s for the 79 records of today's three texts, where the command takes all of them in
    a fraction of a second."""
    cache = shared_cache()
    to_make: dict[Path, str] = {}  # a bundle to make → its records' digest
    for output, records in bundles.items():
        key = digest(LANGUAGE, records)
        # One entry a bundle's place (a bundle is megabytes; each edit's would pile up), used only
        # when it was made from these very records.
        kept = cache.get("search-bundle", (str(output.resolve()),))
        shutil.rmtree(output, ignore_errors=True)
        if isinstance(kept, tuple) and kept[0] == key:
            for name, data in kept[1].items():
                (output / name).parent.mkdir(parents=True, exist_ok=True)
                (output / name).write_bytes(data)
        else:
            to_make[output] = key
    _run_pagefind({output: bundles[output] for output in to_make})
    for output, key in to_make.items():
        made = {path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()}
        cache.keep("search-bundle", (str(output.resolve()),), (key, made))


def _run_pagefind(bundles: dict[Path, list[Record]]) -> None:
    from pagefind_bin import get_executable  # only the post-build step needs it

    with tempfile.TemporaryDirectory(prefix="edition-search-") as work:
        running = []
        for number, (output, records) in enumerate(bundles.items()):
            pages = Path(work) / str(number)
            for index, record in enumerate(records):
                page = pages / f"{index}.html"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(_record_page(record), encoding="utf-8")
            command = [str(get_executable()), "--site", str(pages), "--output-path", str(output.resolve())]
            running.append(
                subprocess.Popen(
                    [*command, "--force-language", LANGUAGE, "--silent"],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            )
        for process in running:
            said, _ = process.communicate()
            if process.returncode != 0:
                raise RuntimeError(f"pagefind failed: {said}")


def bundle_records(bundle: Path) -> list[dict[str, object]]:
    """The records of a written bundle, as Pagefind stores them (``url``, ``content``, ``meta``):
    what the site's search reads, for the tests and the benchmark."""
    found = []
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(fragment.read_bytes())
        found.append(json.loads(raw[raw.index(b"{") :]))
    return found


def record_text(record: dict[str, object]) -> str:
    """A stored record's blocks' texts, one line each (``meta.blocks``)."""
    meta = record["meta"]
    assert isinstance(meta, dict)
    return "\n".join(block[4] for block in json.loads(meta["blocks"]))
