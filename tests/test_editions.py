"""The editions are data: ``data/editions.yml`` declares them and every stage reads them from there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from edition.checks import check_all
from edition.editions.declared import EDITIONS_FILE, load_editions
from edition.editions.keys import edition_key_problems
from edition.errors import EditionError
from tests.conftest import ROOT
from tests.project_copy import copy_project


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
    assert editions.regions == {"tw": "臺灣", "hk": "香港"}


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
