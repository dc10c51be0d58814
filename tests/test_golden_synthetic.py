"""Markdown in, HTML out, on a small synthetic text: the page fragment, its notes, one edition.

As Python-Markdown's ``assertMarkdownRenders`` does, each stage's output is held to a reviewed
golden file (``tests/golden/synthetic/``). The text is made up (``tests/data/synthetic/``), so an
editorial fix to the real texts never changes these files; a change here is a change of the
pipeline's behaviour, to review line by line (``pytest --update-golden`` lists what it rewrote).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from edition.datafile import validate
from edition.editions.convert import Converter
from edition.editions.declared import load_editions
from edition.editions.publish import convert_html
from edition.editions.regional import load_regional
from edition.notes.footnotes import add_notes
from edition.notes.model import Annotations, Glossary
from edition.reading.speakers import load_speakers
from edition.reading.transcript_page import render_transcript_page
from edition.render import render_markdown
from edition.sources.kinds import asr_line
from tests.conftest import ROOT

DATA = Path(__file__).parent / "data" / "synthetic"
Golden = Callable[[str, str], None]


def _fragment() -> str:
    speakers = load_speakers(ROOT, "data/speakers/podcast.yml")
    raw = asr_line.read((DATA / "raw.txt").read_text(encoding="utf-8"), "raw.txt")
    page = (DATA / "page.md").read_text(encoding="utf-8")
    markdown = render_transcript_page(ROOT, page, raw, "tests/data/synthetic/page.md", speakers)
    return render_markdown(ROOT, markdown)


def _with_notes(html: str) -> str:
    glossary = validate(Glossary, yaml.safe_load((DATA / "glossary.yml").read_text(encoding="utf-8")), "glossary.yml")
    annotations = validate(
        Annotations, yaml.safe_load((DATA / "annotations.yml").read_text(encoding="utf-8")), "annotations.yml"
    )
    notes = add_notes(html, glossary.root, annotations.root, "glossary.md")
    assert notes.annotation_hits == {"video-quality": 1}
    return notes.html


def test_the_text_page_fragment(golden: Golden) -> None:
    html = _fragment()
    assert 'data-speaker="host"' in html and '<del class="asr"' in html and 'class="filler"' in html
    golden("synthetic/page.html", html)


def test_the_notes(golden: Golden) -> None:
    html = _with_notes(_fragment())
    assert html.count('class="gloss-ref"') == 2  # OpenAI and Sora, each at its first occurrence
    golden("synthetic/notes.html", html)


def test_one_editions_conversion(golden: Golden) -> None:
    taiwan = load_editions(ROOT).named("tw")
    converter = Converter(taiwan, [], load_regional(ROOT, []))
    html = convert_html(f"<article>{_with_notes(_fragment())}</article>", converter, {})
    assert "視頻做得很好" in html  # the speaker's word: characters converted, vocabulary kept
    golden("synthetic/notes.tw.html", html)
