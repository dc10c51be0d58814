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
from edition.fidelity import check_faithful
from edition.pages import insert_text, render_text
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
    try:
        raw = read_raw(_ROOT, text_id, entry)
        text = render_text(entry.pipeline, raw, entry.raw)
        check_faithful(entry.pipeline, raw, text, entry.raw)
        return insert_text(markdown, text, "docs/" + page.file.src_uri)
    except EditionError as error:
        raise PluginError(str(error)) from error
