"""The built site, as a reader sees it: pages, clean article, credits, downloads, search, privacy."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from edition.editions.declared import load_editions
from edition.reading.speakers import load_speakers
from edition.sources.fidelity import words_only
from edition.sources.kinds.shuijingqiu import drop_scrape_chrome
from edition.sources.texts import load_registry

ROOT = Path(__file__).resolve().parent.parent
TEXTS = load_registry(ROOT).texts
EDITIONS = load_editions(ROOT)
# The seed texts, by id: the tests below that read their words, speakers or credits say which.
PODCAST, ARTICLE = "podcast", "article"
PODCAST_PAGE, ARTICLE_PAGE = TEXTS[PODCAST].url + "index.html", TEXTS[ARTICLE].url + "index.html"
ARTICLE_RAW = ROOT / TEXTS[ARTICLE].raw
PODCAST_RAW = ROOT / TEXTS[PODCAST].raw


class _ArticleText(HTMLParser):
    """The visible text inside <article>, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def without_notes(page_html: str) -> str:
    """The page without glossary and annotation note numbers and without the notes at the end."""
    page_html = re.sub(r'<sup class="(?:gloss|anno)-ref".*?</sup>', "", page_html)
    return re.sub(r'<div class="footnote edition-notes">.*?</div>', "", page_html, flags=re.S)


def article_text(page: Path) -> str:
    parser = _ArticleText()
    parser.feed(without_notes(page.read_text(encoding="utf-8")))
    return "".join(parser.parts)


def test_home_and_every_registered_text_are_built(built_site: Path) -> None:
    for page in ("index.html", "licence/index.html", *(entry.url + "index.html" for entry in TEXTS.values())):
        assert (built_site / page).is_file(), page


def test_article_page_has_no_scraped_chrome(built_site: Path) -> None:
    text = article_text(built_site / ARTICLE_PAGE)
    for chrome in ("水晶球APP", "高手云集", "下载、打开", "推荐关注", "李大霄", "banner", ".jpg", "发布\nX"):
        assert chrome not in text.split("来源与版权")[0], chrome


def test_every_sentence_of_the_raw_article_body_is_on_the_page(built_site: Path) -> None:
    body = drop_scrape_chrome(ARTICLE_RAW.read_text(encoding="utf-8"))
    page = words_only(article_text(built_site / ARTICLE_PAGE))
    sentences = [s for s in re.split(r"[。！？…\n]+", body) if words_only(s)]
    assert len(sentences) > 60
    missing = [s for s in sentences if words_only(s) not in page]
    assert missing == []


def test_article_keeps_title_column_date_sections_and_byline(built_site: Path) -> None:
    html = (built_site / ARTICLE_PAGE).read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert (
        title is not None
        and re.sub(r"<[^>]+>", "", title.group(1)).rstrip("¶") == "Sora 打败不了贾玲韩寒，但却是互联网的解药"
    )
    assert '<p class="article-meta">辉常观察' in html
    assert without_notes(html).count("<hr />") == 3  # the scrape has three double spacer lines
    assert 'id="结语"' in html or ">结语<" in html
    assert '<p class="article-end">—完—</p>' in html
    assert '<p class="article-byline">作者：孟永辉' in html


