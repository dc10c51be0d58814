"""The registry of texts (``data/texts.yml``) and the raw sources it pins by hash."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

from edition.datafile import line_for, load_yaml, validate
from edition.errors import Problem, fail
from edition.sources.escape import markdown_text
from edition.sources.kinds import KINDS as SOURCE_KINDS
from edition.sources.kinds import SourceKind, SourceText
from edition.sources.rawfile import ENCODINGS, decode_source

REGISTRY = "data/texts.yml"
# The longest episode of a show's archive is about 150 KB of subtitles; ten times that is a mistake.
MAX_SOURCE_BYTES = 1_500_000


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
    # The kind of raw source (edition.sources.kinds: asr-line, srt, webvtt, plain, markdown, html,
    # shuijingqiu) and the encoding its bytes are in, as `make add-text` found them.
    source: str
    encoding: str = "utf-8"
    draft: bool = False
    raw: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    # A recording's public audio file: each paragraph's time links to it (`#t=`), fetched only
    # when the reader clicks.
    audio: str | None = Field(default=None, pattern=r"^https://[^\s\"'<>]+$")
    page: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*\.md$")
    speakers: str | None = Field(default=None, pattern=r"^data/speakers/[a-z0-9][a-z0-9-]*\.yml$")  # its cast
    credit: str = ""  # who holds the rights, for the licence page
    authors: str = ""  # who wrote or spoke it, for the PDF's metadata

    @model_validator(mode="after")
    def _a_transcript_has_its_cast(self) -> TextEntry:
        if self.kind == "transcript" and self.speakers is None:
            raise ValueError("a transcript needs `speakers: data/speakers/<id>.yml` (its own cast)")
        return self

    @field_validator("title", "label")
    @classmethod
    def _plain_one_line(cls, value: str) -> str:
        # A title lands in <title>, the navigation and the PDF's outline, where not every engine's
        # template escapes it: it holds no markup characters and no line break.
        if any(char in value for char in "<>\n\r\t"):
            raise ValueError("a title or label holds no <, > or line break: write 《》 or 〈〉 for brackets")
        return value

    @model_validator(mode="after")
    def _its_source_kind_fits(self) -> TextEntry:
        if self.source not in SOURCE_KINDS:
            raise ValueError(f"unknown source kind {self.source!r}: use one of {', '.join(SOURCE_KINDS)}")
        if SOURCE_KINDS[self.source].text_kind != self.kind:
            raise ValueError(f"a {self.source} source makes a {SOURCE_KINDS[self.source].text_kind}, not a {self.kind}")
        if self.encoding not in ENCODINGS:
            raise ValueError(f"unknown encoding {self.encoding!r}: use one of {', '.join(ENCODINGS)}")
        return self

    @property
    def source_kind(self) -> SourceKind:
        return SOURCE_KINDS[self.source]

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


# Names a text's id may not take: the site's own folders (each edition's folder is refused too,
# from data/editions.yml) — a text there would overwrite them or be overwritten.
RESERVED_IDS = frozenset({"assets", "search", "sources", "pagefind", "stylesheets", "javascripts", "404", "sitemap"})
_TEXT_ID = re.compile(r"\A[a-z0-9][a-z0-9-]*\Z")
# Files kept by text id: a file whose name is no text's id is read by nothing (a renamed or
# misspelt id would drop every annotation or anchor of its text without a word).
_BY_TEXT = ("data/anchors", "data/annotations")


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
    texts = "\n\n".join(
        f"[{markdown_text(entry.label)}]({entry.page})\n:   {markdown_text(entry.description)}"
        for entry in registry.texts.values()
    )
    credits = "\n".join(
        f"- **[{markdown_text(entry.label)}]({entry.page})**：{markdown_text(entry.credit)}"
        for entry in registry.texts.values()
        if entry.credit
    )
    return markdown.replace(TEXTS_MARKER, texts).replace(CREDITS_MARKER, credits)


def registry_problems(root: Path, registry: Registry, edition_folders: set[str]) -> list[Problem]:
    """``TEXT001`` an id that is not lowercase letters, digits and hyphens, or is reserved;
    ``TEXT002`` a page or raw source two texts name; ``TEXT003`` a file kept by text id or a cast
    file that no text of the registry names."""
    data = load_yaml(root / REGISTRY, REGISTRY)
    problems: list[Problem] = []
    reserved = RESERVED_IDS | edition_folders
    for text_id in registry.texts:
        if not _TEXT_ID.match(text_id) or text_id in reserved:
            problems.append(
                Problem(
                    REGISTRY,
                    line_for(data, (text_id,)),
                    "TEXT001",
                    f"text id {text_id!r}: use lowercase letters, digits and hyphens, and none of "
                    f"{', '.join(sorted(reserved))} (the site's own folders)",
                )
            )
    for field in ("page", "raw"):
        seen: dict[str, str] = {}
        for text_id, entry in registry.texts.items():
            value = getattr(entry, field)
            if value in seen:
                problems.append(
                    Problem(
                        REGISTRY,
                        line_for(data, (text_id, field)),
                        "TEXT002",
                        f"{text_id} names {field} {value}, as {seen[value]} does: a text would appear twice; "
                        "remove the second entry",
                    )
                )
            seen.setdefault(value, text_id)
    named_casts = {entry.speakers for entry in registry.texts.values() if entry.speakers}
    for folder in _BY_TEXT:
        for path in sorted((root / folder).glob("*.yml")) if (root / folder).is_dir() else []:
            if path.stem not in registry.texts:
                problems.append(
                    Problem(
                        f"{folder}/{path.name}",
                        1,
                        "TEXT003",
                        f"no text has the id {path.stem!r} (ids: {', '.join(registry.texts)}): rename the file "
                        "to its text's id, or remove it — as it is, nothing reads it",
                    )
                )
    if (root / "data/speakers").is_dir():
        for path in sorted((root / "data/speakers").glob("*.yml")):
            if f"data/speakers/{path.name}" not in named_casts:
                problems.append(
                    Problem(
                        f"data/speakers/{path.name}",
                        1,
                        "TEXT003",
                        "no text names this cast (`speakers:` in data/texts.yml): name it, or remove it",
                    )
                )
    return problems


def load_registry(root: Path) -> Registry:
    """Read ``data/texts.yml`` under the project root and validate it."""
    data = load_yaml(root / REGISTRY, REGISTRY)
    return validate(Registry, data, REGISTRY)


def read_raw(root: Path, text_id: str, entry: TextEntry) -> str:
    """The raw source's text, after proving it is byte-identical to the pinned version (``SRC001``):
    decoded with its recorded encoding, line ends and Unicode forms normalised (``rawfile``)."""
    path = root / entry.raw
    if path.is_symlink() or not path.resolve().is_relative_to((root / "docs/sources").resolve()):
        raise fail(
            entry.raw, 1, "SRC007", "a raw source is a regular file under docs/sources/, not a link: copy the file in"
        )
    if path.is_file() and path.stat().st_size > MAX_SOURCE_BYTES:
        raise fail(
            entry.raw,
            1,
            "SRC008",
            f"larger than {MAX_SOURCE_BYTES:,} bytes, more than the pipeline supports: split the source",
        )
    data = path.read_bytes() if path.is_file() else None
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
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
    assert data is not None
    return decode_source(data, entry.encoding, entry.raw)


def read_source(root: Path, text_id: str, entry: TextEntry) -> SourceText:
    """The raw source read by its kind: blocks of plain text, with times and metadata."""
    return entry.source_kind.read(read_raw(root, text_id, entry), entry.raw)
