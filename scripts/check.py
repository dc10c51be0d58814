"""Check the edition's sources and data; report ``path:line: CODE message`` and exit non-zero.

    .venv/bin/python scripts/check.py

Part of ``make test`` and of every build (the hooks run the same checks). Warnings (a note due
for a new check, ``NOTE003``) are listed with ``warning:`` before them and do not fail.
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition.checks import check_report
from edition.cli import run

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    problems, warnings = check_report(ROOT)
    for warning in warnings:
        print(f"warning: {warning}")
    for problem in problems:
        print(problem)
    if warnings:
        print(f"{len(warnings)} warning(s): notes due for a new check (they do not fail the check)", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check: all sources and data are valid")
    return 0


if __name__ == "__main__":
    run(main)
