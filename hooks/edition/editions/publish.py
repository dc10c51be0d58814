"""Publish the built site as every edition of ``data/editions.yml``: the base edition (简, the
source) where the engine built it, each other edition (繁（臺灣）, 繁（香港）…) in its own folder.

The engine builds once; this step copies the finished site into each edition's folder (``tw/``,
``hk/``) and converts what a reader sees — text nodes, page titles and descriptions,
human-readable attributes (``title``, ``alt``, ``aria-label``, ``placeholder``, the correction
tooltips), the theme's UI strings and the search index — never URLs, ids, code or other
attributes. Relative links keep working because each edition is a complete copy of the tree one
level down. Every page of every edition gets the edition toggle (plain links to the same page
elsewhere). The ``hreflang`` alternates are declared
in each edition's ``sitemap.xml``, not in the pages: Material's script fetches ``sitemap.xml``
beside every ``<link rel=alternate>`` of a page, from ``site_url``'s host, so a page with them logs
failed requests wherever else it is served.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import posixpath
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlparse

from edition.cache import digest, shared_cache
from edition.editions.convert import Converter, Override
from edition.editions.declared import Edition, Editions
from edition.editions.regional import Regional
from edition.html_text import Element, class_names, cut
from edition.markup import QUOTING_TOOLTIPS, SOURCE_WORDS, Mark

# Attributes whose values a reader sees or hears.
READABLE_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "data-tip")
# Text inside these elements is code or machinery, never converted.
UNTOUCHED = frozenset({"script", "style", "code", "pre", "kbd", "samp"})
# Links name sources, pages and paragraphs; headings of the glossary are the terms themselves.
VERBATIM_TAGS = frozenset({"a", "cite"})
_ATTRIBUTE = re.compile(r"(\s(?:" + "|".join(READABLE_ATTRIBUTES) + r')=")([^"]*)(")')
_DESCRIPTION = re.compile(r'(<meta\s+name="description"\s+content=")([^"]*)(")')
_TOGGLE = re.compile(r"<!-- edition-toggle:([^ ]*) -->")
NOT_FOUND = "404.html"
_SITEMAP_LOC = re.compile(r"<loc>([^<]*)</loc>")
_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_UI_STRING = re.compile(r'"([a-z0-9.]+)":\s*"((?:[^"\\]|\\.)*)"')

# Material's index keeps jieba's word breaks (U+200B); one before closing punctuation let a search
# result's snippet start a line with 。 or ，. Punctuation separates words anyway: no token changes.
_WORD_BREAK_BEFORE_PUNCTUATION = re.compile("\u200b(?=[，。、；：？！」』）”’])")

TextChange = Callable[[str], str]


def material_ui_strings(languages_dir: Path, base: str, language: str | None) -> dict[str, str]:
    """The theme's UI strings in the base edition's language mapped to its own ones in an edition's
    (``zh`` → ``zh-Hant``); none when the edition shows the base's (``language`` is None)."""
    if language is None or language == base:
        return {}

    def read(name: str) -> dict[str, str]:
        text = (languages_dir / f"{name}.html").read_text(encoding="utf-8")
        return {key: value for key, value in _UI_STRING.findall(text)}

    source, target = read(base), read(language)
    return {
        value: target[key]
        for key, value in source.items()
        if key in target and not key.startswith(("language", "direction", "search.config"))
    }


def relative_link(from_prefix: str, to_prefix: str, page_url: str) -> str:
    """A relative link from a page in one edition to the same page in another."""
    base = posixpath.dirname(posixpath.join(from_prefix, page_url, "index.html"))
    target = posixpath.join(to_prefix, page_url) or "."
    link = posixpath.relpath(target, base or ".")
    if link == "." or link.endswith((".html", "/")):
        return link if link != "." else "./"
    return link + "/"


def toggle_html(current: Edition, page_url: str, editions: Editions, site_path: str = "/") -> str:
    """The 简 / 繁 / 港 links to this page in every edition; from the 404 page (served at any
    address), to each edition's home from the site's root."""
    links = []
    for edition in editions.all:
        if page_url == NOT_FOUND:
            href = f"{site_path}{edition.prefix}"
        else:
            href = relative_link(current.prefix, edition.prefix, page_url)
        attrs = f'href="{href}" lang="{edition.lang}" title="{edition.name}" data-edition="{edition.id}"'
        if edition.id == current.id:
            attrs += ' aria-current="true"'
        links.append(f'<a class="edition-toggle__link" {attrs}>{edition.label}</a>')
    return "".join(links)


