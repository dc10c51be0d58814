"""Conversion to the other editions: OpenCC plus reviewed overrides, text nodes only."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from edition.editions.convert import (
    Converter,
    Override,
    Overrides,
    load_overrides,
    override_corpus,
    override_problems,
    simplified_only,
)
from edition.editions.declared import load_editions
from edition.editions.publish import convert_html, finish_page, relative_link
from edition.editions.regional import load_regional
from edition.notes.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = load_editions(ROOT)
TW, HK = EDITIONS.named("tw"), EDITIONS.named("hk")
CASES = yaml.safe_load((ROOT / "tests/data/conversion-cases.yml").read_text(encoding="utf-8"))
REGIONAL = load_regional(ROOT, load_glossary(ROOT)[0].root)


def simplified_only_characters(config: str = "s2tw") -> set[str]:
    """Characters a Traditional edition never keeps: Simplified-only characters (the pipeline's own
    list) that the edition with OpenCC's ``config`` changes, its region's standard forms included
    (so a regional variant such as 床 or 群, which s2tw keeps and Hong Kong's forms give back for
    s2hk's 羣, is not counted)."""
    edition = next(edition for edition in EDITIONS.others if edition.opencc == config)
    converter = Converter(edition, [], REGIONAL)
    return {char for char in simplified_only() if converter.characters(char) != char}


@pytest.mark.parametrize("case", CASES, ids=[case["simplified"] for case in CASES])
def test_corpus_conversion_cases(case: dict[str, str]) -> None:
    """Each case as the edition publishes it: OpenCC, the reviewed overrides and the region's standard
    forms (Hong Kong's 說 戶 啟, not OpenCC's 説 户 啓; Taiwan's 布局)."""
    overrides = load_overrides(ROOT)[0].root
    assert Converter(TW, overrides, REGIONAL)(case["simplified"]) == case["tw"]
    assert Converter(HK, overrides, REGIONAL)(case["simplified"]) == case["hk"]


def test_vocabulary_is_not_swapped() -> None:
    convert = Converter(TW, [])
    assert convert("视频，扩展，电视频道，局部性") == "視頻，擴展，電視頻道，局部性"


def test_an_override_replaces_opencc_in_its_edition_only() -> None:
    override = Override(simplified="后来干了", tw="後來乾了", reason="干 here means dry")
    assert Converter(TW, [override])("衣服后来干了。") == "衣服後來乾了。"
    assert Converter(HK, [override])("衣服后来干了。") == "衣服後來幹了。"


def test_an_override_that_changes_nothing_is_ovr001_and_an_unused_one_ovr002() -> None:
    overrides = Overrides([Override(simplified="头发", tw="頭髮", reason="OpenCC is right already")])
    data = [{"simplified": "头发", "tw": "頭髮", "reason": "x"}]
    codes = [problem.code for problem in override_problems(overrides, data, "没有这个词", EDITIONS)]
    assert codes == ["OVR002", "OVR001"]


def test_the_edition_overrides_are_valid_for_the_corpus() -> None:
    texts = [(ROOT / "tests/golden/article/3-copywriting.md").read_text(encoding="utf-8")]
    corpus = override_corpus(ROOT, texts)  # docs/*.md (the podcast's page among them) and the notes
    overrides, data = load_overrides(ROOT)
    assert override_problems(overrides, data, corpus, EDITIONS) == []


def test_only_text_and_readable_attributes_are_converted() -> None:
    page = (
        '<html lang="zh"><head><title>发现</title><meta name="description" content="头发"></head>'
        '<body><a href="/发/" id="发" title="发现" data-x="发">发现</a><code>发</code>'
        '<script>var a = "发";</script><span data-tip="识别为：发">后</span></body></html>'
    )
    converted = convert_html(page, Converter(TW, []), {})
    assert converted == (
        '<html lang="zh"><head><title>發現</title><meta name="description" content="頭髮"></head>'
        '<body><a href="/发/" id="发" title="發現" data-x="发">發現</a><code>发</code>'
        '<script>var a = "发";</script><span data-tip="識別為：發">後</span></body></html>'
    )


def test_material_ui_strings_take_materials_own_traditional_wording() -> None:
    page = '<header><input placeholder="搜索"><label>搜索</label></header><article><p>搜索</p></article>'
    converted = convert_html(page, Converter(TW, []), {"搜索": "搜尋"})
    assert converted == '<header><input placeholder="搜尋"><label>搜尋</label></header><article><p>搜索</p></article>'


def test_toggle_links_point_to_the_same_page_in_every_edition() -> None:
    assert relative_link("", "tw/", "podcast/") == "../tw/podcast/"
    assert relative_link("tw/", "", "podcast/") == "../../podcast/"
    assert relative_link("tw/", "hk/", "") == "../hk/"
    assert relative_link("", "", "") == "./"
    page = finish_page('<html lang="zh"><nav><!-- edition-toggle:podcast/ --></nav>', HK, "https://x.org/", EDITIONS)
    assert 'lang="zh-Hant-HK"' in page and 'href="../../tw/podcast/"' in page and 'aria-current="true">港' in page


def test_identity_conversion_reproduces_every_built_page(built_site: Path) -> None:
    from edition.sources.texts import load_registry

    pages = list(built_site.glob("**/*.html"))
    texts = load_registry(ROOT).texts.values()
    expected = {edition.prefix + entry.url + "index.html" for edition in EDITIONS.all for entry in texts}
    assert expected <= {page.relative_to(built_site).as_posix() for page in pages}  # every text in every edition
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert convert_html(source, Converter(EDITIONS.base, []), {}) == source, page


def test_simplified_only_characters_are_known() -> None:
    chars = simplified_only_characters()
    assert {"发", "这", "说", "们"} <= chars and not {"干", "只", "后", "里"} & chars


def test_an_override_writing_simplified_into_a_traditional_edition_is_ovr003() -> None:
    data = [{"simplified": "电视频道", "tw": "电视頻道", "hk": "電視頻道", "reason": "a mistake: tw left Simplified"}]
    overrides = Overrides.model_validate(data)
    found = override_problems(overrides, data, "电视频道", EDITIONS)
    assert [(p.code, p.line) for p in found if p.code == "OVR003"] == [("OVR003", 1)]
    assert "'電視頻道'" in next(p.message for p in found if p.code == "OVR003")
    good = [{"simplified": "凤凰卫视", "hk": "鳳凰衛視", "reason": "the broadcaster's own name"}]
    assert "OVR003" not in [
        p.code for p in override_problems(Overrides.model_validate(good), good, "凤凰卫视", EDITIONS)
    ]


def test_a_traditional_character_in_its_phrase_is_not_ovr003() -> None:
    data = [{"simplified": "可以干的", "tw": "可以幹的", "hk": "可以干的", "reason": "干 is Traditional too"}]
    codes = [p.code for p in override_problems(Overrides.model_validate(data), data, "可以干的", EDITIONS)]
    assert "OVR003" not in codes
