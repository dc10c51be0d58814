"""Build the whole site into site/ with any engine, or leave the previous site/ as it was.

Every check runs first (``EditionBuild``: the problems a contributor can fix, as ``path:line: CODE``);
then the engine (MkDocs by default; ``--engine`` or ``$ENGINE``: mkdocs, properdocs, zensical)
renders the base edition's pages into a temporary directory (strict: a warning is an error), the
post-build step writes the other editions (``data/editions.yml``) and checks every link, and
WeasyPrint renders each edition's PDFs (the book, and each text alone). Only when everything
succeeded does the temporary directory replace site/. A
contributor whose change breaks the build keeps a working preview.

    .venv/bin/python scripts/build_site.py [--no-pdf] [--engine zensical] [--site-dir DIR]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from edition.adapters.engines import ENGINE_NAMES, Engine, engine
from edition.adapters.post_build import check_links, finish_site, page_fragment, write_search
from edition.cli import run
from edition.edition_build import EditionBuild
from edition.editions.convert import Converter, Override
from edition.editions.declared import Edition, PdfWords
from edition.editions.regional import Regional
from edition.pdf.compose import GLOSSARY_PART, STYLESHEET, Labels, compose, edition_part, parts_for, text_glossary
from edition.render import pdf_name, site_name, site_url, text_pdf_name
from edition.sources.texts import TextEntry

ROOT = Path(__file__).resolve().parent.parent


def render_pdf(site: Path, edition: Edition, given: PdfInput, document: PdfDocument) -> Path:
    """One of an edition's PDFs from the pipeline's HTML of its parts, written into the edition's
    folder where ``document`` says: the book of every text, or a text alone beside its page."""
    from weasyprint import CSS, HTML  # imported here: only the PDF step needs it

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    converter = Converter(edition, given.overrides, given.regional)
    convert = converter.prose
    texts, words = document.texts, given.words
    labels = Labels(
        site=convert(given.site_name),
        subtitle=convert(words.subtitle.format(texts="、".join(f"《{e.title}》" for e in texts))),
        contents=convert(words.contents),
        edition=edition.name,
        licence=convert(words.licence),
        authors=convert(words.authors.format(authors="；".join(e.authors for e in texts if e.authors))),
        keywords=convert(words.keywords),
    )
    root = site / edition.prefix
    composed = compose(edition, labels, [(name, edition_part(html, converter)) for name, html in document.parts])
    target = root / document.path
    HTML(string=composed, base_url=str(target.parent)).write_pdf(target, stylesheets=[CSS(filename=str(STYLESHEET))])
    return target


def render_pdfs(site: Path, build: EditionBuild, editions: tuple[Edition, ...] | None = None) -> list[Path]:
    """Every edition's PDFs (or those of ``editions``): the book of every text, and each text alone
    with the glossary entries it uses; two at a time (the machine's cores side by side)."""
    assert build.registry is not None and build.regional is not None and build.editions is not None
    texts = build.registry.texts
    parts = [(name, page_fragment(build, page)) for name, page in parts_for([entry.page for entry in texts.values()])]
    fragments = dict(parts)
    given = PdfInput(build.overrides, build.regional, build.editions.pdf, site_name(build.root))
    documents = [PdfDocument(list(texts.values()), parts, pdf_name(build.root))]
    for text_id, entry in texts.items():
        name = entry.page.removesuffix(".md")
        alone = [(name, fragments[name]), (GLOSSARY_PART, text_glossary(fragments[GLOSSARY_PART], fragments[name]))]
        documents.append(PdfDocument([entry], alone, entry.url + text_pdf_name(build.root, text_id)))
    each_edition = build.editions.all if editions is None else editions
    with ProcessPoolExecutor(max_workers=2) as pool:
        running = [pool.submit(render_pdf, site, each, given, one) for each in each_edition for one in documents]
        return [done.result() for done in running]


@dataclass(frozen=True)
class PdfInput:
    """What every PDF of every edition is made with (sent to each worker process)."""

    overrides: list[Override]
    regional: Regional
    words: PdfWords  # what the document adds (data/editions.yml)
    site_name: str  # its title (mkdocs.yml)


@dataclass(frozen=True)
class PdfDocument:
    """One PDF of an edition: the texts it holds, its parts' HTML (``(name, fragment)``, the texts'
    pages and a glossary) and its path in the edition's folder."""

    texts: list[TextEntry]
    parts: list[tuple[str, str]]
    path: str  # the book's beside the home page (mkdocs.yml's extra.pdf), a text's beside its page


def _stop_on_sigterm() -> None:
    """A build stopped from outside (SIGTERM, as a CI runner or `kill` sends) unwinds like Ctrl-C:
    the MkDocs child is killed by ``subprocess.run`` and the half-built folder is removed."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def build(target: Path, pdf: bool = True, site_engine: Engine | None = None, preview: bool = False) -> int:
    """Build into ``target`` atomically; return the process exit code. A ``preview`` (``make
    serve``) makes no PDFs and puts the pages in place as soon as every check has passed and every
    edition is written; the search and the link check follow, into the site being served."""
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        return _build(target, staging, pdf and not preview, site_engine or engine(), preview)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # an interrupted build leaves no half-built folder
        raise


def _failed(target: Path, staging: Path, code: int) -> int:
    shutil.rmtree(staging, ignore_errors=True)
    print(f"build failed; {target.name}/ is unchanged", file=sys.stderr)
    return code


def _build(target: Path, staging: Path, pdf: bool, site_engine: Engine, preview: bool) -> int:
    edition = EditionBuild.run(ROOT)
    for problem in edition.problems:
        print(problem, file=sys.stderr)
    if edition.problems:
        return _failed(target, staging, 1)
    code = site_engine.build(ROOT, staging, edition)
    if code != 0:
        return _failed(target, staging, code)
    address = site_url(ROOT)
    finish_site(staging, address, edition, site_engine, search=not preview)
    if preview:
        return _preview(target, staging, edition, address)
    pdf_failed = False
    if pdf:
        try:
            for written in render_pdfs(staging, edition):
                print(f"wrote {written.relative_to(staging)}")
        except Exception as error:
            print(f"PDF build failed: {error}", file=sys.stderr)
            pdf_failed = True
    broken = check_links(ROOT, staging, address, with_pdfs=pdf)
    for link in broken:
        print(link, file=sys.stderr)
    if pdf_failed or broken:
        return _failed(target, staging, 1)
    _replace(target, staging)
    print(f"built {target}")
    edition.cache.prune()
    return 0


def _preview(target: Path, staging: Path, edition: EditionBuild, address: str) -> int:
    """The preview's pages in place at once (every check of the texts and data has passed), then
    its search and its link check: a broken link is listed for the editor to fix, and the next
    ``make site`` stops on it."""
    _replace(target, staging)
    print(f"built {target} (search and link check follow)", flush=True)
    write_search(target, edition)
    broken = check_links(ROOT, target, address, with_pdfs=False)
    for link in broken:
        print(link, file=sys.stderr)
    print(f"search written; {len(broken)} broken link(s)", flush=True)
    return 1 if broken else 0


def _replace(target: Path, staging: Path) -> None:
    """``staging`` becomes ``target``; the previous site is removed only once it is replaced."""
    retired = target.with_name(target.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-pdf", action="store_true", help="HTML editions only")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to build (default: site/)")
    parser.add_argument("--preview", action="store_true", help="make serve's build: no PDFs, pages first")
    parser.add_argument("--engine", choices=ENGINE_NAMES, help="the site engine (default: $ENGINE, else mkdocs)")
    arguments = parser.parse_args()
    _stop_on_sigterm()
    run(
        lambda: build(
            arguments.site_dir.resolve(),
            pdf=not arguments.no_pdf,
            site_engine=engine(arguments.engine),
            preview=arguments.preview,
        )
    )
