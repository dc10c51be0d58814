"""Clean-verbatim rules: one test per rule, golden files for the rules on real sentences."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.reading.fillers import clean_verbatim, collapse_repeats, drop_hesitations, load_filler_rules, mark_laughter

ROOT = Path(__file__).resolve().parent.parent
RULES = load_filler_rules(ROOT)


def clean_view(html: str) -> str:
    """What a reader sees by default: hidden spans removed, tags stripped."""
    return re.sub(r"<[^>]+>", "", re.sub(r'<span class="filler">.*?</span>', "", html))


def verbatim_view(html: str) -> str:
    """What the verbatim toggle shows: everything but the （笑） stand-in."""
    return re.sub(r"<[^>]+>", "", re.sub(r'<span class="laugh">.*?</span>', "", html))


@pytest.mark.parametrize(
    ("spoken", "clean"),
    [
        ("对对对对，就是这样", "对，就是这样"),
        ("对，对，对，没错", "对，没错"),
        ("对对，没错", "对对，没错"),  # two is ordinary speech, not a stutter
        ("是的是的是的是的", "是的"),
        ("那个那个那个产品", "那个产品"),
    ],
)
def test_repeats_are_kept_once(spoken: str, clean: str) -> None:
    html = collapse_repeats(spoken, RULES)
    assert clean_view(html) == clean
    assert verbatim_view(html) == spoken


def test_single_character_stutters_never_collapse_across_a_comma() -> None:
    assert clean_view(collapse_repeats("我，我觉得", RULES)) == "我，我觉得"


def test_laughter_becomes_a_stage_direction() -> None:
    html = mark_laughter("哈哈哈你就非常感性的讲", RULES)
    assert clean_view(html) == "（笑）你就非常感性的讲"
    assert verbatim_view(html) == "哈哈哈你就非常感性的讲"


def test_a_single_ha_is_not_laughter() -> None:
    assert mark_laughter("太狠了哈", RULES) == "太狠了哈"


def test_hesitation_goes_with_its_comma() -> None:
    html = drop_hesitations("但是呃，这个其实", RULES)
    assert clean_view(html) == "但是这个其实"
    assert verbatim_view(html) == "但是呃，这个其实"


@pytest.mark.parametrize(
    "name",
    ["opening", "commerce", "closing"],
)
def test_rules_on_real_passages_match_their_golden_files(name: str, golden: Callable[[str, str], None]) -> None:
    source = (ROOT / "tests/golden/fillers" / f"{name}.txt").read_text(encoding="utf-8")
    golden(f"fillers/{name}.html", clean_verbatim(source, RULES))


def _shown(text: str) -> str:
    """What the clean view shows of a spoken stretch."""
    return re.sub(r"<[^>]+>", "", re.sub(r'<span class="filler">[^<]*</span>', "", clean_verbatim(text, RULES)))


@pytest.mark.parametrize(
    ("spoken", "clean"),
    [
        ("比如说说白了", "比如说说白了"),  # 比如说 说白了: two words, not a stutter — 说白了 stays whole
        ("我觉得太太牛逼了", "我觉得太牛逼了"),  # a stutter that makes a word (太太)
        ("是你作为大大大企业", "是你作为大企业"),
        ("那你每每天是多少", "那你每天是多少"),
        ("去好好好好做好自己", "去好好做好自己"),  # the word it runs into begins with two: 好好做
        ("他太太来了", "他太太来了"),  # the word itself
    ],
)
def test_a_stutter_that_makes_a_word_is_caught_and_a_word_after_a_word_is_kept(spoken: str, clean: str) -> None:
    assert _shown(spoken) == clean
