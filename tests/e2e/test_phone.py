"""Reading on a phone (412 × 915, touch) and on a desktop: notes in place, type, reading tools."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, FloatRect, Page, ViewportSize, expect

from edition.sources.texts import load_registry

pytestmark = pytest.mark.e2e

# Every registered text's page (``podcast/``), in the registry's order.
TEXT_PAGES = [entry.url for entry in load_registry(Path(__file__).resolve().parents[2]).texts.values()]

EDITIONS = ("", "tw/", "hk/")
PHONE: ViewportSize = {"width": 412, "height": 915}


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="zh-CN")
    yield context
    context.close()


def _in_screen(page: Page, selector: str) -> FloatRect:
    box = page.locator(selector).bounding_box()
    assert box is not None
    width = page.evaluate("document.documentElement.clientWidth")
    height = page.evaluate("innerHeight")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
    return box


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        ('a.footnote-ref[href="#gloss-acp"]', "Stripe"),  # a glossary footnote
        ("sup.anno-ref a.footnote-ref", "注"),  # an annotation marker
        (".corr--conjecture", "识别为"),  # a corrected word
        (".speaker-query", "说话人存疑"),  # an uncertain speaker's ？
    ],
)
def test_a_tap_opens_the_note_in_place_without_moving_the_page(
    phone: BrowserContext, site_url: str, trigger: str, expected: str
) -> None:
    page = phone.new_page()
    page.goto(site_url + "podcast/")
    target = page.locator(f"article {trigger}").first
    # Paragraphs coming into view are laid out only then (content-visibility), which moves what
    # follows: bring the word to mid-screen until it stays there.
    before = None
    for _ in range(6):
        target.evaluate("e => e.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(250)
        box = target.bounding_box()
        if box is not None and before is not None and abs(box["y"] - before["y"]) < 1:
            break
        before = box
    target.tap()
    expect(page.locator(".note-pop")).to_be_visible()
    expect(page.locator(".note-pop")).to_contain_text(expected)
    after = target.bounding_box()
    assert before is not None and after is not None and abs(after["y"] - before["y"]) < 2  # the page stayed
    assert page.url == site_url + "podcast/"
    pop = _in_screen(page, ".note-pop")
    word = target.bounding_box()
    assert word is not None
    below, above = pop["y"] - (word["y"] + word["height"]), word["y"] - (pop["y"] + pop["height"])
    assert 0 <= below < 20 or 0 <= above < 20, (pop, word)  # right under the word, or right above it
    target.tap()  # a second tap closes it
    expect(page.locator(".note-pop")).to_have_count(0)
    target.tap()
    page.keyboard.press("Escape")
    expect(page.locator(".note-pop")).to_have_count(0)


def test_the_pop_up_speaks_the_editions_own_script(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "tw/podcast/")
    page.locator('article a.footnote-ref[href="#gloss-acp"]').tap()
    expect(page.locator(".note-pop a.note-pop__more")).to_have_text("查看註釋全文")


def test_without_javascript_a_footnote_number_is_a_link_to_its_note(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "podcast/")
    page.locator('a.footnote-ref[href="#gloss-acp"]').click()
    expect(page).to_have_url(re.compile("#gloss-acp$"))
    context.close()


@pytest.mark.parametrize("target", ["article sup a.footnote-ref", "article .corr", "#toggle-verbatim", "#toggle-asr"])
def test_tap_targets_are_at_least_24_px_and_leave_the_line_alone(
    phone: BrowserContext, site_url: str, target: str
) -> None:
    page = phone.new_page()
    page.goto(site_url + "podcast/")
    sizes = page.eval_on_selector_all(
        target, "els => els.slice(0, 40).map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert sizes and all(width >= 24 and height >= 24 for width, height in sizes), sizes[:5]
    # The larger hit area does not move a line: without it, the paragraph is exactly as tall.
    change = page.evaluate(
        """selector => {
            const hits = [...document.querySelectorAll(selector)].slice(0, 40);
            const blocks = [...new Set(hits.map(e => e.closest('p, li, label') || e.parentElement))];
            const before = blocks.map(b => b.getBoundingClientRect().height);
            hits.forEach(e => { e.style.padding = '0'; e.style.margin = '0'; });
            const after = blocks.map(b => b.getBoundingClientRect().height);
            return Math.max(...before.map((h, i) => Math.abs(h - after[i])));
        }""",
        target,
    )
    assert change < 0.5


@pytest.mark.parametrize(("prefix", "face"), [("", "CJK SC"), ("tw/", "CJK TC"), ("hk/", "CJK HK")])
def test_each_edition_sets_its_text_in_its_regions_cjk_face(page: Page, site_url: str, prefix: str, face: str) -> None:
    page.goto(site_url + prefix + "article/")
    family = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
    assert face in family
    other = {"CJK SC", "CJK TC", "CJK HK"} - {face}
    assert not any(name in family for name in other), family


def test_latin_words_are_not_letter_spaced_by_justification(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "podcast/")
    ratios = page.evaluate(
        """() => {
            const out = [];
            const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
            while (walker.nextNode() && out.length < 60) {
                const node = walker.currentNode;
                const match = /Altman|OpenAI|Shopify/.exec(node.data);
                if (!match || !node.parentElement.closest('p.turn')) continue;
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                if (range.getClientRects().length !== 1) continue;
                const probe = document.createElement('span');
                probe.textContent = match[0];
                probe.style.whiteSpace = 'nowrap';
                node.parentElement.append(probe);
                out.push(range.getBoundingClientRect().width / probe.getBoundingClientRect().width);
                probe.remove();
            }
            return out;
        }"""
    )
    assert len(ratios) > 10 and all(ratio < 1.02 for ratio in ratios), ratios


@pytest.mark.parametrize("prefix", EDITIONS)
def test_headings_never_break_inside_a_word(phone: BrowserContext, site_url: str, prefix: str) -> None:
    page = phone.new_page()
    for path in (*TEXT_PAGES, "glossary/"):
        page.goto(site_url + prefix + path)
        broken = page.eval_on_selector_all(
            "article :is(h1, h2) .nobr",
            "spans => spans.filter(s => s.getClientRects().length > 1).map(s => s.textContent)",
        )
        assert broken == [], (path, broken)


@pytest.mark.parametrize("prefix", EDITIONS)
def test_the_phone_header_shows_the_sites_name_whole_and_most_of_a_texts_title(
    phone: BrowserContext, site_url: str, prefix: str
) -> None:
    """On one line beside the header's six buttons, the title was "Sora …" and a text's "人民…"."""
    page = phone.new_page()
    page.goto(site_url + prefix + TEXT_PAGES[0])
    topics = page.locator(".md-header__title .md-header__topic .md-ellipsis")
    site_name = topics.nth(0).evaluate("e => [e.scrollHeight, e.clientHeight, e.scrollWidth, e.clientWidth]")
    assert site_name[0] <= site_name[1] + 2 and site_name[2] <= site_name[3], site_name  # nothing cut off
    # The text's title (shown once the page scrolls) gets two lines, both in view.
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(500)
    height, line = topics.nth(1).evaluate("e => [e.clientHeight, parseFloat(getComputedStyle(e).lineHeight)]")
    assert height >= 1.9 * line, (height, line)
    header = page.locator(".md-header").bounding_box()
    assert header is not None and header["height"] <= 49, header  # the header is no taller


def test_the_home_page_lists_the_texts_as_a_definition_list(page: Page, site_url: str) -> None:
    page.goto(site_url)
    expect(page.locator("article dl dt a").first).to_be_visible()
    assert " : " not in (page.locator("article").text_content() or "")


def test_no_page_logs_an_error_or_fails_a_request_served_elsewhere(browser: Browser, site_url: str) -> None:
    # The site was built for http://127.0.0.1:8000/ and is served here on another port.
    assert ":8000/" not in site_url
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: problems.append("failed " + request.url))
    page.on(
        "response",
        lambda response: problems.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    for prefix in EDITIONS:
        for path in ("", *TEXT_PAGES, "glossary/", "licence/"):
            page.goto(site_url + prefix + path)
            page.wait_for_load_state("networkidle")
    assert problems == []
    context.close()


def test_reading_switches_keep_the_readers_choice_and_stay_in_reach(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "podcast/")
    page.locator("#toggle-verbatim").tap()
    page.goto(site_url + "tw/podcast/")  # another page, another edition
    expect(page.locator("#toggle-verbatim")).to_be_checked()
    page.reload()
    expect(page.locator("#toggle-verbatim")).to_be_checked()
    expect(page.locator("#p20 .filler").first).to_be_visible()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight * 0.7)")
    _in_screen(page, ".reading-toggles")  # far down the page, the switches are still on screen


def test_reading_switches_show_keyboard_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + "podcast/")
    page.locator("#toggle-verbatim").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("document.activeElement.id") == "toggle-verbatim" and outline != "none"


def test_the_conversation_map_keeps_its_proportions_on_a_phone(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "podcast/")
    sections = page.eval_on_selector_all(
        ".map-section",
        "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().top, +e.style.flexGrow])",
    )
    assert len({round(top) for _, top, _ in sections}) == 1  # one row
    total_width = sum(width for width, _, _ in sections)
    total = sum(grow for _, _, grow in sections)
    for width, _, grow in sections:
        assert abs(width - total_width * grow / total) < 3
    expect(page.locator(".map-legend")).to_contain_text("闲哥")


def test_each_text_ends_with_links_to_the_previous_and_next_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "podcast/")
    expect(page.locator("a.md-footer__link--prev")).to_have_count(1)
    expect(page.locator("a.md-footer__link--next")).to_have_count(1)
