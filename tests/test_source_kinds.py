"""Source kinds: each kind is recognised from its file, read into plain-text blocks with its times,
and — whatever a third party put in it — its words reach the page as text, never as markup."""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.reading.timing import clock, time_markup
from edition.render import plain_text, render_markdown
from edition.sources.kinds import KINDS, detect, kind_named
from edition.sources.pages import render_text
from edition.sources.rawfile import decode_source, detect_encoding
from tests.conftest import ROOT
from tests.project_copy import copy_project

sys.path.insert(0, str(ROOT / "scripts"))
from add_text import NewText, plan

SOURCES = Path(__file__).parent / "data" / "sources"
EPISODE = ROOT.parent / "shared/texts/pie-ep109.srt"  # a real Whisper SRT (not an edition text)
AUDIO = "https://audio.example.org/ep.mp3"

# Each hostile fixture, the kind it must be read as, and what of it must show as plain text.
HOSTILE = [
    (
        "hostile.srt",
        "srt",
        ["<script>alert(1)</script>", "5*3*2", "`rm", "&amp;", "#，这不是标题", "<svg onload=alert(3)>"],
    ),
    # WebVTT's own tags (<v>, <c>, and tags it does not know) are cue markup, dropped as a player
    # drops them; its character references are the characters they stand for.
    ("hostile.vtt", "webvtt", ["大家好", "alert(1)", "5*3*2", "<b>", "{==高亮==}"]),
    ("hostile-plain.txt", "plain", ["<script>alert(1)</script>", "5*3*2", "# 这一行以井号开头", "`代码`"]),
    ("hostile.md", "markdown", ["<script>alert(1)</script>", '<svg onload="alert(3)"></svg>', "5*3*2"]),
    ("hostile.html", "html", ["<script>alert(1)</script>", "5*3*2", "# 这一行以井号开头"]),
    ("hostile-asr.txt", "asr-line", ["<script>alert(1)</script>", "5*3*2", "{++加上++}"]),
]
# What the pipeline itself writes around a source's words; anything else in the text came from it.
EDITOR_TAGS = {"div", "p", "h1", "h2", "hr", "span", "time", "a", "sup", "strong"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("kinds"))


@pytest.mark.parametrize(("name", "kind", "literals"), HOSTILE)
def test_a_hostile_source_of_every_kind_reaches_the_page_as_text(
    project: Path, name: str, kind: str, literals: list[str]
) -> None:
    audio = {"audio": AUDIO} if KINDS[kind].text_kind == "transcript" else {}
    new = plan(project, SOURCES / name, "hostile", title="一个标题", **audio)
    assert new.kind.name == kind
    frame = new.files["docs/hostile.md"].split("\n---\n", 1)[1].replace("<!-- edition:text -->", "")
    text_html = render_markdown(project, _text_markdown(project, new))
    html = text_html + render_markdown(project, frame)  # the frame quotes the source's metadata
    assert {tag for tag, _ in _tags(text_html)} <= EDITOR_TAGS, name
    for tag, attributes in _tags(html):
        assert tag in EDITOR_TAGS | {"ul", "li", "code"}, (name, tag)
        assert not any(attribute.startswith("on") for attribute in attributes), (name, tag, attributes)
        href = attributes.get("href") or ""
        assert not href.lower().startswith(("javascript:", "data:", "vbscript:")), (name, href)
        if tag == "a" and href.startswith("http"):
            assert href.startswith(AUDIO), (name, href)  # only the recording (and its times) link out
    text = plain_text(html)
    for literal in literals:
        assert literal in text.replace("\n", " "), (name, literal)


def _text_markdown(root: Path, new: NewText) -> str:
    if new.kind.text_kind == "article":
        return render_text("article", new.source, "x")
    return render_text("transcript-draft", new.source, "x", AUDIO)


def test_each_kind_is_recognised_from_its_file() -> None:
    for name, kind, _ in HOSTILE:
        data = (SOURCES / name).read_bytes()
        encoding = detect_encoding(data)
        assert encoding is not None
        assert detect(decode_source(data, encoding, name), Path(name).suffix).name == kind, name
    seed = (ROOT / "docs/sources/article-mengyonghui-sora-scraped-raw.txt").read_text(encoding="utf-8")
    assert detect(seed, ".txt").name == "shuijingqiu"


@pytest.mark.skipif(not EPISODE.exists(), reason="needs ../shared/texts")
def test_a_real_whisper_srt_keeps_a_time_for_every_cue() -> None:
    text = EPISODE.read_text(encoding="utf-8")
    source = KINDS["srt"].read(text, EPISODE.name)
    assert len(source.blocks) == text.count("-->")
    starts = [block.start for block in source.blocks if block.start is not None]
    assert len(starts) == len(source.blocks) and starts == sorted(starts) and starts[-1] > 600
    assert "-->" not in source.text and "00:00" not in source.text


