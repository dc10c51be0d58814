"""The reader's details (#26): focus in and out of a note, notes below the sticky bars, lines that
neither spread nor begin with closing punctuation, tap targets, annotating on a phone, landing
below the sticky bars, and the place an edition switch keeps."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {"width": 412, "height": 915}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
EDITIONS = ("", "tw/", "hk/")

# Where the sticky bars at the top of the screen end: the header, and the reading switches once
# they stick under it.
STICKY_BOTTOM = """() => {
    let bottom = 0;
    for (const bar of document.querySelectorAll('.md-header, .md-tabs, .reading-toggles')) {
        const box = bar.getBoundingClientRect();
        const position = getComputedStyle(bar).position;
        if ((position === 'sticky' || position === 'fixed') && box.height > 0 && box.top <= bottom + 1)
            bottom = Math.max(bottom, box.bottom);
    }
    return bottom;
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="zh-CN")
    yield context
    context.close()


def _settle(page: Page, selector: str, block: str = "center") -> None:
    """Bring an element to the screen until it stays put (paragraphs are laid out only as they come
    near, content-visibility, which moves what follows)."""
    before = None
    for _ in range(8):
        page.locator(selector).first.evaluate(f"e => e.scrollIntoView({{block: '{block}'}})")
        page.wait_for_timeout(200)
        box = page.locator(selector).first.bounding_box()
        if box is not None and before is not None and abs(box["y"] - before["y"]) < 1:
            return
        before = box


def _active(page: Page) -> str:
    return str(
        page.evaluate(
            """() => {
                const e = document.activeElement;
                if (!e) return '';
                if (e.closest('.note-pop')) return 'pop:' + (e.className || e.tagName);
                return (e.id || '') + '|' + (e.getAttribute('href') || '') + '|' + e.className;
            }"""
        )
    )


# ---- focus ---------------------------------------------------------------------------------------


def test_keyboard_focus_goes_from_the_marker_into_its_note_and_on_to_what_follows(page: Page, site_url: str) -> None:
    page.goto(site_url + "podcast/")
    marker = 'article a.footnote-ref[href="#gloss-acp"]'
    _settle(page, marker)
    # What follows the marker in the page's own order, without a note open.
    page.locator(marker).focus()
    page.keyboard.press("Tab")
    after_marker = _active(page)
    page.locator(marker).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".note-pop")).to_be_visible()
    y = page.evaluate("scrollY")
    assert _active(page).startswith("pop:")
    # Tab walks through the note's own controls and links, then on to what follows the marker.
    stops = page.locator(".note-pop a[href], .note-pop button").count()
    assert stops >= 2  # the close button and the link to the full note
    for _ in range(stops):
        page.keyboard.press("Tab")
        assert _active(page).startswith("pop:"), _active(page)
    page.keyboard.press("Tab")
    assert _active(page) == after_marker
    expect(page.locator(".note-pop")).to_have_count(0)  # focus left the note: it closed
    assert abs(page.evaluate("scrollY") - y) < 50  # and the page did not jump away
    # Shift+Tab from an open note goes back to its marker, not to the end of the page.
    page.locator(marker).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".note-pop")).to_be_visible()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#gloss-acp"
    expect(page.locator(".note-pop")).to_have_count(0)
    assert abs(page.evaluate("scrollY") - y) < 50


def test_a_notes_close_button_closes_it_and_returns_focus_to_the_marker(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "tw/podcast/")
    marker = "article sup.anno-ref a.footnote-ref"
    _settle(page, marker)
    page.locator(marker).first.tap()
    close = page.locator(".note-pop .note-pop__close")
    expect(close).to_have_attribute("aria-label", "關閉")  # in the edition's script
    box = close.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24
    close.tap()
    expect(page.locator(".note-pop")).to_have_count(0)
    assert page.evaluate("document.activeElement.classList.contains('footnote-ref')")


