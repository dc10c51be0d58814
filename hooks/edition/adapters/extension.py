"""The pipeline as a Python-Markdown extension: what every engine that reads ``mkdocs.yml`` runs.

MkDocs, ProperDocs and Zensical all render each page with Python-Markdown and the extensions listed
under ``markdown_extensions``; only MkDocs runs ``hooks:``. So the page transforms live here:

- a preprocessor (before the raw-HTML stash, so the HTML the pipeline writes into the Markdown is
  treated as the page's own) puts each text, built from its raw source, into its page; the
  glossary's entries into the glossary page; the list of texts into the home and licence pages;
- a postprocessor (after the raw HTML is restored, so it sees the page as it will be served) adds
  the glossary footnotes and annotations, fills the glossary's back-links, keeps heading words
  whole and marks the reader's aids for search to skip.

Everything else (the editions, the search script tables, sitemaps, link check, PDFs) needs the
built site and runs after the engine, in ``edition.adapters.post_build``. The build itself
(``EditionBuild``) is made once per set of inputs and reused for every page of a build; an edit
to a data file or a page makes a new one. An edit to the pipeline's code cannot be loaded into a
running engine: the next page says so, plainly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from edition.edition_build import EditionBuild, Stamp, input_stamp, stamp_of
from edition.errors import EditionError, Problem
from edition.render import PIPELINE_EXTENSION

NAME = PIPELINE_EXTENSION
_CODE = Path(__file__).resolve().parent.parent  # the whole pipeline, every stage


def _code_stamp() -> Stamp:
    return stamp_of(sorted(_CODE.rglob("*.py")))


_CODE_STAMP = _code_stamp()
_builds: dict[Path, EditionBuild] = {}  # made here, by the inputs' stamp
_handed: dict[Path, EditionBuild] = {}  # made by build_site.py for this process (use_build)


class PipelineChanged(RuntimeError):
    """The pipeline's code changed under a running engine (``mkdocs serve`` or ``zensical serve``
    started by hand; ``make serve`` builds in a fresh process each time and never sees this)."""


def current_build(root: Path) -> EditionBuild:
    """The build for the inputs as they are now (made anew when a data file or a page changed), or
    the one handed over (``use_build``)."""
    handed = _handed.get(root)
    if handed is not None:
        return handed
    now = _code_stamp()
    changed = {name for name, *_ in set(now) ^ set(_CODE_STAMP)}  # edited, added or deleted
    if changed:
        raise PipelineChanged(
            f"the pipeline's code changed ({', '.join(sorted(Path(n).name for n in changed))}) since the "
            "engine started: stop it (Ctrl-C) and start it again, or use `make serve`, which rebuilds "
            "in a fresh process after every edit"
        )
    cached = _builds.get(root)
    if cached is None or cached.inputs != input_stamp(root):
        build = EditionBuild.run(root)  # stamps its inputs before it reads them
        build.raise_problems()
        _builds[root] = build
        return build
    return cached


def use_build(root: Path, build: EditionBuild) -> None:
    """Hand the extension a build already made (by ``build_site.py``, running the engine in its own
    process), so the engine does not make it again: every page of that process is rendered from
    it, as the first pass read the inputs. The inputs are not stamped again for each page (the
    files of 226 texts, once a page: 4 s of a ×226 build); an edit made meanwhile is the next
    build's, as ``make serve`` sees it."""
    _handed[root.resolve()] = build


class _PagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: EditionExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        self.extension.page = markdown
        self.extension.serialized = False
        # The build for this page, looked up once: the postprocessor uses the same.
        self.extension.current = self.extension.build()
        return self.extension.current.page_markdown(markdown).split("\n")


class _PagePostprocessor(Postprocessor):
    def __init__(self, md: Markdown, extension: EditionExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        if not self.extension.serialized:
            return text  # a heading's text, run through the postprocessors by `toc`: not the page yet
        assert self.extension.current is not None  # the preprocessor ran for this page
        return self.extension.current.page_html(self.extension.page, text)


class _PageSerialized(Treeprocessor):
    """Marks the end of the tree stage: the next postprocessor call is for the whole page."""

    def __init__(self, md: Markdown, extension: EditionExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: Any) -> None:
        self.extension.serialized = True


class EditionExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"root": [".", "the project's folder (with data/texts.yml); default: the current folder"]}
        super().__init__(**kwargs)
        self.page = ""
        self.serialized = False
        self.current: EditionBuild | None = None

    def build(self) -> EditionBuild:
        return current_build(Path(self.getConfig("root")).resolve())

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # After whitespace is normalised (30), before fenced code (25) and raw HTML (20) are stashed.
        md.preprocessors.register(_PagePreprocessor(md, self), "edition_page", 27)
        # After every tree step: `toc` (5) and MkDocs' title finder (-1) run the postprocessors over a
        # heading's text; only the call after the last tree step is for the whole page.
        md.treeprocessors.register(_PageSerialized(md, self), "edition_serialized", -1000)
        # After the raw HTML is restored (30) and footnotes are placed (25); last of all.
        md.postprocessors.register(_PagePostprocessor(md, self), "edition_notes", 1)


def makeExtension(**kwargs: Any) -> EditionExtension:
    return EditionExtension(**kwargs)


__all__ = [
    "NAME",
    "EditionError",
    "EditionExtension",
    "PipelineChanged",
    "Problem",
    "current_build",
    "makeExtension",
    "use_build",
]
