"""Every check code is triggered by a test: each mistake below is made once, and the code it must
produce is asserted (the other codes are triggered where their feature is tested; the last test
holds that no code is left untested)."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

from edition.checks import check_all
from edition.errors import EditionError
from edition.sources.kinds.model import SourceText
from edition.sources.kinds.shuijingqiu import structure
from edition.sources.pages import render_text
from tests.conftest import ROOT
from tests.project_copy import copy_project

sys.path.insert(0, str(ROOT / "scripts"))
from add_text import add_text
from pin_anchors import pin_anchors

CODE = re.compile(r"\b([A-Z]{3,}\d{3})\b")
# Codes of the Lighthouse run (make e2e): a failed gate, a run without a measurement, a busy port.
# They need Lighthouse itself; the e2e run is where they show.
NOT_TRIGGERED_HERE = {"LIGHTHOUSE001", "LIGHTHOUSE002", "LIGHTHOUSE003"}


def _codes(error: pytest.ExceptionInfo[EditionError]) -> list[str]:
    return [problem.code for problem in error.value.problems]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_art003_an_article_without_a_body() -> None:
    with pytest.raises(EditionError) as error:
        structure("标题\n\n02月22日 10:17\n", "docs/sources/x.txt")
    assert _codes(error) == ["ART003"] and "docs/sources/x.txt:1:" in str(error.value)


def test_page002_a_pipeline_that_builds_no_text_from_a_raw_source() -> None:
    with pytest.raises(EditionError) as error:
        render_text("transcript-reading", SourceText(()), "docs/sources/x.txt")
    assert _codes(error) == ["PAGE002"]


def test_glo003_a_form_of_two_terms(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    _replace(root / "data/glossary.yml", "  aliases: [open AI]\n", "  aliases: [open AI, Sora]\n")
    assert "GLO003" in [problem.code for problem in check_all(root)]


def test_ann003_two_annotations_with_one_id(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    _replace(root / "data/annotations/podcast.yml", "- id: sora2-cameo-consent\n", "- id: sora2-launch\n")
    assert "ANN003" in [problem.code for problem in check_all(root)]


def test_ann005_more_annotations_than_a_page_can_carry(tmp_path: Path) -> None:
    """5,000 annotations once ended in an uncoded recursion error in the PDF after a minute."""
    from edition.notes.glossary import MOST_ANNOTATIONS

    root = copy_project(tmp_path)
    annotations = root / "data/annotations/podcast.yml"
    entry = "- id: note-{n}\n  quote:\n    exact: 国庆\n  note: 注。\n  author: 编者\n  checked: 2026-11-22\n"
    annotations.write_text("".join(entry.format(n=n) for n in range(MOST_ANNOTATIONS + 1)), encoding="utf-8")
    problems = [problem for problem in check_all(root) if problem.code == "ANN005"]
    assert [(problem.path, problem.line) for problem in problems] == [
        ("data/annotations/podcast.yml", 6 * MOST_ANNOTATIONS + 1)
    ], problems


def test_ovr004_an_override_that_changes_the_words_is_found_by_make_check(tmp_path: Path) -> None:
    """An override exists to fix a conversion; one that rewrites the words (是只要 → 不只要 in
    Taiwan) disagrees with the second converter, and `make check` says where."""
    root = copy_project(tmp_path)
    overrides = root / "data/conversion-overrides.yml"
    _replace(overrides, "- simplified: 是只要\n  tw: 是只要\n", "- simplified: 是只要\n  tw: 不只要\n")
    problems = [problem for problem in check_all(root) if problem.code == "OVR004"]
    assert [(problem.path, problem.line) for problem in problems] == [("data/conversion-overrides.yml", 2)]
    assert "'不只要'" in problems[0].message and "'是'" in problems[0].message


def test_ann001_names_the_filler_rules_when_they_hide_a_quote(tmp_path: Path) -> None:
    """A filler rule that hides an ordinary word (的) once blamed every quote holding it alone."""
    root = copy_project(tmp_path)
    _replace(root / "data/fillers.yml", "hesitations: [呃]", "hesitations: [呃, 的]")
    problems = [problem for problem in check_all(root) if problem.code == "ANN001"]
    assert problems and all("data/fillers.yml" in problem.message for problem in problems), problems


def test_ann004_quotes_that_overlap(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    annotations = root / "data/annotations/podcast.yml"
    annotations.write_text(
        annotations.read_text(encoding="utf-8")
        + """- id: overlapping
  quote:
    exact: 发现 Altman 也不过国庆，直接发了
  note: 与第一条注释的引文交叠。
  author: 编者
  sources:
    - title: OpenAI — Sora 2
      url: https://openai.com/index/sora-2/
      kind: primary
  checked: 2026-11-22
