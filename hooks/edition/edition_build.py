"""One build of the whole edition: every stage over the registry, in one place.

An ``EditionBuild`` reads the editions (``data/editions.yml``) and the registry, proves every raw
source is the pinned one, builds each text's page Markdown from its raw source, renders it once
to find where every glossary term occurs (the glossary's back-links), and runs every data check,
collecting the problems. The Markdown extension (``edition.adapters.extension``, for any engine),
``make check`` and the benchmark all start from it, so what they check and what they build cannot
drift apart.

Pages are known by their Markdown, not by an engine's page object: an engine hands a Markdown
extension the page without its front matter, and nothing else.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

from edition.cache import Cache, digest, file_content, shared_cache
from edition.datafile import line_for, load_yaml
from edition.editions.convert import Override, check_overrides, override_corpus
from edition.editions.cross_check import load_review, unreviewed_overrides
from edition.editions.declared import Editions, load_editions
from edition.editions.keys import edition_key_problems
from edition.editions.regional import Regional, load_regional
from edition.editions.search_text import mark_left_out
from edition.errors import EditionError, Problem, fail
from edition.headings import keep_words_whole, units_pattern
from edition.notes.build import NotesBuild
from edition.notes.glossary import glossary_markdown
from edition.reading.reading import START as READING_START
from edition.reading.transcript_page import front_matter, split_front_matter
from edition.render import render_markdown, site_name
from edition.segmenter import words
from edition.sources.pages import MARKER as TEXT_MARKER
from edition.sources.pages import render_page
from edition.sources.texts import (
    REGISTRY,
    Registry,
    TextEntry,
    load_registry,
    read_raw,
    registry_lists,
    registry_problems,
)
from edition.textfile import links_under, read_text

GLOSSARY_PAGE = "glossary.md"
GLOSSARY_MARKER = "<!-- edition:glossary -->"


# Inputs whose change means a new build: the data, the pages, the raw sources, the configuration.
INPUTS = ("data", "docs", "mkdocs.yml")
Stamp = tuple[tuple[str, int, int], ...]


def stamp_of(paths: list[Path]) -> Stamp:
    """Each file's path, modification time and size (a file gone or unreadable counts as absent;
    an editor's lock file, ``.#name``, is not a file of the project)."""
    found = []
    for path in paths:
        if path.name.startswith(".#"):
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def files_under(root: Path, names: tuple[str, ...]) -> list[Path]:
    """Every file of the named folders and files under ``root`` (Python's caches aside)."""
    found: list[Path] = []
    for name in names:
        path = root / name
        found += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return [path for path in found if "__pycache__" not in path.parts]


def input_stamp(root: Path) -> Stamp:
    """The stamp of every file a build reads."""
    return stamp_of(files_under(root, INPUTS))


def shared_inputs(root: Path) -> str:
    """The digest of what every text's page may read besides its own files: the data files at the
    top of ``data/`` (the registry, fillers, glossary, editions…) and ``mkdocs.yml`` (the Markdown
    extensions)."""
    paths = [*sorted((root / "data").glob("*.yml")), root / "mkdocs.yml"]
    return digest(*((path.name, file_content(path)) for path in paths))


def own_inputs(root: Path, text_id: str, entry: TextEntry) -> str:
    """The digest of a text's own files: its page, its cast and what ``data/<kind>/<id>.yml`` holds
    for it (anchors, annotations). Its raw source is its entry's pinned SHA-256, proven before."""
    paths = [root / "docs" / entry.page, *sorted((root / "data").glob(f"*/{text_id}.yml"))]
    if entry.speakers:
        paths.append(root / entry.speakers)
    return digest(*((str(path.relative_to(root)), file_content(path)) for path in paths))


def source_link(from_page: str, to_page: str) -> str:
    """A link from one page to another as a Markdown author writes it: to the ``.md`` file, relative
    to the linking page's file. Zensical rewrites such links in the HTML it emits; what an engine
    leaves, ``edition.adapters.page_links`` resolves after the build (MkDocs rewrites only Markdown links)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


@dataclass
class TextPage:
    """A text's page: its file, what an engine hands over of it, and what the pipeline makes of it."""

    text_id: str
    entry: TextEntry
    title: str
    body: str  # the file after its front matter: what an engine's Markdown parser is given
    markdown: str = ""  # the page with its text built from the raw source

    @cached_property
    def key(self) -> str:
        """The body as an engine's parser has it when the pipeline first sees it (normalised once,
        not for every page an engine renders)."""
        return _normalized(self.body)


