"""Traditional editions that read as native: regional words in the edition's prose only, regional
forms and quotation marks everywhere, the speakers' and the author's words unchanged but for characters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.editions.convert import Converter, load_overrides
from edition.editions.declared import Edition, load_editions
from edition.editions.mainland import MOST_LEFT, load_mainland_words, measure, report
from edition.editions.publish import UNTOUCHED
from edition.editions.regional import load_regional, regional_quotes
from edition.html_text import cut
from edition.notes.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
TERMS = load_glossary(ROOT)[0].root
REGIONAL = load_regional(ROOT, TERMS)
EDITIONS = load_editions(ROOT)
TW, HK = EDITIONS.named("tw"), EDITIONS.named("hk")


def converter(edition: Edition) -> Converter:
    return Converter(edition, load_overrides(ROOT)[0].root, REGIONAL)


def test_the_editions_prose_takes_the_regions_words_the_speakers_keep_theirs() -> None:
    tw, hk = converter(TW), converter(HK)
    assert tw.prose("普通用户可以生成视频") == "普通使用者可以生成影片"
    assert hk.prose("普通用户可以生成视频") == "普通用戶可以生成影片"  # Hong Kong says 用戶
    assert tw("普通用户可以生成视频") == "普通用戶可以生成視頻"  # a speaker's words: characters only
    assert hk.prose("OpenAI 首席执行官") == "OpenAI 行政總裁"


def test_a_quotation_and_a_glossary_term_keep_the_texts_words() -> None:
    tw = converter(TW)
    assert tw.prose("节目里说“视频”，即视频") == "節目裡說「視頻」，即影片"
    assert "用戶心智" in tw.prose("营销用语：用户心智")  # a glossary term's own form


def test_quotation_marks_are_regional_but_an_apostrophe_stays() -> None:
    assert regional_quotes("他说：“‘妙人’。”OpenAI’s", TW.quotes) == "他说：「『妙人』。」OpenAI’s"
    assert regional_quotes("他说：“‘妙人’。”", None) == "他说：“‘妙人’。”"  # an edition that keeps them


def test_regional_standard_forms() -> None:
    tw, hk = converter(TW), converter(HK)
    assert tw("发布账号，宣布布局，控制台") == "發布帳號，宣布布局，控制臺"
    assert hk("发布账号，宣布布局，控制台") == "發佈賬號，宣佈佈局，控制台"
    # Hong Kong's print forms, not the 常用字字形表's (説 户 啓 閲 税 脱 鋭 温 羣 峯 牀 麪); 着 and 裏 kept
    assert hk("他说用户启动，阅读税表，脱口秀，敏锐，温哥华，群里，高峰，床上，面条，看着") == (
        "他說用戶啟動，閱讀稅表，脫口秀，敏銳，溫哥華，群裏，高峰，床上，麵條，看着"
    )


def _pages(site: Path, prefix: str) -> list[Path]:
    root = site / prefix
    folders = {edition.prefix.rstrip("/") for edition in EDITIONS.others}
    return [p for p in root.rglob("*.html") if prefix or p.relative_to(root).parts[0] not in folders]


@pytest.mark.parametrize("edition", EDITIONS.others, ids=[edition.id for edition in EDITIONS.others])
def test_no_mainland_word_is_left_in_the_editions_own_prose(built_site: Path, edition: Edition) -> None:
    """The reviewed list and zhconv-rs's word-level conversion (scripts/regional_words.py) find at
    most five Mainland words left in the edition's prose, each recorded under ``left:`` with its reason."""
    data = load_mainland_words(ROOT)
    found = measure(built_site, edition, EDITIONS, converter(edition), data, list(REGIONAL.protected_words))
    recorded = {entry.word for entry in data.left.get(edition.id, [])}
    assert len(found.words()) <= MOST_LEFT and found.words() <= recorded, report(found, edition, data)


def test_the_measure_finds_a_mainland_word_and_spares_quotations_and_titles(tmp_path: Path) -> None:
    (tmp_path / "tw").mkdir()
    page = '<p>据谷歌文档，《互联网时代》说“谷歌”</p><p class="turn">谷歌</p>'
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "tw/index.html").write_text(converter(TW)(page), encoding="utf-8")  # characters only
    found = measure(tmp_path, TW, EDITIONS, converter(TW), load_mainland_words(ROOT), [])
    assert found.by_list == {"谷歌": 1, "文档": 1}


