"""All checks of sources and data, collected (the build stops at the first; ``make check`` lists all)."""

from __future__ import annotations

import re
from pathlib import Path

from edition.convert import check_overrides, override_corpus
from edition.datafile import line_for, load_yaml
from edition.errors import EditionError, Problem
from edition.notes_build import NotesBuild
from edition.pages import render_page
from edition.regional import load_regional
from edition.render import render_markdown
from edition.textfile import read_text
from edition.texts import REGISTRY, Registry, load_registry, read_raw
from edition.transcript_page import split_front_matter


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


def check_all(root: Path) -> list[Problem]:
    """Every problem found in the registry, the raw sources, the pages, the glossary and annotations."""
    try:
        registry = load_registry(root)
    except EditionError as error:
        return error.problems
    problems: list[Problem] = navigation_problems(root, registry)
    pages: list[tuple[str, str]] = []
    for text_id, entry in registry.texts.items():
        page_path = f"docs/{entry.page}"
        try:
            raw = read_raw(root, text_id, entry)
            markdown, offset = split_front_matter(read_text(root / page_path, page_path), page_path)
            pages.append((text_id, render_page(root, entry, raw, markdown, page_path, offset, text_id)))
        except EditionError as error:
            problems += error.problems
    try:
        notes = NotesBuild(root, list(registry.texts))
    except EditionError as error:
        return problems + error.problems
    for text_id, page_markdown in pages:
        try:
            notes.page(text_id, text_id, "", render_markdown(root, page_markdown), "")
        except EditionError as error:
            problems += error.problems
    if len(pages) == len(registry.texts):
        problems += notes.final_problems()
        corpus = override_corpus(root, notes.texts)
        for check in (check_overrides, lambda root, corpus: load_regional(root, notes.glossary.root, corpus)):
            try:
                check(root, corpus)
            except EditionError as error:
                problems += error.problems
    return problems
