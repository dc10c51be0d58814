"""Build the site and preview it at http://127.0.0.1:8000, rebuilding after every edit.

    .venv/bin/python scripts/serve.py [--engine zensical] [--port 8000]

Each build is ``scripts/build_site.py --preview`` in a new process (no PDFs), so an edit to the
pipeline's code counts as much as an edit to a page or a data file: nothing stale stays loaded.
What did not change is taken from the cache (``edition.cache``). A build that fails a check prints
its problems (``path:line: CODE …``) and leaves the previous preview in place. Reload the page in
the browser after "rebuilt"; the search and the link check follow a few seconds later ("search
and links up to date", or the broken links listed).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from serve_static import start

from edition.cli import run
from edition.edition_build import Stamp, files_under, stamp_of

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("docs", "data", "hooks", "overrides", "mkdocs.yml", "scripts/build_site.py")


def stamp() -> Stamp:
    """Every watched file's path, modification time and size."""
    return stamp_of(files_under(ROOT, WATCHED))


def build(engine: str | None, on_pages: Callable[[], None] = lambda: None) -> bool:
    """One preview build (``build_site.py --preview``), its lines passed on; ``on_pages`` is called
    as soon as its pages are in place, before its search and link check. True if it all succeeded."""
    command = [sys.executable, str(ROOT / "scripts/build_site.py"), "--preview"]
    command += ["--engine", engine] if engine else []
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        for line in child.stdout:
            print(line, end="", flush=True)
            if line.startswith("built "):
                on_pages()
    return child.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", help="the site engine (default: $ENGINE, else mkdocs)")
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args()
    # The first snapshot is taken before the first build, not after "serving" is printed: an edit
    # saved during that build, or the instant after the message (what `make bench` does), differs
    # from it and is rebuilt, where a snapshot taken later would already contain it and never see it.
    seen = stamp()
    if not build(arguments.engine) and not (ROOT / "site").exists():
        return 1
    _, url = start(ROOT / "site", arguments.port)
    print(f"serving site/ at {url} (Ctrl-C to stop); watching {', '.join(WATCHED)}", flush=True)
    try:
        while True:
            time.sleep(1)
            now = stamp()
            if now != seen:
                seen = now
                pages = build(arguments.engine, lambda: print("rebuilt: reload the page", flush=True))
                print("search and links up to date" if pages else "build failed: see above", flush=True)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    run(main)
