"""The editions are data: ``data/editions.yml`` declares them, every stage reads them from there, and
an edition is added by data alone — proved by building a fourth one in a copy of the project."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from edition.checks import check_all
from edition.editions.declared import EDITIONS_FILE, load_editions
from edition.editions.keys import edition_key_problems
from edition.errors import EditionError
from tests.conftest import ROOT
from tests.project_copy import copy_project

# A Simplified regional edition: no character conversion, words of its own. Singapore's official
# term for information is 资讯 (资讯通信, infocomm), where the mainland's is 信息.
SINGAPORE = {
    "id": "sg",
    "prefix": "sg/",
    "lang": "zh-Hans-SG",
    "label": "新",
    "name": "简体中文（新加坡）",
    "region": "新加坡",
    "pdf_fonts": ["Noto Serif CJK SC"],
}


def _editions_data(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((root / EDITIONS_FILE).read_text(encoding="utf-8"))
    return data


def _write_yaml(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _with_editions(tmp_path: Path, change: Any) -> list[str]:
    """``path:line: CODE`` of each problem with ``data/editions.yml`` changed by ``change``."""
    (tmp_path / "data").mkdir(exist_ok=True)
    data = _editions_data(ROOT)
    change(data["editions"])
    _write_yaml(tmp_path / EDITIONS_FILE, data)
    try:
        load_editions(tmp_path)
    except EditionError as error:
        return [f"{problem.line}:{problem.code}" for problem in error.problems]
    return []


def test_the_three_editions_are_declared_in_data() -> None:
    editions = load_editions(ROOT)
    assert [(e.id, e.prefix, e.lang, e.label) for e in editions.all] == [
        ("hans", "", "zh-Hans", "简"),
        ("tw", "tw/", "zh-Hant-TW", "繁"),
        ("hk", "hk/", "zh-Hant-HK", "港"),
    ]
    assert editions.base.id == "hans" and [e.opencc for e in editions.others] == ["s2tw", "s2hk"]
    assert editions.regions == {"tw": "台湾", "hk": "香港"}


def test_edn001_two_editions_with_one_prefix(tmp_path: Path) -> None:
    def same_prefix(editions: list[dict[str, Any]]) -> None:
        editions[2]["prefix"] = "tw/"

    assert [code.split(":")[1] for code in _with_editions(tmp_path, same_prefix)] == ["EDN001"]


def test_edn002_the_base_edition_converts_nothing_and_the_others_live_in_folders(tmp_path: Path) -> None:
    def base_converts(editions: list[dict[str, Any]]) -> None:
        editions[0]["opencc"] = "s2t"

    def a_second_root(editions: list[dict[str, Any]]) -> None:
        editions[1]["prefix"] = ""

    def no_region(editions: list[dict[str, Any]]) -> None:
        del editions[2]["region"]

    for change in (base_converts, a_second_root, no_region):
        assert "EDN002" in [code.split(":")[1] for code in _with_editions(tmp_path, change)], change.__name__


def test_edn004_an_opencc_configuration_opencc_does_not_have(tmp_path: Path) -> None:
    def typo(editions: list[dict[str, Any]]) -> None:
        editions[1]["opencc"] = "s2twn"

    assert [code.split(":")[1] for code in _with_editions(tmp_path, typo)] == ["EDN004"]


def test_a_malformed_edition_is_a_data_error(tmp_path: Path) -> None:
    def bad(editions: list[dict[str, Any]]) -> None:
        editions[1]["quotes"] = "「」"  # two marks, not four
        editions[2]["cross_check"] = "zh-xx"

    assert [code.split(":")[1] for code in _with_editions(tmp_path, bad)] == ["DATA004", "DATA004"]


def test_edn003_a_key_that_names_no_edition(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    vocabulary = root / "data/regional-vocabulary.yml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("  hk: 影片\n", "  hx: 影片\n", 1), encoding="utf-8")
    glossary = root / "data/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("- region: hk\n", "- region: hans\n", 1))
    problems = check_all(root)
    assert [problem.code for problem in problems] == ["EDN003", "EDN003"]
    assert str(problems[0]).startswith("data/regional-vocabulary.yml:") and "'hx' names no edition" in str(problems[0])
    assert "'hans' is the base edition" in str(problems[1])


def test_the_real_data_keys_name_editions() -> None:
    assert edition_key_problems(ROOT, load_editions(ROOT)) == []


# The fourth edition, built.


@pytest.fixture(scope="module")
def singapore(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with a Singapore edition declared in data alone, built without PDFs."""
    root = copy_project(tmp_path_factory.mktemp("fourth"))
    data = _editions_data(root)
    data["editions"].append(SINGAPORE)
    _write_yaml(root / EDITIONS_FILE, data)
    vocabulary = root / "data/regional-vocabulary.yml"
    words = yaml.safe_load(vocabulary.read_text(encoding="utf-8"))
    next(word for word in words if word["simplified"] == "信息")["sg"] = "资讯"
    _write_yaml(vocabulary, words)
    assert check_all(root) == []
    site = root.parent / "site"
    result = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--no-pdf", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return site


