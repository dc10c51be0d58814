"""Propose corrections for a transcript from what the edition already knows of its recognizer.

    .venv/bin/python scripts/suggest_corrections.py ID
    make suggest ID=…

Speech recognition makes the same mistakes again: within an episode (索尔, 搜尔 for Sora) and across
a show's episodes (乱谈 for 乱弹). This lists every place in the text's reading text (or its draft)
where a string stands uncorrected that editors have corrected more often than they left it — in
any transcript's CriticMarkup, ``{~~索尔~>Sora~~}`` — or that a cast lists as a recognized form of a speaker's name
(``asr_forms``), with the correction to paste and how often it was made. Each is a candidate to
read beside the audio, not a change to make blind: the same string can be right in another place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from edition.cli import run_on_arguments
from edition.errors import fail
from edition.reading.critic import pieces
from edition.reading.reading import Paragraph, parse_reading
from edition.reading.speakers import load_speakers
from edition.sources.texts import REGISTRY, Registry, load_registry, read_source
from edition.sources.transcript_draft import draft_paragraphs

ROOT = Path(__file__).resolve().parent.parent
# Shorter strings match too much ordinary text to be worth a look.
MIN_LENGTH = 2


@dataclass(frozen=True)
class Known:
    original: str
    reading: str
    count: int
    where: str  # the texts it was corrected in


def known_corrections(root: Path, registry: Registry) -> dict[str, Known]:
    """Every recognized string an editor corrected, and every cast's recognized name forms."""
    found: Counter[tuple[str, str]] = Counter()
    texts: dict[tuple[str, str], set[str]] = {}
    plain: list[str] = []  # the edited texts' words an editor left as they are
    for text_id, entry in registry.texts.items():
        if entry.kind != "transcript" or entry.speakers is None:
            continue
        for speaker in load_speakers(root, entry.speakers).root.values():
            for form in speaker.asr_forms:
                found[(form, speaker.name)] += 1
                texts.setdefault((form, speaker.name), set()).add(text_id)
        if entry.draft:
            continue
        page = f"docs/{entry.page}"
        reading = parse_reading((root / page).read_text(encoding="utf-8"), load_speakers(root, entry.speakers), page)
        for block in reading.blocks:
            if isinstance(block, Paragraph):
                for piece in pieces(block.text):
                    if isinstance(piece, str):
                        plain.append(piece)
                        continue
                    if piece.original == piece.reading:
                        continue
                    if len(piece.original) >= MIN_LENGTH and piece.reading and not piece.reading.startswith("〔"):
                        found[(piece.original, piece.reading)] += 1
                        texts.setdefault((piece.original, piece.reading), set()).add(text_id)
    best: dict[str, Known] = {}
    left = "\n".join(plain)
    for (original, corrected), count in found.most_common():
        # A string editors left standing more often than they corrected it is an ordinary word
        # (一些, 今天) that the recognizer once got wrong: not worth proposing everywhere.
        if original not in best and left.count(original) < count:  # the reading made most often
            best[original] = Known(original, corrected, count, ", ".join(sorted(texts[(original, corrected)])))
    return best


def suggestions(root: Path, text_id: str) -> list[str]:
    registry = load_registry(root)
    entry = registry.texts.get(text_id)
    if entry is None or entry.kind != "transcript" or entry.speakers is None:
        raise fail(REGISTRY, 1, "SUG001", f"{text_id!r} is no transcript of the registry")
    known = known_corrections(root, registry)
    page = f"docs/{entry.page}"
    if entry.draft:
        places = [(n, draft.text) for n, draft in enumerate(draft_paragraphs(read_source(root, text_id, entry)), 1)]
        shown = [(f"{text_id} draft p{n}", text) for n, text in places]
    else:
        reading = parse_reading((root / page).read_text(encoding="utf-8"), load_speakers(root, entry.speakers), page)
        shown = [
            (f"{page}:{block.line}", "".join(piece for piece in pieces(block.text) if isinstance(piece, str)))
            for block in reading.blocks
            if isinstance(block, Paragraph)
        ]
    lines: list[str] = []
    for where, text in shown:
        for original in sorted(known, key=len, reverse=True):
            at = text.find(original)
            if at < 0:
                continue
            item = known[original]
            context = text[max(0, at - 8) : at + len(original) + 8].replace("\n", " ")
            lines.append(
                f"{where}: «{context}» → {{~~{original}~>{item.reading}~~}} (corrected {item.count}× in {item.where})"
            )
    return lines


if __name__ == "__main__":
    run_on_arguments(
        __doc__,
        1,
        lambda text_id: suggestions(ROOT, text_id) or [f"{text_id}: no known recognition error left uncorrected"],
    )
