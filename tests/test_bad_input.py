"""Malformed input, end to end: each stops with ``path:line: CODE message`` and a non-zero exit,
leaves the sources untouched, and leaves the previous site/ as it was.

Most single mistakes are tested where their check lives (test_datafile, test_reading,
test_contributor_errors, test_sources, test_convert); here every kind of bad input goes through
``scripts/check.py`` or the whole build, as a contributor would meet it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.project_copy import copy_project, fingerprint

ROOT = Path(__file__).resolve().parent.parent
PODCAST_RAW = "docs/sources/podcast-justsayai-sora2-asr-raw.txt"


def append(path: str, text: str) -> Callable[[Path], object]:
    def change(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as file:
            file.write(text)

    return change


def write(path: str, content: bytes) -> Callable[[Path], object]:
    return lambda root: (root / path).write_bytes(content)


def replace(path: str, old: str, new: str) -> Callable[[Path], object]:
    def change(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        assert old in text, old
        (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


SOURCE = "  sources:\n    - title: s\n      url: https://example.org/\n      kind: reference\n  checked: 2026-11-22\n"
TERM = "- id: t\n  headword: 物理引擎\n  definition: 定义。\n" + SOURCE
NOTE = "- id: n\n  quote:\n    exact: {exact}\n  note: 注。\n  author: 编者\n" + SOURCE

CASES: dict[str, tuple[Callable[[Path], object], str, str]] = {
    # name: (the mistake, the file the message names, its code)
    "invalid YAML": (append("data/glossary.yml", "- id: [unclosed\n"), "data/glossary.yml", "DATA001"),
    "unknown key": (append("data/glossary.yml", TERM + "  colour: red\n"), "data/glossary.yml", "DATA002"),
    "missing field": (
        append("data/glossary.yml", TERM.replace("  definition: 定义。\n", "")),
        "data/glossary.yml",
        "DATA003",
    ),
    "wrong type": (
        append("data/glossary.yml", TERM.replace("headword: 物理引擎", "headword: [1, 2]")),
        "data/glossary.yml",
        "DATA004",
    ),
    "empty file": (write("data/speakers/podcast.yml", b""), "data/speakers/podcast.yml", "DATA005"),
    "BOM": (
        lambda root: (root / "data/fillers.yml").write_bytes(
            b"\xef\xbb\xbf" + (root / "data/fillers.yml").read_bytes()
        ),
        "data/fillers.yml",
        "FILE002",
    ),
    "invalid UTF-8": (
        write("data/texts.yml", b"podcast: \xff\n"),
        "data/texts.yml",
        "FILE003",
    ),
    "CRLF": (
        lambda root: (root / "data/glossary.yml").write_bytes(
            (root / "data/glossary.yml").read_bytes().replace(b"\n", b"\r\n")
        ),
        "data/glossary.yml",
        "FILE004",
    ),
    "missing data file": (lambda root: (root / "data/texts.yml").unlink(), "data/texts.yml", "FILE001"),
    "altered raw source": (replace(PODCAST_RAW, "抖音危险了", "抖音安全了"), PODCAST_RAW, "SRC001"),
    "missing raw source": (lambda root: (root / PODCAST_RAW).unlink(), PODCAST_RAW, "SRC002"),
    "duplicate id": (
        append("data/glossary.yml", TERM + TERM.replace("物理引擎", "引擎")),
        "data/glossary.yml",
        "GLO001",
    ),
    "alias in no text": (
        append("data/glossary.yml", TERM.replace("物理引擎", "化学引擎")),
        "data/glossary.yml",
        "GLO002",
    ),
    "script in a note": (
        append("data/glossary.yml", TERM.replace("定义。", "<script>alert(1)</script>")),
        "data/glossary.yml",
        "NOTE001",
    ),
    "source not a URL": (
        append("data/glossary.yml", TERM.replace("https://example.org/", "见官网")),
        "data/glossary.yml",
        "URL001",
    ),
    "quote matches nowhere": (
        write("data/annotations/article.yml", NOTE.format(exact="不存在的引文").encode()),
        "data/annotations/article.yml",
        "ANN001",
    ),
    "quote matches twice": (
        write("data/annotations/article.yml", NOTE.format(exact="人工智能").encode()),
        "data/annotations/article.yml",
        "ANN002",
    ),
    "unbalanced correction": (
        replace("docs/podcast.md", "{~~strike~>Stripe~~}", "{~~strike~>Stripe"),
        "docs/podcast.md",
        "CRIT001",
    ),
    "unknown speaker": (
        replace("docs/podcast.md", "**老修**：这一次", "**小明**：这一次"),
        "docs/podcast.md",
        "SPK001",
    ),
    "paragraph without speaker": (
        replace("docs/podcast.md", "**老修**：这一次", "这一次"),
        "docs/podcast.md",
        "SPK002",
    ),
    "reading text changed": (
        replace("docs/podcast.md", "物理引擎非常强", "物理引擎非常弱"),
        "docs/podcast.md",
        "FID001",
    ),
    "unclosed sponsor block": (replace("docs/podcast.md", "<!-- /sponsor -->", ""), "docs/podcast.md", "READ002"),
    "no reading markers": (replace("docs/podcast.md", "<!-- /reading-text -->", ""), "docs/podcast.md", "READ001"),
    "article marker missing": (replace("docs/article.md", "<!-- edition:text -->", ""), "docs/article.md", "PAGE001"),
    "override changes nothing": (
        append("data/conversion-overrides.yml", "- simplified: 头发\n  tw: 頭髮\n  reason: already right\n"),
        "data/conversion-overrides.yml",
        "OVR001",
    ),
    "override for no text": (
        append("data/conversion-overrides.yml", "- simplified: 火星文\n  tw: 火星文字\n  reason: not in the texts\n"),
        "data/conversion-overrides.yml",
        "OVR002",
    ),
}


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/check.py"], cwd=root, capture_output=True, text=True, timeout=300, check=False
    )


def test_there_are_at_least_twenty_kinds_of_bad_input() -> None:
    assert len(CASES) >= 20
    assert len({code for _, _, code in CASES.values()}) >= 20


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_stops_with_file_line_code_and_a_non_zero_exit(tmp_path: Path, name: str) -> None:
    change, path, code = CASES[name]
    root = copy_project(tmp_path)
    change(root)
    sources_before = fingerprint(root / "docs/sources") if (root / PODCAST_RAW).exists() else None
    result = run_check(root)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if f": {code} " in line]
    assert lines, result.stdout
    assert all(line.startswith(f"{path}:") and line.split(":")[1].isdigit() for line in lines), lines
    if sources_before is not None:
        assert fingerprint(root / "docs/sources") == sources_before


def test_a_ten_megabyte_transcript_is_refused_quickly_with_a_message(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    raw = root / PODCAST_RAW
    raw.write_bytes(raw.read_bytes() * (10_000_000 // raw.stat().st_size + 1))
    assert raw.stat().st_size > 10_000_000
    result = run_check(root)
    assert result.returncode == 1
    # Refused by its size before it is hashed or read (SRC008), not only as a changed file.
    assert f"{PODCAST_RAW}:1: SRC008 larger than" in result.stdout


def test_a_ten_megabyte_reading_check_reports_the_missing_text(tmp_path: Path) -> None:
    from edition.errors import EditionError
    from edition.reading.reading import check_reading_faithful, parse_reading
    from edition.reading.speakers import load_speakers
    from edition.sources.fidelity import words_only

    raw = (ROOT / PODCAST_RAW).read_text(encoding="utf-8")
    speakers = load_speakers(ROOT, "data/speakers/podcast.yml")
    blocks = parse_reading((ROOT / "docs/podcast.md").read_text(encoding="utf-8"), speakers, "docs/podcast.md").blocks
    big = raw * (10_000_000 // len(raw.encode()) + 1)
    with pytest.raises(EditionError, match=r"^docs/podcast\.md:\d+: FID001 reading text ends at source character"):
        check_reading_faithful(words_only(big), blocks, "docs/podcast.md")


def test_a_failed_build_leaves_the_previous_site_and_the_sources_intact(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build", encoding="utf-8")
    before = fingerprint(site), fingerprint(root / "docs/sources")
    replace("docs/podcast.md", "物理引擎非常强", "物理引擎非常弱")(root)
    result = subprocess.run(
        [sys.executable, "scripts/build_site.py"], cwd=root, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode != 0
    assert "docs/podcast.md:" in result.stderr + result.stdout and "FID001" in result.stderr + result.stdout
    assert (fingerprint(site), fingerprint(root / "docs/sources")) == before
    assert not (root / "site.tmp").exists()


def test_the_build_and_make_check_name_the_same_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    replace("docs/podcast.md", "物理引擎非常强", "物理引擎非常弱")(root)
    line = next(n for n, text in enumerate((root / "docs/podcast.md").read_text().splitlines(), 1) if "非常弱" in text)
    check = run_check(root)
    build = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--no-pdf"], cwd=root, capture_output=True, text=True, check=False
    )
    assert f"docs/podcast.md:{line}: FID001" in check.stdout
    assert f"docs/podcast.md:{line}: FID001" in build.stdout + build.stderr


def test_a_killed_build_leaves_no_half_built_folder_and_no_child(tmp_path: Path) -> None:
    import signal
    import time

    root = copy_project(tmp_path)
    build = subprocess.Popen([sys.executable, "scripts/build_site.py", "--no-pdf"], cwd=root)
    staging = root / "site.tmp"
    for _ in range(200):  # until the MkDocs child has started writing
        if staging.exists():
            break
        time.sleep(0.05)
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=60) != 0
    time.sleep(0.5)
    assert not staging.exists()
    children = subprocess.run(["pgrep", "-f", f"--site-dir {staging}"], capture_output=True, text=True, check=False)
    assert children.stdout.strip() == ""


@pytest.mark.parametrize(
    ("front_matter", "line"),
    [
        ("---\ntitle: 标题\n\n# 没有结束的 front matter\n", 1),  # never closed
        ("---\ntitle: [未闭合\n---\n", 2),  # not YAML
        ("---\ndescription: 没有标题\n---\n", 2),  # no title
    ],
)
def test_malformed_front_matter_in_a_text_page_is_page003(tmp_path: Path, front_matter: str, line: int) -> None:
    root = copy_project(tmp_path)
    page = root / "docs/article.md"
    body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    page.write_text(front_matter + body, encoding="utf-8")
    result = run_check(root)
    assert f"docs/article.md:{line}: PAGE003 " in result.stdout, result.stdout
