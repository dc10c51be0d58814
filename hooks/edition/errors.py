"""Errors a contributor can act on: ``path:line: CODE message``.

Every check in the pipeline raises :class:`EditionError` with a stable code. The codes are listed
in CONTRIBUTING.md; tests assert on them, so a code never changes meaning once published.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One finding: where it is, its stable code, and what to do about it."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


class EditionError(Exception):
    """One or more problems that stop the build."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def fail(path: str, line: int, code: str, message: str) -> EditionError:
    """Build the error for a single problem (``raise fail(...)``)."""
    return EditionError([Problem(path, line, code, message)])


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset in ``text``."""
    return text.count("\n", 0, offset) + 1