def navigation_problems(root: Path, registry: Registry) -> list[Problem]:
    """``NAV001`` a text whose page is not in ``mkdocs.yml``'s navigation (a strict build stops on it)."""
    navigation = (root / "mkdocs.yml").read_text(encoding="utf-8")
    data = load_yaml(root / REGISTRY, REGISTRY)
    return [
        Problem(
            REGISTRY,
            line_for(data, (text_id, "page")),
            "NAV001",
            f"{entry.page} is not in mkdocs.yml's nav: add `  - {entry.label}: {entry.page}` before the glossary",
        )
        for text_id, entry in registry.texts.items()
        if not re.search(rf"^\s*- [^\n]*:\s*{re.escape(entry.page)}\s*$", navigation, re.M)
    ]


def unregistered_pages(root: Path, registry: Registry) -> list[Problem]:
    """``PAGE004`` a page under ``docs/`` with a text marker that no text of the registry names."""
    named = {entry.page for entry in registry.texts.values()}
    problems = []
    for path in sorted((root / "docs").rglob("*.md")):
        page = path.relative_to(root / "docs").as_posix()
        if page in named:
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(lines, 1):
            if line.strip() in (TEXT_MARKER, READING_START):
                problems.append(
                    Problem(
                        f"docs/{page}",
                        number,
                        "PAGE004",
                        f"{line.strip()} marks a text's place, but no text in {REGISTRY} has `page: {page}`: "
                        "add the text with `make add-text`, or remove the marker",
                    )
                )
                break
    return problems


def _text_page(root: Path, text_id: str, entry: TextEntry, raw: str, markdown: str, offset: int) -> str:
    """A text's page Markdown from its raw source's text (read by its kind: parsed only when the
    cache does not have the page)."""
    source = entry.source_kind.read(raw, entry.raw)
    return render_page(root, entry, source, markdown, f"docs/{entry.page}", offset, text_id)


def _title(source: str, fallback: str) -> str:
    title = front_matter(source).get("title")
    return str(title) if title else fallback


def _normalized(markdown: str) -> str:
    """As Python-Markdown's first preprocessor leaves a page (line ends, tabs, blank lines)."""
    markdown = markdown.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    return re.sub(r"(?<=\n) +\n", "\n", markdown).strip()


