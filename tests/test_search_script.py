"""Searching in either script: the per-edition tables a query is rewritten with (edition.js)."""

from __future__ import annotations

import random

from edition.editions.convert import Converter
from edition.editions.declared import load_editions
from edition.editions.search_script import convert_query, reverse_table, script_table
from tests.conftest import ROOT

EDITIONS = load_editions(ROOT)
TW, HK = EDITIONS.named("tw"), EDITIONS.named("hk")
# 历 is 曆 in 日历 and 歷 in 历史; 系 is 係 in 关系 and 繫 in 联系, and stays 系 alone.
WORDS = ["日历", "历史", "关系", "联系", "系统", "商业模式", "视频"]


def test_the_table_is_the_same_whatever_order_the_index_words_come_in() -> None:
    convert = Converter(TW, [])
    tables = set()
    for seed in range(20):
        words = WORDS[:]
        random.Random(seed).shuffle(words)
        tables.add(repr(script_table(words, convert)))
    assert len(tables) == 1


def test_a_character_typed_alone_becomes_what_the_edition_makes_of_it_alone() -> None:
    table = script_table(WORDS, Converter(TW, []))
    assert convert_query("历", table) == "歷"
    assert convert_query("系", table) == "系"
    assert convert_query("商业模式", table) == "商業模式"
    assert convert_query("日历", table) == "日曆"


def test_every_traditional_form_a_word_shows_finds_its_way_back_to_simplified() -> None:
    back = reverse_table([script_table(WORDS, Converter(edition, [])) for edition in (TW, HK)])
    assert convert_query("曆", back) == convert_query("歷", back) == "历"
    assert convert_query("係", back) == convert_query("繫", back) == "系"
    assert convert_query("商業模式", back) == "商业模式"
