"""Lighthouse (mobile) on the home, podcast, article and glossary pages of every edition.

    .venv/bin/python scripts/lighthouse.py SITE_DIR [--port 8765] [--report build/lighthouse]

The site must have been built with SITE_URL=http://127.0.0.1:PORT/ (canonical links are checked).
It is served on 127.0.0.1 with compression; Lighthouse drives the system Chromium. Prints a table
of the four scores per page, writes the JSON reports and a summary, and exits 1 if any page is
below the gates: performance 95, accessibility 100, best practices 100, SEO 100.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from serve_static import start

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tests/lighthouse/node_modules/.bin/lighthouse"
GATES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = ("", "podcast/", "article/", "glossary/")
EDITION_PREFIXES = ("", "tw/", "hk/")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)


def audit(url: str, report: Path) -> dict[str, int]:
    """Run Lighthouse once; return the category scores (0–100) and keep the JSON report."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    return {key: round(category["score"] * 100) for key, category in data["categories"].items()}


def failing_audits(report: Path) -> list[str]:
    data = json.loads(report.read_text(encoding="utf-8"))
    out = []
    for category in data["categories"].values():
        for ref in category["auditRefs"]:
            result = data["audits"][ref["id"]]
            if ref.get("weight") and result["score"] is not None and result["score"] < 1:
                out.append(f"{ref['id']} ({result.get('displayValue') or result['score']})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--report", type=Path, default=ROOT / "build/lighthouse")
    parser.add_argument("--pages", nargs="*", default=list(PAGES), help="pages to audit (default: the four)")
    arguments = parser.parse_args()
    arguments.report.mkdir(parents=True, exist_ok=True)
    server, base = start(arguments.site, arguments.port)
    results: dict[str, dict[str, int]] = {}
    failures = []
    try:
        for prefix in EDITION_PREFIXES:
            for page in arguments.pages:
                path = prefix + page
                report = arguments.report / ((path.strip("/").replace("/", "-") or "home") + ".json")
                scores = audit(base + path, report)
                results["/" + path] = scores
                print(f"/{path:<16} " + "  ".join(f"{key} {value:>3}" for key, value in scores.items()), flush=True)
                low = [key for key, gate in GATES.items() if scores.get(key, 0) < gate]
                if low:
                    failures.append(f"/{path}: {', '.join(low)} below the gate: {'; '.join(failing_audits(report))}")
    finally:
        server.shutdown()
    (arguments.report / "summary.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    for failure in failures:
        print("LIGHTHOUSE001 " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
