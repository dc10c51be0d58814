"""The fidelity check passes on the texts and fails, at the right place, on an altered copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.sources.article import article_markdown
from edition.sources.fidelity import check_faithful, words_only
from edition.sources.kinds.shuijingqiu import read

ROOT = Path(__file__).resolve().parent.parent
RAW = (ROOT / "docs/sources/article-mengyonghui-sora-scraped-raw.txt").read_text(encoding="utf-8")
SOURCE = read(RAW, "article.txt")  # the seed article, a 水晶球 scrape


def clean_article(raw: str) -> str:
    return article_markdown(read(raw, "article.txt"))


def test_the_cleaned_article_is_faithful() -> None:
    check_faithful(SOURCE.words, clean_article(RAW), "article.txt")


def test_a_changed_character_is_reported_with_line_and_context() -> None:
    reading = clean_article(RAW).replace("海市蜃楼", "海市辰楼")
    with pytest.raises(EditionError) as error:
        check_faithful(SOURCE.words, reading, "article.txt")
    message = str(error.value)
    line = next(i for i, text in enumerate(reading.split("\n"), 1) if "海市辰楼" in text)
    assert message.startswith(f"article.txt:{line}: FID001 ")
    assert "海市|蜃楼" in message and "海市|辰楼" in message


def test_a_dropped_sentence_is_reported() -> None:
    reading = clean_article(RAW).replace("等到繁华散尽，一切或将回归平凡。", "")
    with pytest.raises(EditionError, match="FID001"):
        check_faithful(SOURCE.words, reading, "article.txt")


def test_punctuation_width_and_spacing_do_not_count() -> None:
    assert words_only("有 Sora，2 个。") == words_only("有Sora,2个.")