def test_a_latin_word_is_spaced_from_chinese_and_a_title_keeps_its_words() -> None:
    tw, hk = converter(TW), converter(HK)
    assert tw.prose("由谷歌开发，谷歌云上") == "由 Google 開發，Google Cloud 上"
    assert tw.prose("《后互联网时代的乱弹》说互联网") == "《後互聯網時代的亂彈》說網際網路"
    assert hk.prose("中国内地的国内厂商") == "中國內地的內地廠商"
    assert tw.prose("美国总统唐纳德·特朗普") == "美國總統唐納·川普"


def test_the_speakers_words_are_converted_in_characters_only(built_site: Path) -> None:
    simplified = (built_site / "podcast/index.html").read_text(encoding="utf-8")
    taiwan = (built_site / "tw/podcast/index.html").read_text(encoding="utf-8")
    turns = re.compile(r'<p class="turn[^"]*"[^>]*>(.*?)</p>', re.S)
    said = sum(turn.count("视频") for turn in turns.findall(simplified))
    assert said > 10 and sum(turn.count("視頻") for turn in turns.findall(taiwan)) == said


@pytest.mark.parametrize("prefix", ["tw/", "hk/"])
def test_traditional_editions_quote_with_corner_brackets(built_site: Path, prefix: str) -> None:
    for page in _pages(built_site, prefix):
        for piece in cut(page.read_text(encoding="utf-8")):
            if piece.is_text and not any(e.tag in UNTOUCHED for e in piece.stack):
                assert not re.search(r"[“”‘]|(?<![A-Za-z])’|’(?![A-Za-z])", piece.raw), (page, piece.raw[:60])


def test_the_simplified_edition_keeps_its_quotation_marks(built_site: Path) -> None:
    assert "“" in (built_site / "podcast/index.html").read_text(encoding="utf-8")


def test_regional_forms_hold_throughout_each_edition(built_site: Path) -> None:
    taiwan = "".join(p.read_text(encoding="utf-8") for p in _pages(built_site, "tw/"))
    hong_kong = "".join(p.read_text(encoding="utf-8") for p in _pages(built_site, "hk/"))
    assert "佈" not in taiwan and "賬" not in taiwan and "控制台" not in taiwan and "發布" in taiwan
    assert "發佈" in hong_kong and "發布" not in hong_kong
    # Every converted text node of the Hong Kong edition: none of the 常用字字形表 forms is left (issue #25)
    school_forms = re.compile("[説户啓閲税脱鋭蜕醖温羣峯牀麪悦兑藴]")
    for page in _pages(built_site, "hk/"):
        for piece in cut(page.read_text(encoding="utf-8")):
            if piece.is_text and not any(e.tag in UNTOUCHED for e in piece.stack):
                assert not school_forms.search(piece.raw), (page, piece.raw[:60])


def test_a_heading_cut_into_words_is_converted_phrase_by_phrase_as_a_whole_would_be() -> None:
    """Headings are cut into unbreakable words (edition.headings) before each edition converts them
    piece by piece: a show's name and a regional word must each stay one piece, or the show's
    name 后互联网时代的乱弹 reads 後網際網路 in Taiwan and 社交媒体 misses 社群媒體."""
    from edition.editions.publish import convert_html
    from edition.headings import keep_words_whole, units_pattern

    units = units_pattern([*REGIONAL.phrases(), "后互联网时代的乱弹"])
    heading = "<h1>后互联网时代的乱弹：Sora和春晚</h1><h2>一盘大棋：社交媒体与政治</h2>"
    converted = re.sub(r"<[^>]+>", "", convert_html(keep_words_whole(heading, units), converter(TW), {}))
    assert converted == re.sub(r"<[^>]+>", "", convert_html(heading, converter(TW), {}))
    assert converted == "後互聯網時代的亂彈：Sora和春晚一盤大棋：社群媒體與政治"
