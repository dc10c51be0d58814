"""Pin a transcript's paragraph anchors (data/anchors/ID.yml), so that none ever moves.

    .venv/bin/python scripts/pin_anchors.py ID [--renumber]
    make anchors ID=… [RENUMBER=1]

Every paragraph keeps its pinned anchor; a new one (an editor split a paragraph) is named after the
paragraph before it (p43a); an anchor whose words were joined to another paragraph stays as an
alias there. --renumber gives p1…pN in order and keeps every earlier anchor as an alias: a reviewed
act (the file's diff shows it). See edition.reading.anchors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.cli import run
from edition.errors import EditionError, fail
from edition.reading.anchors import ANCHORS, load_pins, pin, pins_yaml
from edition.reading.reading import paragraph_starts, parse_reading
from edition.reading.speakers import load_speakers
from edition.reading.transcript_page import split_front_matter
from edition.sources.texts import REGISTRY, load_registry
from edition.textfile import read_text

ROOT = Path(__file__).resolve().parent.parent


def pin_anchors(root: Path, text_id: str, renumber: bool = False) -> str:
    """Write the text's anchors file; returns its path."""
    entry = load_registry(root).texts.get(text_id)
    if entry is None or entry.kind != "transcript" or entry.draft or entry.speakers is None:
        raise fail(REGISTRY, 1, "ANCH002", f"{text_id!r} is not an edited transcript: only a reading text has pins")
    page_path = f"docs/{entry.page}"
    markdown, offset = split_front_matter(read_text(root / page_path, page_path), page_path)
    reading = parse_reading(markdown, load_speakers(root, entry.speakers), page_path, offset)
    path = ANCHORS.format(text=text_id)
    pins = pin(paragraph_starts(reading.blocks), load_pins(root, text_id) or [], renumber, path)
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(pins_yaml(text_id, pins), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("text_id")
    parser.add_argument("--renumber", action="store_true")
    arguments = parser.parse_args(argv)
    try:
        print("pinned " + pin_anchors(ROOT, arguments.text_id, arguments.renumber))
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    run(lambda: main(sys.argv[1:]))
