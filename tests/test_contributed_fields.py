"""Strings a contributor writes into a cast file or a reading text's heading are text on the page,
and a cast file that tries to carry markup is refused with its file and line."""

from __future__ import annotations

import html
import re
import subprocess
import sys
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


def test_a_link_a_device_or_an_outsized_file_is_refused(tmp_path: Path) -> None:
    import os

    root = copy_project(tmp_path)
    (root / "docs/sources/passwd.txt").symlink_to("/etc/passwd")
    problems = [str(problem) for problem in check_all(root)]
    assert problems == [
        "docs/sources/passwd.txt:1: FILE005 not a regular file (a symbolic link or device): "
        "replace it with the file itself, or remove it"
    ]
    (root / "docs/sources/passwd.txt").unlink()
    os.mkfifo(root / "data/fillers-fifo.yml")
    assert [problem.code for problem in check_all(root)] == ["FILE005"]  # not read: a FIFO would hang
    (root / "data/fillers-fifo.yml").unlink()
    glossary = root / "data/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "#" * 2_000_001, encoding="utf-8")
    assert [problem.code for problem in check_all(root)] == ["FILE006"]


def test_a_raw_source_that_is_a_link_is_refused(tmp_path: Path) -> None:
    from edition.errors import EditionError
    from edition.sources.texts import load_registry, read_raw

    root = copy_project(tmp_path)
    raw = root / "docs/sources/article-mengyonghui-sora-scraped-raw.txt"
    target = tmp_path / "elsewhere.txt"
    target.write_bytes(raw.read_bytes())
    raw.unlink()
    raw.symlink_to(target)
    with pytest.raises(EditionError, match=r"^docs/sources/article-mengyonghui-sora-scraped-raw\.txt:1: SRC007 "):
        read_raw(root, "article", load_registry(root).texts["article"])


def test_a_compatibility_character_is_refused_with_the_ordinary_one(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    page = root / "docs/podcast.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("抖音危险了！哈哈。", "抖音危险了！哈哈。\u2f08", 1), encoding="utf-8"
    )
    problems = [str(problem) for problem in check_all(root)]
    assert len(problems) == 1 and problems[0].startswith("docs/podcast.md:")
    assert "FILE007 compatibility character \u2f08 (U+2F08): write 人 instead" in problems[0]


def test_a_deeply_nested_data_file_is_refused_before_parsing(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "data/anchors/podcast.yml").write_text("[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    problems = [str(problem) for problem in check_all(root)]
    assert problems and problems[0].startswith("data/anchors/podcast.yml:1: DATA007 nested 5000 levels deep")


def test_a_raw_source_past_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    import hashlib

    from edition.errors import EditionError
    from edition.sources.texts import MAX_SOURCE_BYTES, load_registry, read_raw

    root = copy_project(tmp_path)
    raw = root / "docs/sources/article-mengyonghui-sora-scraped-raw.txt"
    raw.write_bytes(b"x" * (MAX_SOURCE_BYTES + 1))
    registry = root / "data/texts.yml"
    old = load_registry(root).texts["article"].sha256
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(old, hashlib.sha256(raw.read_bytes()).hexdigest()),
        encoding="utf-8",
    )
    with pytest.raises(EditionError, match=r"^docs/sources/article-mengyonghui-sora-scraped-raw\.txt:1: SRC008 "):
        read_raw(root, "article", load_registry(root).texts["article"])


@pytest.mark.parametrize("text_id", ["tw", "hk", "assets", "search", "sources", "episode-2\n", "Episode-2"])
def test_a_reserved_or_malformed_id_is_refused_by_add_text(tmp_path: Path, text_id: str) -> None:
    import sys

    from edition.errors import EditionError
    from tests.project_copy import ROOT, fingerprint

    sys.path.insert(0, str(ROOT / "scripts"))
    from add_text import add_text

    root = copy_project(tmp_path)
    before = fingerprint(root)
    with pytest.raises(EditionError, match="ADD001"):
        add_text(root, ROOT / "tests/data/sources/hostile.md", text_id, title="标题")
    assert fingerprint(root) == before


def test_the_registry_is_checked_against_the_files_that_refer_to_it(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "data/annotations/podcast.yml").rename(root / "data/annotations/Podcast.yml")
    problems = [str(problem) for problem in check_all(root)]
    assert problems[0].startswith("data/annotations/Podcast.yml:1: TEXT003 no text has the id 'Podcast'"), problems
    (root / "data/annotations/Podcast.yml").rename(root / "data/annotations/podcast.yml")
    registry = root / "data/texts.yml"
    text = registry.read_text(encoding="utf-8")
    block = re.search(r"(?m)^article:\n(?:  .*\n)+", text)
    assert block is not None
    registry.write_text(text + block.group().replace("article:", "article-2:", 1), encoding="utf-8")
    codes = [problem.code for problem in check_all(root)]
    assert codes.count("TEXT002") == 2, codes  # the same page and the same raw source
    registry.write_text(text.replace("\narticle:\n", "\nsearch:\n"), encoding="utf-8")
    problems = [str(problem) for problem in check_all(root)]
    assert any(" TEXT001 text id 'search'" in problem for problem in problems), problems