def sitemap_with_alternates(xml: str, site_url: str, edition: Edition, editions: Editions) -> str:
    """An edition's sitemap: its own URLs, each with its ``hreflang`` alternates in every edition
    (the form search engines read in a sitemap: ``xhtml:link``)."""

    def entry(match: re.Match[str]) -> str:
        page_url = match.group(1).removeprefix(site_url)
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{other.lang}" href="{site_url}{other.prefix}{page_url}"/>'
            for other in editions.all
        )
        default = f'<xhtml:link rel="alternate" hreflang="x-default" href="{site_url}{page_url}"/>'
        return f"<loc>{site_url}{edition.prefix}{page_url}</loc>{links}{default}"

    xml = xml.replace(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    )
    return _SITEMAP_LOC.sub(entry, xml)


def _ui_then_text(ui: dict[str, str], convert: TextChange) -> TextChange:
    def change(text: str) -> str:
        stripped = text.strip()
        if stripped in ui:
            text = text.replace(stripped, ui[stripped])
        return convert(text)

    return change


def _convert_tag(raw: str, change: TextChange, prose: TextChange) -> str:
    raw = _ATTRIBUTE.sub(lambda m: m.group(1) + change(m.group(2)) + m.group(3), raw)
    return _DESCRIPTION.sub(lambda m: m.group(1) + prose(m.group(2)) + m.group(3), raw)


def _convert_config(match: re.Match[str], ui: dict[str, str], convert: TextChange) -> str:
    config = json.loads(match.group(2))
    config["translations"] = {
        key: convert(ui.get(value, value)) for key, value in config.get("translations", {}).items()
    }
    return match.group(1) + json.dumps(config) + match.group(3)


def is_source_text(stack: tuple[Element, ...]) -> bool:
    """Whether text under this stack is the speakers' or the author's own words (or a title, a name
    of a source, a term's forms): converted in characters only, never in vocabulary. A source's kind
    (（新闻报道）) among the titles is the edition's own label."""
    if any(Mark.SOURCE_KIND in element.classes for element in stack):
        return False
    return any(element.tag in VERBATIM_TAGS or not SOURCE_WORDS.isdisjoint(element.classes) for element in stack)


def convert_html(page: str, convert: Converter, ui: dict[str, str]) -> str:
    """Text nodes and readable attributes converted; UI strings outside the article use Material's own.

    The speakers' and the author's words (``is_source_text``) are converted in characters only;
    the edition's own prose also in the region's words (``Converter.prose``).
    """
    outside_article = _ui_then_text(ui, convert.prose)
    out: list[str] = []
    # Pieces under one unchanged stack share the tuple, so each stack is inspected once.
    seen: dict[int, tuple[bool, bool, bool]] = {}
    for piece in cut(page):
        stack: tuple[Element, ...] = piece.stack
        if id(stack) not in seen:
            seen[id(stack)] = (
                any(element.tag == "article" for element in stack),
                any(element.tag in UNTOUCHED for element in stack),
                is_source_text(stack),
            )
        in_article, untouched, source = seen[id(stack)]
        change: TextChange = convert if source else convert.prose if in_article else outside_article
        if piece.is_text:
            out.append(piece.raw if untouched else change(piece.raw))
        elif piece.raw.startswith("<") and not piece.raw.startswith(("</", "<!")):
            # A tooltip that quotes the texts (QUOTING_TOOLTIPS) is converted in characters only; the
            # rest (a paragraph number's 点击复制链接, a permalink's title) and the page's
            # description are the edition's prose.
            quoting = in_article and not QUOTING_TOOLTIPS.isdisjoint(class_names(piece.raw))
            out.append(
                _convert_tag(
                    piece.raw, convert if quoting else convert.prose if in_article else outside_article, convert.prose
                )
            )
        else:
            out.append(piece.raw)
    html = "".join(out)
    return _CONFIG.sub(lambda m: _convert_config(m, ui, convert.prose), html, count=1)


def finish_page(page: str, edition: Edition, site_url: str, editions: Editions) -> str:
    """Language and toggle for one page of one edition (after conversion)."""
    page = _HTML_LANG.sub(f'<html lang="{edition.lang}"', page, count=1)
    if edition.prefix and site_url:
        # Absolute links into the site (the canonical URL) point into this edition.
        page = page.replace(f'href="{site_url}', f'href="{site_url}{edition.prefix}')
    site_path = urlparse(site_url).path or "/"
    if edition.prefix and page_url_is_404(page):
        # The 404 page's own links start from the root: in an edition, from the edition's root.
        page = page.replace(f'href="{site_path}', f'href="{site_path}{edition.prefix}')
    return _TOGGLE.sub(lambda m: toggle_html(edition, m.group(1), editions, site_path), page)


