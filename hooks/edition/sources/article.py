"""An article's reading Markdown, built from its source's blocks (any article kind).

Steps, in order (the 水晶球 scrape's are golden-tested in ``tests/golden/article/``):

1. the kind reads the raw source into blocks (``edition.sources.kinds``): page chrome left out;
2. each block's text gets the Chinese copywriting conventions (full-width punctuation, CJK–Latin
   spacing; ``edition.typography``) — on plain text, before any markup exists;
3. the text is escaped (``edition.sources.escape``), so the source's characters are never markup,
   and the block's role becomes the page's structure: title, column/date line, paragraphs (each
   with an anchor, ``#p12``, as the transcripts' are), section breaks, headings, end mark, byline.
"""

from __future__ import annotations

from edition.sources.escape import markdown_text
from edition.sources.kinds.model import Block, SourceText
from edition.typography import copywriting_text


def _lines(block: Block, text: str, number: int) -> list[str]:
    if block.role == "title":
        return [f"# {text}"]
    if block.role == "heading":
        return [f"## {text}"]
    if block.role == "break":
        return ["***"]
    if block.role == "meta":
        return [text, "{ .article-meta }"]
    if block.role == "end":
        return [text, "{ .article-end }"]
    if block.role == "byline":
        return [text, "{ .article-byline }"]
    return [text, f"{{ #p{number} }}"]  # every body paragraph can be linked to (#p12)


def article_markdown(source: SourceText, conventions: bool = True) -> str:
    """The article as Markdown; ``conventions=False`` leaves the punctuation and spacing as found."""
    out: list[str] = []
    number = 0
    for block in source.blocks:
        if block.role != "break" and not block.text:
            continue
        number += block.role == "paragraph"
        text = markdown_text(copywriting_text(block.text) if conventions else block.text).replace("\n", " ")
        out += [*_lines(block, text, number), ""]
    return "\n".join(out).rstrip("\n") + "\n"
