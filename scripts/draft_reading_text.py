"""Draft a reading text from a raw speech-recognition transcript.

    .venv/bin/python scripts/draft_reading_text.py RAW.txt > docs/NEW-EPISODE.md

The draft has provisional punctuation and paragraphs by rule (see ``edition.sources.transcript_draft``) and
loses no character of the transcript: an editor starts from it, adds speakers and headings, and
corrects recognition errors with CriticMarkup.
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition.errors import EditionError
from edition.sources.transcript_draft import draft_markdown
from edition.textfile import read_text
from edition.typography import copywriting


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        raw = read_text(Path(argv[0]), argv[0])
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    sys.stdout.write(copywriting(draft_markdown(raw)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
