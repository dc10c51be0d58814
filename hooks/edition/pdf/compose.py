"""Compose one printable HTML document per edition, for WeasyPrint.

The document has a title page, a table of contents with page numbers, every text of the registry
in its order and the glossary: the pipeline's own HTML of each page (``post_build.page_fragment``),
converted into the edition's script as its web pages are, never cut out of a theme's page. Ids are
made unique per part, links between pages become links inside the document, and each glossary or
annotation note becomes a real page-bottom footnote (``float: footnote`` in ``pdf.css``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from edition.editions.convert import Converter
from edition.editions.declared import Edition
from edition.editions.publish import convert_html
from edition.segmenter import words

STYLESHEET = Path(__file__).with_name("pdf.css")
# After the texts (in the registry's order), the glossary.
GLOSSARY_PART = "glossary"


def parts_for(text_pages: list[str]) -> list[tuple[str, str]]:
    """The document's parts, ``(name, page)``: every text's page (``podcast.md``), then the glossary."""
    pages = [*text_pages, f"{GLOSSARY_PART}.md"]
    return [(page.removesuffix(".md"), page) for page in pages]


_TERM_ENTRY = re.compile(r'(?=<h2 class="term-head")')
_TERM_ID = re.compile(r'<h2 class="term-head" id="([^"]+)"')


def text_glossary(glossary: str, text_part: str) -> str:
    """The glossary part of one text's PDF: the glossary's heading and the entries the text's notes
    link to, in the glossary's order (the book's whole glossary would be most of a short text's
    pages)."""
    used = set(re.findall(rf'href="(?:\.\./)+{GLOSSARY_PART}/#([^"]+)"', text_part))
    head, *entries = _TERM_ENTRY.split(glossary)
    heading = _H1.search(head)
    kept = [entry for entry in entries if (term := _TERM_ID.match(entry)) and term.group(1) in used]
    return (heading.group(0) if heading else "") + "".join(kept)


def edition_part(fragment: str, convert: Converter) -> str:
    """A part in the edition's script, converted as the edition's web pages are (an article's)."""
    converted = convert_html(f"<article>{fragment}</article>", convert, {})
    return converted.removeprefix("<article>").removesuffix("</article>")


_NOTES = re.compile(r'<div class="footnote edition-notes">.*?</div>\s*$', re.S)
_NOTE_ITEM = re.compile(r'<li id="([^"]+)">(.*?)</li>', re.S)
_PARAGRAPH = re.compile(r"<p(\s[^>]*)?>(.*?)</p>", re.S)
_NOTE_REF = re.compile(
    r'<sup class="(gloss|anno)-ref" id="[^"]+"><a class="footnote-ref" href="#([^"]+)">([^<]*)</a></sup>'
)
# What a footnote at the foot of a page leaves out: the way back, the glossary link, and the list of
# sources (they stay on the glossary page and in the web edition; a footnote must fit its page).
_BACKREF = re.compile(
    r'&nbsp;<a class="footnote-backref"[^>]*>.*?</a>|<a class="glossary-link"[^>]*>.*?</a>'
    r'|<span class="note-sources">.*?</span>(?=<span class="note-author">|$)',
    re.S,
)
# An annotation's own label (注3), taken out of its text: on paper the footnote's call and marker
# are that label (``pdf.css``), so that a 注3 cited from the web is 注3 on paper too.
_NOTE_LABEL = re.compile(r"^<strong>[注註]\d+</strong>\u3000")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)


@dataclass(frozen=True)
class Labels:
    """The few words the document adds, in the edition's script."""

    site: str
    subtitle: str
    contents: str
    edition: str
    licence: str
    authors: str
    keywords: str


def _footnotes(part: str) -> str:
    """Each note reference becomes the note itself, floated to the foot of the page."""
    notes_block = _NOTES.search(part)
    if not notes_block:
        return part
    notes = {match.group(1): _note_text(match.group(2)) for match in _NOTE_ITEM.finditer(notes_block.group())}
    body = part[: notes_block.start()]

    def footnote(match: re.Match[str]) -> str:
        kind, target, label = match.groups()
        if kind == "anno":
            return f'<span class="pdf-footnote pdf-footnote--anno" data-label="{label}">{notes.get(target, "")}</span>'
        return f'<span class="pdf-footnote">{notes.get(target, "")}</span>'

    return _NOTE_REF.sub(footnote, body)


def _note_text(item: str) -> str:
    """A note's paragraphs as the inline content of its footnote: the first as it stands, each
    further one (a 后来 part) a span set as a block (``pdf.css``). A ``<p>`` inside the footnote's
    ``<span>`` would end the text's own paragraph where the note is called, and the 后来 part of
    twenty notes of the podcast was printed in the middle of the speaker's sentence."""
    paragraphs = [
        (attributes or ' class="pdf-footnote__more"', _BACKREF.sub("", text))
        for attributes, text in _PARAGRAPH.findall(item)
    ]
    if not paragraphs:
        return ""
    (_, first), *more = paragraphs
    return _NOTE_LABEL.sub("", first) + "".join(f"<span{attributes}>{text}</span>" for attributes, text in more)


