"""Walk the text nodes of an HTML fragment and change them, leaving every tag byte for byte.

The standard library's ``html.parser`` finds where each tag and text run starts; the fragment is
then cut at those offsets, so what is not a text node is copied unchanged (an identity transform
gives back the input exactly). Each text run is handed over with the stack of elements it sits
in, so a caller can skip headings, links, code and the like — the same idea as Python-Markdown's
treeprocessors walking ``text`` and ``tail``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements without an end tag: they never enclose text.
# A class attribute in a start tag, its value double-quoted, single-quoted or bare.
_CLASS = re.compile(r"""(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")


def class_names(tag: str) -> list[str]:
    """The class names of a start tag (or of its attributes), as an HTML parser reads them."""
    found = _CLASS.search(tag)
    value = next((group for group in found.groups() if group is not None), "") if found else ""
    return value.split()


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class Element:
    """An open element around a text run: its tag name and attributes."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


@dataclass(frozen=True)
class Piece:
    """A cut of the fragment: a text run (``is_text``) or anything else, with its raw source."""

    raw: str
    is_text: bool
    stack: tuple[Element, ...]


class _Cutter(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
        self.marks: list[tuple[int, bool, tuple[Element, ...]]] = []
        self.stack: list[Element] = []
        # The same tuple object for as long as the stack does not change: callers may cache by it.
        self.frozen: tuple[Element, ...] = ()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _mark(self, is_text: bool) -> None:
        if len(self.frozen) != len(self.stack) or (self.stack and self.frozen[-1] is not self.stack[-1]):
            self.frozen = tuple(self.stack)
        self.marks.append((self._offset(), is_text, self.frozen))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark(False)
        if tag not in VOID:
            self.stack.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark(False)

    def handle_endtag(self, tag: str) -> None:
        self._mark(False)
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        self._mark(True)

    def handle_entityref(self, name: str) -> None:
        self._mark(True)

    def handle_charref(self, name: str) -> None:
        self._mark(True)

    def handle_comment(self, data: str) -> None:
        self._mark(False)

    def handle_decl(self, decl: str) -> None:
        self._mark(False)

    def handle_pi(self, data: str) -> None:
        self._mark(False)

    def unknown_decl(self, data: str) -> None:
        self._mark(False)


def cut(source: str) -> list[Piece]:
    """The fragment as consecutive pieces; adjacent text runs (text and entities) are merged."""
    cutter = _Cutter(source)
    cutter.feed(source)
    cutter.close()
    pieces: list[Piece] = []
    marks = cutter.marks
    if not marks or marks[0][0] > 0:
        marks.insert(0, (0, True, ()))
    for index, (start, is_text, stack) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else len(source)
        if end <= start:
            continue
        raw = source[start:end]
        if is_text and pieces and pieces[-1].is_text and pieces[-1].stack is stack:
            pieces[-1] = Piece(pieces[-1].raw + raw, True, stack)
        else:
            pieces.append(Piece(raw, is_text, stack))
    return pieces


TextFunction = Callable[[str, tuple[Element, ...]], str]


def map_pieces(pieces: list[Piece], change: TextFunction) -> str:
    """Pieces joined again, every text run replaced by ``change(raw_text, enclosing_elements)``."""
    return "".join(change(piece.raw, piece.stack) if piece.is_text else piece.raw for piece in pieces)


def map_text(source: str, change: TextFunction) -> str:
    """The fragment with every text run replaced by ``change(raw_text, enclosing_elements)``."""
    return map_pieces(cut(source), change)
