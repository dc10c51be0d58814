"""All checks of sources and data, collected (the build stops at the first; ``make check`` lists all)."""

from __future__ import annotations

from pathlib import Path

from edition.edition_build import EditionBuild
from edition.errors import Problem


def check_all(root: Path) -> list[Problem]:
    """Every problem found in the registry, the raw sources, the pages, the glossary and annotations."""
    return EditionBuild.run(root).problems


def check_report(root: Path) -> tuple[list[Problem], list[Problem]]:
    """The problems (each stops the build) and the warnings (listed, such as a note due for a new
    check, ``NOTE003``), in that order."""
    build = EditionBuild.run(root)
    return build.problems, build.warnings
