"""A transcript's reading text: speakers, markup, punctuation and fidelity, with their error codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.checks import check_all
from edition.errors import EditionError
from edition.reading.reading import (
    MAX_UNPUNCTUATED_RUN,
    Block,
    ColdOpen,
    Paragraph,
    check_punctuated,
    check_reading_faithful,
    check_spacing,
    link_clips,
    parse_reading,
)
from edition.reading.speakers import load_speakers
from edition.sources.fidelity import words_only

ROOT = Path(__file__).resolve().parent.parent
# The seed transcript (text id ``podcast``): its real reading text, raw source and cast; the
# snippets below are written with its speakers' names.
PAGE = ROOT / "docs/podcast.md"
RAW = (ROOT / "docs/sources/podcast-justsayai-sora2-asr-raw.txt").read_text(encoding="utf-8")
SPEAKERS = load_speakers(ROOT, "data/speakers/podcast.yml")


def parse(body: str) -> list[Block]:
    page = f"intro\n<!-- reading-text -->\n{body}\n<!-- /reading-text -->\n"
    return list(parse_reading(page, SPEAKERS, "docs/p.md").blocks)


def test_the_edition_passes_every_check() -> None:
    assert check_all(ROOT) == []


def test_every_paragraph_of_the_reading_text_has_a_known_speaker() -> None:
    blocks = parse_reading(PAGE.read_text(encoding="utf-8"), SPEAKERS, "docs/podcast.md").blocks
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    assert len(paragraphs) > 100
    assert {p.speaker_id for p in paragraphs} == {"xiange", "laoxiu", "host"}


def test_a_paragraph_without_a_speaker_is_spk002_at_its_line() -> None:
    with pytest.raises(EditionError, match=r"^docs/p\.md:5: SPK002 "):
        parse("**闲哥**：对。\n\n没有说话人的段落。")


def test_an_unknown_speaker_is_spk001_and_lists_the_known_ones() -> None:
    with pytest.raises(
        EditionError, match=r"^docs/p\.md:3: SPK001 unknown speaker '小明': use one of 闲哥、老修、主持$"
    ):
        parse("**小明**：你好。")


def test_an_uncertain_attribution_is_kept_as_uncertain() -> None:
    (block,) = parse("**老修？**：{>>说话人存疑：两人皆可<<}也是可以的。")
    assert isinstance(block, Paragraph) and block.uncertain and block.speaker_id == "laoxiu"


def test_unclosed_correction_markup_is_crit001() -> None:
    with pytest.raises(EditionError, match=r"^docs/p\.md:3: CRIT001 unclosed CriticMarkup '\{~~'"):
        parse("**老修**：用 {~~Gook~>Grok 做的。")


def test_an_unclosed_sponsor_block_is_read002() -> None:
    with pytest.raises(EditionError, match=r"^docs/p\.md:3: READ002 "):
        parse("<!-- sponsor -->\n\n**主持**：加入会员。")


def test_a_page_without_reading_markers_is_read001() -> None:
    with pytest.raises(EditionError, match=r"^docs/p\.md:1: READ001 "):
        parse_reading("no markers", SPEAKERS, "docs/p.md")


def test_a_long_unpunctuated_run_is_read003() -> None:
    blocks = parse("**闲哥**：" + "字" * (MAX_UNPUNCTUATED_RUN + 1) + "。")
    with pytest.raises(EditionError, match=r"^docs/p\.md:3: READ003 81 Chinese characters"):
        check_punctuated(blocks, "docs/p.md")


def test_no_run_of_more_than_80_chinese_characters_without_punctuation_in_the_edition() -> None:
    blocks = parse_reading(PAGE.read_text(encoding="utf-8"), SPEAKERS, "docs/podcast.md").blocks
    check_punctuated(blocks, "docs/podcast.md")


def _altered_copy(tmp_path: Path, old: str, new: str) -> Path:
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    page = tmp_path / "docs/podcast.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def _line_of(root: Path, needle: str) -> int:
    lines = (root / "docs/podcast.md").read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_fidelity_fails_on_a_changed_word_naming_line_and_context(tmp_path: Path) -> None:
    root = _altered_copy(tmp_path, "物理引擎非常强", "物理引擎非常弱")
    (problem,) = check_all(root)
    assert (problem.path, problem.code) == ("docs/podcast.md", "FID001")
    assert problem.line == _line_of(root, "物理引擎非常弱")
    assert "物理引擎非常|强" in problem.message and "物理引擎非常|弱" in problem.message


def test_fidelity_fails_on_a_correction_without_its_original(tmp_path: Path) -> None:
    root = _altered_copy(tmp_path, "{~~strike~>Stripe~~}", "Stripe")
    (problem,) = check_all(root)
    assert problem.code == "FID001" and "|strike" in problem.message


def test_fidelity_fails_on_a_dropped_paragraph(tmp_path: Path) -> None:
    root = _altered_copy(tmp_path, "**老修**：这一次 Sora 2 的物理引擎非常强。", "")
    assert [problem.code for problem in check_all(root)] == ["FID001"]


def test_fidelity_fails_on_an_invented_word(tmp_path: Path) -> None:
    root = _altered_copy(tmp_path, "物理引擎非常强", "物理引擎真的非常强")
    assert [problem.code for problem in check_all(root)] == ["FID001"]


def test_fidelity_reports_a_missing_ending() -> None:
    blocks = parse("**主持**：抖音危险了。")
    with pytest.raises(EditionError, match="FID001 reading text ends at source character 5"):
        check_reading_faithful(words_only(RAW), blocks, "docs/p.md")


def test_an_uncertain_attribution_without_a_reason_is_spk003() -> None:
    with pytest.raises(EditionError, match=r"^docs/p\.md:3: SPK003 uncertain speaker 老修？ without a reason"):
        parse("**老修？**：也是可以的。")


def test_the_reason_for_an_attribution_is_kept_apart_from_the_words() -> None:
    (uncertain, settled) = parse("**老修？**：{>>说话人存疑：两人皆可<<}也是可以的。\n\n**主持**：{>>归属：点名<<}好。")
    assert isinstance(uncertain, Paragraph) and uncertain.speaker_note == "说话人存疑：两人皆可"
    assert uncertain.text == "也是可以的。"
    assert isinstance(settled, Paragraph) and settled.speaker_note == "归属：点名" and not settled.uncertain


def test_a_label_with_no_words_is_spk004_not_an_empty_paragraph() -> None:
    with pytest.raises(EditionError, match=r"^docs/p\.md:5: SPK004 "):
        parse("**闲哥**：对。\n\n**老修**：")


def test_chinese_run_into_latin_is_read004_with_the_fix() -> None:
    blocks = parse("**闲哥**：就说Sam一定。")
    with pytest.raises(EditionError, match=r"^docs/p\.md:3: READ004 .*write «说 S»"):
        check_spacing(blocks, "docs/p.md")


def test_a_correction_may_meet_chinese_the_renderer_spaces_it() -> None:
    check_spacing(parse("**闲哥**：就说{~~上冒犯~>Sam Altman~~}一定。"), "docs/p.md")


COLD_OPEN = """<!-- cold-open -->