# ---- the note below the sticky bars ---------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_tall_note_opened_low_on_the_screen_stays_below_the_sticky_bars(
    browser: Browser, site_url: str, viewport: ViewportSize
) -> None:
    context = browser.new_context(viewport=viewport, has_touch=True, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + "podcast/")
    # The longest note of the page, opened from a marker near the bottom of the screen.
    marker = page.evaluate(
        """() => {
            let best = null, size = 0;
            for (const a of document.querySelectorAll('article p a.footnote-ref')) {
                const note = document.getElementById(decodeURIComponent(a.hash.slice(1)));
                if (note && note.textContent.length > size) { size = note.textContent.length; best = a; }
            }
            best.setAttribute('data-probe', '1');
            return size;
        }"""
    )
    assert marker > 150
    probe = "a[data-probe]"
    _settle(page, probe)
    page.locator(probe).tap()
    height = page.locator(".note-pop").evaluate("e => { e.style.maxHeight = ''; return e.offsetHeight; }")
    page.keyboard.press("Escape")
    # The marker where the note fits above it only if it goes over the bars: room below is short,
    # room up to the window's top is enough, room up to the bars' foot is not.
    top = page.locator(probe).evaluate("e => e.getBoundingClientRect().top")
    page.evaluate(f"window.scrollBy(0, {top - (height + 20)})")
    page.wait_for_timeout(200)
    assert viewport["height"] - (height + 40) < height  # no room below
    page.locator(probe).tap()
    pop = page.locator(".note-pop")
    expect(pop).to_be_visible()
    box = pop.bounding_box()
    assert box is not None
    bars = page.evaluate(STICKY_BOTTOM)
    assert bars > 40  # the header at least
    width = page.evaluate("document.documentElement.clientWidth")
    assert box["y"] >= bars, (box, bars)
    assert box["y"] + box["height"] <= viewport["height"] and box["x"] >= 0 and box["x"] + box["width"] <= width
    context.close()


# ---- lines ---------------------------------------------------------------------------------------

# Every line of every reading paragraph on the screen's width: the spacing of its Chinese characters
# (the line's width over its characters), and whether it begins with closing punctuation.
LINES = """() => {
    const out = [];
    const CLOSING = /^[，。、；：？！）」』”’》〉】…—,.;:?!)]/;
    for (const p of document.querySelectorAll('article p.turn, article .source-text p[id]')) {
        p.style.contentVisibility = 'visible';
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const lines = new Map();
        const raised = [];  // characters of a superscript (a note number): set above the line
        while (walker.nextNode()) {
            const node = walker.currentNode;
            if (!node.parentElement.checkVisibility()) continue;
            const sup = node.parentElement.closest('sup');
            for (let i = 0; i < node.data.length; i += 1) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const r = range.getClientRects()[0];
                if (!r || r.width === 0) continue;
                const char = [node.data[i], r.left, r.right, node, i];
                if (sup) { raised.push([r, char]); continue; }
                const key = Math.round(r.top);
                if (!lines.has(key)) lines.set(key, []);
                lines.get(key).push(char);
            }
        }
        // A superscript belongs to the line whose characters it overlaps.
        for (const [r, char] of raised) {
            const middle = (r.top + r.bottom) / 2;
            const size = parseFloat(getComputedStyle(p).fontSize);
            let key = [...lines.keys()].find(k => k - 4 <= middle && middle <= k + size + 4);
            if (key === undefined) key = Math.round(r.top);
            if (!lines.has(key)) lines.set(key, []);
            lines.get(key).push(char);
        }
        const keys = [...lines.keys()].sort((a, b) => a - b);
        const em = parseFloat(getComputedStyle(p).fontSize);
        keys.forEach((key, index) => {
            const chars = lines.get(key).sort((a, b) => a[1] - b[1]);
            // The advance from one Chinese character to the next, where two follow each other in
            // the same run of text.
            let widest = 0;
            for (let i = 1; i < chars.length; i += 1) {
                const [a, b] = [chars[i - 1], chars[i]];
                const han = /[\\u4e00-\\u9fff]/;
                if (a[3] === b[3] && a[4] + 1 === b[4] && han.test(a[0]) && han.test(b[0]))
                    widest = Math.max(widest, (chars[i][1] - chars[i - 1][1]) / em);
            }
            const last = index === keys.length - 1;
            out.push({ id: p.id, text: chars.map(c => c[0]).join(''), spacing: widest, last });
        });
    }
    return out;
}"""


