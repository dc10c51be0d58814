"""A copy of the whole project to change and build, for tests that must not touch the real one."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Everything a build and `make check` read: sources, data, the pipeline, the theme's overrides.
FOLDERS = ("data", "docs", "hooks", "overrides", "scripts")


def copy_project(tmp_path: Path) -> Path:
    """The project's sources copied to ``tmp_path/project`` (caches left behind); its root."""
    root = tmp_path / "project"
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by its SHA-256 (Python's caches aside): equal fingerprints
    before and after a step show the step wrote nothing there."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
