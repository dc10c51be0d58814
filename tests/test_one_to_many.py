"""One-to-many characters (并 → 並 併, 干 → 幹 乾 干, 发 → 發 髮, 里 → 裡 里 …) read in their words on
every page of the Traditional editions, and the traps OpenCC and the cross-check's converter both fell in."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.editions.convert import Converter, load_overrides
from edition.editions.declared import Edition, load_editions
from edition.editions.one_to_many import Reading, Scan, load_one_to_many, one_to_many, scan
from edition.editions.publish import convert_html
from edition.editions.regional import load_regional
from edition.notes.glossary import load_glossary
from edition.sources.texts import load_registry

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = load_editions(ROOT)
# The editions OpenCC converts: Taiwan's and Hong Kong's.
CONVERTED = [edition for edition in EDITIONS.others if edition.opencc]
OVERRIDES = load_overrides(ROOT)[0].root
DATA = load_one_to_many(ROOT)


def converter(edition: Edition, overrides: bool = True) -> Converter:
    return Converter(edition, OVERRIDES if overrides else [], load_regional(ROOT, load_glossary(ROOT)[0].root))


def _pages(site: Path, edition: Edition) -> list[tuple[str, str, str]]:
    """Each page of the base edition (the site but the other editions' folders) beside the edition's."""
    folders = {other.prefix.rstrip("/") for other in EDITIONS.others}
    return [
        (name, path.read_text(encoding="utf-8"), (site / edition.prefix / name).read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
        if path.relative_to(site).parts[0] not in folders
        for name in [path.relative_to(site).as_posix()]
    ]


@pytest.fixture(scope="module")
def scans(built_site: Path) -> dict[str, Scan]:
    return {edition.id: scan(_pages(built_site, edition), converter(edition), DATA, OVERRIDES) for edition in CONVERTED}


def test_the_scan_reads_both_traditional_editions() -> None:
    assert [edition.id for edition in CONVERTED] == ["tw", "hk"]


@pytest.mark.parametrize("key", ["tw", "hk"])
def test_every_one_to_many_character_fits_its_words(built_site: Path, scans: dict[str, Scan], key: str) -> None:
    """Every occurrence on every page, text and tooltips: about 13,000 per edition (并 over a
    hundred times, 后 over 700); none whose form the words around it do not call for, unless reviewed."""
    result = scans[key]
    names = {name for name, _, _ in _pages(built_site, EDITIONS.named(key))}
    assert {entry.url + "index.html" for entry in load_registry(ROOT).texts.values()} <= names
    assert result.unmatched == []
    assert sum(result.examined.values()) > 10_000 and result.examined["并"] > 100 and result.examined["后"] > 500
    problems = [str(place) for place in result.suspicious]
    assert problems == [], "\n".join(problems)


def test_every_reviewed_place_is_still_there(scans: dict[str, Scan]) -> None:
    """A ``reviewed:`` entry no place uses any more is stale: remove it (a review list only grows wrong)."""
    used = set().union(*(set(result.accepted) for result in scans.values()))
    stale = [
        f"{entry.character}→{entry.form} ({entry.context})" for i, entry in enumerate(DATA.reviewed) if i not in used
    ]
    assert stale == []


@pytest.mark.parametrize("key", ["tw", "hk"])
@pytest.mark.parametrize(
    ("simplified", "expected"),
    [
        # The glossary's 小黄车: view and buy (並), not view the merger of buy (併購); zhconv errs too.
        ("点开即可查看并购买主播推荐的商品", "點開即可查看並購買主播推薦的商品"),
        # The same week (週, as both editions write 一週、下週、每週), not 周 (around).
        ("同一周的播客《后互联网时代的乱弹》", "同一週的播客《後互聯網時代的亂彈》"),
    ],
)
def test_a_known_trap_reads_as_its_words_mean(key: str, simplified: str, expected: str) -> None:
    convert = converter(EDITIONS.named(key))
    assert convert(simplified) == expected
    assert convert.prose(simplified) == expected  # the glossary's and the notes' own prose too


@pytest.mark.parametrize("key", ["tw", "hk"])
def test_a_stutter_in_a_filler_span_is_the_word_stuttered_not_a_bell(key: str) -> None:
    """当时当当当时: the filler span holds 当当 by itself, and each text node is converted alone;
    OpenCC reads a lone 当当 as the bell's 噹噹 (ding-dong), in the verbatim view mid-sentence."""
    page = '<p class="turn">对，当时当<span class="filler">当当</span>时看完了</p>'
    assert convert_html(page, converter(EDITIONS.named(key)), {}) == (
        '<p class="turn">對，當時當<span class="filler">當當</span>時看完了</p>'
    )


def test_without_the_override_the_scan_finds_the_merger_with_page_line_and_the_fix() -> None:
    taiwan = EDITIONS.named("tw")
    base = "<p>\n</p><p>点开即可查看并购买商品</p>"
    edition = convert_html(base, converter(taiwan, overrides=False), {})
    assert "查看併購買" in edition  # what OpenCC does alone
    (place,) = scan([("x.html", base, edition)], converter(taiwan, overrides=False), DATA, []).suspicious
    assert (place.character, place.form, place.reading) == ("并", "併", Reading("並", "并", "alone"))
    assert str(place).startswith("x.html:2: «点开即可查看并购买商品» writes '併' for '并', where jieba's word '并'")
    assert "data/conversion-overrides.yml" in str(place) and "data/one-to-many.yml" in str(place)


def test_a_listed_word_counts_only_where_it_cuts_no_word_in_two() -> None:
    """并购 calls for 併 in 公司并购, not in 查看并购买 (查看 / 并 / 购买)."""
    taiwan = EDITIONS.named("tw")
    base = "<p>公司并购以后，可以查看并购买</p>"
    found = scan([("x.html", base, "<p>公司併購以後，可以查看併購買</p>")], converter(taiwan), DATA, [])
    assert [place.around for place in found.suspicious] == ["后，可以查看并购买"]
    assert found.examined == {"并": 2, "后": 1}


@pytest.mark.parametrize(
    ("edition", "unusual"),
    [
        ("<p>兩隻老虎只是頭髮長</p>", []),
        # A classifier written as only, only as a classifier, hair as to send: each word calls for its form.
        ("<p>兩只老虎隻是頭發長</p>", ["只→只 (两只)", "只→隻 (只是)", "发→發 (头发)"]),
    ],
)
def test_a_watched_characters_form_must_be_the_one_its_word_calls_for(edition: str, unusual: list[str]) -> None:
    base = "<p>两只老虎只是头发长</p>"
    found = scan([("x.html", base, edition)], converter(EDITIONS.named("tw")), DATA, []).suspicious
    assert [f"{place.character}→{place.form} ({place.reading.word})" for place in found] == unusual


def test_the_reviewed_words_are_well_formed() -> None:
    """Each listed word and reviewed context holds its character, each form is one of OpenCC's for
    it, and no word calls for two forms of one character."""
    characters = one_to_many()
    for character, forms in DATA.characters.items():
        assert character in characters, character
        seen: set[str] = set()
        for entry in forms:
            assert entry.form in characters[character], (character, entry.form)
            assert all(character in word for word in entry.words), (character, entry.words)
            assert seen.isdisjoint(entry.words), (character, seen & set(entry.words))
            seen |= set(entry.words)
    for reviewed in DATA.reviewed:
        assert reviewed.character in reviewed.context, reviewed
        assert reviewed.form in {reviewed.character, *characters.get(reviewed.character, ())}, reviewed


def test_each_edition_writes_a_form_its_own_way() -> None:
    """A form is written in OpenCC's standard characters; each edition reads it as its own variant."""
    taiwan, hong_kong = converter(EDITIONS.named("tw")), converter(EDITIONS.named("hk"))
    base = "<p>柜台的平台里，一碗面条</p>"
    for convert, page in ((taiwan, "<p>櫃檯的平臺裡，一碗麵條</p>"), (hong_kong, "<p>櫃枱的平台裏，一碗麵條</p>")):
        assert convert_html(base, convert, {}) == page
        read = scan([("x.html", base, page)], convert, DATA, [])
        assert read.suspicious == [] and read.examined["面"] == 1  # 麵 read as the edition's 麪
    wrong = scan([("x.html", base, "<p>櫃臺的平臺裡，一碗麵條</p>")], taiwan, DATA, []).suspicious
    assert [(place.form, place.reading) for place in wrong] == [("臺", Reading("檯", "柜台", "listed"))]
