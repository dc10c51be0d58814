"""The registry of texts (``data/texts.yml``) and the raw sources it pins by hash."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from edition.datafile import line_for, load_yaml, validate
from edition.errors import fail
from edition.textfile import read_text

REGISTRY = "data/texts.yml"


class TextEntry(BaseModel):
    """One text of the edition: its raw source, the hash that pins it, and its page."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    raw: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    page: str
    pipeline: Literal["article", "podcast-draft", "podcast-reading"]


class Registry(RootModel[dict[str, TextEntry]]):
    """All texts, by id."""

    @property
    def texts(self) -> dict[str, TextEntry]:
        return self.root

    def for_page(self, page: str) -> tuple[str, TextEntry] | None:
        """The text whose page is ``page`` (a path relative to ``docs/``), if any."""
        for text_id, entry in self.texts.items():
            if entry.page == page:
                return text_id, entry
        return None


def load_registry(root: Path) -> Registry:
    """Read ``data/texts.yml`` under the project root and validate it."""
    data = load_yaml(root / REGISTRY, REGISTRY)
    return validate(Registry, data, REGISTRY)


def read_raw(root: Path, text_id: str, entry: TextEntry) -> str:
    """The raw source, after proving it is byte-identical to the pinned version (``SRC001``)."""
    path = root / entry.raw
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    if digest is None:
        raise fail(entry.raw, 1, "SRC002", f"raw source of {text_id!r} is missing: restore it from git")
    if digest != entry.sha256:
        data = load_yaml(root / REGISTRY, REGISTRY)
        raise fail(
            entry.raw,
            1,
            "SRC001",
            f"raw source changed (sha256 {digest[:12]}…, pinned {entry.sha256[:12]}… at "
            f"{REGISTRY}:{line_for(data, (text_id, 'sha256'))}): raw sources are never edited; "
            "restore it with `git checkout -- " + entry.raw + "` and make corrections in the reading text",
        )
    return read_text(path, entry.raw)
