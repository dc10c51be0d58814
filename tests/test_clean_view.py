"""The clean view: punctuation and spacing once fillers are hidden (one golden table per rule)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.reading.clean_view import shown_text, tidy
from edition.reading.fillers import clean_verbatim, collapse_restarts, load_filler_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_filler_rules(ROOT)


def clean(spoken: str) -> str:
    return shown_text(tidy(clean_verbatim(spoken, RULES)))


def verbatim(html: str) -> str:
    """The verbatim toggle shows every hidden span, not the （笑） stand-in."""
    return re.sub(r"<[^>]+>", "", re.sub(r'<span class="laugh">[^<]*</span>', "", html))


# Each rule: what was said (with the editor's punctuation) → what the clean view shows.
CASES = {
    "laughter": [
        ("太狠了，哈哈。很上头啊", "太狠了（笑）。很上头啊"),  # after a pause mark: closes the words before
        ("哈哈哈，对对。何止抖音", "（笑）对对。何止抖音"),  # opens a paragraph: no comma after it
        ("真的太牛了！哈哈。我觉得", "真的太牛了！（笑）我觉得"),  # after a sentence's end: opens the next
        ("说：“多给我投钱。”哈哈哈，然后", "说：“多给我投钱。”（笑）然后"),
        ("好，哈哈，对", "好（笑），对"),
        ("我觉得哈哈", "我觉得（笑）"),
    ],
    "clashes": [
        ("你看，呃。就这样", "你看。就这样"),  # the weaker mark goes
        ("是吗？呃，对", "是吗？对"),
        ("就是，呃，而且", "就是，而且"),  # the hesitation took its own comma
    ],
    "leading": [
        ("呃，对，是的", "对，是的"),
        ("嗯，我觉得", "嗯，我觉得"),  # 嗯 is a word here, not a rule's filler
    ],
    "spacing": [
        ("就是呃AI生成的", "就是 AI生成的"),  # across hidden text; the rest is the editor's (READ004)
        ("用GPT呃的", "用GPT 的"),
    ],
    "stutters": [
        ("我我我觉得", "我觉得"),
        ("他他们", "他们"),
        ("还挺挺好玩", "还挺好玩"),
        ("心智有有有个", "心智有个"),
        ("深深的绑定", "深深的绑定"),  # a word of its own (in the dictionary)
        ("直接接的很顺", "直接接的很顺"),  # 直接 接的: the first 接 ends the word before
        ("然后后面卖大牌", "然后后面卖大牌"),
        ("李飞飞", "李飞飞"),  # a name (keep)
        ("我，我觉得", "我，我觉得"),  # never across a comma
    ],
    "restarts": [
        ("你给我邀请码之后，你给我邀请码之后，自动就关注你了", "你给我邀请码之后，自动就关注你了"),
        ("太妙了，太妙了，就给大家", "太妙了，就给大家"),
        ("他是上传，上传完之后", "他是上传，上传完之后"),  # two characters across a comma: a chain, kept
        ("就是就是他", "就是他"),
        ("一个一个来", "一个一个来"),  # a word of its own (keep)
        ("还可以干嘛干嘛干嘛", "还可以干嘛干嘛干嘛"),
        ("借着 ToC ToC 里面的", "借着 ToC 里面的"),  # a Latin word too  # "this and that": an idiom, not a restart
    ],
}


@pytest.mark.parametrize(("rule", "spoken", "shown"), [(r, s, c) for r, cases in CASES.items() for s, c in cases])
def test_each_rule_gives_the_clean_view_and_keeps_every_word(rule: str, spoken: str, shown: str) -> None:
    html = tidy(clean_verbatim(spoken, RULES))
    assert shown_text(html) == shown, rule
    assert verbatim(html).replace(" ", "") == spoken.replace(
        " ", ""
    )  # nothing lost: the verbatim view is what was said


def test_a_correction_next_to_chinese_gets_spaces() -> None:
    corr = '<span class="corr" id="c1"><del class="asr">上冒犯</del><ins title="编者更正">Sam Altman</ins></span>'
    assert shown_text(tidy(f"就说{corr}一定")) == "就说 Sam Altman 一定"


def test_no_laughter_mark_sits_among_stray_punctuation() -> None:
    for spoken in ["了，哈哈。", "了！哈哈。", "哈哈，", "了，哈哈，", "。哈哈。"]:
        assert not re.search(r"[，、；。！？]（笑）[，、；。！？]|^（笑）[，。]|[，、]（笑）", clean(spoken)), spoken


def test_restarts_are_not_found_inside_laughter() -> None:
    assert collapse_restarts('<span class="filler">哈哈哈哈</span>', RULES) == '<span class="filler">哈哈哈哈</span>'


def test_the_rules_as_a_table_match_their_golden_file(golden: Callable[[str, str], None]) -> None:
    rows = [f"{rule}\t{spoken}\t{clean(spoken)}" for rule, cases in CASES.items() for spoken, _ in cases]
    golden("clean_view/rules.tsv", "\n".join(rows) + "\n")