def verbatim_reading(html_text: str) -> str:
    """The podcast's reading text as the verbatim and ASR toggles show it, editorial additions removed."""
    start, end = html_text.index('<p class="turn'), html_text.index('<h2 id="apparatus"')
    body = html_text[start:end]
    for editorial in (
        r"<h2.*?</h2>",  # section headings
        r'<a class="pnum".*?</a>',  # paragraph numbers
        r'<span class="speaker[^"]*"[^>]*><span class="speaker-mark"[^>]*>.</span>[^<]*'
        r'<span class="speaker-colon" hidden>：</span>'
        r'(?:<span class="speaker-query"[^>]*>？</span>)?</span>',  # labels
        r'<p class="cold-open__label">.*?</p>',  # the cold open's label
        r'<a class="recurs".*?</a>',  # a clip's link to where it recurs
        r'<span class="laugh">.*?</span>',  # （笑）
        r"<summary>.*?</summary>",  # the sponsor block's summary
        r'<sup class="(?:gloss|anno)-ref".*?</sup>',  # glossary and annotation note numbers
        r'(?<=</del>)<ins title="编者更正">.*?</ins>',  # the editor's reading where an original exists
    ):
        body = re.sub(editorial, "", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_podcast_page_in_verbatim_view_is_the_raw_transcript(built_site: Path) -> None:
    page = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    assert words_only(verbatim_reading(page)) == words_only(PODCAST_RAW.read_text(encoding="utf-8"))


def podcast_cast() -> dict[str, str]:
    """The podcast's speakers, id → name, in the order of its cast."""
    cast = TEXTS[PODCAST].speakers
    assert cast is not None
    return {speaker_id: speaker.name for speaker_id, speaker in load_speakers(ROOT, cast).root.items()}


def test_podcast_paragraphs_have_speakers_and_citable_anchors(built_site: Path) -> None:
    page = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    # A turn the edited view leaves out whole carries one more class (turn--edited-out).
    turns = re.findall(
        r'<p class="turn voice-(\d)(?: turn--edited-out)?" data-speaker="(\w+)" id="p(\d+)">'
        r'<a class="pnum" href="#p\3"',
        page,
    )
    assert len(turns) == page.count('<p class="turn')
    assert [int(number) for _, _, number in turns] == list(range(1, len(turns) + 1))
    # The podcast's cast (its speakers file), each speaker always in the voice of their place in it.
    assert {(voice, speaker) for voice, speaker, _ in turns} == {
        (str(number), speaker) for number, speaker in enumerate(podcast_cast(), 1)
    }


def test_conversation_map_draws_every_section_and_says_whose_colour_is_whose(built_site: Path) -> None:
    page = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    figure = page[page.index('<figure class="conversation-map"') :]
    figure = figure[: figure.index("</figure>")]
    sections = re.findall(r'<span class="map-section" style="flex-grow:(\d+)" title="(\d+)\. ([^（"]+)', figure)
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r'<h2 id="[^"]+">(.*?)<a class="headerlink"', page)]
    assert [title for _, _, title in sections] == ["片头"] + [h for h in headings if h not in ("校勘记", "来源与版权")]
    cast = podcast_cast()
    assert set(re.findall(r"map-seg voice-(\d)", figure)) == {str(number) for number in range(1, len(cast) + 1)}
    legend = figure[figure.index("<figcaption") :]
    for name in cast.values():
        assert re.search(name + r" \d+%", legend)
    assert "<a " not in figure  # a picture, not a row of tiny links


def test_corrections_show_the_recognized_form_beside_the_reading(built_site: Path) -> None:
    page = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    for original, reading in (("Gook", "Grok"), ("strike", "Stripe"), ("算例", "算力"), ("老秀", "老修")):
        assert f'<del class="asr" title="语音识别原文">{original}</del><ins title="编者更正">{reading}</ins>' in page
    apparatus = page[page.index('<h2 id="apparatus"') : page.index('<h2 id="credits"')]
    assert apparatus.count("<li>") == page.count('class="corr')


def test_sponsor_reads_are_collapsible_and_toggles_are_present(built_site: Path) -> None:
    page = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    assert page.count('<details class="sponsor">') >= 2
    # Each block's summary says what its marker in the page's source says it advertises.
    source = (ROOT / "docs" / TEXTS[PODCAST].page).read_text(encoding="utf-8")
    advertised = [f"节目广告（{label}）" for label in re.findall(r"^<!-- sponsor: (.+?) -->$", source, re.M)]
    assert advertised and re.findall(r"<summary>(.*?)<span", page) == advertised
    assert 'id="toggle-verbatim"' in page and 'id="toggle-asr"' in page
    assert '<span class="filler">' in page and '<span class="laugh">（笑）</span>' in page


