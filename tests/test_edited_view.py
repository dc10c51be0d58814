"""The edited view (精编): the editor's cuts are recorded in the source as {//…//}, left out of 精编
only, kept by the fidelity proof, and the page says which view it opens in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.checks import check_all
from edition.errors import EditionError
from edition.reading.critic import accept, check_balanced, edited, revert
from tests.project_copy import copy_project


def test_a_cut_is_the_speakers_words_everywhere_but_in_the_edited_view() -> None:
    text = "这个{//就是//}我们{~~乱谈~>乱弹~~}节目{//对吧//}。"
    assert revert(text) == "这个就是我们乱谈节目对吧。"  # the source's words: the fidelity proof
    assert accept(text) == "这个就是我们乱弹节目对吧。"  # the clean verbatim and verbatim views
    assert edited(text) == "这个我们乱弹节目。"  # 精编


def test_an_unclosed_cut_is_crit001() -> None:
    with pytest.raises(EditionError, match=r"CRIT001 unclosed CriticMarkup '\{//'"):
        check_balanced("这个{//就是我们", "docs/p.md")


def _page_with_cuts(tmp_path: Path) -> Path:
    root = copy_project(tmp_path)
    page = root / "docs/podcast.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace(
        "**老修**：这一次 Sora 2 的物理引擎非常强。", "**老修**：这一次 Sora 2 的物理引擎{//非常//}强。", 1
    )
    page.write_text(text, encoding="utf-8")
    return root


def test_a_text_with_cuts_opens_in_the_edited_view_and_says_so(tmp_path: Path) -> None:
    from edition.reading.transcript_page import split_front_matter
    from edition.sources.pages import render_page
    from edition.sources.texts import load_registry, read_source

    root = _page_with_cuts(tmp_path)
    assert check_all(root) == []  # the cut words are still the source's: fidelity holds
    entry = load_registry(root).texts["podcast"]
    markdown, offset = split_front_matter((root / "docs/podcast.md").read_text(encoding="utf-8"))
    page = render_page(root, entry, read_source(root, "podcast", entry), markdown, "docs/podcast.md", offset, "podcast")
    assert '物理引擎<span class="edit-cut">非常</span>强' in page
    assert re.search(r'<p class="reading-view">本文默认显示<strong>精编本</strong>：.*约占原话的 \d+%', page)
    assert '<input type="checkbox" id="toggle-edited" class="toggle-edited" checked> 精编' in page


def test_a_text_without_cuts_has_no_edited_view(tmp_path: Path) -> None:
    from edition.reading.transcript_page import split_front_matter
    from edition.sources.pages import render_page
    from edition.sources.texts import load_registry, read_source

    root = copy_project(tmp_path)
    text_id = "sora-spring-festival"  # an edited transcript with no cuts yet
    entry = load_registry(root).texts[text_id]
    path = f"docs/{entry.page}"
    markdown, offset = split_front_matter((root / path).read_text(encoding="utf-8"))
    page = render_page(root, entry, read_source(root, text_id, entry), markdown, path, offset, text_id)
    assert "toggle-edited" not in page and "reading-view" not in page


def test_a_turn_cut_whole_is_left_out_of_the_edited_view_with_its_label(tmp_path: Path) -> None:
    from edition.reading.transcript_page import split_front_matter
    from edition.sources.pages import render_page
    from edition.sources.texts import load_registry, read_source

    root = copy_project(tmp_path)
    page = root / "docs/podcast.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("**主持**：对，是的。", "**主持**：{//对，是的。//}", 1)
    page.write_text(text, encoding="utf-8")
    assert check_all(root) == []
    entry = load_registry(root).texts["podcast"]
    markdown, offset = split_front_matter(text)
    rendered = render_page(
        root, entry, read_source(root, "podcast", entry), markdown, "docs/podcast.md", offset, "podcast"
    )
    assert re.search(
        r'<span class="edit-cut">对，是的。</span>\n\{ #p\d+ \.turn \.voice-\d \.turn--edited-out ', rendered
    )