def _page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_the_fourth_edition_has_every_page_at_its_path(singapore: Path) -> None:
    pages = [path.relative_to(singapore) for path in singapore.rglob("*.html")]
    base = [page for page in pages if page.parts[0] not in ("tw", "hk", "sg")]
    assert len(base) >= 6
    assert all((singapore / "sg" / page).is_file() for page in base)
    assert (singapore / "sg/pagefind/pagefind.js").is_file() and (singapore / "sg/search/fold.json").is_file()


def test_its_pages_carry_its_language_tag(singapore: Path) -> None:
    for page in ("sg/index.html", "sg/podcast/index.html", "sg/glossary/index.html"):
        assert '<html lang="zh-Hans-SG"' in _page(singapore, page)
    sitemap = _page(singapore, "sg/sitemap.xml")
    assert 'hreflang="zh-Hans-SG"' in sitemap and re.search(r"<loc>[^<]*/sg/podcast/</loc>", sitemap)


def test_it_is_in_every_editions_switch(singapore: Path) -> None:
    for prefix in ("", "tw/", "hk/", "sg/"):
        page = _page(singapore, f"{prefix}podcast/index.html")
        assert page.count('class="edition-toggle__link"') == 4
        link = re.search(r'<a class="edition-toggle__link" href="([^"]*)" lang="zh-Hans-SG"[^>]*>新</a>', page)
        assert link is not None, prefix
        # To the same page in the fourth edition (from its own page, the page itself).
        assert link.group(1) == ("./" if prefix == "sg/" else f"{'../' * (prefix.count('/') + 1)}sg/podcast/")
    assert 'data-edition="sg" aria-current="true">新</a>' in _page(singapore, "sg/podcast/index.html")


def test_its_own_prose_takes_its_words_and_the_speakers_keep_theirs(singapore: Path) -> None:
    base, own = _page(singapore, "podcast/index.html"), _page(singapore, "sg/podcast/index.html")
    # The speaker's word stays (characters too: no conversion) …
    assert "综合了所有这些信息" in base and "综合了所有这些信息" in own and "综合了所有这些资讯" not in own
    # … the glossary's definition (the edition's prose, a footnote on the same page) takes the region's.
    assert "获得信息和资源优势" in base and "获得资讯和资源优势" in own and "获得信息和资源优势" not in own
    assert "获得资讯和资源优势" in _page(singapore, "sg/glossary/index.html")
    # Simplified characters, the base's quotation marks and the theme's own Simplified strings.
    assert "這" not in own and "“" in own and "「" not in own and "搜索" in own


def test_the_other_editions_keep_their_own_words(singapore: Path) -> None:
    taiwan = _page(singapore, "tw/glossary/index.html")
    assert "獲得資訊和資源優勢" in taiwan and "资讯" not in taiwan
