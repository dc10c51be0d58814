"""Every check code the pipeline can report is in CONTRIBUTING.md's table, and the table lists no
code the pipeline no longer has: a contributor looks a code up and finds what it means and the fix."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"\b([A-Z]{3,}\d{3})\b")


def codes_in_code() -> set[str]:
    sources = [
        *(ROOT / "hooks").rglob("*.py"),
        *(ROOT / "scripts").glob("*.py"),
        *(ROOT / "tests/lighthouse").glob("*.mjs"),
    ]
    found = {code for path in sources for code in CODE.findall(path.read_text(encoding="utf-8"))}
    # Codes built from a table (datafile: DATA001–DATA005, the pydantic error kinds).
    datafile = (ROOT / "hooks/edition/datafile.py").read_text(encoding="utf-8")
    return found | set(re.findall(r"\b(DATA\d{3})\b", datafile))


def codes_in_contributing() -> set[str]:
    table = [
        line for line in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `")
    ]
    codes: set[str] = set()
    for line in table:
        first = line.split("|")[1]
        for start, end in re.findall(r"`([A-Z]+\d{3})`(?:–`([A-Z]+\d{3})`)?", first):
            codes.add(start)
            if end:
                prefix = re.match(r"[A-Z]+", start).group()  # type: ignore[union-attr]
                codes.update(f"{prefix}{n:03d}" for n in range(int(start[len(prefix) :]), int(end[len(prefix) :]) + 1))
    return codes


def test_every_code_is_documented_and_every_documented_code_exists() -> None:
    in_code, documented = codes_in_code(), codes_in_contributing()
    assert sorted(in_code - documented) == [], "add these codes to CONTRIBUTING.md's table"
    assert sorted(documented - in_code) == [], "these codes in CONTRIBUTING.md no longer exist"


def test_every_code_has_an_example_of_the_mistake_and_the_fix() -> None:
    rows = [
        line for line in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `")
    ]
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    assert all(len(row) == 4 and "→" in row[3] for row in cells), [row[0] for row in cells if len(row) != 4]
