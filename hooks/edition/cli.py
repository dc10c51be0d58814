"""How every command of the edition ends: its exit code, or one quiet line on Ctrl-C.

An interrupted command prints no traceback (a contributor would take it for a crash); it says it
was interrupted and exits 130, as a shell does. The build writes into a staging folder and moves
it into place only when it succeeds, so an interrupt leaves sources and the previous site as they were.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from edition.errors import EditionError


def run(main: Callable[[], int]) -> None:
    """Run a command's ``main`` and exit with its code (130 on Ctrl-C, with one line on stderr)."""
    try:
        code = main()
    except KeyboardInterrupt:
        print(f"{Path(sys.argv[0]).name}: interrupted", file=sys.stderr)
        code = 130
    sys.exit(code)


def run_on_arguments(usage: str, count: int, action: Callable[..., list[str]]) -> None:
    """A command that takes ``count`` arguments (a text's id, …) and prints what ``action`` returns:
    usage and exit 2 for the wrong number, the ``path:line: CODE`` problems and exit 1 when the
    action is refused, otherwise its lines and exit 0 — and one quiet line on Ctrl-C (:func:`run`)."""

    def main() -> int:
        arguments = sys.argv[1:]
        if len(arguments) != count:
            print(usage, file=sys.stderr)
            return 2
        try:
            lines = action(*arguments)
        except EditionError as error:
            print(error, file=sys.stderr)
            return 1
        print("\n".join(lines))
        return 0

    run(main)