def page_url_is_404(page: str) -> bool:
    return f"<!-- edition-toggle:{NOT_FOUND} -->" in page


def _write_sitemap(target: Path, xml: str) -> None:
    _write(target, xml)
    (target.parent / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))


def convert_search_index(
    index_json: str,
    convert: TextChange,
    prose: TextChange | None = None,
    text_pages: tuple[str, ...] = (),
    entries: str = "docs",
) -> str:
    """Every entry's title and text converted: a text page's (``text_pages``, their URLs) in characters
    only, the rest as the edition's prose (the index keeps no markup to tell them apart in a page).
    ``entries`` names the index's list of entries (``docs``: Material; ``items``: Zensical)."""
    index = json.loads(index_json)
    for doc in index[entries]:
        in_text = not text_pages or doc["location"].startswith(text_pages)
        change = convert if prose is None or in_text else prose
        doc["title"] = change(doc["title"])
        doc["text"] = _WORD_BREAK_BEFORE_PUNCTUATION.sub("", change(doc["text"]))
        if "path" in doc:  # Zensical's breadcrumbs: the navigation's labels, the edition's prose
            doc["path"] = [(prose or convert)(label) for label in doc["path"]]
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def _edition_files(site: Path, editions: Editions) -> list[Path]:
    """The base edition's files: the site but the other editions' folders."""
    others = {site / edition.prefix.rstrip("/") for edition in editions.others}
    return [path for path in site.rglob("*") if path.is_file() and not any(o in path.parents for o in others)]


@dataclass(frozen=True)
class EditionsInput:
    """What every edition is converted with."""

    editions: Editions
    overrides: list[Override]
    ui: dict[str, dict[str, str]]  # each edition's theme strings (by id), from the base's
    regional: Regional
    text_pages: tuple[str, ...]  # the URLs of the texts' pages: the speakers' and authors' words
    search_index: str = "search/search_index.json"  # where the engine writes its index
    search_entries: str = "docs"  # the index's list of entries


def build_edition(site: Path, site_url: str, given: EditionsInput, key: str) -> None:
    """Write one edition into its folder, from the base edition's files."""
    edition = given.editions.named(key)
    convert = Converter(edition, given.overrides, given.regional)
    ui = given.ui.get(key, {})
    cache = shared_cache()
    converted_by = digest(edition, given.overrides, given.regional, ui)  # every input of the conversion
    for source in _edition_files(site, given.editions):
        relative = source.relative_to(site)
        name = relative.as_posix()
        target = site / edition.prefix / relative
        if source.suffix == ".html":
            base_page = source.read_text(encoding="utf-8")
            made = partial(convert_html, base_page, convert, ui)
            page = cache.remember("edition-page", (converted_by, base_page), made)
            _write(target, finish_page(page, edition, site_url, given.editions))
        elif name == given.search_index:
            index = source.read_text(encoding="utf-8")
            convert_index = convert_search_index(index, convert, convert.prose, given.text_pages, given.search_entries)
            _write(target, convert_index)
        elif name == "sitemap.xml":
            xml = source.read_text(encoding="utf-8")
            _write_sitemap(target, sitemap_with_alternates(xml, site_url, edition, given.editions))
        elif name != "sitemap.xml.gz":
            _share(source, target)


def build_editions(site: Path, site_url: str, given: EditionsInput) -> None:
    """Write every edition made from the base edition (one process each: the machine's cores work
    side by side), then finish the base edition in place (its pages are the others' source, so it
    is last)."""
    others = [edition.id for edition in given.editions.others]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    if context is None or len(others) < 2:
        for key in others:
            build_edition(site, site_url, given, key)
    else:
        with ProcessPoolExecutor(max_workers=len(others), mp_context=context) as pool:
            for done in [pool.submit(build_edition, site, site_url, given, key) for key in others]:
                done.result()
    base = given.editions.base
    index = site / given.search_index
    if index.exists():  # Material writes \uXXXX escapes: UTF-8 is half the size for every reader to parse
        same = convert_search_index(index.read_text(encoding="utf-8"), str, entries=given.search_entries)
        index.write_text(same, encoding="utf-8")
    for source in _edition_files(site, given.editions):
        if source.suffix == ".html":
            page = source.read_text(encoding="utf-8")
            source.write_text(finish_page(page, base, site_url, given.editions), encoding="utf-8")
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        xml = sitemap.read_text(encoding="utf-8")
        _write_sitemap(sitemap, sitemap_with_alternates(xml, site_url, base, given.editions))


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _share(source: Path, target: Path) -> None:
    """Identical files (assets, raw downloads) are hard-linked into the edition, or copied."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
