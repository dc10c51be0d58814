"""The pipeline as a Python-Markdown extension, driven as an engine drives it: one parser, one page."""

from __future__ import annotations

from pathlib import Path

import pytest

import edition.adapters.extension as extension
from edition.adapters.page_links import page_url, resolve_links
from edition.edition_build import EditionBuild, source_link
from edition.errors import EditionError
from edition.reading.transcript_page import split_front_matter
from edition.render import render_markdown
from tests.conftest import ROOT
from tests.project_copy import copy_project


def _engine_render(page: str) -> str:
    """A page rendered as MkDocs and Zensical render it: a fresh parser with every extension of
    mkdocs.yml, the pipeline's first, given the page without its front matter."""
    body, _ = split_front_matter((ROOT / "docs" / page).read_text(encoding="utf-8"))
    return render_markdown(ROOT, body, with_pipeline=True)


def test_a_text_page_is_built_from_its_raw_source_with_its_notes() -> None:
    html = _engine_render("podcast.md")
    assert 'class="turn voice-1" data-speaker="xiange" id="p13"' in html  # speakers, pinned anchors
    assert '<del class="asr"' in html  # the apparatus
    assert 'class="gloss-ref"' in html and 'href="glossary.md#' in html  # notes, linked as Markdown links
    assert 'class="filler" data-search-exclude' in html  # the reader's aids, marked for search


def test_the_glossary_page_gets_its_entries_and_back_links_from_the_first_pass() -> None:
    html = _engine_render("glossary.md")
    assert "<!-- backlinks:" not in html and "<!-- edition:glossary -->" not in html
    assert 'href="podcast.md#p' in html and 'href="article.md#p' in html


def test_a_heading_is_not_taken_for_the_page() -> None:
    # toc and MkDocs' title finder run the postprocessors over each heading's text: the notes must
    # be added once, to the whole page (else an annotation's quote "matches nowhere").
    html = _engine_render("article.md")
    assert html.count('<div class="footnote edition-notes">') == 1


def test_pages_outside_the_registry_pass_through_with_their_lists_filled() -> None:
    html = _engine_render("index.md")
    assert "<!-- edition:texts -->" not in html and 'href="podcast.md"' in html


def test_links_written_as_markdown_links_resolve_to_directory_urls() -> None:
    assert source_link("podcast.md", "glossary.md") == "glossary.md"
    assert page_url("podcast.md") == "podcast/" and page_url("index.md") == "" and page_url("a/index.md") == "a/"
    assert resolve_links('<a href="glossary.md#acp">', "podcast.md") == '<a href="../glossary/#acp">'
    assert resolve_links('<a href="podcast.md">', "index.md") == '<a href="podcast/">'
    assert resolve_links('<a href="index.md">', "podcast.md") == '<a href="../">'
    kept = '<a href="https://example.org/a.md"><a href="#p1"><a href="/abs.md">'
    assert resolve_links(kept, "podcast.md") == kept


def test_the_build_is_made_once_per_set_of_inputs() -> None:
    first = extension.current_build(ROOT)
    assert extension.current_build(ROOT) is first


def test_an_edit_to_the_pipeline_code_under_a_running_engine_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extension, "_CODE_STAMP", (("/nowhere/edition/notes.py", 0, 0),))
    monkeypatch.setattr(extension, "_handed", {})  # an engine started by hand: no build handed over
    with pytest.raises(extension.PipelineChanged, match=r"start it again, or use `make serve`"):
        extension.current_build(ROOT)


def test_a_build_handed_over_is_used_for_every_page_without_stamping_the_inputs_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extension, "_handed", {})
    root = copy_project(tmp_path).resolve()
    build = EditionBuild.run(root)
    extension.use_build(root, build)
    licence = root / "docs/licence.md"
    licence.write_text(licence.read_text(encoding="utf-8") + "\n又一段。\n", encoding="utf-8")
    monkeypatch.setattr(extension, "input_stamp", lambda root: pytest.fail("the inputs stamped for a page"))
    assert extension.current_build(root) is build


def test_the_first_pass_builds_every_text_of_the_registry() -> None:
    build = EditionBuild.run(ROOT)
    assert build.problems == []
    assert build.registry is not None and set(build.pages) == set(build.registry.texts)


def test_a_problem_stops_the_engine_with_the_contributors_message(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    annotations = root / "data/annotations/podcast.yml"
    annotations.write_text(
        annotations.read_text(encoding="utf-8").replace("今天早上起来，发现 Altman", "今天晚上起来，发现 Altman", 1),
        encoding="utf-8",
    )
    with pytest.raises(EditionError, match=r"data/annotations/podcast\.yml:\d+: ANN001"):
        extension.current_build(root)
