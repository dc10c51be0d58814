"""A web page saved from a browser: its main text and metadata, extracted by trafilatura.

trafilatura keeps the article (headings, paragraphs, lists, quotations, tables as text) and drops
navigation, sidebars, comments, share buttons, scripts and styles; links keep their text only and
images are left out. The title, author, date and canonical URL come from the page's metadata. What
was dropped — every visible line of the page that is not in the kept text — is reported, as the
scrape cleaning of the 水晶球 adapter reports its chrome.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
import trafilatura

from edition.errors import fail
from edition.sources.kinds.model import Block, Metadata, Role, SourceKind, SourceText

_HTML = re.compile(r"\A\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<meta[\s>])", re.I)
_ROLES: dict[str, Role] = {"head": "heading", "p": "paragraph", "item": "paragraph", "quote": "paragraph"}
_INVISIBLE = ("script", "style", "noscript", "template", "head")


def recognise(text: str, suffix: str) -> bool:
    return suffix in (".html", ".htm", ".xhtml") or bool(_HTML.match(text))


def _visible_lines(page: str) -> list[str]:
    """Every line of text a reader of the page would see (scripts, styles and the head aside)."""
    try:
        root = lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return []
    for element in root.iter(*_INVISIBLE):
        element.drop_tree()
    lines: list[str] = []
    for element in root.iter():
        for text in (element.text, element.tail):
            if text and text.strip():
                lines.append(" ".join(text.split()))
    return lines


def read(text: str, shown_as: str) -> SourceText:
    extracted = trafilatura.extract(
        text,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        include_tables=True,
        favor_precision=True,
    )
    if not extracted:
        raise fail(shown_as, 1, "SRC004", "no article text found in the page: save the article's own page, not a list")
    doc = lxml.etree.fromstring(extracted.encode("utf-8"))
    blocks: list[Block] = []
    for element in doc.iter("head", "p", "item", "quote", "cell"):
        if element.getparent() is not None and element.getparent().tag in ("quote", "item"):
            continue  # its words are in the enclosing block
        words = " ".join("".join(element.itertext()).split())
        if words:
            role = _ROLES.get(element.tag, "paragraph")
            blocks.append(
                Block("title" if role == "heading" and not blocks and element.get("rend") == "h1" else role, words)
            )
    if not blocks:
        raise fail(shown_as, 1, "SRC004", "no article text found in the page: save the article's own page, not a list")
    metadata = Metadata(
        title=doc.get("title", ""),
        author=doc.get("author", ""),
        date=doc.get("date", ""),
        url=doc.get("url", ""),
        site=doc.get("sitename", ""),
    )
    if metadata.title and blocks[0].role != "title":
        blocks.insert(0, Block("title", metadata.title))
    kept = "\n".join(block.text for block in blocks)
    dropped = tuple(line for line in _visible_lines(text) if line not in kept)
    return SourceText(tuple(blocks), metadata, dropped)


KIND = SourceKind(
    "html",
    "article",
    "a web page saved from a browser: main text and metadata by trafilatura",
    recognise,
    read,
)