@pytest.mark.parametrize("prefix", EDITIONS)
def test_no_line_on_a_phone_spreads_its_characters_apart(phone: BrowserContext, site_url: str, prefix: str) -> None:
    page = phone.new_page()
    page.goto(site_url + prefix + "podcast/")
    lines = page.evaluate(LINES)
    assert len(lines) > 500
    loose = [(line["id"], line["text"], round(line["spacing"], 2)) for line in lines if line["spacing"] > 1.15]
    assert loose == [], loose[:5]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["podcast/", "article/"])
def test_no_line_begins_with_closing_punctuation(
    browser: Browser, site_url: str, viewport: ViewportSize, path: str
) -> None:
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + path)
    lines = page.evaluate(LINES)
    assert lines
    closing = re.compile(r"^[，。、；：？！）」』”’》〉】,.;:?!)]")
    starts = [(line["id"], line["text"][:12]) for line in lines if closing.match(line["text"])]
    assert starts == [], starts[:5]
    context.close()


# ---- tap targets ---------------------------------------------------------------------------------

TARGETS = r"""() => {
    const selector = 'article a[href], article .corr, article .speaker-query, article button, article summary, '
        + 'article input, .edition-toggle__link, .edition-pdf';
    const all = [...document.querySelectorAll(selector)].filter(e => e.checkVisibility() && !e.closest('.md-footer'));
    const rects = all.map(e => { const r = e.getBoundingClientRect(); return { e, r }; })
        .filter(({ r }) => r.width > 0 && r.height > 0);
    // WCAG 2.2 (2.5.8): a target smaller than 24 × 24 px passes when a circle of 24 px diameter
    // centred on it meets no other target and no other small target's circle.
    // A link of words in a sentence is exempt (its size is set by the line); a number, a symbol or
    // a mark is not.
    const inSentence = (e) => e.matches('a') && getComputedStyle(e).display === 'inline'
        && (e.textContent.match(/\p{L}/gu) || []).length >= 2
        && !e.matches('.footnote-ref, .footnote-backref, .pnum, .recurs');
    const small = rects.filter(({ e, r }) => (r.width < 24 || r.height < 24) && !inSentence(e));
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
    const meetsRect = ([x, y], r) => {
        const dx = Math.max(r.left - x, 0, x - r.right), dy = Math.max(r.top - y, 0, y - r.bottom);
        return dx * dx + dy * dy < 12 * 12;
    };
    const failing = [];
    for (const { e, r } of small) {
        const c = centre(r);
        const clash = rects.some(o => o.e !== e && !o.e.contains(e) && !e.contains(o.e) && meetsRect(c, o.r))
            || small.some(o => o.e !== e && Math.hypot(...centre(o.r).map((v, i) => v - c[i])) < 24);
        const what = [e.className || e.tagName, e.textContent.trim().slice(0, 12)];
        if (clash) failing.push([...what, Math.round(r.width), Math.round(r.height)]);
    }
    return { count: rects.length, failing };
}"""


@pytest.mark.parametrize("path", ["podcast/", "article/", "glossary/"])
def test_every_tap_target_is_24_px_or_spaced_as_wcag_allows(phone: BrowserContext, site_url: str, path: str) -> None:
    page = phone.new_page()
    page.goto(site_url + path)
    page.evaluate("document.querySelectorAll('article *').forEach(e => e.style.contentVisibility = 'visible')")
    result = page.evaluate(TARGETS)
    assert result["count"] > 10
    assert result["failing"] == [], result["failing"][:8]


def test_paragraph_numbers_and_recurring_links_are_24_px(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "podcast/")
    sizes = page.eval_on_selector_all(
        "article a.pnum, article a.recurs",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.width, r.height]; })",
    )
    # A turn the edited view (精编, on by default) leaves out whole is not shown: no target to tap.
    shown = [size for size in sizes if size[1] or size[2]]
    small = [size for size in shown if size[1] < 24 or size[2] < 24]
    assert shown and small == [], small[:5]


