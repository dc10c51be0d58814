"""Properties that must hold for any input, checked with Hypothesis."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from edition.editions.convert import Converter
from edition.editions.declared import load_editions
from edition.editions.publish import convert_html
from edition.html_text import cut
from edition.reading.fillers import clean_verbatim, load_filler_rules
from edition.sources.fidelity import blank_markup, words_only
from edition.sources.transcript_draft import draft_markdown
from edition.typography import copywriting

ROOT = Path(__file__).resolve().parent.parent
RULES = load_filler_rules(ROOT)
EDITIONS = load_editions(ROOT)
clean_verbatim("我我", RULES)  # loads jieba's dictionary once, outside Hypothesis's timed examples
# Characters that exercise the rules: fillers, stutters, laughter, punctuation, Latin and digits.
SPOKEN = st.text(alphabet="对是的那个这我你他就哈呃嗯好，、。？ 抖音发后里干AIS2", min_size=1, max_size=60)


def clean_view(html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.sub(r'<span class="filler">.*?</span>', "", html))


def verbatim_view(html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.sub(r'<span class="laugh">.*?</span>', "", html))


@given(SPOKEN)
def test_clean_verbatim_loses_no_character(text: str) -> None:
    assert verbatim_view(clean_verbatim(text, RULES)) == text


@example("哈呃哈")
@example("对对呃对")
@example("我呃我")
@example("那个，呃，那个")
@given(SPOKEN)
def test_clean_verbatim_is_idempotent(text: str) -> None:
    once = clean_view(clean_verbatim(text, RULES))
    assert clean_view(clean_verbatim(once, RULES)) == once


@given(SPOKEN.filter(lambda text: text.strip()))
def test_a_transcripts_draft_loses_no_character(text: str) -> None:
    assert words_only(blank_markup(draft_markdown(text))) == words_only(text)  # anchors are markup


@settings(max_examples=50, deadline=None)
@example("和-和-和")  # AutoCorrect needs a second pass here
@given(st.text(alphabet="这是Sora2的模型,测试AI和GPT-5版本。 ", min_size=1, max_size=60))
def test_copywriting_is_idempotent_and_keeps_the_words(text: str) -> None:
    once = copywriting(text)
    assert copywriting(once) == once
    assert words_only(once) == words_only(text)


TAGS = st.sampled_from(["p", "span", "code", "a", "h2", "script", "em", "li"])
WORDS = st.text(alphabet="发后里这说abc <>&;'\"", min_size=0, max_size=12)


@st.composite
def html_fragments(draw: st.DrawFn) -> str:
    """Nested elements with attributes a converter must leave alone, and text that it converts."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(TAGS)
        text = draw(WORDS).replace("<", "&lt;").replace(">", "&gt;")
        if tag == "script":
            text = draw(WORDS).replace("<", "")  # raw text, as in a real script
        attribute = draw(st.sampled_from(["", ' id="发"', ' href="/发/后"', ' title="发后"', ' class="x y"']))
        parts.append(f"<{tag}{attribute}>{text}</{tag}>{draw(WORDS).replace('<', '&lt;')}")
    return "".join(parts)


@given(html_fragments())
def test_identity_conversion_reproduces_any_fragment(fragment: str) -> None:
    assert convert_html(fragment, Converter(EDITIONS.base, []), {}) == fragment


@settings(deadline=None)
@given(html_fragments())
def test_conversion_changes_text_nodes_only(fragment: str) -> None:
    converted = convert_html(fragment, Converter(EDITIONS.named("tw"), []), {})
    before = [piece.raw for piece in cut(fragment) if not piece.is_text]
    after = [piece.raw for piece in cut(converted) if not piece.is_text]
    # Tags are unchanged but for the readable attributes, which are converted like text.
    assert [re.sub(r' title="[^"]*"', "", tag) for tag in before] == [
        re.sub(r' title="[^"]*"', "", tag) for tag in after
    ]
    assert len(cut(converted)) == len(cut(fragment))


@given(st.text(alphabet='<>a我 /"', max_size=20), st.integers(min_value=0, max_value=20))
def test_the_character_before_a_stutter_is_read_past_markup_exactly_as_stripping_it(text: str, index: int) -> None:
    # The stutter rule asks for the last character before a doubled one, markup left out (直<b>接</b>接的
    # is 直接 接的). It walks back over tags instead of stripping the whole text before each stutter;
    # stray "<" and ">" included, it must answer as the strip did.
    from edition.reading.fillers import _visible_before

    index = min(index, len(text))
    assert _visible_before(text, index) == re.sub(r"<[^>]*>", "", text[:index])[-1:]
