"""A third text goes in with one command: scripts/add_text.py, then every check, the build, the
editions, search, the glossary's back-links and the PDFs take it in with no other edit."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from add_text import add_text  # noqa: E402

from edition.checks import check_all  # noqa: E402
from edition.errors import EditionError  # noqa: E402
from tests.project_copy import copy_project, fingerprint  # noqa: E402

PODCAST_RAW = ROOT / "docs/sources/podcast-justsayai-sora2-asr-raw.txt"
ARTICLE_RAW = ROOT / "docs/sources/article-mengyonghui-sora-scraped-raw.txt"


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with a new transcript and a new article, built as `make site` builds it."""
    root = copy_project(tmp_path_factory.mktemp("add"))
    episode = root.parent / "episode.txt"  # a new episode's raw transcript (a slice of the seed's)
    episode.write_text(PODCAST_RAW.read_text(encoding="utf-8")[3000:4600], encoding="utf-8")
    add_text(root, episode, "episode-2", "transcript", "人民公园说AI：第二期")
    add_text(root, ARTICLE_RAW, "column-2", "article", "又一篇评论", authors="某作者")
    assert check_all(root) == []
    result = subprocess.run(
        [sys.executable, "scripts/build_site.py"], cwd=root, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr
    return root


def test_the_raw_file_is_copied_byte_for_byte_and_pinned(grown: Path) -> None:
    copy = grown / "docs/sources/column-2-raw.txt"
    assert copy.read_bytes() == ARTICLE_RAW.read_bytes()
    assert hashlib.sha256(copy.read_bytes()).hexdigest() in (grown / "data/texts.yml").read_text(encoding="utf-8")


def test_the_new_texts_are_in_every_edition_the_navigation_and_the_home_page(grown: Path) -> None:
    site = grown / "site"
    for prefix in ("", "tw/", "hk/"):
        assert (site / prefix / "episode-2/index.html").exists() and (site / prefix / "column-2/index.html").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="episode-2/"' in home and 'href="column-2/"' in home
    assert "人民公園說AI：第二期" in (site / "tw/episode-2/index.html").read_text(encoding="utf-8")


def test_the_new_texts_are_searched_and_linked_from_the_glossary(grown: Path) -> None:
    index = (grown / "site/search/search_index.json").read_text(encoding="utf-8")
    assert '"location":"episode-2/' in index and '"location":"column-2/' in index
    glossary = (grown / "site/glossary/index.html").read_text(encoding="utf-8")
    assert 'href="../episode-2/#p' in glossary and 'href="../column-2/#p' in glossary


def test_the_new_texts_are_in_the_pdfs(grown: Path) -> None:
    for prefix, title in (("", "又一篇评论"), ("tw/", "又一篇評論"), ("hk/", "又一篇評論")):
        pdf = grown / "site" / prefix / "sora-reader.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert title in text, prefix


def test_a_transcript_gets_its_own_cast_and_the_podcast_keeps_its_own(grown: Path) -> None:
    assert (grown / "data/speakers/episode-2.yml").exists()
    podcast = (grown / "site/podcast/index.html").read_text(encoding="utf-8")
    assert "说话人甲" not in podcast


@pytest.mark.parametrize(
    ("raw", "text_id", "kind", "code"),
    [
        ("good", "Bad_Id", "article", "ADD001"),
        ("good", "podcast", "article", "ADD002"),
        ("latin1", "new-one", "article", "ADD003"),
        ("good", "new-one", "poem", "ADD004"),
    ],
)
def test_a_mistake_is_refused_with_its_code_and_nothing_is_written(
    tmp_path: Path, raw: str, text_id: str, kind: str, code: str
) -> None:
    root = copy_project(tmp_path)
    source = tmp_path / "raw.txt"
    source.write_bytes("中文".encode() if raw == "good" else "caf\xe9 ".encode("latin-1"))
    before = fingerprint(root)
    with pytest.raises(EditionError) as error:
        add_text(root, source, text_id, kind, "标题")
    assert [problem.code for problem in error.value.problems] == [code]
    assert fingerprint(root) == before


def test_a_page_missing_from_the_navigation_is_nav001(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace("  - 文章：Sora 与互联网的解药: article.md\n", ""))
    assert [problem.code for problem in check_all(root)] == ["NAV001"]


def test_a_drafts_editing_starts_with_one_command_and_every_check_passes(tmp_path: Path) -> None:
    from start_editing import start_editing

    root = copy_project(tmp_path)
    episode = tmp_path / "episode.txt"
    episode.write_text(PODCAST_RAW.read_text(encoding="utf-8")[5000:6400], encoding="utf-8")
    add_text(root, episode, "episode-3", "transcript", "第三期")
    start_editing(root, "episode-3")
    page = (root / "docs/episode-3.md").read_text(encoding="utf-8")
    assert "<!-- reading-text -->" in page and "**说话人甲？**：{>>说话人存疑：尚未辨认<<}" in page
    assert "draft: true" not in (root / "data/texts.yml").read_text(encoding="utf-8").split("episode-3:")[1]
    assert check_all(root) == []
    with pytest.raises(EditionError, match="EDIT001"):
        start_editing(root, "episode-3")  # no longer a draft
