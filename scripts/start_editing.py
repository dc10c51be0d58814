"""Start editing a transcript: its first draft becomes the page's reading text.

    .venv/bin/python scripts/start_editing.py ID
    make start-editing ID=…

While a transcript is a draft (`draft: true` in data/texts.yml), its page shows the draft by rule.
This writes that draft into the page between the reading-text markers, every paragraph labelled with
the cast's first speaker as uncertain (`**说话人甲？**：{>>说话人存疑：尚未辨认<<}`), and sets
`draft: false`: the page still builds, and the editor now attributes speakers, punctuates and
corrects, with every check (fidelity first) watching. Refused with `path:line: CODE`: EDIT001 an
id that is not a draft transcript.
"""

from __future__ import annotations

import re
from pathlib import Path

from pin_anchors import pin_anchors

from edition.cli import run_on_arguments
from edition.errors import fail
from edition.reading.reading import END, START
from edition.reading.speakers import load_speakers
from edition.sources.escape import markdown_text
from edition.sources.pages import MARKER
from edition.sources.texts import REGISTRY, load_registry, read_source
from edition.sources.transcript_draft import draft_paragraphs
from edition.typography import copywriting_text

ROOT = Path(__file__).resolve().parent.parent


def start_editing(root: Path, text_id: str) -> list[str]:
    """Turn the draft into the page's reading text; returns the files changed."""
    registry = load_registry(root)
    entry = registry.texts.get(text_id)
    if entry is None or entry.kind != "transcript" or not entry.draft or entry.speakers is None:
        raise fail(REGISTRY, 1, "EDIT001", f"{text_id!r} is not a transcript in draft: nothing to start")
    first = next(iter(load_speakers(root, entry.speakers).root.values())).name
    label = f"**{first}？**：{{>>说话人存疑：尚未辨认<<}}"
    # The source's words are escaped (a transcript's `<` or `*` stays text); times need no mark:
    # each paragraph keeps the time of its first word, however it is split or joined.
    drafts = draft_paragraphs(read_source(root, text_id, entry))
    paragraphs = [label + markdown_text(copywriting_text(draft.text)) for draft in drafts]
    page = root / "docs" / entry.page
    source = page.read_text(encoding="utf-8")
    reading = "\n\n".join([START, *paragraphs, END])
    page.write_text(source.replace(MARKER, reading, 1), encoding="utf-8")
    registry_file = root / REGISTRY
    text = registry_file.read_text(encoding="utf-8")
    block = re.compile(rf"(^{re.escape(text_id)}:\n(?:  .*\n)*?)  draft: true\n", re.M)
    registry_file.write_text(block.sub(r"\1", text, count=1), encoding="utf-8")
    anchors = pin_anchors(root, text_id)  # from now on no paragraph's anchor moves
    return [f"docs/{entry.page}", REGISTRY, anchors]


if __name__ == "__main__":
    run_on_arguments(__doc__, 1, lambda text_id: [f"editing {text_id}: " + ", ".join(start_editing(ROOT, text_id))])