def test_each_text_page_credits_its_source_and_links_its_raw_download(built_site: Path) -> None:
    for page, raw, credits in (
        (PODCAST_PAGE, PODCAST_RAW, ("人民公园说AI", "闲哥", "老修", "2025 年 9 月 30 日")),
        (ARTICLE_PAGE, ARTICLE_RAW, ("孟永辉", "辉常观察", "水晶球", "2024 年 2 月 22 日")),
    ):
        html = (built_site / page).read_text(encoding="utf-8")
        assert f'<a download href="../sources/{raw.name}">' in html
        assert (built_site / "sources" / raw.name).read_bytes() == raw.read_bytes()
        for credit in credits:
            assert credit in html, (page, credit)
        assert "版权归" in html and "CC BY 4.0" in html


def test_each_raw_source_can_be_read_in_a_page_that_says_utf8_in_every_edition(built_site: Path) -> None:
    """Simple hosts serve .txt without a charset, and a browser may guess wrong: the text page's
    reading link opens a page that declares UTF-8 and holds the whole raw text, unconverted."""
    from edition.sources.rawfile import decode_source

    for entry in TEXTS.values():
        raw = ROOT / entry.raw
        text = decode_source(raw.read_bytes(), entry.encoding, entry.raw)
        view = raw.with_suffix(".html").name
        for edition in EDITIONS.all:
            page = (built_site / edition.prefix / entry.url / "index.html").read_text(encoding="utf-8")
            assert f'class="raw-view screen-only" href="../sources/{view}"' in page, (edition.id, entry.url)
            shown = (built_site / edition.prefix / "sources" / view).read_text(encoding="utf-8")
            assert '<meta charset="utf-8">' in shown[:200]
            pre = re.search(r'<pre class="raw-source" lang="zh-Hans">(.*)</pre>', shown, re.S)
            assert pre is not None and html.unescape(pre.group(1)) == text, (edition.id, view)
    # Not a search result: the text's own page is where its words are found.
    assert not [page for page, _ in _search_texts(built_site) if page.startswith("sources/")]


def test_licences_are_stated_on_the_site(built_site: Path) -> None:
    html = (built_site / "licence/index.html").read_text(encoding="utf-8")
    assert "CC BY 4.0" in html and "MIT" in html
    assert "CC BY 4.0" in (built_site / "index.html").read_text(encoding="utf-8")


def _search_texts(built_site: Path, prefix: str = "") -> list[tuple[str, str]]:
    """Each search record of an edition's bundle: the page it opens (``podcast/``) and its blocks' text."""
    from edition.editions.search_index import bundle_records, record_text

    return [
        (str(record["meta"]["page"]), record_text(record))  # type: ignore[index]
        for record in bundle_records(built_site / prefix / "pagefind")
    ]


def test_search_finds_the_reading_text_not_the_aids_beside_it(built_site: Path) -> None:
    # ¶43: 就说{~~上冒犯~>Sam Altman~~}. The page keeps the recognizer's form (ASR toggle); the
    # index has the editor's reading only, without fillers, paragraph numbers or speaker marks.
    page = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    assert "上冒犯" in page and '<span class="filler">' in page
    records = _search_texts(built_site)
    podcast = [text for page, text in records if page == TEXTS[PODCAST].url]
    (apparatus,) = [text for text in podcast if "上冒犯 → Sam Altman" in text]  # where the original is
    text = "".join(text for text in podcast if text != apparatus)
    assert "就说SamAltman一定是个有野心的人" in text.replace(" ", "")  # AutoCorrect spaces dropped
    assert "上冒犯" not in text
    assert not re.search("[◆●■]", text)
    assert "\n闲哥：首先我想回应一下" in text  # ¶43 opens with its speaker: no number, no mark


def test_every_edition_searches_its_own_pages_words(built_site: Path) -> None:
    # Each edition's bundle is made from its own converted pages (issue 25: the Taiwan edition's
    # prose says 執行長, and so does its search, not a conversion of the Simplified index).
    for prefix, word, absent in (
        ("", "商业模式", "商業模式"),
        ("tw/", "商業模式", "商业模式"),
        ("hk/", "商業模式", "商业模式"),
    ):
        text = "".join(text for _, text in _search_texts(built_site, prefix))
        assert word in text and absent not in text, prefix
        page = (built_site / prefix / "glossary/index.html").read_text(encoding="utf-8")
        for regional in ("執行長", "行政總裁"):
            assert (regional in page) == (regional in text), (prefix, regional)


