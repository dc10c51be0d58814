"""Do two builds of the edition publish the same thing? What a reader reads and follows, compared.

Each engine draws its own frame around a page (header, navigation, footer, scripts); what the
edition makes is the page's ``<article>``. For every page of every edition built by both engines,
its article is reduced to what a reader meets: the text, in order, and the structure that makes
notes and links work — every element's id, every link's target, every note, correction and
speaker mark (elements by class). The first place where two builds differ is reported with the
page and what each build has there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from edition.html_text import cut

# Elements whose text is not part of the page a reader reads (and differs by engine build id).
_SKIPPED = frozenset({"script", "style"})
# Attributes that carry the edition's structure; the rest (styling hooks of a theme) may differ.
_STRUCTURE = (
    "id",
    "href",
    "src",
    "class",
    "data-speaker",
    "data-tip",
    "title",
    "hidden",
    "download",
    "aria-hidden",
    "lang",
)
# What a page says of itself, outside its article: its title, language and description.
_HEAD = (
    re.compile(r"<title>(.*?)</title>", re.S),
    re.compile(r'<html[^>]*\slang="([^"]*)"'),
    re.compile(r'<meta\s+name="description"\s+content="([^"]*)"'),
)


@dataclass(frozen=True)
class Difference:
    page: str
    place: int  # the index of the first differing item of the page's reduced form
    first: str
    second: str

    def __str__(self) -> str:
        return f"{self.page}: item {self.place}: {self.first!r} ≠ {self.second!r}"


def article(page_html: str) -> str:
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    return page_html[start:end] if start >= 0 and end > start else ""


def reduced(page_html: str) -> list[str]:
    """The page as a list: its title, language and description, then its article's text runs
    (whitespace collapsed), start tags with their structure and end tags (so nesting counts)."""
    items = [f"head: {found.group(1).strip()}" for pattern in _HEAD if (found := pattern.search(page_html))]
    skipped_end = ""
    for piece in cut(article(page_html)):
        if skipped_end and piece.raw.lower() == skipped_end:
            skipped_end = ""
            continue  # the end of an empty theme anchor left out below
        skipped_end = ""
        if any(element.tag in _SKIPPED for element in piece.stack):
            continue
        if piece.is_text:
            text = " ".join(piece.raw.split())
            if text:
                items.append(text)
        elif piece.raw.startswith("<") and not piece.raw.startswith(("</", "<!")):
            tag = _start_tag(piece.raw)
            if ' id="__' not in tag:  # the theme's own anchors (Material's and Zensical's `__skip`)
                items.append(tag)
            else:
                skipped_end = f"</{tag[1:].split()[0].rstrip('>')}>"
        elif piece.raw.startswith("</"):
            items.append(piece.raw.lower())
    return items


def _start_tag(raw: str) -> str:
    pieces = cut(raw + "x")
    element = pieces[-1].stack[-1] if pieces and pieces[-1].stack else None
    if element is None:
        return raw
    kept = " ".join(f'{name}="{element.attrs[name]}"' for name in _STRUCTURE if name in element.attrs)
    return f"<{element.tag} {kept}>" if kept else f"<{element.tag}>"


def _at(items: list[str], place: int) -> str:
    return items[place] if place < len(items) else "(end of the article)"


def pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def compare_sites(first: Path, second: Path) -> list[Difference | str]:
    """Every page whose article differs (its first difference), and every page only one build has."""
    found: list[Difference | str] = []
    first_pages, second_pages = pages(first), pages(second)
    for page in sorted(set(first_pages) ^ set(second_pages)):
        found.append(f"{page}: built by only one engine ({first.name if page in first_pages else second.name})")
    for page in sorted(set(first_pages) & set(second_pages)):
        one = reduced((first / page).read_text(encoding="utf-8"))
        two = reduced((second / page).read_text(encoding="utf-8"))
        if one != two:
            place = next((i for i, (a, b) in enumerate(zip(one, two, strict=False)) if a != b), min(len(one), len(two)))
            found.append(
                Difference(
                    page,
                    place,
                    one[place] if place < len(one) else "(end)",
                    two[place] if place < len(two) else "(end)",
                )
            )
    return found
