"""Benchmark: the full edition build against a plain Material build of the same pages, in one run.

    .venv/bin/python scripts/bench.py [--runs N]

The baseline is a plain MkDocs + Material build (no hooks, same theme, extensions and search) of
the very Markdown our hooks produce, written out beforehand; the full build is ``mkdocs build``
with the hooks: cleaning, checks, notes and the three editions. Runs alternate, so both see the
same machine; the medians and their ratio are printed (the target: at most 1.5).
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

from edition.glossary import glossary_markdown, load_glossary
from edition.notes_build import NotesBuild
from edition.pages import render_page
from edition.podcast_page import split_front_matter
from edition.render import render_markdown
from edition.textfile import read_text
from edition.texts import load_registry, read_raw

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
        rendered = render_page(ROOT, entry.pipeline, raw, entry.raw, markdown, page_path, offset)
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