def test_search_loads_nothing_with_a_page(built_site: Path) -> None:
    # No engine's index: the page names only search.js, which fetches Pagefind when a query is typed.
    page = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    assert "search_index.json" not in page and "pagefind" not in page
    assert not (built_site / "search/search_index.json").exists()
    for prefix in ("", "tw/", "hk/"):
        assert (built_site / prefix / "pagefind/pagefind.js").is_file()
        assert (built_site / prefix / "search/fold.json").is_file()


def _turns(page_html: str) -> dict[str, str]:
    """Podcast paragraph id -> its visible text (recognized forms of corrections dropped)."""
    page_html = re.sub(r'<del class="asr"[^>]*>.*?</del>', "", without_notes(page_html))
    return {
        match.group(1): html.unescape(re.sub(r"<[^>]+>", "", match.group(2)))
        for match in re.finditer(r'<p class="turn[^"]*" data-speaker="\w+" id="(p\d+)">(.*?)</p>', page_html, re.S)
    }


@pytest.mark.parametrize(("term", "pattern"), [("acp", r"ACP"), ("mcp", r"MCP"), ("geo", r"GEO")])
def test_required_terms_carry_a_footnote_at_their_first_occurrence(built_site: Path, term: str, pattern: str) -> None:
    page = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    first = next(anchor for anchor, text in _turns(page).items() if re.search(pattern, text))
    paragraph = re.search(rf'id="{first}">(.*?)</p>', page, re.S)
    assert paragraph is not None
    assert (
        f'<sup class="gloss-ref" id="gloss-ref-{term}"><a class="footnote-ref" href="#gloss-{term}">'
        in paragraph.group(1)
    )
    assert page.count(f'href="#gloss-{term}"') == 1  # first occurrence only
    assert f'<li id="gloss-{term}">' in page  # the note the tooltip shows


@pytest.mark.parametrize(("term", "pattern"), [("acp", r"ACP|代理人商业协议"), ("mcp", r"MCP"), ("stripe", r"Stripe")])
def test_glossary_page_back_links_every_paragraph_where_a_term_occurs(
    built_site: Path, term: str, pattern: str
) -> None:
    podcast = (built_site / PODCAST_PAGE).read_text(encoding="utf-8")
    expected = [anchor for anchor, text in _turns(podcast).items() if re.search(pattern, text)]
    glossary = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    entry = glossary[glossary.index(f'id="{term}"') :]
    backlinks = entry[entry.index('class="term-backlinks"') :].split("</p>")[0]
    assert re.findall(rf'href="\.\./{re.escape(TEXTS[PODCAST].url)}#(p\d+)"', backlinks) == expected
    assert len(expected) >= 1


EDITION_PREFIXES = ("", "tw/", "hk/")