# Full-width punctuation side by side ("，《", "）。"): the browser trims the blank half of one of
# them (text-spacing-trim), WeasyPrint does not, and the pair stood 2 em apart. The first of a
# closing mark and what follows it, and the second of two opening marks, are set at half width
# (OpenType ``halt``, .halt in pdf.css), as Chinese and Japanese typesetting do (clreq, JLREQ 3.1.4).
CLOSING = "，。、；：？！）》」』】〉〕”’"
OPENING = "（《「『【〈〔“‘"
_PAIR = re.compile(f"[{CLOSING}](?=[{CLOSING}{OPENING}])|(?<=[{OPENING}])[{OPENING}]")


_DETAILS = re.compile(r"<details([^>]*)>(.*?)</details>", re.S)
_SUMMARY = re.compile(r"<summary([^>]*)>(.*?)</summary>", re.S)


def _opened(part: str) -> str:
    """A collapsed block (a sponsor read) as plain blocks: paper has nothing to click, and WeasyPrint
    drops a footnote whose call stands inside ``<details>`` (the call printed, the note lost)."""
    return _DETAILS.sub(
        lambda match: f"<div{match[1]}>" + _SUMMARY.sub(r'<p class="summary"\1>\2</p>', match[2]) + "</div>", part
    )


def compress_punctuation(part: str) -> str:
    """``part`` with the one mark of each pair of full-width punctuation to set at half width
    wrapped in ``<span class="halt">`` (in text, never inside a tag)."""
    pieces = re.split(r"(<[^>]*>)", part)
    return "".join(
        piece if piece.startswith("<") else _PAIR.sub(lambda m: f'<span class="halt">{m.group()}</span>', piece)
        for piece in pieces
    )


def _scoped(part: str, name: str, parts: list[tuple[str, str]]) -> str:
    """Ids and links made unique to this part; links to the other parts point inside the document."""
    part = re.sub(r'\sid="([^"]+)"', lambda m: f' id="{name}-{m.group(1)}"', part)
    part = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{name}-{m.group(1)}"', part)
    for other, _ in parts:
        part = re.sub(rf'href="(?:\.\./)+{other}/#([^"]+)"', rf'href="#{other}-\1"', part)
        part = re.sub(rf'href="(?:\.\./)+{other}/"', f'href="#{other}"', part)
    return part


def unbroken_words(text: str) -> str:
    """``text`` as HTML with each title in 《》 and each word of two characters or more kept on one
    line (``.unit``): a title page broke the author's name 孟永辉 across two lines."""
    out: list[str] = []
    for piece in re.split(r"(《[^》]*》)", text):
        if piece.startswith("《"):
            out.append(f'<span class="unit">{html.escape(piece)}</span>')
            continue
        out += [
            f'<span class="unit">{html.escape(word)}</span>' if len(word.strip()) > 1 else html.escape(word)
            for word in words(piece)
        ]
    return "".join(out)


def font_rule(edition: Edition) -> str:
    """The edition's fonts (``pdf_fonts`` in ``data/editions.yml``): its region's glyph standard."""
    families = ", ".join(f'"{family}"' for family in edition.pdf_fonts)
    return f"html {{ font-family: {families}, serif; }}"


def compose(edition: Edition, labels: Labels, parts: list[tuple[str, str]]) -> str:
    """The edition's printable document from its ``parts``, ``(name, HTML in the edition's script)``."""
    sections: list[str] = []
    contents: list[str] = []
    names = [(name, "") for name, _ in parts]
    for name, fragment in parts:
        part = compress_punctuation(_HEADERLINK.sub("", _footnotes(_opened(fragment))))
        first_heading = _H1.search(part)
        heading = re.sub(r"<[^>]+>", "", first_heading.group(1)) if first_heading else name
        contents.append(f'<li class="toc-part"><a href="#{name}">{heading}</a></li>')
        contents += [
            f'<li class="toc-section"><a href="#{name}-{m.group(1)}">{re.sub(r"<[^>]+>", "", m.group(2))}</a></li>'
            for m in _H2.finditer(part)
        ]
        sections.append(f'<section class="part" id="{name}">{_scoped(part, name, names)}</section>')
    title = html.escape(labels.site)
    return f"""<!doctype html>
<html lang="{edition.lang}">
<head>
<meta charset="utf-8">
<title>{title} · {html.escape(labels.edition)}</title>
<meta name="author" content="{html.escape(labels.authors)}">
<meta name="description" content="{html.escape(labels.subtitle)}">
<meta name="keywords" content="{html.escape(labels.keywords)}">
<meta name="generator" content="WeasyPrint">
<style>{font_rule(edition)}</style>
</head>
<body>
<section class="title-page">
<p class="title">{title}</p>
<p class="subtitle">{unbroken_words(labels.subtitle)}</p>
<p class="edition">{html.escape(labels.edition)}</p>
<p class="licence">{html.escape(labels.licence)}</p>
</section>
<nav class="contents"><h1 class="contents-title">{html.escape(labels.contents)}</h1><ol>{"".join(contents)}</ol></nav>
{"".join(sections)}
</body>
</html>
"""
