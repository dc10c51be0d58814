"""Article cleaning: one test per rule, and a golden file for each step on the real article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.sources.article import article_markdown
from edition.sources.kinds.shuijingqiu import drop_scrape_chrome, read, structure
from edition.typography import copywriting

ROOT = Path(__file__).resolve().parent.parent
RAW = (ROOT / "docs/sources/article-mengyonghui-sora-scraped-raw.txt").read_text(encoding="utf-8")
NBSP = "\u00a0"

SMALL = (
    "水晶球APP 高手云集的股票社区\n下载、打开\nX\n\n推荐关注更多\n\n某人\n\n名博\n\n\nbanner\n\nbanner\n\n"
    "标题,副题\n\n辉常观察   / 02月22日 10:17 发布\n\nab12-cd.jpg\n\n第一段,有Sora。\n\n"
    f"{NBSP}\n\n第二段。\n\n{NBSP}\n\n{NBSP}\n\n新一节。\n\n{NBSP}\n\n结语\n\n{NBSP}\n\n末段。\n\n"
    f"{NBSP}\n\n—完—\n\n{NBSP}\n\n作者:某某,作家"
)


def test_chrome_is_dropped_up_to_the_last_banner_line() -> None:
    text = drop_scrape_chrome(SMALL)
    assert text.startswith("标题,副题\n")
    for chrome in ("水晶球APP", "下载、打开", "\nX\n", "推荐关注更多", "名博", "banner"):
        assert chrome not in text


def test_image_file_name_after_the_date_line_is_dropped() -> None:
    assert "ab12-cd.jpg" not in drop_scrape_chrome(SMALL)


def test_a_scrape_without_banner_lines_is_refused_with_art001() -> None:
    with pytest.raises(EditionError, match=r"^a\.txt:1: ART001 "):
        drop_scrape_chrome("标题\n\n正文。", "a.txt")


def test_a_scrape_without_a_date_line_is_refused_with_art002() -> None:
    with pytest.raises(EditionError, match=r"^a\.txt:2: ART002 "):
        drop_scrape_chrome("banner\n标题\n\n正文。", "a.txt")


def test_title_becomes_the_page_heading_and_the_date_line_a_meta_paragraph() -> None:
    markdown = article_markdown(structure(drop_scrape_chrome(SMALL)), conventions=False)
    assert markdown.startswith("# 标题,副题\n\n辉常观察 / 02月22日 10:17 发布\n{ .article-meta }\n")


def test_one_spacer_line_separates_paragraphs_two_mark_a_section_break() -> None:
    markdown = article_markdown(structure(drop_scrape_chrome(SMALL)), conventions=False)
    assert "第一段,有Sora。\n{ #p1 }\n\n第二段。\n{ #p2 }" in markdown
    assert "第二段。\n{ #p2 }\n\n***\n\n新一节。\n{ #p3 }" in markdown


def test_a_short_line_without_punctuation_is_a_subheading() -> None:
    assert "\n## 结语\n" in article_markdown(structure(drop_scrape_chrome(SMALL)), conventions=False)


def test_end_mark_and_byline_keep_their_own_classes() -> None:
    markdown = article_markdown(structure(drop_scrape_chrome(SMALL)), conventions=False)
    assert "—完—\n{ .article-end }" in markdown
    assert "作者:某某,作家\n{ .article-byline }" in markdown


def test_copywriting_makes_commas_full_width_and_spaces_latin() -> None:
    assert copywriting("第一段,有Sora的2个版本。\n") == "第一段，有 Sora 的 2 个版本。\n"


def test_copywriting_leaves_code_and_links_alone() -> None:
    source = "见 `a,b` 和 [下载](sources/a-b.txt)。\n"
    assert copywriting(source) == source


@pytest.mark.parametrize(
    ("step", "run"),
    [
        ("1-drop-chrome.md", lambda raw: drop_scrape_chrome(raw)),
        ("2-structure.md", lambda raw: article_markdown(structure(drop_scrape_chrome(raw)), conventions=False)),
        ("3-copywriting.md", lambda raw: article_markdown(read(raw, "article"))),
    ],
)
def test_each_step_on_the_real_article_matches_its_golden_file(
    step: str, run: Callable[[str], str], golden: Callable[[str, str], None]
) -> None:
    golden(f"article/{step}", run(RAW))
