"""MkDocs hooks: thin adapters from MkDocs events to the ``edition`` pipeline.

Nothing here cleans, matches or converts text; that lives in ``hooks/edition/`` as plain functions.
Data files are read anew on every build, because ``mkdocs serve`` reloads the data it watches but
not this module.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from edition.convert import check_overrides, override_corpus
from edition.editions import EditionsInput, build_editions, material_ui_strings
from edition.errors import EditionError
from edition.glossary import glossary_markdown
from edition.headings import keep_words_whole
from edition.notes_build import NotesBuild
from edition.pages import render_page
from edition.regional import load_regional
from edition.search_text import indexed_html
from edition.texts import Registry, load_registry, read_raw, registry_lists
from edition.transcript_page import split_front_matter

_ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_MARKER = "<!-- edition:glossary -->"
_registry: Registry | None = None
_notes: NotesBuild | None = None
_shown_content: dict[str, str] = {}  # a text page's HTML while the search plugin reads another


def _stop(error: EditionError) -> PluginError:
    return PluginError(str(error))


def on_config(config: Any) -> Any:
    global _registry, _notes
    try:
        _registry = load_registry(_ROOT)
        for text_id, entry in _registry.texts.items():
            read_raw(_ROOT, text_id, entry)  # proves every raw source is the pinned one
        _notes = NotesBuild(_ROOT, list(_registry.texts))
    except EditionError as error:
        raise _stop(error) from error
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    assert _registry is not None and _notes is not None
    if page.file.src_uri == GLOSSARY_PAGE:
        return markdown.replace(GLOSSARY_MARKER, glossary_markdown(_notes.glossary.root))
    found = _registry.for_page(page.file.src_uri)
    if found is None:
        return registry_lists(markdown, _registry)
    text_id, entry = found
    page_path = "docs/" + page.file.src_uri
    # MkDocs hands over the Markdown without its front matter and the blank lines after it; count
    # the lines before where it starts, so messages name the file's own line (as `make check` does).
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    try:
        _, offset = split_front_matter(source, page_path)
    except EditionError as error:
        raise _stop(error) from error
    start = source.find(markdown[:200]) if markdown else -1
    offset = source.count("\n", 0, start) if start >= 0 else offset
    try:
        raw = read_raw(_ROOT, text_id, entry)
        return render_page(_ROOT, entry, raw, markdown, page_path, offset, text_id)
    except EditionError as error:
        raise _stop(error) from error


def _relative(from_page: Any, to_url: str) -> str:
    """A link from one page's URL to another site URL (directory URLs)."""
    base = posixpath.dirname(from_page.url.rstrip("/") + "/index.html") or "."
    return posixpath.relpath(to_url or ".", base).rstrip("/") + "/"


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    assert _registry is not None and _notes is not None
    html = keep_words_whole(html)
    found = _registry.for_page(page.file.src_uri)
    if found is None:
        return html
    glossary_url = GLOSSARY_PAGE.removesuffix(".md") + "/"
    # How the glossary page links back here, and how this page links to the glossary.
    from_glossary = posixpath.relpath(page.url or ".", glossary_url) + "/"
    try:
        return _notes.page(found[0], page.title, from_glossary, html, _relative(page, glossary_url))
    except EditionError as error:
        raise _stop(error) from error


@event_priority(50)  # before Material's search plugin reads page.content
def _index_the_reading_text(context: Any, page: Any, config: Any, nav: Any) -> Any:
    assert _registry is not None
    if _registry.for_page(page.file.src_uri) is not None:
        _shown_content[page.file.src_uri] = page.content
        page.content = indexed_html(page.content)
    return context


@event_priority(-50)  # after it, before the page is rendered: readers get the whole page
def _show_the_whole_page(context: Any, page: Any, config: Any, nav: Any) -> Any:
    shown = _shown_content.pop(page.file.src_uri, None)
    if shown is not None:
        page.content = shown
    return context


on_page_context = CombinedEvent(_index_the_reading_text, _show_the_whole_page)


def on_post_page(output: str, page: Any, config: Any) -> str:
    assert _notes is not None
    if page.file.src_uri != GLOSSARY_PAGE:
        return output
    problems = _notes.final_problems()
    if problems:
        raise _stop(EditionError(problems))
    return _notes.glossary_page(output)


def on_post_build(config: Any) -> None:
    """Write the Traditional editions beside the Simplified one (after every page is built)."""
    assert _registry is not None
    languages = next(
        Path(folder) / "partials" / "languages"
        for folder in config.theme.dirs
        if (Path(folder) / "partials" / "languages" / "zh-Hant.html").exists()
    )
    try:
        assert _notes is not None
        corpus = override_corpus(_ROOT, _notes.texts)
        overrides = check_overrides(_ROOT, corpus)
        regional = load_regional(_ROOT, _notes.glossary.root, corpus)
    except EditionError as error:
        raise _stop(error) from error
    text_pages = tuple(entry.url for entry in _registry.texts.values())
    given = EditionsInput(overrides.root, material_ui_strings(languages), regional, text_pages)
    build_editions(Path(config.site_dir), config.site_url or "", given)
