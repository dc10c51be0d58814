"""What a reader does in a real browser, on the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from edition.sources.texts import load_registry

pytestmark = pytest.mark.e2e

# Every registered text's page (``podcast/``), in the registry's order.
TEXT_PAGES = [entry.url for entry in load_registry(Path(__file__).resolve().parents[2]).texts.values()]


# The site's own search (docs/assets/search.js), the same with every engine.
RESULT = ".site-search__result"
RESULTS = ".site-search__results"


def search(page: Page, query: str) -> None:
    """Open the search and paste a query (no key is pressed, as when a reader pastes)."""
    page.locator(".site-search__button").click()
    page.locator(".site-search__input").fill(query)


def test_edition_toggle_keeps_page_and_paragraph(page: Page, site_url: str) -> None:
    page.goto(site_url + "podcast/#p40")
    page.wait_for_timeout(300)
    page.click('a.edition-toggle__link[data-edition="tw"]')
    page.wait_for_load_state()
    assert page.url.startswith(site_url + "tw/podcast/")
    # The paragraph the reader was at (the toggle keeps the one at the top of the screen: ¶40, or
    # its neighbour when ¶40 ends above the fold), not any paragraph.
    kept = re.search(r"#p(\d+)$", page.url)
    assert kept is not None and int(kept.group(1)) in (40, 41), page.url
    assert page.evaluate("document.documentElement.lang") == "zh-Hant-TW"
    anchor = page.url.split("#")[1]
    box = page.locator(f"#{anchor}").bounding_box()
    assert box is not None and 0 <= box["y"] < 300  # the paragraph is at the top of the window


def test_edition_toggle_without_javascript_links_the_same_page(browser: object, site_url: str) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "tw/article/")
    page.click('a.edition-toggle__link[data-edition="hk"]')
    assert page.url == site_url + "hk/article/"
    context.close()


def test_the_edition_choice_is_remembered(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "glossary/")
    page.click('a.edition-toggle__link[data-edition="hk"]')
    page.wait_for_load_state()
    assert page.url.startswith(site_url + "hk/glossary/")
    fresh = context.new_page()  # a later visit, from nowhere
    fresh.goto(site_url + "article/")
    fresh.wait_for_url(site_url + "hk/article/**")


def test_a_footnote_number_takes_the_reader_to_its_note(page: Page, site_url: str) -> None:
    # The note opens in place; its own link still leads to the full note, which is laid out late
    # (content-visibility) and must still land in view with its text.
    page.goto(site_url + "podcast/")
    page.locator('a.footnote-ref[href="#gloss-acp"]').click()
    page.locator(".note-pop a.note-pop__more").click()
    expect(page).to_have_url(re.compile("#gloss-acp$"))
    note = page.locator("li#gloss-acp")
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text("OpenAI 与 Stripe")


@pytest.mark.parametrize("block", [".edition-notes", ".apparatus"])
def test_list_numbers_stand_inside_their_laid_out_late_block(page: Page, site_url: str, block: str) -> None:
    # A block with content-visibility clips what it paints outside its box: the numbers of its
    # list, hung left of each entry, need about 2em of the block's own room (seen clipped once).
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "podcast/")
    box = page.locator(block)
    entry = page.locator(f"{block} li").last
    entry.scroll_into_view_if_needed()
    font_size = float(entry.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    room = (entry.bounding_box() or {"x": 0.0})["x"] - (box.bounding_box() or {"x": 0.0})["x"]
    assert room >= 2 * font_size


def test_the_verbatim_toggle_shows_fillers(page: Page, site_url: str) -> None:
    page.goto(site_url + "podcast/")
    filler = page.locator("#p8 .filler").first
    expect(filler).to_be_hidden()
    page.check("#toggle-verbatim")
    expect(filler).to_be_visible()
    expect(page.locator("#p1 .laugh")).to_be_hidden()


def test_the_apparatus_shows_an_asr_original(page: Page, site_url: str) -> None:
    page.goto(site_url + "podcast/")
    original = page.locator("del.asr", has_text="strike").first
    expect(original).to_be_hidden()
    page.check("#toggle-asr")
    expect(original).to_be_visible()
    correction = page.locator(".corr", has=page.locator("del.asr", has_text="strike")).first
    assert "识别为：strike" in (correction.get_attribute("data-tip") or "")
    apparatus = page.locator(".apparatus li", has_text="strike").first
    apparatus.scroll_into_view_if_needed()  # the apparatus is laid out when the reader gets near
    expect(apparatus).to_be_visible()
    expect(apparatus).to_contain_text("Stripe")


@pytest.mark.parametrize(
    ("prefix", "query", "expected"),
    [
        ("", "商业模式", "商业模式"),
        ("tw/", "商業模式", "商業模式"),
        ("hk/", "商業模式", "商業模式"),
        # In the other script: the query is rewritten into the edition's own.
        ("", "商業模式", "商业模式"),
        ("tw/", "商业模式", "商業模式"),
        ("hk/", "商业模式", "商業模式"),
    ],
)
def test_search_returns_a_chinese_result_in_each_edition(
    page: Page, site_url: str, prefix: str, query: str, expected: str
) -> None:
    page.goto(site_url + prefix + "podcast/")
    search(page, query)
    result = page.locator(RESULT).first
    expect(result).to_be_visible(timeout=10000)
    expect(page.locator(RESULTS)).to_contain_text(expected)


def test_a_result_opens_at_its_paragraph_with_speaker_and_time(page: Page, site_url: str) -> None:
    page.goto(site_url + "tw/")
    search(page, "抖音危险了")  # Simplified, in the Taiwan edition
    result = page.locator(RESULT).first
    expect(result).to_contain_text("閒哥")
    expect(result.locator("mark")).to_have_text("抖音危險了")
    result.locator("a").click()
    page.wait_for_url(re.compile(r".*/tw/podcast/#p\d+$"))
    anchor = page.url.split("#")[1]
    # The paragraph's text, its glossary footnote number (抖音³) between the words.
    expect(page.locator(f"#{anchor}")).to_contain_text(re.compile(r"抖音\d*危險了"))


def test_a_subtitle_texts_result_shows_its_time(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "腾讯会议的链接")
    expect(page.locator(RESULT).first.locator(".site-search__who")).to_have_text(re.compile(r"^\d\d:\d\d"))


def test_nothing_of_the_search_is_fetched_before_a_query(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "podcast/")
    page.wait_for_load_state("networkidle")
    page.locator(".site-search__button").click()
    page.wait_for_timeout(300)
    assert not [url for url in fetched if "/pagefind/" in url or "/search/" in url], fetched
    page.locator(".site-search__input").fill("抖音")
    expect(page.locator(RESULT).first).to_be_visible(timeout=10000)
    assert [url for url in fetched if "/pagefind/" in url]


def test_no_request_leaves_127_0_0_1(context: BrowserContext, site_url: str, outside_requests: list[str]) -> None:
    page = context.new_page()
    for path in ("", *TEXT_PAGES, "glossary/", "tw/" + TEXT_PAGES[0], "hk/glossary/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    search(page, "抖音")  # searching loads the worker and the index
    expect(page.locator(RESULT).first).to_be_visible(timeout=10000)
    assert outside_requests == []


def test_a_passage_selected_in_the_taiwan_edition_becomes_a_stanza_that_matches_once(
    page: Page, site_url: str, built_site: object
) -> None:
    import yaml

    from edition.notes.footnotes import add_notes
    from edition.notes.model import Annotation

    page.goto(site_url + "tw/podcast/#p30")
    page.wait_for_timeout(300)
    page.evaluate(
        """() => {
            const paragraph = document.getElementById('p30');
            const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
            let node = null;
            while (walker.nextNode()) {
                const here = walker.currentNode;
                if (here.data.length > 20 && !here.parentElement.closest('.filler, .asr, .pnum, sup, .speaker')) {
                    node = here; break;
                }
            }
            const range = document.createRange();
            range.setStart(node, 3);
            range.setEnd(node, 9);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }"""
    )
    page.locator(".annotate-button").click()
    stanza = page.locator(".annotate-stanza").text_content() or ""
    entry = yaml.safe_load(stanza)[0]
    annotation = Annotation(**{**entry, "sources": [{"title": "t", "url": "https://example.org/", "kind": "news"}]})
    from pathlib import Path

    simplified = (Path(str(built_site)) / "podcast/index.html").read_text(encoding="utf-8")
    notes = add_notes(simplified, [], [annotation])
    # Exactly once in the Simplified reading text: the quote was mapped back from Traditional.
    assert notes.annotation_hits == {annotation.id: 1}, stanza
