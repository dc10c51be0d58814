"""Every link and anchor in the built site resolves: pages, files and ``#fragments``.

Checks ``href`` and ``src`` in every HTML file of every edition; links to other hosts are left
alone (the site fetches nothing from them, see the privacy test, and a reader's link out is not
ours to keep alive offline).
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name] or "")
        for name in ("href", "src"):
            value = values.get(name)
            if value and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append((self.getpos()[0], value))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """``path:line: LINK001 target`` for every link whose page, file or anchor does not exist."""
    site = site.resolve()
    pages = {path.resolve(): _parse(path) for path in site.rglob("*.html")}
    problems = []
    for page, parsed in pages.items():
        for line, link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
                continue
            if parts.path.startswith("/"):  # from the site's root (the 404 page links so)
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            elif parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = page
            where = f"{page.relative_to(site)}:{line}: LINK001"
            if not target.exists():
                problems.append(f"{where} {link}: no such page or file")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where} {link}: no anchor #{parts.fragment} in {posixpath.basename(str(target))}")
    return problems
