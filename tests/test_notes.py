"""Glossary matching and footnotes, annotation marks, and sanitized notes, on small HTML strings."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from edition.html_text import map_text
from edition.notes.footnotes import add_notes, note_html
from edition.notes.model import Annotation, Term
from edition.notes.terms import TermMatcher

SOURCE = [{"title": "s", "url": "https://example.org/", "kind": "reference"}]
CHECKED = date(2026, 11, 22)


def term(term_id: str, headword: str, *aliases: str) -> Term:
    return Term(
        id=term_id,
        headword=headword,
        aliases=list(aliases),
        definition=f"{headword} 的定义。",
        sources=SOURCE,
        checked=CHECKED,
    )


def annotation(annotation_id: str, exact: str, **quote: Any) -> Annotation:
    return Annotation(
        id=annotation_id,
        quote={"exact": exact, **quote},
        note="注释内容。",
        author="编者",
        sources=SOURCE,
        checked=CHECKED,
    )


ACP = term("acp", "ACP", "ACP 协议", "代理人商业协议")
AI = term("ai", "AI")
GEO = term("geo", "GEO", "Geo")


def found(text: str, *terms: Term) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term_id) for m in TermMatcher(list(terms)).find(text)]


def test_chinese_terms_are_found_inside_chinese_text_without_word_boundaries() -> None:
    assert found("他是用代理人商业协议嘛", ACP) == [("代理人商业协议", "acp")]


def test_the_longest_form_wins() -> None:
    assert found("这个 ACP 协议嘛", ACP) == [("ACP 协议", "acp")]


def test_a_space_between_chinese_and_latin_is_optional() -> None:
    assert found("ACP协议", ACP) == [("ACP协议", "acp")]


def test_latin_terms_do_not_match_inside_latin_words() -> None:
    assert found("OpenAI 和 ACPX 和 AI 电商", ACP, AI) == [("AI", "ai")]


def test_only_the_first_occurrence_on_a_page_gets_a_footnote_and_all_are_recorded() -> None:
    page = '<p id="p1">用 ACP 吧</p>\n<p id="p2">还是 ACP 协议</p>'
    notes = add_notes(page, [ACP], [])
    assert notes.html.count('class="footnote-ref" href="#gloss-acp"') == 1
    assert notes.html.startswith('<p id="p1">用 ACP<sup class="gloss-ref" id="gloss-ref-acp">')
    assert notes.occurrences == {"acp": ["p1", "p2"]}
    assert '<li id="gloss-acp"><p><strong>ACP</strong>：ACP 的定义。' in notes.html


@pytest.mark.parametrize(
    "page",
    [
        "<h2>ACP 协议</h2>",
        '<p><a href="x">ACP</a></p>',
        "<p><code>ACP</code></p>",
        "<pre><code>ACP</code></pre>",
        '<p><span class="corr"><del class="asr">ACP</del><ins>x</ins></span></p>',
        '<p><span class="filler">ACP</span></p>',
    ],
)
def test_no_footnote_inside_headings_links_code_recognizer_originals_or_hidden_fillers(page: str) -> None:
    assert add_notes(page, [ACP], []).html == page


def test_a_term_the_editor_restored_in_a_correction_gets_its_footnote() -> None:
    notes = add_notes(
        '<p id="p1">用 <span class="corr"><del class="asr">ACB</del><ins>ACP</ins></span> 付款</p>', [ACP], []
    )
    assert '<ins>ACP<sup class="gloss-ref" id="gloss-ref-acp">' in notes.html
    assert notes.occurrences == {"acp": ["p1"]}


def test_footnotes_use_the_markup_material_shows_as_tooltips() -> None:
    html = add_notes("<p>用 Geo 优化</p>", [GEO], []).html
    assert '<a class="footnote-ref" href="#gloss-geo">1</a>' in html
    assert '<div class="footnote edition-notes">' in html and 'id="gloss-geo"' in html


def test_an_annotation_marks_its_quote_and_numbers_its_note() -> None:
    notes = add_notes(
        '<p id="p3">今天早上起来发现 Altman 也不过国庆</p>', [], [annotation("launch", "Altman 也不过国庆")]
    )
    assert '<mark class="annotated" id="anno-launch">Altman 也不过国庆</mark>' in notes.html
    assert '<a class="footnote-ref" href="#anno-note-launch">注1</a>' in notes.html
    assert notes.annotation_hits == {"launch": 1}


def test_a_quote_that_matches_twice_is_counted_and_not_marked() -> None:
    notes = add_notes("<p>对的。</p><p>对的。</p>", [], [annotation("twice", "对的")])
    assert notes.annotation_hits == {"twice": 2}
    assert "<mark" not in notes.html


def test_prefix_and_suffix_choose_between_equal_quotes() -> None:
    page = "<p>甲说对的。</p><p>乙说对的。</p>"
    notes = add_notes(page, [], [annotation("second", "对的", prefix="乙说")])
    assert notes.annotation_hits == {"second": 1}
    assert '乙说<mark class="annotated" id="anno-second">对的</mark>' in notes.html


def test_a_page_without_notes_is_unchanged_byte_for_byte() -> None:
    page = '<p id="x">没有术语 &amp; 没有注释</p>\n<script>if (a < b) {}</script>'
    assert add_notes(page, [ACP], []).html == page
    assert map_text(page, lambda text, stack: text) == page


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>定义",
        '<img src=x onerror="alert(1)">定义',
        "[点我](javascript:alert(1))",
        '<a href="https://x.org" onclick="alert(1)">x</a>',
    ],
)
def test_notes_are_sanitized_even_if_the_check_were_bypassed(payload: str) -> None:
    rendered = note_html(payload)
    for dangerous in ("<script", "onerror", "onclick", "javascript:", "<img"):
        assert dangerous not in rendered


def test_an_abbreviations_footnote_starts_with_what_it_stands_for() -> None:
    from edition.notes.model import FullName

    acp = ACP.model_copy(update={"full_name": FullName(en="Agentic Commerce Protocol (ACP)", zh="智能体商务协议")})
    html = add_notes("<p>用 ACP 付款</p>", [acp], []).html
    assert "<strong>ACP</strong>（Agentic Commerce Protocol，智能体商务协议）：" in html


def test_a_term_split_by_the_editions_own_markup_is_still_found() -> None:
    # The editor corrected one character of 即梦: the word now stands across a correction.
    jimeng = Term(
        id="jimeng", headword="即梦", definition="字节跳动的 AI 创作平台。", sources=ACP.sources, checked=CHECKED
    )
    page = '<p id="p7">什么<span class="corr"><del class="asr">极</del><ins>即</ins></span>梦啊</p>'
    notes = add_notes(page, [jimeng], [])
    assert notes.occurrences == {"jimeng": ["p7"]}
    assert '</span>梦<sup class="gloss-ref" id="gloss-ref-jimeng">' in notes.html


def test_a_term_that_occurs_nowhere_is_still_not_found() -> None:
    jimeng = Term(
        id="jimeng", headword="即梦", definition="字节跳动的 AI 创作平台。", sources=ACP.sources, checked=CHECKED
    )
    page = '<p id="p7">什么<span class="corr"><del class="asr">即</del><ins>极</ins></span>梦啊</p>'
    assert add_notes(page, [jimeng], []).occurrences == {}


def test_overlapping_quotes_are_reported_not_drawn_wrongly() -> None:
    first = annotation("a", "发布了 Sora 2")
    second = annotation("b", "Sora 2 应用")
    notes = add_notes('<p id="p1">OpenAI 发布了 Sora 2 应用。</p>', [], [first, second])
    assert notes.overlapping == [("a", "b")]
    assert notes.html.count("<mark") == 1 and notes.html.count("</mark>") == 1  # the first alone, whole


def test_a_quote_inside_another_is_drawn_inside_it() -> None:
    outer, inner = annotation("a", "发布了 Sora 2 应用"), annotation("b", "Sora 2")
    notes = add_notes('<p id="p1">OpenAI 发布了 Sora 2 应用。</p>', [], [outer, inner])
    assert notes.overlapping == []
    assert '<mark class="annotated" id="anno-a">发布了 <mark class="annotated" id="anno-b">Sora 2</mark>' in notes.html
