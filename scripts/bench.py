"""Benchmarks, all measured in one run on this machine (figures are compared within the run).

    .venv/bin/python scripts/bench.py [--runs N] [--scales 1 10 50]

1. The full edition build (hooks: cleaning, checks, notes, three HTML editions) against a plain
   MkDocs + Material build (no hooks; same theme, extensions and search) of the very pages the
   hooks produce, written out beforehand. Runs alternate; medians, best runs and their ratio.
2. ``make serve``: the time ``mkdocs serve`` takes to rebuild after a page is edited.
3. Peak memory (maximum resident set) of the full build.
4. Build time at 1×, 10× and 50× the corpus: generated copies of the two texts' pages, so growth
   can be seen to be linear (time per copy is printed beside each).
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

import yaml

from edition.glossary import glossary_markdown, load_glossary
from edition.notes_build import NotesBuild
from edition.pages import render_page
from edition.render import render_markdown
from edition.textfile import read_text
from edition.texts import load_registry, read_raw
from edition.transcript_page import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def plain_project(target: Path) -> Path:
    """A copy of the site's pages as finished Markdown, with a config that has no hooks."""
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    registry = load_registry(ROOT)
    notes = NotesBuild(ROOT, list(registry.texts))
    for text_id, entry in registry.texts.items():
        page_path = f"docs/{entry.page}"
        source = read_text(ROOT / page_path, page_path)
        markdown, offset = split_front_matter(source)
        front = source[: len(source) - len(markdown)]
        raw = read_raw(ROOT, text_id, entry)
        rendered = render_page(ROOT, entry, raw, markdown, page_path, offset)
        # The same pages: with the glossary and annotation notes the hooks add to the HTML.
        with_notes = notes.page(text_id, text_id, "", render_markdown(ROOT, rendered), "../glossary/")
        notes_block = with_notes[with_notes.find('<div class="footnote edition-notes">') :]
        (target / page_path).write_text(front + rendered + "\n\n" + notes_block + "\n", encoding="utf-8")
    glossary_page = target / "docs/glossary.md"
    glossary_page.write_text(
        glossary_page.read_text(encoding="utf-8").replace(
            "<!-- edition:glossary -->", glossary_markdown(load_glossary(ROOT)[0].root)
        ),
        encoding="utf-8",
    )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - hooks/mkdocs_edition.py\n", "")
    config = config.replace("watch:\n  - hooks\n  - data\n  - overrides\n", "")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def timed_build(config: Path, site: Path) -> float:
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [MKDOCS, "build", "--quiet", "-f", str(config), "-d", str(site)], check=True, env=ENV, cwd=config.parent
    )
    return time.perf_counter() - start


def project_copy(target: Path) -> Path:
    """A copy of the project's sources, to edit or multiply without touching the real one."""
    for folder in ("docs", "data", "overrides", "hooks"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def multiply(project: Path, copies: int) -> None:
    """``copies`` pages per text: each copy is a registry entry with its own page, same raw source."""
    registry_path = project / "data/texts.yml"
    registry = yaml.safe_load(registry_path.read_text(encoding="utf-8"))
    for copy in range(2, copies + 1):
        for text_id in ("podcast", "article"):
            page = f"{text_id}-{copy}.md"
            shutil.copy(project / "docs" / f"{text_id}.md", project / "docs" / page)
            registry[f"{text_id}-{copy}"] = {**registry[text_id], "page": page}
    registry_path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")


def serve_rebuild_seconds(project: Path) -> float:
    """Start ``mkdocs serve``, edit a page, and time until the rebuild is done."""
    server = subprocess.Popen(
        [MKDOCS, "serve", "--dev-addr", "127.0.0.1:8799"],
        cwd=project,
        env=ENV,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    try:
        for line in server.stderr:
            if "Serving on" in line:
                break
        start = time.perf_counter()
        page = project / "docs/licence.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n编辑测试。\n", encoding="utf-8")
        for line in server.stderr:
            if "Documentation built in" in line:
                return time.perf_counter() - start
        raise RuntimeError("mkdocs serve stopped before rebuilding")
    finally:
        server.terminate()
        server.wait(timeout=30)


def peak_memory_mib(config: Path, site: Path) -> float:
    """Maximum resident set of a full build, measured on the child process."""
    shutil.rmtree(site, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-c", PEAK, MKDOCS, str(config), str(site)],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip()) / 1024


PEAK = """
import resource, subprocess, sys
subprocess.run([sys.argv[1], "build", "--quiet", "-f", sys.argv[2], "-d", sys.argv[3]], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def scale_seconds(work: Path, copies: int) -> float:
    project = project_copy(work / f"scale-{copies}")
    multiply(project, copies)
    shutil.rmtree(project / "site", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([MKDOCS, "build", "--quiet", "-d", str(project / "site")], cwd=project, env=ENV, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 50])
    arguments = parser.parse_args()
    runs = arguments.runs
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        plain_config = plain_project(work / "plain")
        plain, full = [], []
        for _ in range(runs):
            plain.append(timed_build(plain_config, work / "site-plain"))
            full.append(timed_build(ROOT / "mkdocs.yml", work / "site-full"))
        editions = sum(1 for _ in (work / "site-full").glob("**/index.html"))
        pages = sum(1 for _ in (work / "site-plain").glob("**/index.html"))
    plain_median, full_median = statistics.median(plain), statistics.median(full)
    print(f"plain Material build, one edition ({pages} pages): median {plain_median:.2f} s, best {min(plain):.2f} s")
    print(f"full edition build, three editions ({editions} pages): median {full_median:.2f} s, best {min(full):.2f} s")
    ratio, best_ratio = full_median / plain_median, min(full) / min(plain)
    print(f"ratio full / plain: {ratio:.2f} by median, {best_ratio:.2f} by best (target ≤ 1.5)")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        rebuild = serve_rebuild_seconds(project_copy(work / "serve"))
        print(f"make serve: rebuild after editing a page: {rebuild:.2f} s")
        print(f"peak memory of the full build: {peak_memory_mib(ROOT / 'mkdocs.yml', work / 'site-peak'):.0f} MiB")
        for copies in arguments.scales:
            seconds = scale_seconds(work, copies)
            print(f"corpus ×{copies:<3} ({2 * copies} text pages): {seconds:6.2f} s, {seconds / copies:.2f} s per copy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
