"""The cache of work done once (``edition.cache``): a result is reused only for the very inputs it
was made from, and a build from the cache is the build made without it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from edition.cache import Cache, digest
from tests.project_copy import ROOT, copy_project, fingerprint


@dataclass
class Pair:
    simplified: str
    forms: set[str]


def test_equal_values_have_one_digest_and_any_change_another() -> None:
    # A set's order is not its content.
    assert digest(Pair("视频", {"影片", "視頻"})) == digest(Pair("视频", {"視頻", "影片"}))
    assert digest({"a": 1, "b": 2}) == digest({"b": 2, "a": 1})
    assert digest(Pair("视频", {"影片"})) != digest(Pair("视频", {"視頻"}))
    assert digest("视频", "") != digest("视", "频")  # values are kept apart, not run together
    assert digest(re.compile("a|b")) != digest(re.compile("a|b", re.I))
    assert digest(b"raw") != digest("raw")


def test_a_value_without_a_canonical_form_is_refused_not_keyed_by_its_identity() -> None:
    with pytest.raises(TypeError, match="no canonical form"):
        digest(object())


def test_a_result_is_made_once_for_the_same_inputs_and_anew_for_others(tmp_path: Path) -> None:
    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    cache = Cache(tmp_path, code="one")
    assert cache.remember("step", ("a",), lambda: make("a")) == "A"
    assert cache.remember("step", ("a",), lambda: make("a")) == "A"
    assert cache.remember("step", ("b",), lambda: make("b")) == "B"
    assert cache.remember("other-step", ("a",), lambda: make("a")) == "A"
    assert made == ["a", "b", "a"]
    # Other code (an edit to the pipeline, another lock file): nothing kept before is served.
    assert Cache(tmp_path, code="two").remember("step", ("a",), lambda: make("a")) == "A"
    assert made == ["a", "b", "a", "a"]


def test_an_entry_cut_short_is_made_again(tmp_path: Path) -> None:
    cache = Cache(tmp_path, code="one")
    cache.remember("step", ("a",), lambda: "kept")
    (entry,) = (tmp_path / "step").iterdir()
    entry.write_bytes(entry.read_bytes()[:5])
    assert cache.remember("step", ("a",), lambda: "made again") == "made again"


def test_without_a_folder_every_call_computes(tmp_path: Path) -> None:
    cache = Cache(None, code="one")
    calls = iter(["first", "second"])
    assert cache.remember("step", ("a",), lambda: next(calls)) == "first"
    assert cache.remember("step", ("a",), lambda: next(calls)) == "second"


def test_past_its_size_the_cache_keeps_what_was_used_last(tmp_path: Path) -> None:
    cache = Cache(tmp_path, code="one")
    for number, name in enumerate(["oldest", "older", "newest"]):
        cache.remember("step", (name,), lambda: "x" * 1000)
        os.utime(cache.entry_path("step", (name,)), (time.time() - 100 + number, time.time() - 100 + number))
    assert cache.prune(most_bytes=2500) == 1
    assert cache.get("step", ("oldest",)) is None
    assert cache.get("step", ("older",)) == cache.get("step", ("newest",)) == "x" * 1000


def test_entries_unused_for_the_keeping_time_are_removed(tmp_path: Path) -> None:
    cache = Cache(tmp_path, code="one")
    cache.remember("step", ("old",), lambda: 1)
    cache.remember("step", ("new",), lambda: 2)
    long_ago = time.time() - 30 * 86400
    os.utime(cache.entry_path("step", ("old",)), (long_ago, long_ago))
    assert cache.prune(days=14) == 1
    assert cache.get("step", ("old",)) is None
    assert cache.get("step", ("new",)) == 2


KEYS = """
import os
os.environ["EDITION_CACHE"] = "off"
from pathlib import Path
from edition.cache import digest
from edition.edition_build import EditionBuild
build = EditionBuild.run(Path(os.environ["PROJECT"]))
print(digest(build.regional, build.overrides, build.editions, build.notes.glossary, build._heading_units()))
"""


def test_the_keys_of_a_build_are_the_same_in_every_process() -> None:
    """Python orders a set differently in each process: an order taken from a set (of names, of
    protected words, of heading phrases) made every build's keys new, and nothing was reused."""
    keys = set()
    for seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "PROJECT": str(ROOT)}
        result = subprocess.run([sys.executable, "-c", KEYS], env=environment, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        keys.add(result.stdout)
    assert len(keys) == 1


def _build(root: Path, site: Path, cache: str) -> None:
    result = subprocess.run(
        [sys.executable, str(root / "scripts/build_site.py"), "--no-pdf", "--site-dir", str(site)],
        cwd=root,
        env={**os.environ, "EDITION_CACHE": cache, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_a_build_from_the_cache_is_the_build_without_it_and_an_edit_is_never_served_stale(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    cache = tmp_path / "cache"
    _build(root, tmp_path / "site", str(cache))
    kept, first = fingerprint(cache), fingerprint(tmp_path / "site")
    _build(root, tmp_path / "site", str(cache))
    assert fingerprint(cache) == kept, "a build with nothing changed made something anew"
    assert fingerprint(tmp_path / "site") == first

    # An edit to one text's notes, to a page that is no text, and to the regional words: each is
    # in every edition at once, as a build without the cache has it.
    annotations = root / "data/annotations/podcast.yml"
    text = annotations.read_text(encoding="utf-8")
    annotations.write_text(text.replace("采用邀请制", "采用邀请制（编者补记测试）", 1), encoding="utf-8")
    licence = root / "docs/licence.md"
    licence.write_text(licence.read_text(encoding="utf-8") + "\n新加的一段。\n", encoding="utf-8")
    vocabulary = root / "data/regional-vocabulary.yml"
    words = vocabulary.read_text(encoding="utf-8")
    assert "tw: 影片" in words
    vocabulary.write_text(words.replace("tw: 影片", "tw: 影像片", 1), encoding="utf-8")
    _build(root, tmp_path / "edited", str(cache))
    _build(root, tmp_path / "uncached", "off")
    assert fingerprint(tmp_path / "edited") == fingerprint(tmp_path / "uncached")
    for prefix, said in (("", "编者补记测试"), ("tw/", "編者補記測試"), ("hk/", "編者補記測試")):
        assert said in (tmp_path / "edited" / prefix / "podcast/index.html").read_text(encoding="utf-8"), prefix
    assert "新加的一段" in (tmp_path / "edited/licence/index.html").read_text(encoding="utf-8")
    assert "影像片" in (tmp_path / "edited/tw/podcast/index.html").read_text(encoding="utf-8")
