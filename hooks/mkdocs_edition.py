"""MkDocs hooks: thin adapters from MkDocs events to the ``edition`` pipeline.

Nothing here cleans, matches or converts text; that lives in ``hooks/edition/`` as plain functions.
Data files are read anew on every build, because ``mkdocs serve`` reloads the data it watches but
not this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from edition.errors import EditionError
from edition.pages import render_page
from edition.podcast_page import split_front_matter
from edition.texts import Registry, load_registry, read_raw

_ROOT = Path(__file__).resolve().parent.parent
_registry: Registry | None = None


def on_config(config: Any) -> Any:
    global _registry
    try:
        _registry = load_registry(_ROOT)
        for text_id, entry in _registry.texts.items():
            read_raw(_ROOT, text_id, entry)  # proves every raw source is the pinned one
    except EditionError as error:
        raise PluginError(str(error)) from error
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    assert _registry is not None
    found = _registry.for_page(page.file.src_uri)
    if found is None:
        return markdown
    text_id, entry = found
    page_path = "docs/" + page.file.src_uri
    # MkDocs hands over the Markdown without its front matter; count those lines for messages.
    _, offset = split_front_matter(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
    try:
        raw = read_raw(_ROOT, text_id, entry)
        return render_page(_ROOT, entry.pipeline, raw, entry.raw, markdown, page_path, offset)
    except EditionError as error:
        raise PluginError(str(error)) from error