**闲哥**：抖音危险了！哈哈。

<!-- /cold-open -->

## 开场

**主持**：闲哥你觉得怎么样？

**闲哥**：抖音危险了！"""


def test_a_clip_of_the_cold_open_links_to_where_its_words_recur() -> None:
    blocks = parse(COLD_OPEN)
    assert isinstance(blocks[0], ColdOpen) and blocks[0].start
    assert link_clips(blocks, "docs/p.md") == {1: 5}


def test_a_clip_whose_words_recur_with_another_speaker_is_read006() -> None:
    blocks = parse(COLD_OPEN.replace("**闲哥**：抖音危险了！哈哈", "**老修**：抖音危险了！哈哈"))
    with pytest.raises(EditionError, match=r"^docs/p\.md:5: READ006 "):
        link_clips(blocks, "docs/p.md")


def test_a_clip_that_recurs_nowhere_is_read005() -> None:
    blocks = parse(COLD_OPEN.rsplit("\n\n", 1)[0] + "\n\n**闲哥**：快手也危险了？")
    with pytest.raises(EditionError, match=r"^docs/p\.md:5: READ005 "):
        link_clips(blocks, "docs/p.md")


def test_an_unclosed_cold_open_is_read002() -> None:
    with pytest.raises(EditionError, match=r"READ002 cold-open block is not closed"):
        parse("<!-- cold-open -->\n\n**闲哥**：对。")


def test_a_mark_opened_inside_another_is_crit001() -> None:
    with pytest.raises(EditionError, match=r"^docs/p\.md:3: CRIT001 CriticMarkup '\{~~' inside another mark"):
        parse("**闲哥**：把流量再{~~{~~做下~>做起来~~}。")


def test_spk002_names_the_texts_own_first_speaker_as_the_example() -> None:
    from edition.reading.speakers import Speakers

    cast = Speakers.model_validate({"jia": {"name": "说话人甲", "role": "嘉宾", "mark": "◆", "asr_forms": []}})
    page = "intro\n<!-- reading-text -->\n没有说话人的段落。\n<!-- /reading-text -->\n"
    with pytest.raises(EditionError) as error:
        parse_reading(page, cast, "docs/p.md")
    assert str(error.value) == (
        "docs/p.md:3: SPK002 paragraph without a speaker: begin it with **说话人甲**： (or **说话人甲？**：), "
        "or another name of its cast"
    )
    with pytest.raises(ValueError, match=r"the cast lists no speaker"):  # refused where the cast is read
        Speakers.model_validate({})


SPONSORS = """<!-- sponsor: 会员与<早晚报> -->

**主持**：加入会员。

<!-- /sponsor -->

<!-- sponsor -->

**主持**：订阅。

<!-- /sponsor -->"""


def test_a_sponsor_blocks_marker_may_say_what_it_advertises() -> None:
    from edition.reading.reading import Sponsor

    named, _, _, plain, _, _ = parse(SPONSORS)
    assert named == Sponsor(3, start=True, label="会员与<早晚报>")
    assert plain == Sponsor(9, start=True, label="")


def test_a_sponsor_blocks_summary_names_what_its_marker_says() -> None:
    import re

    from edition.reading.fillers import load_filler_rules
    from edition.reading.reading import ReadingText
    from edition.reading.transcript import render_reading

    reading = ReadingText("", "", parse(SPONSORS), 3)
    markdown = render_reading(reading, SPEAKERS, load_filler_rules(ROOT)).markdown
    summaries = re.findall(r"<summary>(.*?)<span", markdown)
    assert summaries == ["节目广告（会员与&lt;早晚报&gt;）", "节目广告"]
