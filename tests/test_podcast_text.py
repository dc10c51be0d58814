"""The podcast's edited reading text (text id ``podcast``) holds the edition's editorial standard.

These tests read the real text: an editorial fix changes what they see, not whether they pass.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.reading.clean_view import shown_text
from edition.reading.critic import accept
from edition.reading.fillers import load_filler_rules
from edition.reading.reading import Heading, Paragraph, cold_open_clips, link_clips, parse_reading
from edition.reading.speakers import load_speakers
from edition.reading.transcript import render_inline

ROOT = Path(__file__).resolve().parent.parent
PAGE = "docs/podcast.md"
READING = parse_reading(
    (ROOT / PAGE).read_text(encoding="utf-8"), load_speakers(ROOT, "data/speakers/podcast.yml"), PAGE
)
PARAGRAPHS = [block for block in READING.blocks if isinstance(block, Paragraph)]
RULES = load_filler_rules(ROOT)


def clean_views() -> list[str]:
    return [shown_text(render_inline(p.text, RULES, "p", [])) for p in PARAGRAPHS]


def test_at_most_a_tenth_of_the_turns_are_uncertain_and_each_says_why() -> None:
    uncertain = [p for p in PARAGRAPHS if p.uncertain]
    assert len(uncertain) <= 0.1 * len(PARAGRAPHS), f"{len(uncertain)} of {len(PARAGRAPHS)} uncertain"
    assert all(p.speaker_note.startswith("说话人存疑") for p in uncertain)


def test_the_cold_open_is_a_montage_linked_to_where_each_clip_recurs() -> None:
    clips = cold_open_clips(READING.blocks)
    assert len(clips) >= 5
    links = link_clips(READING.blocks, PAGE)
    assert sorted(links) == clips and all(target > clips[-1] for target in links.values())


def test_no_laughter_or_filler_leaves_stray_punctuation_in_the_clean_view() -> None:
    stray = re.compile(
        r"[，、；。！？]（笑）[，、；。！？]|[，、；]（笑）|^（笑）[，。、]|^[，。、；！？]|[，、；][，、；。！？]"
    )
    found = [view for view in clean_views() if stray.search(view)]
    assert not found, found[:3]


def test_chinese_and_latin_never_run_together_in_the_clean_view() -> None:
    run = re.compile(r"[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]")
    found = [m.string[max(0, m.start() - 5) : m.end() + 5] for view in clean_views() if (m := run.search(view))]
    assert not found, found[:5]


def test_one_spelling_per_name_in_text_and_headings() -> None:
    headings = [block.title for block in READING.blocks if isinstance(block, Heading)]
    texts = [accept(p.text) for p in PARAGRAPHS] + headings
    for wrong in ("open AI", "Open AI", "Sora two", "山姆", "奥特曼", "老秀", "老朽", "弦哥", "Gook", "GBT"):
        assert not [t for t in texts if wrong in t], wrong


def test_ellipsis_marks_real_breaks_not_every_stutter() -> None:
    ellipses = sum(accept(p.text).count("……") for p in PARAGRAPHS)
    assert ellipses <= 30, ellipses