# ---- landing below the bars; the place an edition switch keeps -----------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_link_target_lands_below_the_sticky_bars(browser: Browser, site_url: str, viewport: ViewportSize) -> None:
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + "podcast/#p60")
    page.wait_for_timeout(600)
    box = page.locator("#p60").bounding_box()
    bars = page.evaluate(STICKY_BOTTOM)
    assert box is not None and bars < box["y"] < bars + 40, (box, bars)
    context.close()


def test_an_edition_switch_keeps_a_paragraph_not_a_word(page: Page, site_url: str) -> None:
    page.goto(site_url + "podcast/")
    # A correction (a word with an id) at the very top of the reading area.
    word = page.locator("article .corr[id]").nth(40)
    _settle(page, "article .corr[id] >> nth=40", "start")
    paragraph = word.evaluate("e => e.closest('[id^=p]').id")
    page.click('a.edition-toggle__link[data-edition="hk"]')
    page.wait_for_load_state()
    kept = page.url.split("#")[1]
    assert re.fullmatch(r"p\d+[a-z]*", kept), page.url
    assert abs(int(re.sub(r"\D", "", kept)) - int(re.sub(r"\D", "", paragraph))) <= 1, (kept, paragraph)
    assert page.evaluate("document.activeElement === document.body")  # no focus ring on a word


# ---- annotating ----------------------------------------------------------------------------------

SELECT = """([id, start, end]) => {
    const paragraph = document.getElementById(id);
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let node = null;
    while (walker.nextNode()) {
        const here = walker.currentNode;
        const skipped = here.parentElement.closest('.filler, .asr, .pnum, sup, .speaker');
        if (here.data.length > 20 && !skipped) { node = here; break; }
    }
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
}"""


@pytest.mark.parametrize("prefix", EDITIONS)
def test_the_annotate_box_stays_inside_a_phones_screen(browser: Browser, site_url: str, prefix: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + prefix + "podcast/#p30")
    page.wait_for_timeout(300)
    page.evaluate(SELECT, ["p30", 14, 20])  # a selection towards the right of the line
    button = page.locator(".annotate-button")
    expect(button).to_be_visible()
    button.tap()
    pop = page.locator(".annotate-pop")
    expect(pop).to_be_visible()
    box = pop.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    # The page did not grow sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # A confirmation that the stanza is on the clipboard, in the edition's script.
    expect(page.locator(".annotate-status")).to_have_text(
        "已复制到剪贴板" if not prefix else re.compile("^已複製到剪貼")
    )
    expect(page.locator(".annotate-where")).to_contain_text("data/annotations/podcast.yml")
    stanza = page.locator(".annotate-stanza").text_content() or ""
    assert page.evaluate("navigator.clipboard.readText()") == stanza
    page.keyboard.press("Escape")
    expect(pop).to_have_count(0)
    context.close()


@pytest.mark.parametrize("prefix", ["", "tw/"])
def test_the_annotate_box_speaks_the_editions_script(phone: BrowserContext, site_url: str, prefix: str) -> None:
    page = phone.new_page()
    page.goto(site_url + prefix + "podcast/#p30")
    page.wait_for_timeout(300)
    page.evaluate(SELECT, ["p30", 3, 9])
    expected = {"": "为此处写注释", "tw/": "為此處寫註釋"}[prefix]
    expect(page.locator(".annotate-button")).to_have_text(expected)
    page.locator(".annotate-button").tap()
    where = page.locator(".annotate-where")
    expect(where).to_contain_text({"": "加到", "tw/": "加到"}[prefix])
    if prefix:
        assert "这" not in (where.text_content() or "")  # not the Simplified words


def test_a_selection_across_a_correction_gets_a_message_not_silence(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "podcast/#p30")
    page.wait_for_timeout(300)
    page.evaluate(
        """() => {
            const corr = document.querySelector('#p30 .corr');
            const range = document.createRange();
            range.setStart(corr.previousSibling, corr.previousSibling.data.length - 3);
            range.setEnd(corr.nextSibling, 2);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }"""
    )
    hint = page.locator(".annotate-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("更正")
    expect(page.locator(".annotate-button")).to_be_hidden()
    box = hint.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.keyboard.press("Escape")
    expect(hint).to_be_hidden()
