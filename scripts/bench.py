"""Benchmarks, all measured in one run on this machine (figures are compared within the run).

    .venv/bin/python scripts/bench.py [--runs N] [--scales 3 22 226] [--engines mkdocs zensical]

1. For each engine (MkDocs, ProperDocs, Zensical): the full edition build (``build_site.py
   --no-pdf``: checks, the pipeline's extension, three HTML editions, link check) against a plain
   build with that engine (no pipeline extension; same theme, extensions and search) of the very
   pages the pipeline produces, written out beforehand. Runs alternate; medians, best runs, ratio.
2. Scale: corpora of N texts, as an archive grows: today's texts, then real-size episodes (the SRT
   transcripts of ../shared/texts/, 30–50 k characters each, their words turned round so each
   raw source is its own) and one article in ten, each added with scripts/add_text.py through the
   registry; N = 3 (today) and 22 by default, 226 (the show's whole archive) on request. At each
   size: the full build (an empty cache, ``edition.cache``) and its peak memory, a second build
   with nothing changed (the cache kept), ``make serve``'s time from saving an edit to one text's
   page until the preview is rebuilt, a plain build of the same pages by the engine and by
   Zensical, the search's bytes before and at a first query (Chromium, the podcast's page, 商业模式),
   and the PDFs' time per text (one edition: the book and each text alone).

The engines' comparison (1) builds without the cache (``EDITION_CACHE=off``): it measures the
pipeline's work, not its reuse.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from edition.adapters.engines import ENGINE_NAMES, ENGINES, engine
from edition.edition_build import EditionBuild
from edition.reading.transcript_page import split_front_matter
from edition.render import PIPELINE_EXTENSION, render_markdown
from edition.sources.texts import load_registry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from add_text import add_text  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDITION_CACHE": "off"}


def plain_project(target: Path, root: Path = ROOT) -> Path:
    """A copy of the site's pages as finished Markdown, with a config without the pipeline."""
    shutil.copytree(root / "docs", target / "docs")
    shutil.copytree(root / "overrides", target / "overrides")
    build = EditionBuild.run(root)  # the build's own first pass: the same pages the pipeline makes
    build.raise_problems()
    assert build.notes is not None
    for path in sorted((target / "docs").rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        body, _ = split_front_matter(source)
        front = source[: len(source) - len(body)]
        page = build.text_page(body)
        finished = build.page_markdown(body)
        if page is not None:
            # The same pages: with the glossary and annotation notes the pipeline adds to the HTML.
            with_notes = build.notes.annotate(page.text_id, render_markdown(root, finished), "glossary.md")
            finished += "\n\n" + with_notes[with_notes.find('<div class="footnote edition-notes">') :] + "\n"
        path.write_text(front + finished, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(f"  - {PIPELINE_EXTENSION}\n", "")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def plain_build(config: Path, engine_name: str) -> float:
    """Seconds for the engine alone to build the plain project (into its own ``site/``)."""
    site = config.parent / "site"
    shutil.rmtree(site, ignore_errors=True)
    command = [str(ENGINES[engine_name].command), "build", "-f", str(config)]
    command += ["--clean"] if engine_name == "zensical" else ["--quiet", "-d", str(site)]
    start = time.perf_counter()
    subprocess.run(
        command, check=True, env=ENV, cwd=config.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def full_build(project: Path, site: Path, engine_name: str | None = None) -> float:
    """Seconds for ``build_site.py --no-pdf`` (every step but the PDFs) of ``project``."""
    command = [sys.executable, str(project / "scripts/build_site.py"), "--no-pdf", "--site-dir", str(site)]
    command += ["--engine", engine_name or engine().name]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=ENV, cwd=project, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def project_copy(target: Path) -> Path:
    """A copy of the project's sources, to edit or multiply without touching the real one."""
    for folder in ("docs", "data", "overrides", "hooks", "scripts"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


# Real transcripts, 30–50 k characters each (../shared/texts/README.md): the archive's episodes.
EPISODES = sorted((ROOT.parent / "shared/texts").glob("*.srt"))


def episode(number: int) -> str:
    """A real-size SRT transcript, distinct for each number: one of the real episodes with its
    cues' words turned round by a number-dependent count against their times (so no two raw
    sources are the same file) — the same size, the same kind of speech, the same work."""
    text = EPISODES[number % len(EPISODES)].read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    cues = [cue.split("\n", 2) for cue in text.strip().split("\n\n")]
    words = [cue[2] for cue in cues]
    turn = (number * 37) % len(words)
    words = words[turn:] + words[:turn]
    return "".join(
        f"{index}\n{cue[1]}\n{line}\n\n" for index, (cue, line) in enumerate(zip(cues, words, strict=True), 1)
    )


def grow(project: Path, texts: int, work: Path) -> None:
    """Add texts through the registry until there are ``texts``, as an archive grows: real-size
    episodes (SRT, each its own raw file, draft and cast), one in ten an article."""
    article = ROOT / "docs/sources/article-mengyonghui-sora-scraped-raw.txt"
    for number in range(len(load_registry(project).texts) + 1, texts + 1):
        if number % 10:
            raw = work / f"episode-{number}.srt"
            raw.write_text(episode(number), encoding="utf-8")
            add_text(project, raw, f"episode-{number}", "transcript", f"第 {number} 期")
        else:
            add_text(project, article, f"text-{number}", "article", f"生成的文章 {number}")


def serve_rebuild_seconds(project: Path) -> tuple[float, float]:
    """Start ``make serve``'s script, add a sentence to a text's page (the last text of the
    registry, an episode in a grown corpus), and time until the preview's pages are rebuilt and
    until its search and link check are done."""
    server = subprocess.Popen(
        [sys.executable, str(project / "scripts/serve.py"), "--port", "8799"],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    try:
        for line in server.stdout:
            if line.startswith("serving"):
                break
        start = time.perf_counter()
        *_, last = load_registry(project).texts.values()
        page = project / "docs" / last.page
        page.write_text(page.read_text(encoding="utf-8") + "\n编辑测试：这一句是新加的。\n", encoding="utf-8")
        rebuilt = 0.0
        for line in server.stdout:
            if line.startswith("rebuilt"):
                rebuilt = time.perf_counter() - start
            if line.startswith("search and links up to date"):  # the build has ended: stop the server
                return rebuilt, time.perf_counter() - start
            if line.startswith("build failed"):  # said once; waiting on would never end
                raise RuntimeError("make serve's rebuild failed")
        raise RuntimeError("make serve stopped before rebuilding")
    finally:
        server.terminate()
        server.wait(timeout=30)


PEAK = """
import resource, subprocess, sys
subprocess.run([sys.argv[1], sys.argv[2], "--no-pdf", "--site-dir", sys.argv[3]], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed_peak(project: Path, site: Path) -> tuple[float, float]:
    """Seconds and peak memory (MiB, maximum resident set of the build's processes) of one full
    build of ``project`` (``build_site.py --no-pdf``)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, str(project / "scripts/build_site.py"), str(site)],
        env=ENV,
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, float(result.stdout.strip()) / 1024


def at_scale(work: Path, texts: int, pdf_up_to: int, preview_up_to: int) -> dict[str, float]:
    """At ``texts`` texts: the full build from an empty cache (time, peak memory), a rebuild with
    nothing changed, ``make serve``'s rebuild after an edit to one text (up to ``preview_up_to``
    texts), a plain build of the same pages by the engine and by Zensical, and the Simplified PDF's seconds
    per text (only up to ``pdf_up_to`` texts: one book of the whole archive is not what a reader
    prints)."""
    project = project_copy(work / f"scale-{texts}")
    grow(project, texts, work)
    ENV["EDITION_CACHE"] = str(work / f"cache-{texts}")  # empty: the first build makes everything
    figures: dict[str, float] = {}
    figures["full"], figures["peak"] = timed_peak(project, project / "site")
    figures["again"] = full_build(project, project / "site")
    if texts <= preview_up_to:
        figures["preview"], figures["preview-search"] = serve_rebuild_seconds(project)
    ENV["EDITION_CACHE"] = "off"
    plain = plain_project(work / f"plain-{texts}", project)
    figures["plain"] = plain_build(plain, engine().name)
    figures["plain-zensical"] = plain_build(plain, "zensical")
    figures["search-before"], figures["search-query"] = search_bytes(project / "site")
    raws = (project / entry.raw for entry in load_registry(project).texts.values())
    figures["characters"] = sum(len(path.read_text(encoding="utf-8")) for path in raws)
    if texts <= pdf_up_to:
        start = time.perf_counter()
        command = [sys.executable, "-c", PDF, str(project), str(project / "site")]
        subprocess.run(command, check=True, env=ENV, cwd=project)
        figures["pdf"] = (time.perf_counter() - start) / texts
    return figures


def search_bytes(site: Path, query: str = "商业模式") -> tuple[int, int]:
    """Bytes the reader's browser receives from the site's search (the bodies as transferred, served
    with compression as by ``make serve``, of every response under ``pagefind/`` or ``search/``):
    with the podcast's page until it is idle, and then from typing ``query`` until the first result
    shows (Debian's Chromium, as the browser tests)."""
    from playwright.sync_api import sync_playwright  # only this measure needs a browser
    from serve_static import start

    server, url = start(site, 8798)
    received: list[tuple[str, int]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            # What crossed the wire: the body as sent (compressed where the server compressed it).
            page.on(
                "requestfinished", lambda request: received.append((request.url, request.sizes()["responseBodySize"]))
            )
            page.goto(url + "podcast/")
            page.wait_for_load_state("networkidle")
            before = _search_share(received)
            received.clear()
            page.locator(".site-search__button").click()
            page.locator(".site-search__input").fill(query)
            page.locator(".site-search__result").first.wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            at_query = _search_share(received)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()  # the port is free for the next corpus
    return before, at_query


def _search_share(received: list[tuple[str, int]]) -> int:
    """The bytes of the responses that belong to the search (its Pagefind bundle, its fold table)."""
    return sum(size for address, size in received if "/pagefind/" in address or "/search/" in address)


PDF = """
import sys
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[1]) / "scripts"))
import build_site
from edition.edition_build import EditionBuild
build = EditionBuild.run(Path(sys.argv[1]))
build_site.render_pdfs(Path(sys.argv[2]), build, build.editions.all[:1])
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--scales", type=int, nargs="*", default=[3, 22], help="corpus sizes, in texts (226: the archive)"
    )
    parser.add_argument("--pdf-up-to", type=int, default=22, help="time the PDF only for corpora up to this size")
    parser.add_argument("--preview-up-to", type=int, default=22, help="time make serve only up to this size")
    parser.add_argument("--engines", nargs="*", default=list(ENGINE_NAMES), choices=ENGINE_NAMES)
    arguments = parser.parse_args()
    os.environ["EDITION_CACHE"] = "off"  # this process's own first passes (plain_project) keep nothing
    runs = arguments.runs
    (ROOT / "build").mkdir(exist_ok=True)
    for engine_name in arguments.engines:
        with tempfile.TemporaryDirectory(dir=ROOT / "build") as folder:  # Zensical: inside the project
            work = Path(folder)
            plain_config = plain_project(work / "plain")
            plain, full = [], []
            for _ in range(runs):
                plain.append(plain_build(plain_config, engine_name))
                full.append(full_build(ROOT, work / "site-full", engine_name))
            editions = sum(1 for _ in (work / "site-full").glob("**/index.html"))
            pages = sum(1 for _ in (work / "plain/site").glob("**/index.html"))
        plain_median, full_median = statistics.median(plain), statistics.median(full)
        ratio, best_ratio = full_median / plain_median, min(full) / min(plain)
        print(
            f"{engine_name}: plain build, one edition ({pages} pages): median {plain_median:.2f} s, best "
            f"{min(plain):.2f} s; full build, three editions ({editions} pages): median {full_median:.2f} s, "
            f"best {min(full):.2f} s; ratio {ratio:.2f} by median, {best_ratio:.2f} by best"
        )
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as folder:
        work = Path(folder)
        for texts in arguments.scales:
            at = at_scale(work, texts, arguments.pdf_up_to, arguments.preview_up_to)
            pdf = f"; PDF {at['pdf']:.2f} s per text" if "pdf" in at else ""
            preview = (
                f"; make serve, saving a text to rebuilt: {at['preview']:.2f} s, to search and links "
                f"{at['preview-search']:.2f} s"
                if "preview" in at
                else ""
            )
            print(
                f"corpus of {texts} texts ({at['characters'] / 1e6:.2f} M characters of raw sources): full "
                f"{at['full']:.2f} s ({at['full'] / texts:.2f} s per text), peak {at['peak']:.0f} MiB; again, "
                f"nothing changed, {at['again']:.2f} s; plain {at['plain']:.2f} s, plain Zensical "
                f"{at['plain-zensical']:.2f} s; full / plain Zensical {at['full'] / at['plain-zensical']:.1f}; search "
                f"{at['search-before'] / 1024:.0f} KB before a query, {at['search-query'] / 1024:.0f} KB to its first "
                f"results{pdf}{preview}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
