"""What the pipeline does to a site an engine has built: the same for every engine.

The engine renders the Simplified pages (with the pipeline's Markdown extension); this step writes
the Traditional editions beside them, converts each edition's search index and writes the tables
for searching in either script; once the PDFs are made from the editions
(``scripts/build_site.py``), every link and anchor of every edition is checked.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.edition_build import EditionBuild
from edition.editions import EditionsInput, build_editions, material_ui_strings
from edition.engines import Engine
from edition.links import broken_links
from edition.page_links import page_url, resolve_links
from edition.search_text import unmark_left_out

PDF_NAME = "sora-reader.pdf"  # each edition's PDF, beside its home page


def finish_site(site: Path, site_url: str, build: EditionBuild, engine: Engine) -> None:
    """Write the Traditional editions into ``site``, beside the Simplified one."""
    assert build.registry is not None and build.regional is not None, "a build with problems has no editions"
    given = EditionsInput(
        build.overrides,
        material_ui_strings(engine.languages),
        build.regional,
        tuple(entry.url for entry in build.registry.texts.values()),
        engine.search_index,
        engine.search_entries,
    )
    finish_pages(site, build.root / "docs")
    build_editions(site, site_url, given)


def finish_pages(site: Path, docs: Path) -> None:
    """Every built page of the Simplified site, its ``.md`` links resolved (``page_links``) and the
    marks for the engine's search removed (the index is written)."""
    for source in sorted(docs.rglob("*.md")):
        page = source.relative_to(docs).as_posix()
        built = site / page_url(page) / "index.html"
        if built.exists():
            text = built.read_text(encoding="utf-8")
            finished = unmark_left_out(resolve_links(text, page))
            if finished != text:
                built.write_text(finished, encoding="utf-8")


def check_links(site: Path, site_url: str, with_pdfs: bool) -> list[str]:
    """Every broken link or anchor of every edition, as ``path:line: LINK001 …`` (the link to each
    edition's PDF only when the PDFs were made)."""
    return broken_links(site, site_url, () if with_pdfs else (re.escape(PDF_NAME) + "$",))
