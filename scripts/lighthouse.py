"""Lighthouse (mobile) on the home, podcast, article and glossary pages of every edition.

    .venv/bin/python scripts/lighthouse.py SITE_DIR [--port 8765] [--runs 5] [--report build/lighthouse]

The site must have been built with SITE_URL=http://127.0.0.1:PORT/ (canonical links are checked).
It is served on 127.0.0.1 with compression; Lighthouse drives the system Chromium.

Each page is audited ``--runs`` times and judged by its median run, chosen by Lighthouse's own
``computeMedianRun`` (tests/lighthouse/median-run.mjs). A single run's performance score moves with
the machine's load: on two cores the podcast page measured anywhere from 85 to 99 within one hour,
and one run of 91 failed CI. Lighthouse's docs/variability.md recommends the median of five runs.

Prints the four scores of the median run of each page with the performance of every run, writes the
median reports and a summary, and exits 1 if any page is below the gates: performance 95,
accessibility 100, best practices 100, SEO 100.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from serve_static import start

from edition.editions.declared import load_editions
from edition.sources.texts import load_registry

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tests/lighthouse/node_modules/.bin/lighthouse"
MEDIAN_RUN = ROOT / "tests/lighthouse/median-run.mjs"
GATES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# The home page, every text of the registry (data/texts.yml) and the glossary.
PAGES = ("", *(entry.url for entry in load_registry(ROOT).texts.values()), "glossary/")
EDITION_PREFIXES = tuple(edition.prefix for edition in load_editions(ROOT).all)  # data/editions.yml
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)


def audit(url: str, report: Path) -> None:
    """Run Lighthouse once and write its JSON report."""
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


def scores(report: Path) -> dict[str, int]:
    """The category scores (0–100) of one report."""
    data = json.loads(report.read_text(encoding="utf-8"))
    return {key: round(category["score"] * 100) for key, category in data["categories"].items()}


def median_run(url: str, report: Path, runs: int) -> list[int]:
    """Audit ``url`` ``runs`` times; keep the median run as ``report``; return every run's performance."""
    paths = [report.with_suffix(f".run{index + 1}.json") for index in range(runs)]
    for path in paths:
        audit(url, path)
    chosen = subprocess.run(
        ["node", str(MEDIAN_RUN), *map(str, paths)], check=True, capture_output=True, text=True
    ).stdout.strip()
    performance = sorted(scores(path)["performance"] for path in paths)
    paths[int(chosen)].replace(report)
    for path in paths:
        path.unlink(missing_ok=True)
    return performance


def failing_audits(report: Path, categories: list[str]) -> list[str]:
    """The weighted audits that cost points in the given categories, with their values."""
    data = json.loads(report.read_text(encoding="utf-8"))
    out = []
    for key in categories:
        for ref in data["categories"][key]["auditRefs"]:
            result = data["audits"][ref["id"]]
            if ref.get("weight") and result["score"] is not None and result["score"] < 1:
                out.append(f"{ref['id']} ({result.get('displayValue') or result['score']})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--report", type=Path, default=ROOT / "build/lighthouse")
    parser.add_argument(
        "--pages", nargs="*", default=list(PAGES), help="pages to audit (default: home, every text, glossary)"
    )
    parser.add_argument("--runs", type=int, default=5, help="audits per page; the median run is judged")
    arguments = parser.parse_args()
    arguments.report.mkdir(parents=True, exist_ok=True)
    try:
        server, base = start(arguments.site, arguments.port)
    except OSError as error:
        print(
            f"LIGHTHOUSE003 127.0.0.1:{arguments.port} cannot be served ({error.strerror}): stop what holds "
            "the port, or pass --port N with a site built with SITE_URL=http://127.0.0.1:N/",
            file=sys.stderr,
        )
        return 2
    results: dict[str, dict[str, object]] = {}
    failures = []
    try:
        for prefix in EDITION_PREFIXES:
            for page in arguments.pages:
                path = prefix + page
                report = arguments.report / ((path.strip("/").replace("/", "-") or "home") + ".json")
                every_run = median_run(base + path, report, arguments.runs)
                median = scores(report)
                results["/" + path] = {**median, "performance-runs": every_run}
                table = "  ".join(f"{key} {value:>3}" for key, value in median.items())
                print(f"/{path:<16} {table}  (performance runs: {' '.join(map(str, every_run))})", flush=True)
                low = [key for key, gate in GATES.items() if median.get(key, 0) < gate]
                if low:
                    audits = "; ".join(failing_audits(report, low))
                    failures.append(f"/{path}: {', '.join(low)} below the gate: {audits}")
    finally:
        server.shutdown()
    (arguments.report / "summary.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    for failure in failures:
        print("LIGHTHOUSE001 " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
