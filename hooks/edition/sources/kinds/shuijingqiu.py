"""An article scraped from the stock-community app 水晶球 (2024): one adapter among the kinds.

The scrape carries the app's page chrome before the article: a download banner, a stray ``X``
close button, a 推荐关注更多 list of recommended accounts and ``banner`` lines. After them come the
title, a line with column and date, the file name of the header image, and the body, whose
paragraphs are separated by lines holding a single no-break space (U+00A0); two such lines in a
row mark a section break. The body ends with ``—完—`` and the author's byline.
"""

from __future__ import annotations

import re

from edition.errors import fail
from edition.sources.kinds.model import Block, Metadata, SourceKind, SourceText

# The chrome ends with the last line that says just "banner" (the app's ad slots).
_BANNER = "banner"
# "辉常观察   / 02月22日 10:17 发布": column, then date and time of publication.
_META = re.compile(r"^(?P<column>\S.*?)\s+/\s+(?P<date>\d{2}月\d{2}日 \d{2}:\d{2}) 发布$")
# The header image's file name, e.g. "ef29-9b9e1cf302b940ae3a49911ead72bf7f.jpg".
_IMAGE_FILE = re.compile(r"^[0-9A-Za-z_-]+\.(?:jpe?g|png|gif|webp)$")
# "—完—": the article's own end mark.
_END_MARK = re.compile(r"^[—-]+完[—-]+$")
# A short line without punctuation between paragraphs is a subheading (the article has 结语).
_SUBHEADING = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
# A line holding only a no-break space separates paragraphs in the scrape.
_SPACER = "\u00a0"


def recognise(text: str, suffix: str) -> bool:
    lines = [line.strip() for line in text.split("\n")]
    return _BANNER in lines and any(_META.match(line) for line in lines)


def drop_scrape_chrome(raw: str, shown_as: str = "article") -> str:
    """Keep the article from its title on; drop the app chrome before it and the image file name."""
    lines = raw.split("\n")
    banner_lines = [index for index, line in enumerate(lines) if line.strip() == _BANNER]
    if not banner_lines:
        raise fail(
            shown_as, 1, "ART001", "no `banner` line: this is not the 水晶球 page layout (give another --format)"
        )
    start = banner_lines[-1] + 1
    kept = lines[start:]
    meta_index = next((i for i, line in enumerate(kept) if _META.match(line.strip())), None)
    if meta_index is None:
        raise fail(shown_as, start + 1, "ART002", "no `column / MM月DD日 HH:MM 发布` line after the title")
    body = [
        line
        for i, line in enumerate(kept)
        if not (i > meta_index and _IMAGE_FILE.match(line.strip()) and i <= meta_index + 2)
    ]
    return "\n".join(body).strip("\n") + "\n"


def _lines(text: str) -> list[tuple[int, str]]:
    """Content lines with the number of spacer lines before each (1 = paragraph, 2+ = section)."""
    found: list[tuple[int, str]] = []
    spacers = 0
    for line in text.split("\n"):
        if line == _SPACER or line.strip(" ") == _SPACER:
            spacers += 1
        elif line.strip():
            found.append((spacers, line.strip()))
            spacers = 0
    return found


def structure(text: str, shown_as: str = "article") -> SourceText:
    """The de-chromed scrape's own structure: title, column/date, paragraphs, breaks, end, byline."""
    lines = _lines(text)
    if len(lines) < 3:
        raise fail(shown_as, 1, "ART003", "the article has no body after its title and date line")
    (_, title), (_, meta_line) = lines[0], lines[1]
    meta = _META.match(meta_line)
    if meta is None:
        raise fail(shown_as, 2, "ART002", "the line after the title is not `column / MM月DD日 HH:MM 发布`")
    blocks = [Block("title", title), Block("meta", f"{meta['column']} / {meta['date']} 发布")]
    ended = False
    for spacers, line in lines[2:]:
        if spacers >= 2 and not ended:
            blocks.append(Block("break", ""))  # two spacer lines in the scrape
        if _END_MARK.match(line):
            blocks.append(Block("end", line))
            ended = True
        elif ended:
            blocks.append(Block("byline", line))
        elif _SUBHEADING.match(line):
            blocks.append(Block("heading", line))
        else:
            blocks.append(Block("paragraph", line))
    return SourceText(tuple(blocks), Metadata(title=title, site="水晶球", date=meta["date"]))


def read(text: str, shown_as: str) -> SourceText:
    kept = drop_scrape_chrome(text, shown_as)
    source = structure(kept, shown_as)
    kept_lines = {line.strip() for line in kept.split("\n")}
    dropped = tuple(line.strip() for line in text.split("\n") if line.strip() and line.strip() not in kept_lines)
    return SourceText(source.blocks, source.metadata, dropped)


KIND = SourceKind(
    "shuijingqiu",
    "article",
    "an article scraped from the 水晶球 app (banner lines, column / date line)",
    recognise,
    read,
)
