"""Every engine builds the same edition: what a reader reads and follows is the same page for page.

The site is built with MkDocs (``built_site``, as ``make site`` builds it) and again with ProperDocs
and with Zensical; every page of every edition is compared (``edition.adapters.equivalence``): its text,
ids, links, notes and speaker marks. A difference names the page and the first differing place.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edition.adapters.engines import ENGINES
from edition.adapters.equivalence import Difference, compare_sites, reduced
from edition.editions.declared import load_editions
from edition.editions.publish import material_ui_strings
from edition.render import theme_language
from tests.conftest import ROOT


@pytest.fixture(scope="session", params=["zensical", "properdocs"])
def other_engine_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp(request.param) / "site"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/build_site.py"),
            "--no-pdf",
            "--engine",
            request.param,
            "--site-dir",
            str(site),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **{name: os.environ[name] for name in ("PYTHONPATH",) if name in os.environ}},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return site


def test_every_engine_publishes_the_same_edition(built_site: Path, other_engine_site: Path) -> None:
    differences = compare_sites(built_site, other_engine_site)
    assert differences == [], "\n".join(str(difference) for difference in differences)
    # The comparison covers what the edition is made of, in all three editions.
    podcast = reduced((other_engine_site / "tw/podcast/index.html").read_text(encoding="utf-8"))
    assert any('class="gloss-ref"' in item for item in podcast)  # glossary footnotes
    assert any('class="corr"' in item for item in podcast)  # corrections
    assert any('data-speaker="xiange"' in item for item in podcast)  # speakers
    assert any('href="../glossary/#' in item for item in podcast)  # links resolved to the glossary page
    glossary = reduced((other_engine_site / "hk/glossary/index.html").read_text(encoding="utf-8"))
    assert any('href="../podcast/#p' in item for item in glossary)  # back-links to paragraphs


def test_the_other_engines_search_reads_the_reading_text(other_engine_site: Path) -> None:
    from edition.editions.search_index import bundle_records, record_text

    text = "".join(record_text(record) for record in bundle_records(other_engine_site / "pagefind"))
    assert "闲哥：真的，就刚才你说——就咱先上午吧" in text  # no filler (呃), number or speaker mark
    assert "◆闲哥" not in text and "■主持" not in text  # speaker marks are left out


def test_a_difference_names_the_page_and_the_first_differing_place(built_site: Path, tmp_path: Path) -> None:
    changed = tmp_path / "site"
    shutil.copytree(built_site, changed, ignore=shutil.ignore_patterns("*.pdf"))
    page = changed / "hk/podcast/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="p12"', 'id="p12x"', 1), encoding="utf-8")
    (changed / "tw/glossary/index.html").unlink()
    found = compare_sites(built_site, changed)
    assert found[0] == "tw/glossary/index.html: built by only one engine (site)"
    (difference,) = [item for item in found if isinstance(item, Difference)]
    assert difference.page == "hk/podcast/index.html"
    assert 'id="p12"' in difference.first and 'id="p12x"' in difference.second
    assert str(difference).startswith("hk/podcast/index.html: item ")


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_each_engines_interface_strings_are_found_for_the_editions(name: str) -> None:
    # The Traditional editions take the theme's own zh-Hant strings; an upgrade that moves or
    # reshapes the theme's language files must fail here, not leave 简体 buttons in 繁體 pages.
    taiwan = load_editions(ROOT).named("tw")
    ui = material_ui_strings(ENGINES[name].languages, theme_language(ROOT), taiwan.theme_language)
    assert ui.get("搜索") == "搜尋" and len(ui) > 20
    assert material_ui_strings(ENGINES[name].languages, theme_language(ROOT), None) == {}  # the base's own


def test_the_other_engines_theme_takes_our_overrides(other_engine_site: Path) -> None:
    page = (other_engine_site / "tw/podcast/index.html").read_text(encoding="utf-8")
    assert re.search(r'<script defer src="[^"]*bundle\.[0-9a-f]+\.min\.js">', page)  # overrides/main.html
    assert page.count('class="edition-toggle__link"') == 3  # overrides/partials/alternate.html
    assert 'class="md-copyright"' in page and "CC BY 4.0" in page  # overrides/partials/copyright.html
