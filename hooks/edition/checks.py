"""All checks of sources and data, collected (the build stops at the first; ``make check`` lists all)."""

from __future__ import annotations

from pathlib import Path

from edition.errors import EditionError, Problem
from edition.fidelity import check_faithful
from edition.pages import render_text
from edition.texts import load_registry, read_raw


def check_all(root: Path) -> list[Problem]:
    """Every problem found in the registry, the raw sources and the texts built from them."""
    try:
        registry = load_registry(root)
    except EditionError as error:
        return error.problems
    problems: list[Problem] = []
    for text_id, entry in registry.texts.items():
        try:
            raw = read_raw(root, text_id, entry)
            check_faithful(entry.pipeline, raw, render_text(entry.pipeline, raw, entry.raw), entry.raw)
        except EditionError as error:
            problems += error.problems
    return problems
