"""Glossary footnotes and passage annotations, added to a page's HTML.

Text runs are walked with ``edition.html_text`` (never inside headings, links, code, corrections,
hidden fillers or the page head). The first occurrence of each glossary term on a page gets a
footnote reference; every occurrence in a paragraph of the text is recorded, with the paragraph's
id, for the glossary page's back-links. Each annotation's quote (a TextQuoteSelector: exact text, with
optional prefix and suffix) must match exactly once; it is marked and gets a numbered note. The
notes are listed at the end of the page in the markup of Python-Markdown's footnotes, so
Material's footnote tooltips show them on hover and tap.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import markdown
import nh3

from edition.html_text import Element, Piece, cut
from edition.markup import NOT_NOTED, Mark
from edition.notes.freshness import month_label
from edition.notes.model import Annotation, Later, Source, Term
from edition.notes.terms import TermMatcher

# Where no footnote or mark may go.
SKIP_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "code",
        "pre",
        "kbd",
        "script",
        "style",
        "del",
        "ins",
        "sup",
        "mark",
        "summary",
        "nav",
        "label",
        "abbr",
    }
)
# Elements whose id a reader can link to: the paragraph an occurrence stands in.
ANCHOR_TAGS = frozenset({"p", "li", "dd", "blockquote", "td"})

_ALLOWED_TAGS = {"a", "p", "em", "strong", "code", "ul", "ol", "li", "br", "blockquote"}


# One parser, reset between notes: building a new one per note cost more than the note itself.
_MARKDOWN = markdown.Markdown()


@lru_cache(maxsize=1024)  # the same note is rendered on every page its term occurs on
def note_html(text: str) -> str:
    """A contributor's Markdown note as safe HTML: rendered, then sanitized (no script, no events)."""
    rendered = _MARKDOWN.reset().convert(text)
    return nh3.clean(rendered, tags=_ALLOWED_TAGS, attributes={"a": {"href", "title"}}, url_schemes={"http", "https"})


def inline_note_html(text: str) -> str:
    """The note without its surrounding paragraph, for a footnote line."""
    cleaned = note_html(text)
    if cleaned.startswith("<p>") and cleaned.endswith("</p>") and cleaned.count("<p>") == 1:
        return cleaned[3:-4]
    return cleaned


# How a reader is told what a source is (``edition.notes.sources``).
KIND_LABELS = {"primary": "原始资料", "news": "新闻报道", "reference": "参考资料", "other": "其他"}


def source_link(source: Source) -> str:
    """A source as a link, with what kind of source it is."""
    return (
        f'<a href="{html.escape(str(source.url))}">{html.escape(source.title)}</a>'
        f'<span class="{Mark.SOURCE_KIND}">（{KIND_LABELS[source.kind]}）</span>'
    )


def sources_html(sources: list[Source]) -> str:
    links = "、".join(source_link(source) for source in sources)
    return f'<span class="{Mark.NOTE_SOURCES}">来源：{links}</span>'


def checked_html(day: date) -> str:
    """When the note's sources were last checked, as the reader sees it: 截至 2026 年 12 月."""
    return f'<span class="{Mark.NOTE_CHECKED}">（截至 {month_label(day)}）</span>'


def later_html(later: Later | None, tag: str = "p") -> str:
    """What happened after the recording (后来), set apart from what was true on the day, with its
    own sources. Empty when the note has none."""
    if later is None:
        return ""
    return (
        f'<{tag} class="{Mark.NOTE_LATER}"><strong class="note-later__label">后来</strong>'
        f"（{month_label(later.date)}起）：{inline_note_html(later.note)} {sources_html(later.sources)}</{tag}>"
    )


@dataclass
class PageNotes:
    """What adding notes to one page found."""

    html: str
    occurrences: dict[str, list[str]] = field(default_factory=dict)  # term id -> paragraph anchors
    annotation_hits: dict[str, int] = field(default_factory=dict)  # annotation id -> matches
    # Pairs of annotations whose quotes overlap without one holding the other: their highlights
    # cannot both be drawn (the second's end would close the first's mark).
    overlapping: list[tuple[str, str]] = field(default_factory=list)


def _skipped(stack: tuple[Element, ...]) -> bool:
    return any(element.tag in SKIP_TAGS or element.classes & NOT_NOTED for element in stack)


def _is_editors_reading(stack: tuple[Element, ...]) -> bool:
    """Text that is an editor's correction (``<span class="corr"><ins>``) and nothing else skipped:
    a term there gets its footnote too (the recognizer's Geo, corrected to GEO, is still GEO)."""
    return len(stack) >= 2 and stack[-1].tag == "ins" and "corr" in stack[-2].classes and not _skipped(stack[:-2])


