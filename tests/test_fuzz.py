"""A property-based fuzzer over what contributors write: the reading text's markup and the glossary.

For every generated input, either the checks stop it with coded problems (``path:line: CODE
message``, a stable code), or the page it yields holds the edition's invariants: every word of the
source is there (the fidelity check passed), every in-page link resolves, no Simplified-only
character is left in the Taiwan edition, and nothing is fetched from another host. Fixed seed and a
bounded number of examples: the same inputs every run, within a time budget.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from edition.checks import check_all
from edition.editions.convert import Converter, simplified_only
from edition.editions.declared import load_editions
from edition.editions.publish import convert_html
from edition.errors import Problem
from edition.reading.transcript_page import split_front_matter
from edition.render import render_markdown
from edition.sources.pages import render_page
from edition.sources.texts import load_registry, read_source

ROOT = Path(__file__).resolve().parent.parent
BUDGET = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
PROBLEM = re.compile(r"^[\w./<>-]+:\d+: [A-Z]+\d{3} \S")
# Pieces a contributor's slip is made of: markup openers and closers, labels, blank lines, marks.
SLIPS = st.sampled_from(
    [
        "{~~",
        "~>",
        "~~}",
        "{++",
        "++}",
        "{--",
        "--}",
        "{>>",
        "<<}",
        "{==",
        "==}",
        "**",
        "？",
        "：",
        "\n\n",
        "\n",
        "<!-- sponsor -->",
        "<!-- cold-open -->",
        "## ",
        "**闲哥**：",
        "**无名**：",
        "对",
        "A",
        " ",
        "<script>alert(1)</script>",
        "<!-- 注 -->",
        "&lt;",
        "<svg onload=alert(1)>",
        "\u2f08",
    ]
)


def _project(tmp: Path) -> Path:
    shutil.rmtree(tmp, ignore_errors=True)
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


def _page_html(root: Path, text_id: str) -> str:
    entry = load_registry(root).texts[text_id]
    path = f"docs/{entry.page}"
    markdown, offset = split_front_matter((root / path).read_text(encoding="utf-8"), path)
    rendered = render_page(root, entry, read_source(root, text_id, entry), markdown, path, offset, text_id)
    return render_markdown(root, rendered)


# Markup no contributor's text and no source may bring into a page.
INJECTED = re.compile(
    r"<(?:script|svg|iframe|object|embed|video|audio|img|style|form)\b|<[a-zA-Z][^<>]*\son[a-z]+\s*=|href=\"\s*(?:javascript|data|vbscript):",
    re.I,
)


def _holds_invariants(html: str) -> None:
    assert not INJECTED.search(html), f"markup nobody wrote: {INJECTED.search(html)}"
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    assert all(target in ids for target in re.findall(r'href="#([^"]+)"', html)), "an in-page link resolves nowhere"
    assert not re.search(r'\ssrc="(?:https?:)?//', html), "a resource from another host"
    converter = Converter(load_editions(ROOT).named("tw"), [])
    text = re.sub(r"<[^>]+>", "", convert_html(html, converter, {}))
    left = {char for char in set(text) & simplified_only() if converter.plain(char) != char}  # 床 is Taiwan's too
    assert not left, f"Simplified-only characters in the Taiwan edition: {left}"


def _judge(root: Path, text_id: str) -> None:
    problems: list[Problem] = check_all(root)
    if problems:
        assert all(PROBLEM.match(str(problem)) for problem in problems), problems[:3]
        return
    _holds_invariants(_page_html(root, text_id))


@seed(20261122)
@BUDGET
@given(st.lists(st.tuples(st.integers(min_value=0), SLIPS), min_size=1, max_size=4))
def test_slips_in_the_reading_text_are_stopped_or_harmless(
    tmp_path_factory: object, slips: list[tuple[int, str]]
) -> None:
    root = _project(Path(tempfile.mkdtemp(prefix="fuzz-reading-")))
    try:
        page = root / "docs/podcast.md"
        text = page.read_text(encoding="utf-8")
        start, end = text.index("<!-- reading-text -->") + 22, text.index("<!-- /reading-text -->")
        for position, slip in slips:
            at = start + position % (end - start)
            text, end = text[:at] + slip + text[at:], end + len(slip)
        page.write_text(text, encoding="utf-8")
        _judge(root, "podcast")
    finally:
        shutil.rmtree(root, ignore_errors=True)


WORDS = st.text(alphabet="物理引擎抖音的视频发布里面干后台 ACPGEO<>[]()!\\\"'#:-*_\n", min_size=0, max_size=40)


@seed(20261122)
@BUDGET
@given(
    headword=WORDS,
    definition=WORDS,
    url=st.sampled_from(["https://example.org/", "http://example.org/", "example.org", "https://eyerys.com/x", ""]),
    kind=st.sampled_from(["primary", "news", "reference", "other", "blog", ""]),
)
def test_generated_glossary_entries_are_stopped_or_harmless(
    headword: str, definition: str, url: str, kind: str
) -> None:
    root = _project(Path(tempfile.mkdtemp(prefix="fuzz-glossary-")))
    try:
        entry = (
            f"\n- id: fuzz\n  headword: {headword!r}\n  definition: {definition!r}\n"
            f"  sources:\n    - title: t\n      url: {url!r}\n      kind: {kind!r}\n  checked: 2026-11-22\n"
        )
        with (root / "data/glossary.yml").open("a", encoding="utf-8") as glossary:
            glossary.write(entry)
        _judge(root, "article")
    finally:
        shutil.rmtree(root, ignore_errors=True)


# A source a third party wrote: every character a Markdown, HTML or CriticMarkup reader might take
# for markup, among Chinese words. Almost every such source is valid, so almost every example
# reaches the page invariants (a check that stops one must stop it with a code).
SOURCE_TEXT = st.text(alphabet="抖音视频发布的 ACP<>&*_#`[](){}~=:!-|+.\\'\"", min_size=1, max_size=60).filter(
    lambda text: any("\u4e00" <= char <= "\u9fff" for char in text)
)
KIND_FILES = {
    "srt": lambda text: f"1\n00:00:01,000 --> 00:00:03,000\n{text}\n",
    "webvtt": lambda text: (
        f"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n{text.replace('<', '&lt;').replace('&', '&amp;')}\n"
    ),
    "markdown": lambda text: f"# 标题\n\n{text}\n",
    "plain": lambda text: f"标题\n\n{text}\n",
    "html": lambda text: (
        f"<!doctype html><html><head><title>标题</title></head><body><article><h1>标题</h1>"
        f"<p>{html.escape(text)}。这一段是文章的正文，讲视频与发布。</p><p>第二段也是正文，讲抖音的视频发布。</p></article></body></html>"
    ),
}
REACHED: list[bool] = []


@seed(20261204)
@BUDGET
@given(kind=st.sampled_from(sorted(KIND_FILES)), text=SOURCE_TEXT)
def test_any_source_text_of_any_kind_reaches_the_page_as_text(kind: str, text: str) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from add_text import plan

    from edition.errors import EditionError
    from edition.sources.pages import render_text

    with tempfile.TemporaryDirectory(prefix="fuzz-source-") as folder:
        raw = Path(folder) / (
            "source.srt"
            if kind == "srt"
            else f"source.{'html' if kind == 'html' else 'md' if kind == 'markdown' else 'txt'}"
        )
        raw.write_text(KIND_FILES[kind](text), encoding="utf-8")
        try:
            new = plan(ROOT, raw, "fuzz-source", title="标题", source_format=kind)
        except EditionError as error:
            assert all(PROBLEM.match(str(problem)) for problem in error.problems), error.problems
            REACHED.append(False)
            return
        if new.kind.text_kind == "article":
            page = render_markdown(ROOT, render_text("article", new.source, "x"))
        else:
            page = render_markdown(ROOT, render_text("transcript-draft", new.source, "x"))
        _holds_invariants(page)
        REACHED.append(True)


def test_most_fuzzed_sources_reach_the_page() -> None:
    # Runs after the fuzzer above (pytest keeps a module's order): most examples are valid sources.
    assert REACHED and sum(REACHED) >= 0.8 * len(REACHED), f"{sum(REACHED)} of {len(REACHED)} reached the page"
