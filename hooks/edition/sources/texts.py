"""The registry of texts (``data/texts.yml``) and the raw sources it pins by hash."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from edition.datafile import line_for, load_yaml, validate
from edition.errors import fail
from edition.textfile import read_text

REGISTRY = "data/texts.yml"


Kind = Literal["transcript", "article"]
KINDS: tuple[str, ...] = ("transcript", "article")
# How a text's page is made from its raw source (``TextEntry.pipeline``).
Pipeline = Literal["article", "transcript-draft", "transcript-reading"]


class TextEntry(BaseModel):
    """One text of the edition: what kind it is, its raw source, the hash that pins it, its page.

    ``transcript``: speech recognition → an edited reading text with speakers and apparatus (until
    it is edited, ``draft: true``: the page shows a first draft by rule). ``article``: a scraped page
    → the cleaned text.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    label: str = Field(min_length=1)  # how the navigation, the home page and the PDF name it
    description: str = Field(min_length=1)  # a sentence or two for the home page
    kind: Kind
    draft: bool = False
    raw: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    page: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*\.md$")
    speakers: str | None = None  # a transcript's cast: data/speakers/<id>.yml
    credit: str = ""  # who holds the rights, for the licence page
    authors: str = ""  # who wrote or spoke it, for the PDF's metadata

    @model_validator(mode="after")
    def _a_transcript_has_its_cast(self) -> TextEntry:
        if self.kind == "transcript" and self.speakers is None:
            raise ValueError("a transcript needs `speakers: data/speakers/<id>.yml` (its own cast)")
        return self

    @property
    def pipeline(self) -> Pipeline:
        """How its page is made: ``article``, ``transcript-draft`` or ``transcript-reading``."""
        if self.kind == "article":
            return "article"
        return "transcript-draft" if self.draft else "transcript-reading"

    @property
    def url(self) -> str:
        """The page's address in the site, relative to an edition's root: ``podcast/``."""
        return self.page.removesuffix(".md") + "/"


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


TEXTS_MARKER = "<!-- edition:texts -->"
CREDITS_MARKER = "<!-- edition:credits -->"


def registry_lists(markdown: str, registry: Registry) -> str:
    """The page with its registry markers filled: the texts with their descriptions (home page,
    a definition list) and each text's rights holder (licence page). Links are to the ``.md`` pages,
    which every engine resolves."""
    texts = "\n\n".join(f"[{entry.label}]({entry.page})\n:   {entry.description}" for entry in registry.texts.values())
    credits = "\n".join(
        f"- **[{entry.label}]({entry.page})**：{entry.credit}" for entry in registry.texts.values() if entry.credit
    )
    return markdown.replace(TEXTS_MARKER, texts).replace(CREDITS_MARKER, credits)


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