@dataclass
class EditionBuild:
    """The per-build state of the whole edition; ``problems`` lists everything a check found."""

    root: Path
    inputs: Stamp = ()  # the inputs as they were when the build began
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # listed by `make check`; the build goes on
    editions: Editions | None = None
    registry: Registry | None = None
    pages: dict[str, TextPage] = field(default_factory=dict)
    notes: NotesBuild | None = None
    overrides: list[Override] = field(default_factory=list)
    regional: Regional | None = None
    _units: tuple[re.Pattern[str] | None] | None = None  # _heading_units, once per build
    cache: Cache = field(default_factory=shared_cache)  # each text's work, kept by its inputs
    _shared: str = ""  # shared_inputs, once per build

    @classmethod
    def run(cls, root: Path) -> EditionBuild:
        """Every stage before rendering, over every text; problems are collected, not raised."""
        build = cls(root, input_stamp(root))
        build._prepare()
        return build

    def raise_problems(self) -> None:
        if self.problems:
            raise EditionError(self.problems)

    def _collect(self, error: EditionError) -> None:
        self.problems += error.problems

    def _prepare(self) -> None:
        try:
            site_name(self.root)  # mkdocs.yml reads as YAML (CONF001): every later stage reads it
            self.editions = load_editions(self.root)
            self.registry = load_registry(self.root)
        except EditionError as error:
            self._collect(error)
            return
        self.problems += links_under(self.root, ("docs", "data"))
        folders = {edition.prefix.rstrip("/") for edition in self.editions.others}
        self.problems += registry_problems(self.root, self.registry, folders)
        self.problems += navigation_problems(self.root, self.registry)
        self.problems += unregistered_pages(self.root, self.registry)
        self._shared = shared = shared_inputs(self.root)
        for text_id, entry in self.registry.texts.items():
            page_path = f"docs/{entry.page}"
            try:
                raw = read_raw(self.root, text_id, entry)  # the pin proven on every build
                source = read_text(self.root / page_path, page_path)
                markdown, offset = split_front_matter(source, page_path)
                page = TextPage(text_id, entry, _title(source, entry.title), markdown.lstrip("\n"))
                # Kept by every file the page is made from (a failed check raises and keeps nothing).
                inputs = (str(self.root), shared, own_inputs(self.root, text_id, entry), entry, markdown, offset)
                page.markdown = self.cache.remember(
                    "text-page",
                    inputs,
                    partial(_text_page, self.root, text_id, entry, raw, markdown, offset),
                )
                self.pages[text_id] = page
            except EditionError as error:
                self._collect(error)
        try:
            self.notes = NotesBuild(self.root, list(self.registry.texts))
        except EditionError as error:
            self._collect(error)
            return
        self.problems += self.notes.stale
        self.warnings += self.notes.warnings
        noted = 0
        for page in self.pages.values():
            try:
                back = source_link(GLOSSARY_PAGE, page.entry.page)  # how the glossary links back here
                self.notes.record(page.text_id, page.title, back, self._html(page))
                noted += 1
            except EditionError as error:
                self._collect(error)
        if noted < len(self.registry.texts):
            # A text that did not build, or whose notes did not fit: where its terms occur is unknown,
            # and the later checks (forms that occur nowhere, words no text uses) would mislead.
            return
        self.problems += self.notes.final_problems()
        corpus = override_corpus(self.root, self.notes.texts)
        assert self.editions is not None
        try:
            self.overrides = check_overrides(self.root, corpus, self.editions).root
            self.problems += unreviewed_overrides(self.root, self.editions.others)
        except EditionError as error:
            self._collect(error)
        try:
            self.regional = load_regional(self.root, self.notes.glossary.root, corpus)
        except EditionError as error:
            self._collect(error)
        try:
            load_review(self.root)  # its shape; what it holds is tests/test_cross_check.py's
        except EditionError as error:
            self._collect(error)
        self.problems += edition_key_problems(self.root, self.editions)

    def _html(self, page: TextPage) -> str:
        inputs = (str(self.root), self._shared, page.markdown)
        return self.cache.remember("page-html", inputs, partial(render_markdown, self.root, page.markdown))

    # What the Markdown extension asks, page by page.

    def text_page(self, markdown: str) -> TextPage | None:
        """The text whose page an engine is rendering, known by its Markdown."""
        key = _normalized(markdown)
        return next((page for page in self.pages.values() if page.key == key), None)

    def page_markdown(self, markdown: str) -> str:
        """The page's Markdown with everything the pipeline puts into it."""
        page = self.text_page(markdown)
        if page is not None:
            return page.markdown
        if TEXT_MARKER in markdown or READING_START in markdown:
            # A text's page the first pass did not read as the engine does, or a page no text of
            # the registry names: its text would silently be missing.
            raise fail(
                "docs",
                1,
                "PAGE004",
                f"a page with a text marker is no text's page in {REGISTRY} (it begins "
                f"{markdown.strip()[:40]!r}): name it as a text's `page:`, or remove the marker",
            )
        if GLOSSARY_MARKER in markdown and self.notes is not None and self.editions is not None:
            glossary = glossary_markdown(self.notes.glossary.root, self.editions.regions)
            return markdown.replace(GLOSSARY_MARKER, glossary)
        assert self.registry is not None
        return registry_lists(markdown, self.registry)

    def _words(self, text: str) -> list[str]:
        return self.cache.remember("words", (text,), partial(words, text))

    def _heading_units(self) -> re.Pattern[str] | None:
        """The phrases the editions convert whole (the reviewed overrides, the texts' own words,
        the regional words, names), kept in one piece in headings."""
        if self._units is None:
            regional = self.regional.phrases() if self.regional is not None else []
            self._units = (units_pattern([*(o.simplified for o in self.overrides), *regional]),)
        return self._units[0]

    def page_html(self, markdown: str, html: str) -> str:
        """The page's HTML (as the engine's parser made it) with notes, whole words in headings,
        back-links on the glossary page, and the reader's aids marked for search to skip."""
        units = self._heading_units()
        # A page kept whole; a changed page's headings mostly as before, their words kept one by
        # one (jieba takes most of a second to load, for the one heading that is new).
        made = partial(keep_words_whole, html, units, self._words)
        html = self.cache.remember("heading-words", (units, html), made)
        assert self.notes is not None
        if GLOSSARY_MARKER in markdown:
            return self.notes.glossary_page(html)
        page = self.text_page(markdown)
        if page is None:
            return html
        glossary_href = source_link(page.entry.page, GLOSSARY_PAGE)
        return mark_left_out(self.notes.annotate(page.text_id, html, glossary_href))