def test_ctrl_c_ends_a_command_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    root = copy_project(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "scripts/check.py"], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.0)  # well inside the build's first pass
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip() == "check.py: interrupted"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "**老修**：这一次 Sora 2",
            "**老修**: 这一次 Sora 2",
            "SPK005 the label **老修** is followed by a half-width colon",
        ),
        ("<!-- cold-open -->", "<!--cold-open-->", ""),  # a marker however it is spaced
        ("<!-- cold-open -->", "<!-- coldopen -->", "READ007 unknown marker '<!-- coldopen -->'"),
        ("物理引擎非常强。", "物理引擎<!-- 非常 -->强。", "READ008 HTML in a paragraph ('<!--')"),
        (
            "物理引擎非常强。",
            '物理引擎<span hidden="">非常</span>强。',
            "READ008 HTML in a paragraph ('<span hidden=\"\">')",
        ),
        (
            "title: 人民公园说AI",
            "title: x</title><script>alert(1)</script>人民公园说AI",
            "PAGE003 front matter `title:`",
        ),
    ],
)
def test_a_mistake_in_a_reading_text_gets_a_message_that_names_it(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    root = copy_project(tmp_path)
    page = root / "docs/podcast.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = [str(problem) for problem in check_all(root)]
    if not expected:
        assert problems == []
        return
    assert problems[0].startswith("docs/podcast.md:") and expected in problems[0], problems
    assert all(problem.split(" ")[1] in ("READ002", expected.split(" ")[0]) for problem in problems), problems


def test_an_empty_cast_is_refused_at_its_file(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "data/speakers/podcast.yml").write_text("{}\n", encoding="utf-8")
    problems = [str(problem) for problem in check_all(root)]
    assert problems == [
        "data/speakers/podcast.yml:1: DATA004 : the cast lists no speaker: "
        "add at least one (name, role, mark, asr_forms)"
    ]


def test_a_bad_indent_in_mkdocs_yml_is_one_message_with_its_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("theme:\n  name: material", "theme:\n name: material\n   x: y", 1),
        encoding="utf-8",
    )
    assert [str(problem) for problem in check_all(root)] == [
        "mkdocs.yml:9: CONF001 invalid YAML: mapping values are not allowed here: fix it"
    ]


# Every field of a data file that reaches a page: a stranger's pull request may put markup in any.
MARKUP = "<img src=x onerror=alert(1)>"
PAGE_FIELDS = (
    *(("data/texts.yml", key) for key in ("title", "label", "description", "credit", "authors")),
    *(("data/speakers/podcast.yml", key) for key in ("name", "role", "mark")),
    *(("data/glossary.yml", key) for key in ("headword", "en", "zh", "definition", "note", "title")),
    *(("data/annotations/podcast.yml", key) for key in ("exact", "note", "title", "author")),
    ("data/regional-vocabulary.yml", "tw"),
    ("data/regional-forms.yml", "to"),
    *(("data/editions.yml", key) for key in ("label", "name", "region")),
)


def _with_markup(root: Path, file: str, key: str) -> int:
    """``MARKUP`` added to the first value of ``key`` in ``file``; the line it is on."""
    path = root / file
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        match = re.match(rf"^(\s*(?:- )?{key}: )(.*)$", line)
        if match is None or match.group(2).startswith("["):
            continue
        value = match.group(2)
        if value in (">-", "|", ">"):  # a block: its first line
            lines[index + 1] += MARKUP
            index += 1
        elif value.startswith('"'):
            lines[index] = match.group(1) + value[:-1] + MARKUP + '"'
        else:
            lines[index] = f"{match.group(1)}{value} {MARKUP}"
        path.write_text("\n".join(lines), encoding="utf-8")
        return index + 1
    raise AssertionError(f"no {key}: in {file}")


def test_markup_in_any_data_field_is_refused_at_its_line_or_shown_as_text(tmp_path: Path) -> None:
    """Each field alone: `make check` refuses it where it is, or it is text; then every field it
    accepts, together, in a built site of three editions: not one element made of them."""
    accepted = []
    for number, (file, key) in enumerate(PAGE_FIELDS):
        root = copy_project(tmp_path / str(number))
        line = _with_markup(root, file, key)
        problems = check_all(root)
        if not problems:
            accepted.append((file, key))
            continue
        assert [(p.path, abs(p.line - line) <= 1) for p in problems][:1] == [(file, True)], (file, key, problems)
    root = copy_project(tmp_path / "accepted")
    for file, key in accepted:
        _with_markup(root, file, key)
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--no-pdf", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    assert not [page for page in pages if re.search(r"<img\b[^>]*onerror", page)]
    shown = sum(page.count(html.escape(MARKUP, quote=False)) for page in pages)
    assert shown >= len(accepted), (shown, accepted)  # each one is there, as text
