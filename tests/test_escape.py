"""The escaping layer: any text, rendered through the site's Markdown, is exactly its characters."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from edition.render import plain_text, render_markdown
from edition.sources.escape import markdown_text
from tests.conftest import ROOT

# Lines that would each be markup if they were not escaped.
MARKUP = [
    "<script>alert(1)</script>",
    "# 标题",
    "1. 列表",
    "- 列表",
    "> 引文",
    ":   定义",
    "===",
    "~~~",
    "```",
    "!!! note",
    "??? 折叠",
    "{++加++} {~~甲~>乙~~} {>>注<<}",
    "&amp; &lt;",
    "5*3*2 a_b_c",
    "[^1] [链接](javascript:alert(1)) ![图](x.png)",
    "`代码`",
    "{ #p1 .x onclick=alert(1) }",
    "<!-- 注释 -->",
    "| a | b |",
    "*[HTML]: 缩写",
    string.punctuation,
]


def _rendered_text(text: str) -> tuple[str, set[str]]:
    html = render_markdown(ROOT, markdown_text(text))
    tags = {part.split(">")[0].split()[0] for part in html.split("<")[1:] if not part.startswith("/")}
    return plain_text(html), tags


def test_every_kind_of_markup_renders_as_its_characters() -> None:
    for line in MARKUP:
        for text in (line, "中文" + line, line + "结尾"):
            shown, tags = _rendered_text(text)
            assert shown == text and tags <= {"p"}, (text, shown, tags)


@given(st.text(alphabet=string.printable.strip() + "中文，。「」", min_size=1, max_size=40))
def test_any_printable_text_renders_as_itself(text: str) -> None:
    text = text.strip()
    if not text:
        return
    expected = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    shown, tags = _rendered_text(expected)
    assert shown == expected and tags <= {"p"}, (expected, shown, tags)