def test_every_page_exists_in_three_editions_with_its_language(built_site: Path) -> None:
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.glob("*.html")) + sorted(
        p.relative_to(built_site).as_posix()
        for p in built_site.glob("*/index.html")
        if p.parent.name not in ("tw", "hk")
    )
    assert {entry.url + "index.html" for entry in TEXTS.values()} <= set(pages)
    for prefix, lang in zip(EDITION_PREFIXES, ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"), strict=True):
        for page in pages:
            html_text = (built_site / prefix / page).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html_text, (prefix, page)
            # No page names an alternate: Material would fetch sitemap.xml from site_url's host.
            assert 'rel="alternate"' not in html_text, (prefix, page)


def test_each_edition_sitemap_declares_the_alternates_in_every_edition(built_site: Path) -> None:
    for prefix, lang in zip(EDITION_PREFIXES, ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"), strict=True):
        xml = (built_site / prefix / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>([^<]*)</loc>", xml)
        assert locations and all(f"/{prefix}" in loc for loc in locations)
        assert xml.count(f'hreflang="{lang}"') == len(locations)
        assert xml.count('hreflang="x-default"') == len(locations)


def test_toggle_links_lead_to_the_same_page_in_each_edition(built_site: Path) -> None:
    for prefix in EDITION_PREFIXES:
        page = built_site / prefix / PODCAST_PAGE
        html_text = page.read_text(encoding="utf-8")
        links = re.findall(r'<a class="edition-toggle__link" href="([^"]+)" lang="([^"]+)"', html_text)
        assert [lang for _, lang in links] == ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]
        for href, _ in links:
            target = (page.parent / href / "index.html").resolve()
            assert target.is_file() and target.parent.name + "/" == TEXTS[PODCAST].url, (prefix, href)


def test_no_simplified_only_character_remains_in_a_traditional_edition(built_site: Path) -> None:
    from tests.test_convert import simplified_only_characters

    for prefix, config in (("tw/", "s2tw"), ("hk/", "s2hk")):
        simplified_only = simplified_only_characters(config)
        for page in (*(entry.url for entry in TEXTS.values()), "glossary/", "", "licence/"):
            html_text = (built_site / prefix / page / "index.html").read_text(encoding="utf-8")
            # What a reader sees: the article and the page's title; the ASR originals are converted too.
            body = html_text[html_text.index("<article") : html_text.index("</article>")]
            text = html.unescape(re.sub(r"<code>.*?</code>|<[^>]+>", "", body, flags=re.S))
            text += re.search(r"<title>(.*?)</title>", html_text).group(1)  # type: ignore[union-attr]
            leftovers = sorted({char for char in text if char in simplified_only})
            assert leftovers == [], (prefix, page, leftovers)


def test_traditional_editions_use_materials_traditional_interface(built_site: Path) -> None:
    html_text = (built_site / "tw" / PODCAST_PAGE).read_text(encoding="utf-8")
    assert '<span data-label="search">搜尋</span>' in html_text  # the search's words, converted
    assert '"search.result.placeholder": "' in html_text


def test_no_broken_link_or_anchor_in_any_edition(built_site: Path) -> None:
    from edition.adapters.links import broken_links

    assert broken_links(built_site) == []


def test_the_link_check_finds_missing_anchors_pages_and_links_to_another_host(tmp_path: Path) -> None:
    from edition.adapters.links import broken_links

    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<p id="x"><a href="#x">ok</a><a href="#y">bad</a></p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#x">ok</a>\n<a href="b/">bad</a>\n<a href="//licence/">another host</a>\n'
        '<a href="http://127.0.0.1:8000/a/">ok</a><a href="http://127.0.0.1:8000/c/">bad</a>',
        encoding="utf-8",
    )
    found = broken_links(tmp_path)
    assert [problem.rsplit(": ", 1)[0] for problem in found] == [
        "a/index.html:1: LINK001 a/index.html#y",
        "index.html:2: LINK001 b",
        "index.html:3: LINK001 file://licence/",  # protocol-relative: another host
        "index.html:4: LINK001 http://127.0.0.1:8000/c/",  # the site's own address, mapped onto the files
    ]
    assert all(" LINK001 " in problem for problem in found)


def test_a_site_below_a_domain_root_checks_its_root_relative_links_against_its_files(tmp_path: Path) -> None:
    """Published at https://example.org/sora/, the 404 page's links start with /sora/ (it is served
    at any address): they are this site's files, not missing ones; /sora-x/ is not the site."""
    from edition.adapters.links import broken_links

    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/site.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text(
        '<a href="/sora">home</a><a href="/sora/">home</a><link href="/sora/assets/site.css">\n'
        '<a href="/sora/missing/">bad</a>\n<a href="/sora-x/">bad</a>',
        encoding="utf-8",
    )
    found = broken_links(tmp_path, "https://example.org/sora/")
    assert [problem.split(": LINK001 ")[0] for problem in found] == ["404.html:2", "404.html:3"]


def test_glossary_back_links_name_a_paragraph_in_both_seed_texts(built_site: Path) -> None:
    glossary = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    backlinks = "".join(re.findall(r'<p class="term-backlinks">.*?</p>', glossary, re.S))
    for text_id in (ARTICLE, PODCAST):
        url = TEXTS[text_id].url
        assert re.search(rf'href="\.\./{re.escape(url)}#p\d+"', backlinks), text_id
        assert f'href="../{url}"' not in backlinks, text_id
