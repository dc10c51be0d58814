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

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("docs", "data", "hooks", "overrides", "mkdocs.yml", "scripts/build_site.py")


def stamp() -> tuple[tuple[str, int], ...]:
    """The modification times of every watched file."""
    files: list[Path] = []
    for name in WATCHED:
        path = ROOT / name
        files += (
            [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts] if path.is_dir() else [path]
        )
    return tuple(sorted((str(path), path.stat().st_mtime_ns) for path in files if path.exists()))


def build(engine: str | None) -> bool:
    command = [sys.executable, str(ROOT / "scripts/build_site.py"), "--no-pdf"]
    return subprocess.run(command + (["--engine", engine] if engine else []), cwd=ROOT, check=False).returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", help="the site engine (default: $ENGINE, else mkdocs)")
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args()
    if not build(arguments.engine) and not (ROOT / "site").exists():
        return 1
    _, url = start(ROOT / "site", arguments.port)
    print(f"serving site/ at {url} (Ctrl-C to stop); watching {', '.join(WATCHED)}", flush=True)
    seen = stamp()
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
    sys.exit(main())
