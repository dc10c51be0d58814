"""The search index reads the reading text: no ASR originals, fillers, numbers or speaker marks."""

from __future__ import annotations

from edition.editions.search_text import LEFT_OUT_MARK, indexed_html, mark_left_out, unmark_left_out

TURN = (
    '<p class="turn turn--xiange" id="p43"><a class="pnum" href="#p43" title="第 43 段">43</a>'
    '<span class="speaker speaker--xiange"><span class="speaker-mark" aria-hidden="true">◆</span>闲哥'
    '<span class="speaker-colon" hidden>：</span></span>'
    '<span class="filler">呃，</span>就说上'
    '<span class="corr"><del class="asr" title="语音识别原文">冒犯</del><ins>Sam Altman</ins></span>'
    '一定是个有野心的人<span class="laugh">（笑）</span>'
    '<sup class="gloss-ref" id="gloss-ref-sam"><a class="footnote-ref" href="#gloss-sam">15</a></sup>。</p>'
)


def test_a_turn_is_indexed_as_its_reading_text() -> None:
    assert indexed_html(TURN) == (
        '<p class="turn turn--xiange" id="p43">'
        '<span class="speaker speaker--xiange">闲哥<span class="speaker-colon" hidden>：</span></span>'
        '就说上<span class="corr"><ins>Sam Altman</ins></span>'
        '一定是个有野心的人<span class="laugh">（笑）</span>。</p>'
    )


def test_the_aids_are_marked_for_the_engines_search_and_only_they() -> None:
    marked = mark_left_out(TURN)
    assert marked.count(LEFT_OUT_MARK) == 5  # number, mark, filler, ASR original, footnote number
    assert f'<a class="pnum" href="#p43" title="第 43 段" {LEFT_OUT_MARK}>' in marked
    assert f'<del class="asr" title="语音识别原文" {LEFT_OUT_MARK}>' in marked
    assert '<span class="speaker speaker--xiange">' in marked and '<span class="laugh">' in marked
    assert mark_left_out(marked) == marked  # marked once
    assert unmark_left_out(marked) == TURN


def test_nested_and_empty_left_out_elements_leave_no_tag_behind() -> None:
    source = '<p>甲<span class="filler"></span>乙<span class="filler">嗯<b>嗯</b></span>丙<br/>丁</p>'
    assert indexed_html(source) == "<p>甲乙丙<br/>丁</p>"


def test_a_page_without_reading_aids_is_unchanged() -> None:
    source = '<h2 id="x">标题</h2>\n<p>正文 <a href="https://example.org/">链接</a>，<del>删</del></p>'
    assert indexed_html(source) == source
    assert mark_left_out(source) == source


def test_marks_read_attributes_as_html_does() -> None:
    # Hand-written raw HTML in a page: a `>` inside a quoted value, single quotes, and a class-like
    # attribute that is not `class`.
    assert mark_left_out('<span class="asr" title="a>b">x</span>') == (
        f'<span class="asr" title="a>b" {LEFT_OUT_MARK}>x</span>'
    )
    assert mark_left_out("<span class='filler'>呃</span>") == f"<span class='filler' {LEFT_OUT_MARK}>呃</span>"
    assert mark_left_out('<span data-class="asr">x</span>') == '<span data-class="asr">x</span>'
