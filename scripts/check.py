"""Check the edition's sources and data; report ``path:line: CODE message`` and exit non-zero.

    .venv/bin/python scripts/check.py

Part of ``make test`` and of every build (the hooks run the same checks).
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition.checks import check_all

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    problems = check_all(ROOT)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check: all sources and data are valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
