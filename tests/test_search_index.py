"""The site's search (edition.editions.search_index): what a page is indexed as, and the words a
query is looked up by, the same in Python and in docs/assets/search.js."""

from __future__ import annotations

from edition.editions.search_index import fold, fold_table, page_blocks, page_records, query_words, words

TABLE = fold_table("後業網險危聯")


def test_a_han_run_is_its_pairs_and_its_last_character() -> None:
    assert words("抖音危险了！Sora 2", {}) == ["抖音", "音危", "危险", "险了", "了", "sora", "2"]


def test_either_script_folds_to_the_same_words() -> None:
    assert fold("商業模式 後", TABLE) == fold("商业模式 后", TABLE) == "商业模式 后"
    assert query_words("商業模式", TABLE) == query_words("商业模式", TABLE) == "商业 业模 模式"
    assert set(query_words("商業模式", TABLE).split()) <= set(words("把抖音整个商业模式搬到", TABLE))


def test_one_character_is_looked_up_as_itself() -> None:
    assert query_words("音", TABLE) == "音"  # a prefix: finds 音危 and the 音 that ends 抖音
    assert query_words("抖音 sora", TABLE) == "抖音 sora"


PAGE = """<html><head><title>播客 - 读本</title></head><body><nav>导航</nav><article>
<h1 id="top">播客<a class="headerlink" href="#top">¶</a></h1>
<p class="turn" id="p1"><a class="pnum" href="#p1">1</a><span class="speaker"><span class="speaker-mark">◆</span>\
闲哥<span class="speaker-colon" hidden>：</span></span>抖音危险了！<span class="filler">哈哈</span></p>
<p id="p2"><a class="turn-time" href="#t"><time>01:02</time></a> 上<del class="asr">冒犯</del><ins>Sam</ins></p>
</article></body></html>"""


def test_a_page_is_read_as_its_blocks_without_the_aids() -> None:
    title, blocks = page_blocks(PAGE)
    assert title == "播客"
    assert [(b.anchor, b.text, b.speaker, b.time) for b in blocks] == [
        ("top", "播客", "", ""),
        ("p1", "闲哥：抖音危险了！", "闲哥", ""),
        ("p2", "01:02 上Sam", "", "01:02"),
    ]


def test_records_gather_blocks_and_keep_where_each_starts() -> None:
    (record,) = page_records(PAGE, "podcast/", {})
    assert record.url == "podcast/#top" and record.meta["page"] == "podcast/"
    assert "导航" not in record.content and "哈哈" not in record.content and "冒犯" not in record.content
    small = page_records(PAGE, "podcast/", {}, size=4)
    assert [r.url for r in small] == ["podcast/#top", "podcast/#p1", "podcast/#p2"]
