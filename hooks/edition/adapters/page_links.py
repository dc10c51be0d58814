"""Links to ``.md`` pages that an engine left in the built HTML, resolved to the pages' addresses.

The pipeline writes its links between pages (a footnote's link to the glossary, the glossary's
back-links to the texts) as a Markdown author does: ``glossary.md#acp``, relative to the linking
page's file. Zensical rewrites every such link in the HTML it emits; MkDocs rewrites only the
links of the Markdown itself, not those a Markdown extension writes into the HTML. This step
resolves what is left, so both engines publish the same links: ``../glossary/#acp``.
"""

from __future__ import annotations

import posixpath
import re

_MD_LINK = re.compile(r'href="([^":/?#][^":?#]*\.md)(#[^"]*)?"')
# Any relative link to a file in the tree: in the pipeline's own HTML of a page (the PDF's parts),
# which no engine has rewritten, a download link (sources/….txt) is relative to the page's file.
_RELATIVE_LINK = re.compile(r'(href|src)="([^":/?#][^":?#]*)(#[^"]*)?"')


def page_url(page: str) -> str:
    """A page's address relative to the site's root, as both engines write it (directory URLs):
    ``podcast.md`` → ``podcast/``, ``index.md`` → ``""``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def resolve_links(page_html: str, page: str) -> str:
    """``page_html`` (built from ``page``, a path under ``docs/``) with its ``.md`` links resolved."""
    here = page_url(page)

    def resolve(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group(1)))
        link = posixpath.relpath(page_url(target) or ".", here.rstrip("/") or ".")
        link = "./" if link == "." else link.rstrip("/") + "/"
        return f'href="{link}{match.group(2) or ""}"'

    return _MD_LINK.sub(resolve, page_html)


def resolve_every_link(page_html: str, page: str) -> str:
    """As ``resolve_links``, and every other relative link too (``sources/raw.txt`` from
    ``article.md`` → ``../sources/raw.txt``): for HTML no engine has seen."""
    page_html = resolve_links(page_html, page)
    depth = page_url(page).count("/")

    def resolve(match: re.Match[str]) -> str:
        link = match.group(2)
        if link.endswith("/") or link.startswith("../"):
            return match.group(0)  # a page's address, already resolved
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link))
        return f'{match.group(1)}="{"../" * depth}{target}{match.group(3) or ""}"'

    return _RELATIVE_LINK.sub(resolve, page_html)
