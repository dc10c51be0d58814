"""Take a text out of the edition with one command: the undo of `make add-text`.

    .venv/bin/python scripts/remove_text.py ID
    make remove-text ID=…

It removes the text's entry from data/texts.yml, its line in mkdocs.yml's navigation, its page,
its raw source, and its own data files (cast, anchors, annotations), and lists what it removed.
Glossary and other shared data are left alone: `make check` then says if anything still names
the text. Refused with `path:line: CODE`: REM001 an id that is no text of the registry.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.cli import run_on_arguments
from edition.errors import fail
from edition.sources.texts import REGISTRY, load_registry

ROOT = Path(__file__).resolve().parent.parent


def remove_text(root: Path, text_id: str) -> list[str]:
    """Remove the text; returns the files removed or changed."""
    registry = load_registry(root)
    entry = registry.texts.get(text_id)
    if entry is None:
        raise fail(REGISTRY, 1, "REM001", f"no text {text_id!r} in {REGISTRY}: nothing to remove")
    changed: list[str] = []
    own = [f"docs/{entry.page}", entry.raw, f"data/anchors/{text_id}.yml", f"data/annotations/{text_id}.yml"]
    if entry.speakers:
        own.append(entry.speakers)
    for path in own:
        if (root / path).is_file():
            (root / path).unlink()
            changed.append(path)
    # The entry: its key line and every indented line (or comment) after it, up to the next key.
    text = (root / REGISTRY).read_text(encoding="utf-8")
    block = re.compile(rf"^{re.escape(text_id)}:[ \t]*\n(?:(?:[ \t]+.*|[ \t]*)\n)*", re.M)
    (root / REGISTRY).write_text(block.sub("", text, count=1), encoding="utf-8")
    changed.append(REGISTRY)
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    nav_line = re.compile(rf"^\s*- [^\n]*:\s*{re.escape(entry.page)}\s*\n", re.M)
    (root / "mkdocs.yml").write_text(nav_line.sub("", mkdocs, count=1), encoding="utf-8")
    changed.append("mkdocs.yml")
    return changed


if __name__ == "__main__":
    run_on_arguments(__doc__, 1, lambda text_id: [f"removed {text_id}: " + ", ".join(remove_text(ROOT, text_id))])
