"""A raw source's page: its text shown as text, in a page that says it is UTF-8."""

from __future__ import annotations

import html
import re
from pathlib import Path

from edition.sources.raw_view import link_raw_views, raw_view_html, view_name


def _page(text: str) -> str:
    return raw_view_html(text, title="标题 <b>", raw_name="t-raw.txt", sha256="ab" * 32, back="../t/")


def test_the_page_declares_utf8_before_anything_else_a_browser_reads() -> None:
    page = _page("主持：你好")
    assert page.startswith('<!doctype html>\n<html lang="zh-Hans"><head><meta charset="utf-8">')
    assert '<pre class="raw-source" lang="zh-Hans">主持：你好</pre>' in page


def test_markup_in_a_source_or_its_title_is_shown_as_text_never_run() -> None:
    hostile = '<script>alert(1)</script>\n<img src=x onerror="alert(2)">&amp;'
    page = _page(hostile)
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    shown = re.search(r'<pre class="raw-source" lang="zh-Hans">(.*)</pre>', page, re.S)
    assert shown is not None
    assert html.unescape(shown.group(1)) == hostile  # every character, as the source has it


def test_the_page_links_the_bytes_and_the_text_it_belongs_to() -> None:
    page = _page("x")
    assert '<a href="t-raw.txt" download="">' in page and "<code>" + "ab" * 32 + "</code>" in page
    assert '<a href="../t/">' in page
    assert view_name("docs/sources/t-raw.txt") == "t-raw.html"


def test_a_text_pages_raw_view_link_goes_to_the_page_once_it_exists(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "t").mkdir()
    page_file = tmp_path / "t/index.html"
    page = (
        '<a download href="../sources/t-raw.txt">下载</a>'
        '<a class="raw-view screen-only" href="../sources/t-raw.txt">阅读</a>'
    )
    assert link_raw_views(page, page_file) == page  # no view page yet: the link stays on the file
    (tmp_path / "sources/t-raw.html").write_text("…", encoding="utf-8")
    assert link_raw_views(page, page_file) == (
        '<a download href="../sources/t-raw.txt">下载</a>'
        '<a class="raw-view screen-only" href="../sources/t-raw.html">阅读</a>'
    )
