"""The built site fetches nothing from a third-party host.

Scans what a browser would fetch by itself: in HTML, ``src``/``srcset``/``poster``/``data`` and
``<link href>`` other than plain navigation; in CSS, ``url()`` and ``@import``; in JavaScript,
absolute URLs passed to ``fetch``, ``importScripts`` or used as a script/style source. Links a
reader clicks (``<a href>``) are not fetches and may point anywhere.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# <link rel=...> values that make the browser fetch the target.
_FETCHING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "preconnect",
    "dns-prefetch",
}
_EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)
_CSS_URL = re.compile(r"""url\(\s*['"]?((?:https?:)?//[^'")\s]+)|@import\s+['"]((?:https?:)?//[^'"]+)""", re.I)
_JS_FETCH = re.compile(r"""(?:fetch|importScripts|import)\(\s*['"`]((?:https?:)?//[^'"`]+)""", re.I)


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("src", "poster", "data"):
            if name in values:
                self.urls.append(values[name])
        if "srcset" in values:
            self.urls += [part.strip().split(" ")[0] for part in values["srcset"].split(",")]
        if tag == "link" and set(values.get("rel", "").lower().split()) & _FETCHING_RELS:
            self.urls.append(values.get("href", ""))
        if "style" in values:
            self.urls += [m[0] or m[1] for m in _CSS_URL.findall(values["style"])]


def third_party_fetches(site: Path) -> list[str]:
    found: list[str] = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            parser = _Fetches()
            parser.feed(path.read_text(encoding="utf-8"))
            found += [f"{path.relative_to(site)}: {url}" for url in parser.urls if _EXTERNAL.match(url)]
        elif path.suffix == ".css":
            found += [f"{path.relative_to(site)}: {m[0] or m[1]}" for m in _CSS_URL.findall(path.read_text("utf-8"))]
        elif path.suffix == ".js":
            found += [f"{path.relative_to(site)}: {url}" for url in _JS_FETCH.findall(path.read_text("utf-8"))]
    return found


def test_built_site_requests_nothing_from_third_party_hosts(built_site: Path) -> None:
    assert third_party_fetches(built_site) == []


def test_the_scan_would_catch_a_google_font_and_a_remote_script(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Noto">'
        '<script src="//cdn.example.com/x.js"></script><a href="https://example.com/">ok</a>',
        encoding="utf-8",
    )
    (tmp_path / "b.css").write_text("@font-face{src:url(https://fonts.gstatic.com/x.woff2)}", encoding="utf-8")
    assert len(third_party_fetches(tmp_path)) == 3