def _anchor(stack: tuple[Element, ...]) -> str:
    for element in reversed(stack):
        if element.tag in ANCHOR_TAGS and element.attrs.get("id"):
            return element.attrs["id"]
    return ""


def _split_matches(
    pieces: list[Piece], matcher: TermMatcher, seen: dict[int, tuple[bool, str]]
) -> dict[int, list[tuple[int, str, str]]]:
    """Terms that the edition's own inline markup splits (a correction inside a word: 即 of 即梦
    corrected, 梦 not), found in each paragraph's reading text: piece index → (end offset in that
    piece, term id, paragraph anchor). A term inside one text run is found there, not here."""
    found: dict[int, list[tuple[int, str, str]]] = {}
    runs: list[tuple[int, int]] = []  # (piece index, its start in the paragraph's text)
    text, anchor = "", ""

    def close() -> None:
        for match in matcher.find(text):
            first = max(i for i, (_, start) in enumerate(runs) if start <= match.start)
            last = max(i for i, (_, start) in enumerate(runs) if start < match.end)
            if first != last:  # across two runs: the markup split it
                piece, start = runs[last]
                found.setdefault(piece, []).append((match.end - start, match.term_id, anchor))

    for index, piece in enumerate(pieces):
        if not piece.is_text:
            continue
        skipped, here = _stack_facts(piece.stack, seen)
        if here != anchor:
            close()
            runs, text, anchor = [], "", here
        if here and (not skipped or _is_editors_reading(piece.stack)):
            runs.append((index, len(text)))
            text += html.unescape(piece.raw)
    close()
    return found


def _quote_matches(text: str, annotation: Annotation) -> list[int]:
    """Where the quote's exact text starts in ``text``, with prefix and suffix agreeing.

    A text run may be shorter than the prefix or suffix (the quote sits near markup): then the
    part that is there must agree.
    """
    quote = annotation.quote
    starts = []
    at = text.find(quote.exact)
    while at >= 0:
        before, after = text[:at], text[at + len(quote.exact) :]
        prefix_ok = before.endswith(quote.prefix) or (len(before) < len(quote.prefix) and quote.prefix.endswith(before))
        suffix_ok = after.startswith(quote.suffix) or (
            len(after) < len(quote.suffix) and quote.suffix.startswith(after)
        )
        if prefix_ok and suffix_ok:
            starts.append(at)
        at = text.find(quote.exact, at + 1)
    return starts


def _stack_facts(stack: tuple[Element, ...], seen: dict[int, tuple[bool, str]]) -> tuple[bool, str]:
    """Whether text under this stack is skipped, and its paragraph anchor (cached per stack)."""
    if id(stack) not in seen:
        seen[id(stack)] = (_skipped(stack), _anchor(stack))
    return seen[id(stack)]


