"""Shared fixtures: the project root, golden files, and one strict build of the site per session."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests are derandomized (the same examples every run, many of them), so a run
# fails for a change and not for the draw; locally they search anew each time.
settings.register_profile("ci", derandomize=True, max_examples=500)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent

# The tests' builds share one cache of their own (edition.cache), made anew for each run: a result
# an earlier run or a developer's own builds left behind can never make a test pass.
os.environ.setdefault("EDITION_CACHE", tempfile.mkdtemp(prefix="edition-cache-tests-"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output (review the diff before committing)",
    )


_REWRITTEN: list[str] = []  # golden files --update-golden changed, listed at the end of the run


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if terminalreporter.config.getoption("--update-golden"):
        terminalreporter.section("golden files rewritten (review each diff before committing)")
        for path in _REWRITTEN or ["(none changed)"]:
            terminalreporter.write_line(path)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare output with ``tests/golden/<name>``; ``--update-golden`` rewrites it instead."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != actual:
                _REWRITTEN.append(path.relative_to(ROOT).as_posix())
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}: run pytest --update-golden and review it"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"output differs from {path} (run pytest --update-golden and review the diff)"

    return check


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once as ``make site`` builds it (strict, three editions, PDFs), with the
    engine of ``$ENGINE`` (MkDocs by default): ``ENGINE=zensical make browser`` tests that build."""
    site = tmp_path_factory.mktemp("build") / "site"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/build_site.py"), "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PATH": "/usr/bin:/bin",
            "ENGINE": os.environ.get("ENGINE", "mkdocs"),
            # A second working tree of the project (git worktree) puts its own hooks/ first.
            **{name: os.environ[name] for name in ("PYTHONPATH", "EDITION_CACHE") if name in os.environ},
        },
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site
