"""The clean view's punctuation and spacing, once fillers are hidden.

The filler rules hide words (``<span class="filler">``) but not the editor's punctuation around
them, so the clean view could read "太狠了，（笑）。很上头", start a paragraph with "，", or run
Chinese into Latin ("就说Sam Altman一定"). These passes run over a paragraph's rendered inline
HTML, in order, and only ever *hide* a punctuation mark (the verbatim view still shows it) or add
a space: no word is touched.

1. Laughter: （笑） after a sentence's end (or at the paragraph's start) begins the next sentence,
   so the pause mark after it goes: "！（笑）很上头"; after a pause mark it closes the words before
   it, so that mark goes: "太狠了（笑）。很上头".
2. Two marks that meet because what stood between them is hidden keep the stronger: "，。" → "。",
   "？，" → "？".
3. A paragraph does not start with a punctuation mark.
4. Chinese and Latin letters or digits that meet across hidden text or a correction get a space
   (Chinese copywriting convention); inside the editor's own text that is the editor's to write
   (``READ004``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from edition.markup import Mark

# Tokens of a paragraph's inline HTML: what the pipeline emits (fillers, laughter, corrections)
# and any other tag, which is kept as it is and neither shown nor hidden.
_TOKEN = re.compile(
    rf'(?P<hidden><span class="{Mark.FILLER}">[^<]*</span>)'
    rf'|(?P<laugh><span class="{Mark.LAUGH}">[^<]*</span>)'
    rf'|(?P<corr><span class="{Mark.CORRECTION}[^"]*"[^>]*>'
    r"(?:<del[^>]*>[^<]*</del>)?<ins[^>]*>(?P<reading>[^<]*)</ins></span>)"
    r"|(?P<tag><[^>]*>)"
    r"|(?P<entity>&[#\w]+;)"
    r"|(?P<char>.)",
    re.S,
)
SENTENCE_END = "。！？…”」』"
PAUSE = "，、；"
STRONG = "。！？"
CLASHING = PAUSE + STRONG + "…"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z0-9@]")


@dataclass
class Token:
    kind: str  # hidden, laugh, corr, tag, char
    markup: str
    shown: str  # what the clean view shows of it

    def hide(self) -> None:
        self.kind, self.markup, self.shown = "hidden", f'<span class="{Mark.FILLER}">{self.markup}</span>', ""


def tokens(fragment: str) -> list[Token]:
    out: list[Token] = []
    for match in _TOKEN.finditer(fragment):
        kind = match.lastgroup if match.lastgroup != "reading" else "corr"
        if match["corr"] is not None:
            kind, shown = "corr", html.unescape(match["reading"])
        elif kind == "laugh":
            shown = "（笑）"
        elif kind in ("hidden", "tag"):
            shown = ""
        elif kind == "entity":
            kind, shown = "char", html.unescape(match.group())
        else:
            shown = match.group()
        out.append(Token(str(kind), match.group(), shown))
    return out


def _shown(items: list[Token], start: int, step: int) -> int | None:
    """The index of the nearest token from ``start`` (exclusive) that shows something other than space."""
    index = start + step
    while 0 <= index < len(items):
        if items[index].shown.strip():
            return index
        index += step
    return None


def _edge(token: Token, last: bool) -> str:
    text = token.shown.strip()
    return text[-1] if last else text[0]


def laughter(items: list[Token]) -> None:
    """Rule 1."""
    for index, token in enumerate(items):
        if token.kind != "laugh":
            continue
        before, after = _shown(items, index, -1), _shown(items, index, 1)
        if before is None or _edge(items[before], last=True) in SENTENCE_END:
            if after is not None and items[after].kind == "char" and items[after].shown in PAUSE + STRONG:
                items[after].hide()
        elif items[before].kind == "char" and items[before].shown in PAUSE:
            items[before].hide()


def clashes(items: list[Token]) -> None:
    """Rule 2: of two marks that meet, the weaker goes (of two equals, the second)."""
    index = _shown(items, -1, 1)
    while index is not None:
        following = _shown(items, index, 1)
        if following is None:
            return
        first, second = items[index], items[following]
        if first.kind == "char" == second.kind and first.shown in CLASHING and second.shown in CLASHING:
            if first.shown in PAUSE:
                first.hide()
            elif second.shown != "…":
                second.hide()
                continue  # the first may meet the next one too
        index = following


def leading(items: list[Token]) -> None:
    """Rule 3."""
    while (first := _shown(items, -1, 1)) is not None:
        if items[first].kind != "char" or items[first].shown not in PAUSE + STRONG:
            return
        items[first].hide()


def spacing(items: list[Token]) -> list[Token]:
    """Rule 4: a space where Chinese meets Latin across hidden text or a correction."""
    out: list[Token] = []
    previous: Token | None = None  # the last token shown
    crossed = False  # hidden text or a correction lies between ``previous`` and this token
    for token in items:
        if token.kind in ("hidden", "tag"):
            crossed = crossed or token.kind == "hidden"
            out.append(token)
            continue
        if token.shown and previous is not None and (crossed or "corr" in (token.kind, previous.kind)):
            left, right = previous.shown[-1], token.shown[0]
            if (CJK.match(left) and LATIN.match(right)) or (LATIN.match(left) and CJK.match(right)):
                out.append(Token("char", " ", " "))
        if token.shown:
            previous, crossed = token, False
        out.append(token)
    return out


def tidy(fragment: str) -> str:
    """A paragraph's inline HTML with its clean view's punctuation and spacing put right."""
    items = tokens(fragment)
    laughter(items)
    clashes(items)
    leading(items)
    return "".join(token.markup for token in spacing(items))


def shown_text(fragment: str) -> str:
    """The clean view's text of a paragraph's inline HTML (for checks and tests)."""
    return "".join(token.shown for token in tokens(fragment))