def add_notes(
    page_html: str,
    terms: list[Term],
    annotations: list[Annotation],
    glossary_href: str = "../glossary/",
    matcher: TermMatcher | None = None,
) -> PageNotes:
    """The page with glossary footnotes and annotation marks, and what was found where."""
    matcher = matcher or TermMatcher(terms)
    seen: dict[int, tuple[bool, str]] = {}
    by_id = {term.id: term for term in terms}
    result = PageNotes(page_html)
    footnoted: list[str] = []
    annotated: list[Annotation] = []
    # Count quote matches first: a quote is only marked if it matches exactly once on the page.
    counts = dict.fromkeys((a.id for a in annotations), 0)

    def count(text: str, stack: tuple[Element, ...]) -> str:
        if annotations and not _stack_facts(stack, seen)[0]:
            for annotation in annotations:
                counts[annotation.id] += len(_quote_matches(text, annotation))
        return text

    pieces = cut(page_html)  # once: counted first, then changed
    for piece in pieces:
        if piece.is_text:
            count(piece.raw, piece.stack)
    result.annotation_hits = counts
    split = _split_matches(pieces, matcher, seen)

    def change(text: str, stack: tuple[Element, ...], index: int) -> str:
        skipped, anchor = _stack_facts(stack, seen)
        in_reading = skipped and _is_editors_reading(stack)
        if skipped and not in_reading:
            # No note here, but a term in an editor's correction still occurs in that paragraph.
            if anchor and any(element.tag == "ins" for element in stack):
                for match in matcher.find(text):
                    result.occurrences.setdefault(match.term_id, []).append(anchor)
            return text
        events: list[tuple[int, int, str]] = []
        matches = [(match.end, match.term_id) for match in matcher.find(text)]
        for end, term_id, _ in split.get(index, []):
            matches.append((end, term_id))
        for end, term_id in sorted(matches):
            if anchor:  # a paragraph of the text, which the glossary page can link to
                result.occurrences.setdefault(term_id, []).append(anchor)
            if term_id not in footnoted:
                footnoted.append(term_id)
                number = len(footnoted)
                events.append(
                    (
                        end,
                        1,
                        f'<sup class="{Mark.GLOSS_REF}" id="gloss-ref-{term_id}">'
                        f'<a class="footnote-ref" href="#gloss-{term_id}">{number}</a></sup>',
                    )
                )
        spans: list[tuple[int, int, str]] = []
        for annotation in [] if in_reading else annotations:
            if counts[annotation.id] != 1:
                continue
            for start in _quote_matches(text, annotation):
                spans.append((start, start + len(annotation.quote.exact), annotation.id))
                overlaps = [
                    other for s, e, other in spans[:-1] if s < start < e < spans[-1][1] or start < s < spans[-1][1] < e
                ]
                if overlaps:
                    result.overlapping += [(other, annotation.id) for other in overlaps]
                    continue
                annotated.append(annotation)
                number = len(annotated)
                end = start + len(annotation.quote.exact)
                events.append((start, 0, f'<mark class="annotated" id="anno-{annotation.id}">'))
                events.append((end, 2, "</mark>"))
                events.append(
                    (
                        end,
                        3,
                        f'<sup class="{Mark.ANNO_REF}" id="anno-ref-{annotation.id}">'
                        f'<a class="footnote-ref" href="#anno-note-{annotation.id}">注{number}</a></sup>',
                    )
                )
        if not events:
            return text
        out, position = [], 0
        for at, _, markup in sorted(events):
            out += [text[position:at], markup]
            position = at
        return "".join([*out, text[position:]])

    body = "".join(
        change(piece.raw, piece.stack, index) if piece.is_text else piece.raw for index, piece in enumerate(pieces)
    )
    result.html = body + _notes_section([by_id[i] for i in footnoted], annotated, glossary_href)
    return result


_ABBREVIATION = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9]{2,6}$")


def expansion(term: Term) -> str:
    """What an abbreviation stands for, for the start of its footnote: （Agentic Commerce Protocol，
    智能体商务协议）. Empty for a term that is not an abbreviation or has no full name."""
    if term.full_name is None or not _ABBREVIATION.match(term.headword):
        return ""
    english = re.sub(rf"\s*\({re.escape(term.headword)}\)$", "", term.full_name.en or "")
    names = [name for name in (english, term.full_name.zh or "") if name and name != term.headword]
    return f"（{html.escape('，'.join(names))}）" if names else ""


def _notes_section(terms: list[Term], annotations: list[Annotation], glossary_href: str) -> str:
    if not terms and not annotations:
        return ""
    out = ['<div class="footnote edition-notes">', "<hr />"]
    if annotations:
        out.append('<p class="notes-heading">注释</p><ol class="annotation-notes">')
        for number, annotation in enumerate(annotations, 1):
            out.append(
                f'<li id="anno-note-{annotation.id}"><p><strong>注{number}</strong>　'
                f"{inline_note_html(annotation.note)} {sources_html(annotation.sources)}"
                f'<span class="note-author">（{html.escape(annotation.author)}）</span>'
                f"{checked_html(annotation.checked)}"
                f'&nbsp;<a class="footnote-backref" href="#anno-ref-{annotation.id}" title="回到正文">↩</a></p>'
                f"{later_html(annotation.later)}</li>"
            )
        out.append("</ol>")
    if terms:
        out.append('<p class="notes-heading">术语</p><ol class="glossary-notes">')
        for term in terms:
            out.append(
                f'<li id="gloss-{term.id}"><p><strong>{html.escape(term.headword)}</strong>{expansion(term)}：'
                f"{inline_note_html(term.definition)}{checked_html(term.checked)} "
                f'<a class="glossary-link" href="{glossary_href}#{term.id}">术语表</a>'
                f'&nbsp;<a class="footnote-backref" href="#gloss-ref-{term.id}" title="回到正文">↩</a></p>'
                f"{later_html(term.later)}</li>"
            )
        out.append("</ol>")
    out.append("</div>")
    return "\n".join(out)
