"""Every character of the converted editions, against an independent converter (zhconv-rs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.editions.convert import Converter, load_overrides
from edition.editions.cross_check import (
    Difference,
    Review,
    Reviewed,
    cross_check,
    differences,
    is_reviewed,
    load_review,
)
from edition.editions.declared import load_editions
from edition.editions.regional import load_regional
from edition.notes.glossary import load_glossary
from edition.sources.texts import load_registry

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = load_editions(ROOT)
# The editions with a second opinion (``cross_check`` in data/editions.yml): Taiwan's and Hong Kong's.
CHECKED = [edition.id for edition in EDITIONS.others if edition.cross_check]


def converter(key: str) -> Converter:
    edition = EDITIONS.named(key)
    return Converter(edition, load_overrides(ROOT)[0].root, load_regional(ROOT, load_glossary(ROOT)[0].root))


def _base_pages(site: Path) -> list[Path]:
    """The base edition's pages: the site but the other editions' folders."""
    folders = {edition.prefix.rstrip("/") for edition in EDITIONS.others}
    return [path for path in sorted(site.rglob("*.html")) if path.relative_to(site).parts[0] not in folders]


def test_the_second_opinion_checks_both_traditional_editions() -> None:
    assert CHECKED == ["tw", "hk"]


@pytest.mark.parametrize("key", CHECKED)
def test_every_difference_from_the_second_converter_is_reviewed(built_site: Path, key: str) -> None:
    pages = [
        (path.relative_to(built_site).as_posix(), path.read_text(encoding="utf-8")) for path in _base_pages(built_site)
    ]
    assert {entry.url + "index.html" for entry in load_registry(ROOT).texts.values()} <= {name for name, _ in pages}
    assert cross_check(pages, EDITIONS.named(key), converter(key), load_review(ROOT)) == []


def test_an_unreviewed_difference_is_xchk001_with_page_line_and_the_fix() -> None:
    # 科里森 is a name: were its 里 converted (科裡森), zhconv, which keeps it, would disagree.
    taiwan = EDITIONS.named("tw")
    plain = Converter(taiwan, [])
    problems = cross_check([("x.html", "<p>\n</p><p>由科里森兄弟创办</p>")], taiwan, plain, Review())
    assert len(problems) == 1
    assert problems[0].startswith("x.html:2: XCHK001 tw: «由科里森兄弟创办»")
    assert "'裡'" in problems[0] and "data/conversion-review.yml" in problems[0]


def test_a_reviewed_difference_holds_only_in_its_context() -> None:
    entry = Reviewed(theirs="里", ours="裡", context="节目里", reason="方位詞：裡面")
    assert is_reviewed(Difference("里", "裡", "节目里老修"), [entry])
    assert not is_reviewed(Difference("里", "裡", "由科里森兄"), [entry])


def test_differences_name_the_simplified_words_around() -> None:
    (found,) = differences("甲骨文的埃里森同台", "甲骨文的埃裡森同臺", "甲骨文的埃里森同臺")
    assert (found.theirs, found.ours) == ("里", "裡") and "埃里森" in found.around


def test_transliterated_names_keep_their_name_characters() -> None:
    convert = converter("tw")
    assert convert("甲骨文的埃里森、爱尔兰的科里森兄弟、斯里兰卡") == "甲骨文的埃里森、愛爾蘭的科里森兄弟、斯里蘭卡"
    assert convert("节目里，视频里") == "節目裡，視頻裡"  # the place word is converted


def test_every_review_entry_is_still_needed(built_site: Path) -> None:
    """An entry no difference uses any more is stale: remove it (a review list only grows wrong)."""
    from zhconv_rs import zhconv

    from edition.html_text import cut

    review = load_review(ROOT)
    pages = [path.read_text(encoding="utf-8") for path in _base_pages(built_site)]
    for key in CHECKED:
        convert, entries, target = converter(key), review.entries_for(key), EDITIONS.named(key).cross_check
        assert target is not None
        used: set[int] = set()
        for page in pages:
            for piece in cut(page):
                if piece.is_text and any("\u4e00" <= char <= "\u9fff" for char in piece.raw):
                    for found in differences(piece.raw, convert(piece.raw), zhconv(piece.raw, target)):
                        used.update(index for index, entry in enumerate(entries) if is_reviewed(found, [entry]))
                        if len(found.theirs) == len(found.ours):
                            for t, o in zip(found.theirs, found.ours, strict=True):
                                single = Difference(t, o, found.around)
                                used.update(i for i, entry in enumerate(entries) if is_reviewed(single, [entry]))
        for override in load_overrides(ROOT)[0].root:  # the overrides themselves (OVR004) use entries too
            if (form := override.form_in(key)) is not None:
                for found in differences(override.simplified, form, zhconv(override.simplified, target)):
                    used.update(index for index, entry in enumerate(entries) if is_reviewed(found, [entry]))
        stale = [f"{entry.theirs}→{entry.ours} ({entry.context})" for i, entry in enumerate(entries) if i not in used]
        assert stale == [], (key, stale)
