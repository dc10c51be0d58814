"""make serve: an edit saved while the first build runs, or right after "serving", is rebuilt (#22)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import serve  # noqa: E402


def test_an_edit_during_the_first_build_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "docs/page.md"
    page.parent.mkdir()
    page.write_text("一\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    builds: list[str] = []

    def build(engine: str | None, on_pages: Callable[[], None] = lambda: None) -> bool:
        builds.append(page.read_text(encoding="utf-8"))
        on_pages()
        if len(builds) == 1:  # the editor saves while the first build runs
            page.write_text("一\n二\n", encoding="utf-8")
        return True

    naps = iter(range(3))

    def sleep(seconds: float) -> None:
        if next(naps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(serve, "ROOT", tmp_path)
    monkeypatch.setattr(serve, "build", build)
    monkeypatch.setattr(serve, "start", lambda site, port: (None, "http://127.0.0.1:0/"))
    monkeypatch.setattr(time, "sleep", sleep)
    monkeypatch.setattr(sys, "argv", ["serve.py"])
    assert serve.main() == 0
    assert builds == ["一\n", "一\n二\n"]
