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
from collections.abc import Callable

# A relative link: not to another host (scheme or //), not from the root (/), not a bare #fragment.
# Path, optional ?query, optional #fragment; `data-src=` and the like are not links.
_LINK = re.compile(r'(?<![\w-])(href|src)="([^":/?#][^":?#]*)(\?[^"#]*)?(#[^"]*)?"')


def page_url(page: str) -> str:
    """A page's address relative to the site's root, as both engines write it (directory URLs):
    ``podcast.md`` → ``podcast/``, ``index.md`` → ``""``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _relative(target: str, here: str, directory: bool) -> str:
    link = posixpath.relpath(target or ".", here.rstrip("/") or ".")
    if link == ".":
        return "./"
    return link.rstrip("/") + "/" if directory else link


def _resolved(page: str, every_link: bool) -> Callable[[re.Match[str]], str]:
    here = page_url(page)

    def resolve(match: re.Match[str]) -> str:
        attribute, path, query, fragment = match.group(1), match.group(2), match.group(3) or "", match.group(4) or ""
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith(".md"):
            link = _relative(page_url(target), here, directory=True)
        elif every_link:
            link = _relative(target, here, directory=False)
        else:
            return match.group(0)
        return f'{attribute}="{link}{query}{fragment}"'

    return resolve


def resolve_links(page_html: str, page: str) -> str:
    """``page_html`` (built from ``page``, a path under ``docs/``) with its ``.md`` links resolved:
    what an engine left of the links written as a Markdown author writes them."""
    return _LINK.sub(_resolved(page, every_link=False), page_html)


def resolve_every_link(page_html: str, page: str) -> str:
    """Every relative link resolved from the page's file to its address (``sources/raw.txt`` from
    ``article.md`` → ``../sources/raw.txt``): for the pipeline's own HTML, which no engine has seen."""
    return _LINK.sub(_resolved(page, every_link=True), page_html)
