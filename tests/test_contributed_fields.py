"""Strings a contributor writes into a cast file or a reading text's heading are text on the page,
and a cast file that tries to carry markup is refused with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.checks import check_all
from tests.project_copy import copy_project


def _with_cast(tmp_path: Path, field: str, value: str) -> list[str]:
    root = copy_project(tmp_path)
    cast = root / "data/speakers/podcast.yml"
    text = cast.read_text(encoding="utf-8")
    cast.write_text(
        re.sub(rf"(?m)^  {field}: ◆$" if field == "mark" else rf"(?m)^  {field}: 主持$", f"  {field}: {value}", text),
        encoding="utf-8",
    )
    return [str(problem) for problem in check_all(root)]


@pytest.mark.parametrize(
    ("field", "value"),
    [("mark", "'<svg onload=alert(1)>'"), ("name", "'<b>主持</b>'"), ("name", "'主持*'"), ("mark", "'◆◆◆'")],
)
def test_a_cast_field_with_markup_is_refused_at_its_line(tmp_path: Path, field: str, value: str) -> None:
    problems = _with_cast(tmp_path, field, value)
    assert problems and problems[0].startswith("data/speakers/podcast.yml:"), problems
    assert " DATA" in problems[0] and field in problems[0], problems


def test_a_heading_in_a_reading_text_is_text(tmp_path: Path) -> None:
    from edition.reading.transcript_page import split_front_matter
    from edition.render import render_markdown
    from edition.sources.pages import render_page
    from edition.sources.texts import load_registry, read_source

    root = copy_project(tmp_path)
    page = root / "docs/podcast.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "## 开场：Altman 不过国庆，Sora 版抖音", "## 开场 <script>alert(1)</script> *强调*"
        ),
        encoding="utf-8",
    )
    entry = load_registry(root).texts["podcast"]
    markdown, offset = split_front_matter(page.read_text(encoding="utf-8"))
    html = render_markdown(root, render_page(root, entry, read_source(root, "podcast", entry), markdown, "p", offset))
    assert "<script>" not in html and "<em>强调</em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *强调*" in html.replace("&lt;script>", "&lt;script&gt;")
