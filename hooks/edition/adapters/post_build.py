"""What the pipeline does to a site an engine has built: the same for every engine.

The engine renders the base edition's pages (with the pipeline's Markdown extension); this step
writes a page beside each raw source, the other editions of ``data/editions.yml`` beside the base,
and each edition's search; once the PDFs are made from the editions (``scripts/build_site.py``),
every link and anchor of every edition is checked.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import partial
from pathlib import Path, PurePosixPath

from edition.adapters.engines import Engine
from edition.adapters.extension import use_build
from edition.adapters.links import broken_links
from edition.adapters.page_links import page_url, resolve_every_link, resolve_links
from edition.cache import digest, shared_cache
from edition.edition_build import EditionBuild
from edition.editions.publish import NOT_FOUND, EditionsInput, build_editions, material_ui_strings
from edition.editions.search_index import (
    BUNDLE,
    FOLD_TABLE,
    Record,
    fold_table,
    han_characters,
    page_records,
    write_bundles,
)
from edition.editions.search_text import unmark_left_out
from edition.markup import Mark
from edition.reading.transcript_page import split_front_matter
from edition.render import pdf_name, render_markdown, text_pdf_name, theme_language
from edition.sources.raw_view import link_raw_views, raw_view_html, view_name
from edition.sources.rawfile import decode_source
from edition.textfile import read_text


def finish_site(site: Path, site_url: str, build: EditionBuild, engine: Engine, search: bool = True) -> None:
    """Write the other editions into ``site``, beside the base edition, and (with ``search``) each
    edition's search."""
    editions, registry, regional = build.editions, build.registry, build.regional
    assert editions is not None and registry is not None and regional is not None, "a build with problems has none"
    base_language = theme_language(build.root)
    given = EditionsInput(
        editions,
        build.overrides,
        {e.id: material_ui_strings(engine.languages, base_language, e.theme_language) for e in editions.others},
        regional,
        tuple(entry.url for entry in registry.texts.values()),
        engine.search_index,
        engine.search_entries,
    )
    write_raw_views(site, build)
    own_pdfs = {entry.page: text_pdf_name(build.root, text_id) for text_id, entry in registry.texts.items()}
    finish_pages(site, build.root / "docs", own_pdfs)
    build_editions(site, site_url, given)
    if search:
        write_search(site, build)


def write_search(site: Path, build: EditionBuild) -> None:
    """Each edition's search (``search_index``): a Pagefind bundle of its own finished pages, and the
    table that folds a query's characters, the same in every edition."""
    editions = build.editions
    assert editions is not None
    others = [site / edition.prefix.rstrip("/") for edition in editions.others]
    pages: dict[str, dict[str, str]] = {}  # edition's folder → page URL (from the folder) → HTML
    for edition in editions.all:
        root = site / edition.prefix
        found = {}
        for path in sorted(root.rglob("*.html")):
            relative = path.relative_to(root).as_posix()
            if relative == NOT_FOUND or (not edition.prefix and any(o in path.parents for o in others)):
                continue
            html = path.read_text(encoding="utf-8")
            if f'class="{Mark.RAW_SOURCE}"' in html:
                continue  # a raw source's page: its words are found on the text's own page
            found[relative.removesuffix("index.html")] = html
        pages[edition.prefix] = found
    table = fold_table(han_characters(html for found in pages.values() for html in found.values()))
    bundles: dict[Path, list[Record]] = {}
    cache, folded_by = shared_cache(), digest(table)
    for prefix, found in pages.items():
        records: list[Record] = []
        for url, html in found.items():
            records += cache.remember("search-records", (folded_by, url, html), partial(page_records, html, url, table))
        bundles[site / prefix / BUNDLE] = records
        target = site / prefix / FOLD_TABLE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    write_bundles(bundles)


def write_raw_views(site: Path, build: EditionBuild) -> None:
    """Beside each text's raw file, a page that shows its text (``edition.sources.raw_view``); the
    editions convert its words and leave the text (a ``<pre>``) as it is."""
    assert build.registry is not None
    for entry in build.registry.texts.values():
        published = site / PurePosixPath(entry.raw).relative_to("docs")
        text = decode_source((build.root / entry.raw).read_bytes(), entry.encoding, entry.raw)
        page = raw_view_html(
            text,
            title=entry.title,
            raw_name=published.name,
            sha256=entry.sha256,
            back=posixpath.relpath(entry.url or ".", published.parent.relative_to(site).as_posix()) + "/",
        )
        (published.parent / view_name(entry.raw)).write_text(page, encoding="utf-8")


def finish_pages(site: Path, docs: Path, own_pdfs: dict[str, str]) -> None:
    """Every built page of the Simplified site, its ``.md`` links resolved (``page_links``), its
    links to raw sources' pages made (``raw_view``), a text's header link to its own PDF
    (``own_pdfs``: page → file name beside it) and the marks for the engine's search removed (the
    index is written)."""
    for source in sorted(docs.rglob("*.md")):
        page = source.relative_to(docs).as_posix()
        built = site / page_url(page) / "index.html"
        if built.exists():
            text = built.read_text(encoding="utf-8")
            finished = link_raw_views(unmark_left_out(resolve_links(text, page)), built)
            if page in own_pdfs:
                finished = link_own_pdf(finished, own_pdfs[page])
            if finished != text:
                built.write_text(finished, encoding="utf-8")


_PDF_LINK = re.compile(r'<a class="edition-pdf" href="[^"]*" title="PDF"')


def link_own_pdf(page: str, file_name: str) -> str:
    """A text page's header link to the PDF of that text alone, beside the page (the theme's
    partial links every page to the book): a reader prints one text, not the whole edition."""
    link = f'<a class="edition-pdf" href="{html.escape(file_name)}" title="PDF：本篇"'
    return _PDF_LINK.sub(lambda _: link, page, count=1)


def page_fragment(build: EditionBuild, page: str) -> str:
    """A page's content as the engines render it (the pipeline's extension and every other of
    ``mkdocs.yml``), links resolved and search marks removed: the PDF's parts are made from this,
    not cut out of a theme's page."""
    use_build(build.root, build)
    body, _ = split_front_matter(read_text(build.root / "docs" / page, f"docs/{page}"))
    html = render_markdown(build.root, body.lstrip("\n"), with_pipeline=True)
    return unmark_left_out(resolve_every_link(html, page))


def check_links(root: Path, site: Path, site_url: str, with_pdfs: bool) -> list[str]:
    """Every broken link or anchor of every edition, as ``path:line: LINK001 …`` (the link to each
    edition's PDF only when the PDFs were made)."""
    unmade = re.escape(pdf_name(root).removesuffix(".pdf")) + r"(?:-[a-z0-9-]+)?\.pdf$"  # the book's, each text's
    return broken_links(site, site_url, () if with_pdfs else (unmade,))
