"""Render a page's Markdown to HTML as the site does, without an engine (the build's first pass, tests).

The Markdown extensions and their settings are read from ``mkdocs.yml``, so the check renders
exactly what the site renders.
"""

from __future__ import annotations

import copy
import html
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
import yaml

from edition.errors import fail
from edition.textfile import read_text


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; MkDocs' own tags (``!ENV``, ``!relative``) become plain values."""


def _plain(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: _plain(loader, node))
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


# The pipeline's own extension (``edition.adapters.extension``): left out when the pipeline renders a page
# itself, before the engine does.
PIPELINE_EXTENSION = "edition.adapters.extension"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


@lru_cache(maxsize=4)
def _parsed_config(text: str) -> Any:
    """The configuration's text parsed once a process (a build asks for it a page at a time)."""
    return yaml.load(text, Loader=_ConfigLoader)


def _config(root: Path) -> dict[str, Any]:
    """``mkdocs.yml`` as data; ``CONF001`` at the line of a YAML mistake (a bad indent is common)."""
    text = read_text(root / "mkdocs.yml", "mkdocs.yml")
    try:
        config = copy.deepcopy(_parsed_config(text))  # a copy: a caller may change what it is given
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise fail(
            "mkdocs.yml", mark.line + 1 if mark else 1, "CONF001", f"invalid YAML: {error.problem or error}: fix it"
        ) from error
    if not isinstance(config, dict):
        raise fail("mkdocs.yml", 1, "CONF001", "not a mapping of settings: restore it from git")
    return config


def site_url(root: Path) -> str:
    """``site_url`` as the engines read it (``!ENV [SITE_URL, default]``)."""
    value = _config(root).get("site_url", DEFAULT_SITE_URL)
    if isinstance(value, list):  # !ENV [NAME, ..., default]
        value = next((os.environ[name] for name in value[:-1] if os.environ.get(name)), value[-1])
    return str(value)


def site_name(root: Path) -> str:
    """The site's name (``site_name``): the home page's title, and each PDF's."""
    return str(_config(root)["site_name"])


def theme_language(root: Path) -> str:
    """The theme's interface language (``theme: language``): the base edition's."""
    return str(_config(root)["theme"]["language"])


def pdf_name(root: Path) -> str:
    """The file name of each edition's PDF, beside its home page (``extra: pdf``): the header's
    link to it (``overrides/partials/alternate.html``) reads it there too."""
    return str(_config(root)["extra"]["pdf"])


def text_pdf_name(root: Path, text_id: str) -> str:
    """The file name of one text's PDF, beside the text's page in each edition (the book's name
    with the text's id: ``sora-reader-podcast.pdf``): a reader prints one episode, not the book."""
    return f"{pdf_name(root).removesuffix('.pdf')}-{text_id}.pdf"


def markdown_extensions(root: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extension names and settings of ``mkdocs.yml``, but the pipeline's own."""
    config = _config(root)
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions", []):
        if entry == PIPELINE_EXTENSION or (isinstance(entry, dict) and PIPELINE_EXTENSION in entry):
            continue
        if isinstance(entry, str):
            names.append(entry)
        else:
            ((name, options),) = entry.items()
            names.append(name)
            settings[name] = {key: value for key, value in (options or {}).items() if value is not None}
    return names, settings


def render_markdown(root: Path, source: str, with_pipeline: bool = False) -> str:
    """``source`` rendered with the extensions of ``mkdocs.yml``; with ``with_pipeline``, the
    pipeline's own first, as an engine renders a page (given without its front matter)."""
    names, settings = markdown_extensions(root)
    if with_pipeline:
        names = [PIPELINE_EXTENSION, *names]
        settings = {**settings, PIPELINE_EXTENSION: {"root": str(root)}}
    return markdown.markdown(source, extensions=names, extension_configs=settings)


def plain_text(page_html: str) -> str:
    """The text of an HTML fragment (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", page_html))
