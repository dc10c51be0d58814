"""CriticMarkup in a reading text: the editor's corrections, with the recognizer's original kept.

The reading text records each correction as CriticMarkup (the syntax pymdownx.critic reads):
``{~~original~>reading~~}`` substitution, ``{++added++}`` insertion, ``{--removed--}`` deletion,
``{>>note<<}`` comment (a note on the correction just before it) and ``{==highlight==}``; and one
mark of the edition's own, ``{//cut//}``: words the edited view (精编) leaves out, which every other
view and the fidelity proof keep. This module splits inline text into plain and marked pieces,
reverts the markup (to prove fidelity) and finds markup that is not closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.errors import fail, line_of

# A brace escaped by a backslash (``\{++``) is a source's character, not the editor's mark
# (edition.sources.escape writes a transcript's braces so).
_MARK = re.compile(
    r"(?<!\\)(?:\{~~(?P<sub_old>.*?)~>(?P<sub_new>.*?)~~\}"
    r"|\{\+\+(?P<ins>.*?)\+\+\}"
    r"|\{--(?P<dele>.*?)--\}"
    r"|\{>>(?P<note>.*?)<<\}"
    r"|\{==(?P<mark>.*?)==\}"
    r"|\{//(?P<cut>.*?)//\})",
    re.S,
)
_ESCAPED_OPENER = re.compile(r"\\\{")
_OPENERS = ("{~~", "{++", "{--", "{>>", "{==", "{//")


@dataclass(frozen=True)
class Correction:
    """An editorial change: what the source says, what the reading text says, and why."""

    original: str
    reading: str
    note: str = ""
    # A cut for the edited view (精编), ``{//这个//}``: the speaker's words, kept in the clean
    # verbatim and verbatim views and in the fidelity proof, left out of 精编. Not a correction.
    cut: bool = False


Piece = str | Correction


def pieces(text: str) -> list[Piece]:
    """Plain text and corrections in order; a comment attaches to the correction before it."""
    result: list[Piece] = []
    position = 0
    for match in _MARK.finditer(text):
        if match.start() > position:
            result.append(text[position : match.start()])
        position = match.end()
        if match["note"] is not None:
            previous = result[-1] if result else None
            if isinstance(previous, Correction) and not previous.note:
                result[-1] = Correction(previous.original, previous.reading, match["note"].strip())
            # A free-standing comment is editorial and carries no source text: it is dropped here.
            continue
        if match["sub_old"] is not None:
            result.append(Correction(match["sub_old"], match["sub_new"]))
        elif match["ins"] is not None:
            result.append(Correction("", match["ins"]))
        elif match["cut"] is not None:
            result.append(Correction(match["cut"], match["cut"], cut=True))
        elif match["dele"] is not None:
            result.append(Correction(match["dele"], ""))
        else:  # a highlight: the text stays as it is, and a following note queries it
            result.append(Correction(match["mark"], match["mark"]))
    if position < len(text):
        result.append(text[position:])
    return result


def revert(text: str) -> str:
    """The text as the source has it: corrections undone, comments dropped."""
    return "".join(piece if isinstance(piece, str) else piece.original for piece in pieces(text))


def accept(text: str) -> str:
    """The text as the editor reads it: corrections applied, comments dropped."""
    return "".join(piece if isinstance(piece, str) else piece.reading for piece in pieces(text))


def edited(text: str) -> str:
    """The text as the edited view (精编) shows it: corrections applied, cuts left out."""
    return "".join(piece if isinstance(piece, str) else "" if piece.cut else piece.reading for piece in pieces(text))


def check_balanced(text: str, shown_as: str, first_line: int = 1) -> None:
    """``CRIT001`` where an opening ``{~~``, ``{++`` … has no matching close, or stands inside
    another mark (``{~~{~~做下~>做起来~~}`` would put ``{~~做下`` in the apparatus as the original)."""
    for match in _MARK.finditer(text):
        inner = match.group()[3:-3]
        for opener in _OPENERS:
            if opener in inner:
                line = first_line + line_of(text, match.start()) - 1
                raise fail(
                    shown_as, line, "CRIT001", f"CriticMarkup {opener!r} inside another mark: close the first one"
                )
    leftover = _ESCAPED_OPENER.sub("  ", _MARK.sub(lambda match: " " * len(match.group()), text))
    for opener in _OPENERS:
        at = leftover.find(opener)
        if at >= 0:
            line = first_line + line_of(text, at) - 1
            raise fail(
                shown_as,
                line,
                "CRIT001",
                f"unclosed CriticMarkup {opener!r}: close it as in {{~~原文~>更正~~}}, {{++加++}}, "
                "{--删--}, {>>注<<}",
            )
