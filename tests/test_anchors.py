"""Paragraph anchors never move: a split, a join or a new paragraph leaves every other anchor
where it was, and a joined paragraph's old anchor still lands on its words."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from edition.checks import check_all
from edition.errors import EditionError
from edition.reading.anchors import Pin, assign, pin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from pin_anchors import pin_anchors  # noqa: E402


def test_pins_follow_the_words_not_the_order() -> None:
    pins = [Pin(anchor="p1", at=0), Pin(anchor="p2", at=10), Pin(anchor="p3", at=20)]
    # An editor splits p2 at word 15: p3 keeps its anchor, the new paragraph has none yet.
    assert assign([0, 10, 15, 20], pins).anchors == ["p1", "p2", None, "p3"]
    assert [p.anchor for p in pin([0, 10, 15, 20], pins)] == ["p1", "p2", "p3", "p2a"]
    # An editor joins p2 and p3: p3's old anchor stays on the words, as an alias of p2.
    joined = assign([0, 10], pins)
    assert joined.anchors == ["p1", "p2"] and joined.aliases == [[], ["p3"]]


def test_renumbering_keeps_every_old_anchor_as_an_alias() -> None:
    pins = [Pin(anchor="p1", at=0), Pin(anchor="p2", at=10), Pin(anchor="p2a", at=15)]
    renumbered = pin([0, 10, 15], pins, renumber=True)
    assigned = assign([0, 10, 15], renumbered)
    assert assigned.anchors == ["p1", "p2", "p3"]
    assert assigned.aliases == [[], [], ["p2a"]]


def test_renumbering_never_gives_an_old_anchor_to_other_words() -> None:
    pins = [Pin(anchor="p1", at=0), Pin(anchor="p2", at=10), Pin(anchor="p2a", at=15), Pin(anchor="p3", at=20)]
    with pytest.raises(
        EditionError,
        match=r"^data/anchors/x\.yml:1: ANCH005 renumbering would give p3 \(now at source character 20\) to "
        r"other words \(at 15\)",
    ):
        pin([0, 10, 15, 20], pins, renumber=True, shown_as="data/anchors/x.yml")


def test_any_number_of_paragraphs_split_from_one_get_anchors() -> None:
    pins = [Pin(anchor="p1", at=0), Pin(anchor="p2", at=1000)]
    starts = [0, *range(10, 10 + 10 * 30, 10), 1000]  # p1 split into 31 paragraphs
    names = [p.anchor for p in pin(starts, pins)]
    assert names[2:5] == ["p1a", "p1b", "p1c"] and names[-1] == "p1ad" and len(set(names)) == len(names)


def test_a_pin_given_twice_or_swapped_pins_stop_the_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    anchors = root / "data/anchors/podcast.yml"
    text = anchors.read_text(encoding="utf-8")
    anchors.write_text(text.replace("{anchor: p5,", "{anchor: p4,", 1), encoding="utf-8")
    problems = [str(problem) for problem in check_all(root)]
    assert len(problems) == 1 and re.match(r"^data/anchors/podcast\.yml:\d+: ANCH003 p4 is pinned twice", problems[0])
    at4 = re.search(r"\{anchor: p4, at: (\d+)\}", text)
    at5 = re.search(r"\{anchor: p5, at: (\d+)\}", text)
    assert at4 and at5
    swapped = text.replace(at4.group(), "{anchor: p4, at: X}").replace(at5.group(), f"{{anchor: p5, at: {at4[1]}}}")
    anchors.write_text(swapped.replace("{anchor: p4, at: X}", f"{{anchor: p4, at: {at5[1]}}}"), encoding="utf-8")
    problems = [str(problem) for problem in check_all(root)]
    assert len(problems) == 1 and re.match(
        r"^docs/podcast\.md:\d+: ANCH004 this paragraph is pinned as p4, after p5", problems[0]
    )


def copy_project(tmp_path: Path) -> Path:
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def rendered(root: Path) -> str:
    from edition.reading.transcript_page import split_front_matter
    from edition.sources.pages import render_page
    from edition.sources.texts import load_registry, read_source

    entry = load_registry(root).texts["podcast"]
    markdown, offset = split_front_matter((root / "docs/podcast.md").read_text(encoding="utf-8"))
    raw = read_source(root, "podcast", entry)
    return render_page(root, entry, raw, markdown, "docs/podcast.md", offset, "podcast")


def rendered_ids(root: Path) -> list[str]:
    return re.findall(r"\{ #(p\d+[a-z]*) \.turn", rendered(root))


def test_splitting_a_paragraph_moves_no_other_anchor(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    before = rendered_ids(root)
    page = root / "docs/podcast.md"
    text = page.read_text(encoding="utf-8")
    # Split ¶43 after its first sentence: a new paragraph by the same speaker.
    text = text.replace(
        "一定是个有野心的人，而且是完全都不掩藏的，对吧？",
        "一定是个有野心的人，而且是完全都不掩藏的，对吧？\n\n**闲哥**：",
        1,
    )
    page.write_text(text, encoding="utf-8")
    with pytest.raises(EditionError, match=r"ANCH001 a new paragraph has no anchor yet"):
        rendered_ids(root)
    assert [p.code for p in check_all(root)] == ["ANCH001"]
    pin_anchors(root, "podcast")
    after = rendered_ids(root)
    assert [anchor for anchor in after if anchor != "p43a"] == before
    assert after[after.index("p43") + 1] == "p43a"


def test_joining_two_paragraphs_keeps_the_old_anchor_on_its_words(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    page = root / "docs/podcast.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("\n\n**闲哥**：而且他现在")  # ¶44 joins ¶43
    page.write_text(text[:start] + text[start:].replace("\n\n**闲哥**：", "", 1), encoding="utf-8")
    assert check_all(root) == []
    page_markdown = rendered(root)
    ids = re.findall(r"\{ #(p\d+[a-z]*) \.turn", page_markdown)
    assert "p44" not in ids and "p45" in ids  # no paragraph starts there; the next keeps its anchor
    # A reader's link to #p44 still lands on ¶43, which now holds those words.
    turn = page_markdown[page_markdown.index('<span class="anchor-alias" id="p44">') :]
    assert turn.split("\n{ #", 1)[1].startswith("p43 ") and "而且他现在" in turn.split("\n{ #", 1)[0]
