"""Serve a built site on 127.0.0.1 with gzip compression, as a static host would.

    .venv/bin/python scripts/serve_static.py SITE_DIR [--port 8765]

Used by the browser tests and Lighthouse (``make e2e``); ``make serve`` is MkDocs' own live server.
"""

from __future__ import annotations

import argparse
import gzip
import io
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}


class CompressingHandler(SimpleHTTPRequestHandler):
    """Static files; text types gzip-compressed when the client accepts it, with a cache lifetime."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.extensions_map = {**self.extensions_map, **TYPES}  # set before the base class serves
        super().__init__(*args, **kwargs)

    def send_head(self):  # type: ignore[no-untyped-def]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            target = target / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and target.suffix in COMPRESSIBLE and target.is_file()):
            return super().send_head()
        body = gzip.compress(target.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=31536000" if "/assets/" in self.path else "no-cache")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def start(site: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``site`` in a background thread; returns the server and its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    arguments = parser.parse_args()
    server, url = start(arguments.site, arguments.port)
    print(f"serving {arguments.site} at {url}")
    threading.Event().wait()
