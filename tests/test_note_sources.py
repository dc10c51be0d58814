"""What a note stands on: the kind of each source, refused hosts, https, one URL once (SRC010–SRC013)."""

from __future__ import annotations

from pathlib import Path

import yaml

from edition.datafile import load_yaml
from edition.errors import EditionError
from edition.notes.footnotes import sources_html
from edition.notes.glossary import load_glossary
from edition.notes.model import Source
from edition.notes.sources import load_hosts

ROOT = Path(__file__).resolve().parent.parent

TERM = """- id: test-term
  headword: 物理引擎
  definition: 模拟物体运动的软件组件。
  sources:
{sources}
  checked: 2026-11-22
"""


def codes(tmp_path: Path, sources: str) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data/source-hosts.yml").write_text((ROOT / "data/source-hosts.yml").read_text(encoding="utf-8"))
    (tmp_path / "data/glossary.yml").write_text(TERM.format(sources=sources), encoding="utf-8")
    try:
        load_glossary(tmp_path)
    except EditionError as error:
        return [f"{problem.line}:{problem.code}" for problem in error.problems]
    return []


def source(url: str, kind: str) -> str:
    return f"    - title: A page\n      url: {url}\n      kind: {kind}"


def test_a_note_on_other_sources_alone_is_src010(tmp_path: Path) -> None:
    assert codes(tmp_path, source("https://example.org/a", "other")) == ["4:SRC010"]
    assert codes(tmp_path, source("https://example.org/a", "other") + "\n" + source("https://x.org/", "news")) == []


def test_a_refused_host_is_src011_at_its_line(tmp_path: Path) -> None:
    assert codes(tmp_path, source("https://www.eyerys.com/articles/x", "news")) == ["6:SRC011"]
    assert codes(tmp_path, source("https://m.ts2.tech/x", "news")) == ["6:SRC011"]  # a host under a refused one


def test_plain_http_is_src012_and_a_repeated_url_src013(tmp_path: Path) -> None:
    assert codes(tmp_path, source("http://example.org/a", "news")) == ["6:SRC012"]
    twice = source("https://example.org/a", "news") + "\n" + source("https://example.org/a", "reference")
    assert codes(tmp_path, twice) == ["9:SRC013"]


def test_a_source_without_its_kind_is_refused_with_the_field(tmp_path: Path) -> None:
    found = codes(tmp_path, "    - title: A page\n      url: https://example.org/")
    assert found and all(code.endswith("DATA003") for code in found)


def test_every_refused_host_has_its_reason_and_no_note_cites_one() -> None:
    hosts = load_hosts(ROOT)
    assert hosts.refused and all(len(entry.reason) >= 8 for entry in hosts.refused)
    cited = [
        str(item["url"])
        for path in [ROOT / "data/glossary.yml", *sorted((ROOT / "data/annotations").glob("*.yml"))]
        for note in yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in note["sources"]
    ]
    assert not [url for url in cited if any(f"//{h.host}" in url or f".{h.host}/" in url for h in hosts.refused)]
    assert load_yaml(ROOT / "data/source-hosts.yml", "data/source-hosts.yml")


def test_a_reader_sees_what_kind_each_source_is() -> None:
    shown = sources_html([Source(title="OpenAI — Sora 2", url="https://openai.com/index/sora-2/", kind="primary")])
    assert (
        '<a href="https://openai.com/index/sora-2/">OpenAI — Sora 2</a><span class="source-kind">（原始资料）</span>'
        in shown
    )


def test_a_refused_host_written_with_a_trailing_dot_or_in_capitals_is_still_refused(tmp_path: Path) -> None:
    # A fully qualified name (eyerys.com.) is the same site to a browser: it must not slip past the list.
    assert codes(tmp_path, source("https://eyerys.com./articles/x", "news")) == ["6:SRC011"]
    assert codes(tmp_path, source("https://WWW.EYERYS.COM./articles/x", "news")) == ["6:SRC011"]
    assert codes(tmp_path, source("https://m.ts2.tech./x", "news")) == ["6:SRC011"]


def test_a_source_whose_kind_contradicts_its_hosts_list_is_src014_at_its_kind(tmp_path: Path) -> None:
    # A vendor's explainer cannot be news; a paper is the paper itself, not a reference work.
    assert codes(tmp_path, source("https://www.techtarget.com/whatis/feature/x", "news")) == ["7:SRC014"]
    assert codes(tmp_path, source("https://www.techtarget.com./whatis/feature/x", "reference")) == ["7:SRC014"]
    assert codes(tmp_path, source("https://arxiv.org/abs/2311.09735", "reference")) == ["7:SRC014"]
    assert codes(tmp_path, source("https://docs.stripe.com/agentic-commerce", "news")) == [
        "7:SRC014"
    ]  # under stripe.com
    # An entry with a path covers that path only: NetEase's self-media accounts, not its newsroom.
    assert codes(tmp_path, source("https://www.163.com/dy/article/X.html", "news")) == ["7:SRC014"]
    assert codes(tmp_path, source("https://news.163.com/24/0211/x.html", "news")) == []
    # The listed kind passes, and an unlisted host is judged source by source.
    assert codes(tmp_path, source("https://www.techtarget.com/whatis/feature/x", "other")) == ["4:SRC010"]
    assert codes(tmp_path, source("https://arxiv.org/abs/2311.09735", "primary")) == []
    assert codes(tmp_path, source("https://example.org/a", "reference")) == []


def test_a_host_listed_twice_is_src015_at_the_second_entry(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/glossary.yml").write_text(TERM.format(sources=source("https://x.org/", "news")), encoding="utf-8")
    lists = "refused: [{host: ex.com, reason: content farm}]\nkinds:\n  news: [{host: a.org}]\n  other:\n"
    for twice in ("    - {host: A.org., reason: a blog}\n", "    - {host: www.ex.com, reason: a blog}\n"):
        (tmp_path / "data/source-hosts.yml").write_text(lists + twice, encoding="utf-8")
        try:
            load_glossary(tmp_path)
        except EditionError as error:
            assert [f"{p.line}:{p.code}" for p in error.problems] == ["5:SRC015"]
        else:
            raise AssertionError("a host listed twice was accepted")


def test_every_host_listed_as_other_says_what_the_site_is_and_every_source_agrees_with_the_lists() -> None:
    hosts = load_hosts(ROOT)
    assert hosts.kinds.other and all(len(entry.reason) >= 8 for entry in hosts.kinds.other)
    assert {"arxiv.org", "peerj.com"} <= {entry.host for entry in hosts.kinds.primary}
    for path in [ROOT / "data/glossary.yml", *sorted((ROOT / "data/annotations").glob("*.yml"))]:
        for note in yaml.safe_load(path.read_text(encoding="utf-8")):
            for item in note["sources"] + (note.get("later") or {}).get("sources", []):
                listed = hosts.kind_of(item["url"])
                assert listed is None or listed[0] == item["kind"], (path.name, note["id"], item["url"])
