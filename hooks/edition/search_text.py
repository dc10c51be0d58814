"""What the search index reads of a text page: the reading text, without the aids shown beside it.

Material's search plugin indexes a page's HTML as built, hidden parts included. In the podcast that
put the recognizer's originals next to the editor's readings (上冒犯Sam Altman), fillers that
the clean verbatim hides (呃, 嗯), paragraph numbers and speaker marks (42■主持) and footnote
numbers into every search result. The index is given the page without them, and with a colon
after each speaker's name (闲哥：首先…, not 闲哥首先…); the page itself keeps everything, and the
toggles still show it.
"""

from __future__ import annotations

from edition.html_text import Element, cut

# Elements whose whole content stays out of the index: the verbatim toggle's fillers, the ASR
# originals beside each correction, paragraph numbers, speaker marks, footnote and note numbers.
LEFT_OUT = frozenset({"filler", "asr", "pnum", "speaker-mark", "speaker-query", "gloss-ref", "anno-ref", "recurs"})


def _left_out(element: Element) -> bool:
    return not LEFT_OUT.isdisjoint(element.classes)


def indexed_html(html: str) -> str:
    """``html`` without the elements of ``LEFT_OUT`` (their tags and everything inside them)."""
    pieces = cut(html)
    kept: list[str] = []
    for index, piece in enumerate(pieces):
        if any(_left_out(element) for element in piece.stack):
            continue  # inside a left-out element, or its end tag
        following = pieces[index + 1].stack if index + 1 < len(pieces) else ()
        opens = len(following) > len(piece.stack) and following[: len(piece.stack)] == piece.stack
        if not piece.is_text and opens and _left_out(following[len(piece.stack)]):
            continue  # the start tag of a left-out element
        if piece.is_text and piece.stack and "speaker" in piece.stack[-1].classes:
            kept.append(piece.raw.rstrip() + "：")  # the page shows the colon by CSS; the index needs it
            continue
        kept.append(piece.raw)
    return "".join(kept)
