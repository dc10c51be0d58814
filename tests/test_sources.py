"""The raw sources are never edited: pinned by hash, checked on every build."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.sources.texts import load_registry, read_raw

ROOT = Path(__file__).resolve().parent.parent

# The hashes of the two seed texts (ids podcast and article) as delivered; the registry must pin
# these for them (other texts, added later, are pinned by add_text and checked on every build).
PINNED = {
    "docs/sources/podcast-justsayai-sora2-asr-raw.txt": (
        "d00b1179d9b1e360babfc16a8a2f04d588bc73ff7c0fc0dfb1b3a8de02685988"
    ),
    "docs/sources/article-mengyonghui-sora-scraped-raw.txt": (
        "2d50283a4c2204b75b7271c810e64305e2ce0fc9664228d38d8e823bfe432795"
    ),
}


@pytest.mark.parametrize(("path", "sha256"), PINNED.items())
def test_raw_source_is_byte_identical_to_the_seed(path: str, sha256: str) -> None:
    assert hashlib.sha256((ROOT / path).read_bytes()).hexdigest() == sha256


def test_registry_pins_the_same_hashes_for_the_seed_texts() -> None:
    registry = load_registry(ROOT)
    pinned = {entry.raw: entry.sha256 for entry in registry.texts.values() if entry.raw in PINNED}
    assert pinned == PINNED


def _copy_project(tmp_path: Path) -> Path:
    for folder in ("data", "docs/sources"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_an_altered_raw_source_stops_with_src001(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    raw = root / "docs/sources/article-mengyonghui-sora-scraped-raw.txt"
    raw.write_bytes(raw.read_bytes().replace("贾玲".encode(), "贾铃".encode(), 1))
    registry = load_registry(root)
    with pytest.raises(EditionError) as error:
        read_raw(root, "article", registry.texts["article"])
    message = str(error.value)
    assert message.startswith("docs/sources/article-mengyonghui-sora-scraped-raw.txt:1: SRC001 ")
    assert "data/texts.yml:" in message and "git checkout" in message


def test_a_missing_raw_source_stops_with_src002(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    (root / "docs/sources/podcast-justsayai-sora2-asr-raw.txt").unlink()
    registry = load_registry(root)
    with pytest.raises(EditionError, match="SRC002"):
        read_raw(root, "podcast", registry.texts["podcast"])
