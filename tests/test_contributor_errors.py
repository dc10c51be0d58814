"""Each mistake a contributor can make in the glossary or an annotation file, and its message.

Every test copies the project's data and pages, makes one mistake, and runs ``make check``'s
function: the message must name the file, the line, a stable code and what to do.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from edition.checks import check_all

ROOT = Path(__file__).resolve().parent.parent

GOOD_TERM = """- id: test-term
  headword: 物理引擎
  definition: 模拟物体运动的软件组件。
  sources:
    - title: Physics engine
      url: https://en.wikipedia.org/wiki/Physics_engine
      kind: reference
  checked: 2026-11-22
"""

GOOD_ANNOTATION = """- id: physics
  quote:
    exact: Sora 2 的物理引擎非常强
  note: 一条注释。
  author: 编者
  sources:
    - title: OpenAI — Sora 2
      url: https://openai.com/index/sora-2/
      kind: primary
  checked: 2026-11-22
"""


def project(tmp_path: Path, glossary_extra: str = "", podcast_annotations: str | None = None) -> Path:
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    if glossary_extra:
        with (tmp_path / "data/glossary.yml").open("a", encoding="utf-8") as glossary:
            glossary.write(glossary_extra)
    if podcast_annotations is not None:
        (tmp_path / "data/annotations/podcast.yml").write_text(podcast_annotations, encoding="utf-8")
    return tmp_path


def glossary_line(root: Path, needle: str) -> int:
    lines = (root / "data/glossary.yml").read_text(encoding="utf-8").split("\n")
    return max(number for number, line in enumerate(lines, 1) if needle in line)


def messages(root: Path) -> list[str]:
    return [str(problem) for problem in check_all(root)]


def test_the_good_examples_pass(tmp_path: Path) -> None:
    existing = (ROOT / "data/annotations/podcast.yml").read_text(encoding="utf-8")
    assert messages(project(tmp_path, GOOD_TERM, existing + "\n" + GOOD_ANNOTATION)) == []


def test_unknown_key(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM + "  defintion: 拼错了\n")
    line = glossary_line(root, "defintion")
    assert any(
        m.startswith(f"data/glossary.yml:{line}: DATA002 unknown key") and "defintion" in m for m in messages(root)
    )


def test_missing_field(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM.replace("  definition: 模拟物体运动的软件组件。\n", ""))
    line = glossary_line(root, "id: test-term")
    assert any(
        m.startswith(f"data/glossary.yml:{line}: DATA003 missing field") and "definition" in m for m in messages(root)
    )


def test_duplicate_id(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM.replace("headword: 物理引擎", "headword: 引擎") + GOOD_TERM)
    line = glossary_line(root, "id: test-term")
    assert f"data/glossary.yml:{line}: GLO001 duplicate id 'test-term'" in messages(root)


def test_alias_that_never_occurs(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM.replace("  definition:", "  aliases: [斯揣普]\n  definition:"))
    line = glossary_line(root, "斯揣普")
    assert f"data/glossary.yml:{line}: GLO002 '斯揣普' occurs in no text: remove or fix it" in messages(root)


def test_raw_html_in_a_note(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM.replace("模拟物体运动的软件组件。", "<script>alert(1)</script>"))
    line = glossary_line(root, "<script>")
    assert any(m.startswith(f"data/glossary.yml:{line}: NOTE001 raw HTML") for m in messages(root))


def test_event_handler_in_a_note(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM.replace("模拟物体运动的软件组件。", "'见 <img src=x onerror=alert(1)>'"))
    assert any(": NOTE001 " in m for m in messages(root))


def test_source_that_is_not_a_url(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM.replace("https://en.wikipedia.org/wiki/Physics_engine", "维基百科"))
    line = glossary_line(root, "维基百科")
    assert any(m.startswith(f"data/glossary.yml:{line}: URL001 ") for m in messages(root))


def test_quote_that_matches_nowhere(tmp_path: Path) -> None:
    root = project(tmp_path, podcast_annotations=GOOD_ANNOTATION.replace("的物理引擎非常强", "的化学引擎非常强"))
    assert any(
        m.startswith("data/annotations/podcast.yml:3: ANN001 quote 'Sora 2 的化学引擎非常强' matches nowhere")
        for m in messages(root)
    )


def test_quote_that_matches_more_than_once(tmp_path: Path) -> None:
    root = project(tmp_path, podcast_annotations=GOOD_ANNOTATION.replace("Sora 2 的物理引擎非常强", "抖音"))
    assert any(m.startswith("data/annotations/podcast.yml:3: ANN002 quote '抖音' matches") for m in messages(root))


def test_make_check_prints_the_messages_and_exits_non_zero(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM + "  defintion: 拼错了\n")
    shutil.copytree(ROOT / "scripts", root / "scripts")
    result = subprocess.run([sys.executable, "scripts/check.py"], cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "data/glossary.yml:" in result.stdout and "DATA002" in result.stdout


def test_a_one_character_form_is_glo004(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM.replace("  headword: 物理引擎\n", "  headword: 物理引擎\n  aliases: [强]\n"))
    line = glossary_line(root, "aliases: [强]")
    assert any(m.startswith(f"data/glossary.yml:{line}: GLO004 ") for m in messages(root))


def test_an_image_in_a_note_is_note002(tmp_path: Path) -> None:
    term = GOOD_TERM.replace("模拟物体运动的软件组件。", "模拟物体运动的软件组件。![图](https://example.org/a.png)")
    root = project(tmp_path, term)
    line = glossary_line(root, "![图]")
    assert any(m.startswith(f"data/glossary.yml:{line}: NOTE002 ") for m in messages(root))


def test_an_oversized_definition_is_data006_before_any_build(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD_TERM.replace("模拟物体运动的软件组件。", "长" * 100_000))
    line = glossary_line(root, "长长长")
    found = [m for m in messages(root) if " DATA006 " in m]
    assert found and found[0].startswith(f"data/glossary.yml:{line}: DATA006 ") and "at most 400" in found[0]
