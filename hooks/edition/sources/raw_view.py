"""A raw source to read in the browser: its text in a page that names its encoding.

Each text's raw source is published byte for byte (``sources/<id>-raw.txt``) for download. Opened
in a browser instead, it depends on the host: many simple hosts serve ``.txt`` without a charset,
and the browser then guesses, so a Chinese transcript can open as mojibake. Beside each raw file
the build writes ``<name>.html``: the same text (decoded by the registry's ``encoding:``) in a
``<pre>``, in a page that declares UTF-8, with the file's SHA-256 and a link to the bytes. The
page is built as an element tree, so a source's ``<script>`` is shown, never run.

The text page links it with a link to the raw file carrying the class ``raw-view``
(``[在浏览器中阅读](sources/<id>-raw.txt){ .raw-view }``): the engines check that link like any
other, and :func:`link_raw_views` points it at the page once the page exists.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

from edition.markup import Mark

# The words of the page: the base edition's prose, converted for each edition with the page.
_TITLE = "原始文件 · {title}"
_HEADING = "原始文件"
_ABOUT = "下面是本站所据的原始文件全文，未经任何改动（只把它解码为文字，换行统一为 LF）。"
_ASK = "与本站所据完全相同的原件请下载："
_DOWNLOAD = "下载原件"
_BACK = "← {title}"
_STYLE = (
    "body{margin:0 auto;max-width:48rem;padding:1rem;font-family:system-ui,sans-serif;line-height:1.6}"
    "pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9rem;line-height:1.7;"
    "border-top:1px solid #ccc;padding-top:1rem}"
    "code{overflow-wrap:anywhere}"
    "@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}a{color:#8ab4f8}}"
)


def view_name(raw: str) -> str:
    """The page's file name beside the raw file: ``podcast-raw.txt`` → ``podcast-raw.html``."""
    return PurePosixPath(raw).with_suffix(".html").name


def raw_view_html(text: str, *, title: str, raw_name: str, sha256: str, back: str) -> str:
    """The page showing ``text`` (a raw source's whole text) as text: ``raw_name`` is the raw file
    beside the page, ``back`` the relative link to the text's page."""
    html = ET.Element("html", lang="zh-Hans")
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "meta", charset="utf-8")
    ET.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    ET.SubElement(head, "meta", name="robots", content="noindex")  # the text's page is the one to find
    ET.SubElement(head, "title").text = _TITLE.format(title=title)
    ET.SubElement(head, "style").text = _STYLE
    body = ET.SubElement(html, "body")
    ET.SubElement(ET.SubElement(body, "p"), "a", href=back).text = _BACK.format(title=title)
    ET.SubElement(body, "h1").text = _HEADING
    about = ET.SubElement(body, "p")
    about.text = _ABOUT + _ASK
    download = ET.SubElement(about, "a", href=raw_name, download="")
    download.text = _DOWNLOAD
    download.tail = "（SHA-256 "
    checksum = ET.SubElement(about, "code")
    checksum.text = sha256
    checksum.tail = "）。"
    # The source's own script in every edition (the page around it is converted, never the <pre>).
    ET.SubElement(body, "pre", {"class": Mark.RAW_SOURCE, "lang": "zh-Hans"}).text = text
    return "<!doctype html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"


# An <a …> start tag (a quoted value may hold ">").
_LINK = re.compile(r"""<a\b(?:[^>"']|"[^"]*"|'[^']*')*>""")
_HREF = re.compile(r'\bhref="([^"]+)"')


def link_raw_views(page: str, page_file: Path) -> str:
    """``page`` (written to ``page_file``) with each ``raw-view`` link to a raw file pointed at its
    view page, where that page exists."""

    def point(match: re.Match[str]) -> str:
        tag = match.group(0)
        classes = re.search(r'\bclass="([^"]*)"', tag)
        if classes is None or Mark.RAW_VIEW not in classes.group(1).split():
            return tag
        href = _HREF.search(tag)
        if href is None:
            return tag
        view = PurePosixPath(href.group(1)).with_suffix(".html").as_posix()
        if not (page_file.parent / view).is_file():
            return tag
        return tag[: href.start(1)] + view + tag[href.end(1) :]

    return _LINK.sub(point, page)
