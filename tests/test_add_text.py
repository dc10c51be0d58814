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
HOSTILE = ROOT / "tests/data/sources"
AUDIO = "https://audio.example.org/episode.mp3"
# One new text of every other kind, each a hostile source: (id, file, what must show as text).
KINDS_ADDED = [
    ("sub-srt", "hostile.srt", "<script>alert(1)</script>"),
    ("sub-vtt", "hostile.vtt", "5*3*2"),
    ("page-html", "hostile.html", "<script>alert(1)</script>"),
    ("essay-md", "hostile.md", "<script>alert(1)</script>"),
    ("notes-txt", "hostile-plain.txt", "<script>alert(1)</script>"),
]


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with a new transcript and a new article, built as `make site` builds it."""
    root = copy_project(tmp_path_factory.mktemp("add"))
    episode = root.parent / "episode.txt"  # a new episode's raw transcript (a slice of the seed's)
    episode.write_text(PODCAST_RAW.read_text(encoding="utf-8")[3000:4600], encoding="utf-8")
    add_text(root, episode, "episode-2", "transcript", "人民公园说AI：第二期")
    add_text(root, ARTICLE_RAW, "column-2", "article", "又一篇评论", authors="某作者")
    for text_id, name, _ in KINDS_ADDED:
        audio = {"audio": AUDIO} if name.endswith((".srt", ".vtt")) else {}
        add_text(root, HOSTILE / name, text_id, title=f"来源种类 {text_id}", **audio)
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


def test_a_new_texts_credits_point_to_the_afterword_like_every_text(grown: Path) -> None:
    # What happened after a recording is told once, in the afterword; every text's credits say where.
    for page in ("episode-2", "column-2", "podcast", "article", "sora-spring-festival"):
        credits = (grown / f"docs/{page}.md").read_text(encoding="utf-8").split("## 来源与版权", 1)[1]
        assert "- **后来**：录音或成文之后发生的事，见[编后记](afterword.md)。" in credits, page
    assert 'href="../afterword/"' in (grown / "site/column-2/index.html").read_text(encoding="utf-8")


def test_the_new_texts_are_searched_and_linked_from_the_glossary(grown: Path) -> None:
    from edition.editions.search_index import bundle_records

    pages = {record["meta"]["page"] for record in bundle_records(grown / "site/pagefind")}  # type: ignore[index]
    assert "episode-2/" in pages and "column-2/" in pages
    glossary = (grown / "site/glossary/index.html").read_text(encoding="utf-8")
    assert 'href="../episode-2/#p' in glossary and 'href="../column-2/#p' in glossary


def test_the_new_texts_are_in_the_pdfs(grown: Path) -> None:
    for prefix, title in (("", "又一篇评论"), ("tw/", "又一篇評論"), ("hk/", "又一篇評論")):
        pdf = grown / "site" / prefix / "sora-reader.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert title in text, prefix


@pytest.mark.parametrize(("text_id", "name", "literal"), KINDS_ADDED)
def test_a_hostile_source_of_every_kind_is_published_as_text(
    grown: Path, text_id: str, name: str, literal: str
) -> None:
    import html as html_module
    import re

    for prefix in ("", "tw/", "hk/"):
        page = (grown / "site" / prefix / text_id / "index.html").read_text(encoding="utf-8")
        article = page[page.index("<article") : page.index("</article>")]
        assert not re.search(r"<(?:script|svg|video|iframe|img|object|embed|style)\b", article), (prefix, name)
        assert not re.search(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", article), (prefix, name)  # in a tag, not text
        assert 'href="javascript:' not in article and "<em>" not in article and "<strong>5" not in article
        if prefix == "":
            assert literal in html_module.unescape(re.sub(r"<[^>]+>", "", article)), name


def test_a_subtitle_sources_times_are_on_the_page_in_search_and_in_the_pdf(grown: Path) -> None:
    page = (grown / "site/sub-srt/index.html").read_text(encoding="utf-8")
    assert f'<a class="turn-time" href="{AUDIO}#t=1"' in page and '<time datetime="PT1S">00:01</time>' in page
    from edition.editions.search_index import bundle_records

    records = [record for record in bundle_records(grown / "site/pagefind") if record["meta"]["page"] == "sub-srt/"]  # type: ignore[index]
    assert any('"00:01"' in record["meta"]["blocks"] for record in records)  # type: ignore[index]
    pdf = grown / "site/sora-reader.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "来源种类 sub-srt" in text and "00:01" in text.split("来源种类 sub-srt")[-1]


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
    import re

    from edition.sources.texts import load_registry

    root = copy_project(tmp_path)
    mkdocs = root / "mkdocs.yml"
    last = list(load_registry(root).texts.values())[-1]  # any registered text: its navigation line goes
    navigation, removed = re.subn(
        rf"^  - .*: {re.escape(last.page)}\n", "", mkdocs.read_text(encoding="utf-8"), flags=re.M
    )
    assert removed == 1
    mkdocs.write_text(navigation, encoding="utf-8")
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


def test_an_added_text_is_removed_with_one_command_and_the_tree_is_as_before(tmp_path: Path) -> None:
    from remove_text import remove_text

    root = copy_project(tmp_path)
    before = fingerprint(root)
    add_text(root, HOSTILE / "hostile.srt", "episode-4", title="第四期", audio=AUDIO)
    assert check_all(root) == []
    remove_text(root, "episode-4")
    assert fingerprint(root) == before
    with pytest.raises(EditionError, match=r"^data/texts\.yml:1: REM001 no text 'episode-4'"):
        remove_text(root, "episode-4")


def test_an_editor_sees_the_raw_cues_behind_a_paragraph_with_their_times(tmp_path: Path) -> None:
    from raw_lines import raw_lines
    from start_editing import start_editing

    root = copy_project(tmp_path)
    add_text(root, HOSTILE / "hostile.srt", "episode-5", title="第五期", audio=AUDIO)
    start_editing(root, "episode-5")
    shown = raw_lines(root, "episode-5", "p1")
    assert shown[0].startswith("docs/episode-5.md:") and " p1: 大家好欢迎收听" in shown[0]
    assert shown[1].startswith("  00:01  大家好欢迎收听") and shown[1].endswith(f"{AUDIO}#t=1")
    assert any(line.startswith("  02:10  !!! note") for line in shown)
    assert [line[:7] for line in raw_lines(root, "episode-5", "1:05")[1:]] == ["  01:05"]
    with pytest.raises(EditionError, match=r"RAW001 no paragraph p9"):
        raw_lines(root, "episode-5", "p9")


def test_an_editor_sees_the_raw_cues_behind_a_drafts_paragraph(tmp_path: Path) -> None:
    from raw_lines import raw_lines

    root = copy_project(tmp_path)
    add_text(root, HOSTILE / "hostile.srt", "episode-6", title="第六期", audio=AUDIO)
    shown = raw_lines(root, "episode-6", "p1")
    assert shown[0].startswith("episode-6 draft p1: 大家好欢迎收听") and len(shown) == 5


def test_corrections_made_in_one_episode_are_proposed_for_the_next(tmp_path: Path) -> None:
    from start_editing import start_editing
    from suggest_corrections import suggestions

    root = copy_project(tmp_path)
    first = tmp_path / "first.srt"
    first.write_text("1\n00:00:01,000 --> 00:00:03,000\n欢迎来到乱谈节目吧\n", encoding="utf-8")
    add_text(root, first, "first", title="第一期")
    start_editing(root, "first")
    page = root / "docs/first.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        .replace("乱谈", "{~~乱谈~>乱弹~~}")
        .replace("说话人甲？**：{>>说话人存疑：尚未辨认<<}", "说话人甲**："),
        encoding="utf-8",
    )
    second = tmp_path / "second.srt"
    second.write_text("1\n00:00:01,000 --> 00:00:03,000\n这里是乱谈第二期吧\n", encoding="utf-8")
    add_text(root, second, "second", title="第二期")
    with pytest.raises(EditionError, match=r"^data/texts\.yml:1: SUG001 'article' is no transcript"):
        suggestions(root, "article")
    assert suggestions(root, "second") == [
        # the seed episode of the same show corrected it too
        "second draft p1: «这里是乱谈第二期吧。» → {~~乱谈~>乱弹~~} (corrected 2× in first, sora-spring-festival)"
    ]
