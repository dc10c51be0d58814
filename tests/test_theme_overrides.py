"""Each template override and each patch of the engine's output fails a test when a theme upgrade
breaks it, instead of silently shipping a page that lost what it was for."""

from __future__ import annotations

import json
import re
from pathlib import Path

from edition.adapters.engines import ENGINES
from tests.conftest import ROOT


def _squeezed(template: str) -> list[str]:
    return [line.strip() for line in template.splitlines() if line.strip()]


def test_the_search_partial_is_materials_own_but_for_the_dialogs_name() -> None:
    # overrides/partials/search.html copies Material's partial to give the dialog a name
    # (Lighthouse: aria-dialog-name). When Material changes its partial, the copy must follow.
    ours = (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8")
    material_branch = ours.split("{%- else %}", 1)[1].split("{%- endif %}", 1)[0]
    theirs = (ENGINES["mkdocs"].languages.parent / "search.html").read_text(encoding="utf-8")
    body = theirs.split("-#}", 1)[1]
    first, rest = body.strip().split("\n", 1)
    assert first == '<div class="md-search" data-md-component="search" role="dialog">'
    assert [*_squeezed(material_branch), "</div>"] == _squeezed(rest)
    # Zensical's own partial, kept as it ships in the other branch.
    zensical = (ENGINES["zensical"].languages.parent / "search.html").read_text(encoding="utf-8")
    zensical_branch = ours.split("{%- if config.theme.variant %}", 1)[1].split("{%- else %}", 1)[0]
    assert _squeezed(zensical_branch) == _squeezed(zensical.split("-#}", 1)[1])[1:-1]


def test_the_themes_bundle_is_deferred(built_site: Path) -> None:
    # overrides/main.html rewrites Material's script tags (`<script src=` → `<script defer src=`).
    page = (built_site / "podcast/index.html").read_text(encoding="utf-8")
    assert re.search(r'<script defer src="[^"]*bundle\.[0-9a-f]+\.min\.js">', page)
    assert not re.search(r'<script src="[^"]*bundle\.', page)


def test_the_themes_interface_strings_are_converted_in_each_edition(built_site: Path) -> None:
    # editions.publish rewrites the translations in Material's `__config` script of each page.
    for prefix, expected in (("tw/", "搜尋"), ("hk/", "搜尋")):
        page = (built_site / prefix / "podcast/index.html").read_text(encoding="utf-8")
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
        assert config is not None, "Material's __config script moved: editions.publish must follow"
        translations = json.loads(config.group(1))["translations"]
        assert translations and not any("搜索" in value for value in translations.values())
        assert expected in page


def test_the_edition_toggle_and_the_footer_are_ours(built_site: Path) -> None:
    # overrides/partials/alternate.html (the 简 / 繁 / 港 toggle) and copyright.html (licences).
    page = (built_site / "tw/podcast/index.html").read_text(encoding="utf-8")
    assert page.count('class="edition-toggle__link"') == 3
    assert 'class="md-copyright"' in page and "CC BY 4.0" in page
