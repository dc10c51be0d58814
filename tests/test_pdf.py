"""The PDF editions: fonts embedded, every glyph present, footnotes, metadata, outline, links."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTCollection
from pypdf import PdfReader

from edition.editions.declared import load_editions
from edition.render import pdf_name

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = load_editions(ROOT).all
PDF_NAME = pdf_name(ROOT)


@pytest.fixture(scope="session")
def pdfs(built_site: Path) -> dict[str, Path]:
    """The PDFs the site build wrote, one per edition."""
    return {edition.id: built_site / edition.prefix / PDF_NAME for edition in EDITIONS}


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = ["-f", str(first), "-l", str(last)] if first and last else []
    return subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_each_edition_has_its_pdf_and_every_page_links_to_it(pdfs: dict[str, Path], built_site: Path) -> None:
    for edition in EDITIONS:
        assert pdfs[edition.id].is_file() and pdfs[edition.id].read_bytes().startswith(b"%PDF-")
        page = (built_site / edition.prefix / "podcast/index.html").read_text(encoding="utf-8")
        assert f'<a class="edition-pdf" href="../{PDF_NAME}"' in page


def test_page_count_is_in_the_expected_range(pdfs: dict[str, Path]) -> None:
    for pdf in pdfs.values():
        assert 35 <= len(PdfReader(pdf).pages) <= 70


def test_fonts_are_embedded(pdfs: dict[str, Path]) -> None:
    # Each edition's first font (data/editions.yml: SC, TC, HK) sets its text.
    first_font = {edition.id: edition.pdf_fonts[0].replace(" ", "-") for edition in EDITIONS}
    assert first_font == {"hans": "Noto-Serif-CJK-SC", "tw": "Noto-Serif-CJK-TC", "hk": "Noto-Serif-CJK-HK"}
    for key, pdf in pdfs.items():
        rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[
            2:
        ]
        assert rows, key
        assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column
        assert any(first_font[key] in row for row in rows), (key, rows)


def test_speakers_a_definition_and_traditional_characters_are_in_the_text(pdfs: dict[str, Path]) -> None:
    simplified = text_of(pdfs["hans"])
    assert "闲哥" in simplified and "老修" in simplified and "主持" in simplified
    assert "OpenAI 与 Stripe 于 2025 年 9 月 29 日" in simplified  # the ACP definition
    for key in ("tw", "hk"):
        traditional = text_of(pdfs[key])
        assert "閒哥" in traditional and "老修" in traditional
        assert "這" in traditional and "們" in traditional and "这" not in traditional and "们" not in traditional


def test_footnotes_sit_at_the_foot_of_the_page_of_their_call(pdfs: dict[str, Path]) -> None:
    reader = PdfReader(pdfs["hans"])
    first_podcast_page = next(
        number
        for number, page in enumerate(reader.pages, 1)
        if "人民公园说AI：Sora 2 来了" in (page.extract_text() or "") and number > 2
    )
    page_text = text_of(pdfs["hans"], first_podcast_page, first_podcast_page)
    # The page's first footnote call (OpenAI, in the introduction) and its note at the foot.
    assert "1. OpenAI：" in page_text
    assert page_text.index("1. OpenAI：") > page_text.index("开场")


def _charset_covered_by_system(char: str) -> bool:
    out = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True)
    return bool(out.stdout.strip())


def test_no_glyph_is_missing(pdfs: dict[str, Path]) -> None:
    cjk = TTCollection("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    covered = set(cjk.fonts[0].getBestCmap())
    for key, pdf in pdfs.items():
        chars = {char for char in text_of(pdf) if not char.isspace()}
        missing = sorted(char for char in chars - covered if not _charset_covered_by_system(char))
        assert missing == [], (key, missing)


def test_metadata_language_outline_and_internal_links(pdfs: dict[str, Path]) -> None:
    for edition in EDITIONS:
        reader = PdfReader(pdfs[edition.id])
        metadata = reader.metadata
        assert metadata is not None and metadata.title and "Sora" in metadata.title
        assert metadata.author and ("孟永辉" in metadata.author or "孟永輝" in metadata.author)
        catalog: Any = reader.trailer["/Root"]
        assert catalog.get("/Lang") == edition.lang
        titles = [item.title for item in reader.outline if not isinstance(item, list)]
        assert len(titles) >= 3, titles
        page: Any = reader.pages[1]
        annotations: list[Any] = [annotation.get_object() for annotation in page.get("/Annots", [])]
        links = [annotation for annotation in annotations if annotation.get("/Subtype") == "/Link"]
        assert len(links) > 10  # the contents page links to every section
        assert all("/Dest" in link or link.get("/A", {}).get("/S") == "/GoTo" for link in links)


def test_on_paper_no_interactive_label_and_one_number_per_note(pdfs: dict[str, Path]) -> None:
    for key, pdf in pdfs.items():
        text = text_of(pdf)
        assert "点击展开" not in text and "點擊展開" not in text, key
        assert "查看注释全文" not in text, key
        # A footnote's number stands for the annotation's own label: never "5. 注1".
        assert not re.search(r"^\d+\. ?[注註]\d+", text, re.M), key


def test_the_title_page_keeps_names_and_titles_whole() -> None:
    from edition.pdf.compose import unbroken_words

    subtitle = unbroken_words("《人民公园说AI》播客文字版与孟永辉的评论文章")
    assert '<span class="unit">《人民公园说AI》</span>' in subtitle
    assert '<span class="unit">孟永辉</span>' in subtitle


def test_the_pdf_does_not_stretch_the_spaces_around_latin_words(pdfs: dict[str, Path]) -> None:
    # WeasyPrint justifies only at spaces; in Chinese text those are the ones around Latin words,
    # which a justified page stretched to several em ("這個是　AI　生成的").
    layout = subprocess.run(
        ["pdftotext", "-f", "4", "-l", "12", "-bbox", str(pdfs["tw"]), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [
        (float(x0), float(y0), float(x1), float(y1), text)
        for x0, y0, x1, y1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', layout
        )
    ]
    gaps = [
        word[0] - previous[2]
        for previous, word in itertools.pairwise(words)
        if abs(word[1] - previous[1]) < 0.5 and re.match(r"[A-Za-z]", word[4] + previous[4])
    ]
    assert len(gaps) > 20
    assert max(gaps) < 0.5 * (words[0][3] - words[0][1])  # under half an em: a space, not a gap