""",
        encoding="utf-8",
    )
    problems = check_all(root)
    assert [problem.code for problem in problems] == ["ANN004"], problems


def test_reg001_a_regional_word_no_text_uses(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    vocabulary = root / "data/regional-vocabulary.yml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8")
        + "- simplified: 软盘驱动器\n  tw: 軟碟機\n  hk: 軟碟機\n  reason: 测试：没有文本用到的词。\n",
        encoding="utf-8",
    )
    assert "REG001" in [problem.code for problem in check_all(root)]


def test_anch002_pins_for_a_text_that_is_not_an_edited_transcript(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    with pytest.raises(EditionError) as error:
        pin_anchors(root, "article")
    assert _codes(error) == ["ANCH002"]


def test_add005_a_navigation_without_the_glossary_to_add_before(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    _replace(root / "mkdocs.yml", "  - 术语表: glossary.md\n", "")
    with pytest.raises(EditionError) as error:
        add_text(root, root / "docs/sources/article-mengyonghui-sora-scraped-raw.txt", "text-3", "article", "标题")
    assert _codes(error) == ["ADD005"]


def test_every_code_in_the_pipeline_is_triggered_by_some_test() -> None:
    sources = [
        *(ROOT / "hooks").rglob("*.py"),
        *(ROOT / "scripts").glob("*.py"),
        *(ROOT / "tests/lighthouse").glob("*.mjs"),
    ]
    in_code = {code for path in sources for code in CODE.findall(path.read_text(encoding="utf-8"))}
    tests = [path for path in (ROOT / "tests").rglob("*.py") if path.name != "test_codes_documented.py"]
    in_tests = {code for path in tests for code in CODE.findall(path.read_text(encoding="utf-8"))}
    assert sorted(in_code - in_tests - NOT_TRIGGERED_HERE) == []


def test_page004_a_text_marker_on_a_page_no_text_names(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "docs/episode-2.md").write_text("---\ntitle: 第二集\n---\n\n<!-- edition:text -->\n", encoding="utf-8")
    problems = check_all(root)
    assert [str(problem).split(" ", 2)[:2] for problem in problems] == [["docs/episode-2.md:5:", "PAGE004"]]


def test_front_matter_is_read_as_the_engines_read_it(tmp_path: Path) -> None:
    # `--- ` with a trailing blank, closed by `...`: MkDocs strips it; the pipeline must too, or it
    # would not know the page when the engine renders it and the text would be missing.
    root = copy_project(tmp_path)
    page = root / "docs/article.md"
    text = page.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    page.write_text(head.replace("---\n", "--- \n", 1) + "\n...\n" + body, encoding="utf-8")
    assert check_all(root) == []


def _judged_on(root: Path, day: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    from edition.checks import check_report

    monkeypatch.setenv("EDITION_TODAY", day)
    problems, warnings = check_report(root)
    return [str(problem) for problem in problems], [str(warning) for warning in warnings]


def test_note003_note004_a_note_not_checked_for_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past data/note-review.yml's first period a note is listed by id and the check passes
    (NOTE003); past the second it fails (NOTE004)."""
    root = copy_project(tmp_path)
    glossary = root / "data/glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("  checked: 2026-12-04\n", "  checked: 2026-11-22\n"),
        encoding="utf-8",
    )
    _replace(root / "data/note-review.yml", "fail_after_months: 24", "fail_after_months: 30")
    problems, warnings = _judged_on(root, "2027-11-21", monkeypatch)  # 12 months to the day: not yet
    assert problems == [] and warnings == []
    problems, warnings = _judged_on(root, "2027-11-23", monkeypatch)
    assert problems == [] and warnings and all(": NOTE003 " in warning for warning in warnings)
    assert any(
        warning.startswith("data/glossary.yml:") and " sora: last checked 2026-11-22" in warning for warning in warnings
    )
    assert any(warning.startswith("data/annotations/podcast.yml:") for warning in warnings)
    problems, _ = _judged_on(root, "2029-05-23", monkeypatch)  # 30 months and a day
    assert problems and all(": NOTE004 " in problem for problem in problems)


def test_note005_a_check_dated_in_the_future_or_a_later_part_after_its_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(tmp_path)
    problems, _ = _judged_on(root, "2026-11-01", monkeypatch)  # before the notes were checked
    assert problems and all(": NOTE005 " in problem and "is after today" in problem for problem in problems)
    annotations = root / "data/annotations/article.yml"
    text = annotations.read_text(encoding="utf-8")
    annotations.write_text(
        text.replace(
            "- id: sora-unveiling\n",
            "- id: sora-unveiling\n  later:\n    date: 2099-01-01\n    note: 后来的事。\n    sources:\n"
            "      - title: OpenAI — Sora\n        url: https://openai.com/sora/\n        kind: primary\n",
            1,
        ),
        encoding="utf-8",
    )
    # Judged today: every note's own check is on or before today (make check holds that), the
    # later part is not.
    problems, _ = _judged_on(root, date.today().isoformat(), monkeypatch)
    assert [problem.split(": ")[1].split(" ")[0] for problem in problems] == ["NOTE005"], problems
    assert "later part is dated 2099-01-01" in problems[0]
