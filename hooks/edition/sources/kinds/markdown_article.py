"""A Markdown article, read as CommonMark by markdown-it-py: its words, never its markup or HTML.

Headings, paragraphs, list items, quotations and code become blocks of plain text; links keep
their text (not their address), images their alternative text; raw HTML is text (markdown-it's
``html`` option is off, so ``<script>`` is read as the characters it is). A front matter block
(``---`` … ``---``) gives the title, author, date and URL and is not part of the text.
"""

from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from edition.errors import fail
from edition.sources.kinds.model import Block, Metadata, Role, SourceKind, SourceText

_PARSER = MarkdownIt("commonmark", {"html": False})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_LATIN = re.compile(r"[A-Za-z0-9]")


def _inline_text(token: Token) -> str:
    """An inline token's words: text and code as they are, a soft break a space only between Latin."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type == "image":
            out.append(child.content)  # its alternative text
        elif child.type in ("softbreak", "hardbreak"):
            # A line break inside a Chinese paragraph is no space; between Latin words it is one.
            out.append(" " if _LATIN.match("".join(out)[-1:]) else "")
    return "".join(out).strip()


def _front_matter(text: str) -> tuple[Metadata, str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return Metadata(), text
    try:
        data = yaml.safe_load(match["yaml"])
    except yaml.YAMLError:
        return Metadata(), text  # not front matter after all: the text as it is
    if not isinstance(data, dict):
        return Metadata(), text
    fields = {key: str(data.get(key) or "") for key in ("title", "author", "date", "url")}
    return Metadata(**fields), text[match.end() :]


def recognise(text: str, suffix: str) -> bool:
    # By its name only: a plain-text article may well hold a `#` or a `[…](…)` that is just text
    # (give --format markdown for a Markdown file saved as .txt).
    return suffix in (".md", ".markdown")


def read(text: str, shown_as: str) -> SourceText:
    metadata, body = _front_matter(text)
    blocks: list[Block] = []
    role: Role = "paragraph"
    for token in _PARSER.parse(body):
        if token.type == "heading_open":
            role = "title" if token.tag == "h1" and not blocks else "heading"
        elif token.type == "inline":
            if words := _inline_text(token):
                blocks.append(Block(role, words))
            role = "paragraph"
        elif token.type in ("fence", "code_block", "html_block"):
            blocks += [Block("paragraph", line.strip()) for line in token.content.split("\n") if line.strip()]
        elif token.type == "hr":
            blocks.append(Block("break", ""))
    if not any(block.text for block in blocks):
        raise fail(shown_as, 1, "SRC004", "the source has no text")
    title = next((block.text for block in blocks if block.role == "title"), "")
    if title and not metadata.title:
        metadata = Metadata(title, metadata.author, metadata.date, metadata.url)
    return SourceText(tuple(blocks), metadata)


KIND = SourceKind("markdown", "article", "a Markdown article (CommonMark; its HTML read as text)", recognise, read)
