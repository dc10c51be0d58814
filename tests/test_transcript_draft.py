"""The podcast's first pass: provisional punctuation and paragraphs, and no character lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from edition.sources.fidelity import blank_markup, check_faithful, words_only
from edition.sources.transcript_draft import (
    PARAGRAPH_CHARACTERS,
    draft_markdown,
    draft_paragraphs,
    punctuate,
    split_phrases,
)

ROOT = Path(__file__).resolve().parent.parent
RAW = (ROOT / "docs/sources/podcast-justsayai-sora2-asr-raw.txt").read_text(encoding="utf-8")


def test_spaces_split_phrases_but_not_between_latin_letters_or_digits() -> None:
    assert split_phrases("抖音危险了 哈哈这一次Sora 2的物理引擎 GPT 5") == [
        "抖音危险了",
        "哈哈这一次Sora 2的物理引擎",
        "GPT 5",
    ]


def test_a_question_particle_ends_a_question() -> None:
    assert punctuate("你觉得怎么样吗", last=False) == "你觉得怎么样吗？"


def test_a_final_particle_ends_a_sentence() -> None:
    assert punctuate("很上头啊", last=False) == "很上头啊。"


def test_other_phrases_take_a_comma_and_the_last_a_full_stop() -> None:
    assert punctuate("首先", last=False) == "首先，"
    assert punctuate("拜拜", last=True) == "拜拜。"


def test_paragraphs_close_at_a_sentence_end_after_the_length_threshold() -> None:
    paragraphs = [paragraph.text for paragraph in draft_paragraphs(RAW)]
    assert len(paragraphs) > 50
    for paragraph in paragraphs[:-1]:
        assert paragraph[-1] in "。？"
        assert len(paragraph) >= PARAGRAPH_CHARACTERS


def test_no_character_of_the_transcript_is_lost() -> None:
    draft = draft_markdown(RAW)
    assert words_only(blank_markup(draft)) == words_only(RAW)  # paragraph anchors are markup
    check_faithful(words_only(RAW), draft, "podcast")


def test_draft_of_the_real_transcript_matches_its_golden_file(golden: Callable[[str, str], None]) -> None:
    golden("transcript_draft/draft.md", draft_markdown(RAW))
