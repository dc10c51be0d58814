"""Build the site and preview it at http://127.0.0.1:8000, rebuilding after every edit.

    .venv/bin/python scripts/serve.py [--engine zensical] [--port 8000]

Each build is ``scripts/build_site.py`` in a new process (no PDFs), so an edit to the pipeline's
code counts as much as an edit to a page or a data file: nothing stale stays loaded. A build that
fails prints its problems (``path:line: CODE …``) and leaves the previous preview in place.
Reload the page in the browser after "rebuilt".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from serve_static import start

from edition.cli import run
from edition.edition_build import Stamp, files_under, stamp_of

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("docs", "data", "hooks", "overrides", "mkdocs.yml", "scripts/build_site.py")


def stamp() -> Stamp:
    """Every watched file's path, modification time and size."""
    return stamp_of(files_under(ROOT, WATCHED))


def build(engine: str | None) -> bool:
    command = [sys.executable, str(ROOT / "scripts/build_site.py"), "--no-pdf"]
    return subprocess.run(command + (["--engine", engine] if engine else []), cwd=ROOT, check=False).returncode == 0


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
                print("rebuilt: reload the page" if build(arguments.engine) else "build failed: see above", flush=True)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    run(main)