def test_a_paragraph_starts_at_its_first_words_time() -> None:
    source = KINDS["srt"].read((SOURCES / "hostile.srt").read_text(encoding="utf-8"), "hostile.srt")
    third = source.words.index("这不是标题")
    assert source.time_at(0) == 1.0
    assert source.time_at(third) == 65.5
    assert source.time_at(len(source.words) - 1) == 130.0


def test_times_read_as_a_clock_and_link_to_the_audio_only_when_given() -> None:
    assert clock(65.5) == "01:05" and clock(3723) == "1:02:03"
    assert time_markup(None) == ""
    assert 'href="https://audio.example.org/ep.mp3#t=65"' in time_markup(65.5, AUDIO)
    assert "href" not in time_markup(65.5)


def test_line_ends_and_legacy_encodings_are_normalised_when_read(tmp_path: Path) -> None:
    crlf = (SOURCES / "hostile-plain.txt").read_bytes()
    assert b"\r\n" in crlf and "\r" not in decode_source(crlf, "utf-8", "x")
    article = (ROOT / "docs/sources/article-mengyonghui-sora-scraped-raw.txt").read_text(encoding="utf-8")[2000:2600]
    gb = article.encode("gb18030")  # as a Windows editor in mainland China saves it
    assert detect_encoding(gb) == "gb18030"
    assert decode_source(gb, "gb18030", "x") == article
    assert decode_source("\ufeff标题".encode(), "utf-8", "x") == "标题"  # a BOM is not text


def test_a_file_in_another_encoding_than_recorded_is_refused() -> None:
    with pytest.raises(EditionError, match=r"^x:1: SRC003 not readable as utf-8"):
        decode_source("第一段".encode("gb18030"), "utf-8", "x")


def test_a_malformed_subtitle_file_names_the_line() -> None:
    broken = "1\n00:00:01,000 -> 00:00:02,000\n你好\n"
    with pytest.raises(EditionError, match=r"^broken.srt:\d+: SRC005 "):
        KINDS["srt"].read(broken, "broken.srt")
    lenient = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n你好\n\n00:00:03.000 --> bad\n这句会丢\n"
    with pytest.raises(EditionError, match=r"^broken.vtt:6: SRC005 2 timing lines but 1 WebVTT cues read"):
        KINDS["webvtt"].read(lenient, "broken.vtt")


def test_an_empty_source_is_refused() -> None:
    for kind in ("plain", "markdown", "asr-line"):
        with pytest.raises(EditionError, match="SRC004"):
            KINDS[kind].read("   \n", "empty.txt")


def test_a_web_page_keeps_its_article_and_reports_what_it_dropped() -> None:
    source = KINDS["html"].read((SOURCES / "hostile.html").read_text(encoding="utf-8"), "page.html")
    assert source.metadata.title == "春节档电影与 AI 视频"
    assert source.metadata.url == "https://example.com/2024/02/ai-video.html"
    assert source.metadata.date == "2024-02-20"
    for chrome in ("热门文章", "分享到微博 分享到微信", "网友甲：写得好！", "版权所有 © 示例科技"):
        assert chrome not in source.text and chrome in source.dropped
    assert "多位导演表示" in source.text and [block.role for block in source.blocks][:2] == ["title", "paragraph"]


def test_an_unknown_format_and_a_title_with_markup_are_refused(project: Path) -> None:
    with pytest.raises(EditionError, match=r"SRC006 unknown source kind 'docx'"):
        kind_named("docx", "data/texts.yml", 3)
    with pytest.raises(EditionError, match=r"ADD004 unknown --format 'docx'"):
        plan(project, SOURCES / "hostile.md", "x", source_format="docx")
    with pytest.raises(EditionError, match=r"ADD006 --title has a line break"):
        plan(project, SOURCES / "hostile.md", "x", title="一\n二")
    with pytest.raises(
        EditionError,
        match=r"hostile\.md:1: ADD006 the new entry is not valid \(title: Value error, a title or label holds no <, >",
    ):
        plan(project, SOURCES / "hostile.md", "x", title="x</title><script>alert(1)</script>")


def test_a_subtitle_file_cannot_be_added_as_an_article(project: Path) -> None:
    with pytest.raises(EditionError, match=r"hostile\.srt:1: ADD004 a srt source makes a transcript, not a article"):
        plan(project, SOURCES / "hostile.srt", "x", "article", title="标题")
