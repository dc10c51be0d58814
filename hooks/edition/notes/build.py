"""Glossary footnotes, annotations and back-links across one build of the whole edition.

One object per build: it loads the glossary and every text's annotations once, remembers where every
term occurs in each text page, adds notes to a page as an engine renders it, fills the glossary
page's back-links and reports forms that occur nowhere. ``EditionBuild`` drives it
once per build, before any engine renders a page.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.cache import Cache, digest, shared_cache
from edition.errors import EditionError, Problem
from edition.markup import Mark
from edition.notes.footnotes import PageNotes, add_notes
from edition.notes.freshness import freshness, load_policy, today
from edition.notes.glossary import (
    GLOSSARY,
    annotation_problems,
    backlinks_html,
    load_annotations,
    load_glossary,
    unused_forms,
)
from edition.notes.model import Annotations
from edition.notes.terms import TermMatcher
from edition.render import plain_text

_BACKLINKS = re.compile(r"<!-- backlinks:([a-z0-9-]+) -->")
_ASR_ORIGINAL = re.compile(rf'<del class="{Mark.ASR}"[^>]*>.*?</del>')


class NotesBuild:
    def __init__(self, root: Path, text_ids: list[str], cache: Cache | None = None) -> None:
        problems: list[Problem] = []
        self._cache = cache or shared_cache()
        self.glossary, self._glossary_data = load_glossary(root)
        self._glossary_digest = digest(self.glossary)
        self._matcher = TermMatcher(self.glossary.root)
        self.annotations: dict[str, tuple[Annotations, object, str]] = {}
        for text_id in text_ids:
            try:
                self.annotations[text_id] = load_annotations(root, text_id)
            except EditionError as error:
                problems += error.problems
        if problems:
            raise EditionError(problems)
        self._annotations_digest = {text_id: digest(*given) for text_id, given in self.annotations.items()}
        # How old each note's check is: warnings to list (NOTE003), problems past the hard limit.
        policy, on = load_policy(root), today()
        judged = [freshness(self.glossary.root, self._glossary_data, GLOSSARY, policy, on)]
        judged += [
            freshness(notes.root, data, shown_as, policy, on) for notes, data, shown_as in self.annotations.values()
        ]
        self.warnings: list[Problem] = [warning for result in judged for warning in result.warnings]
        self.stale: list[Problem] = [problem for result in judged for problem in result.problems]
        # term id -> (page title, page URL, paragraph anchor)
        self.occurrences: dict[str, list[tuple[str, str, str]]] = {}
        self.texts: list[str] = []

    def annotate(self, text_id: str, page_html: str, glossary_href: str) -> str:
        """A text page's HTML with its notes; ``ANN001``/``ANN002`` if a quote does not fit."""
        return self._notes(text_id, page_html, glossary_href).html

    def record(self, text_id: str, title: str, url: str, page_html: str) -> None:
        """Remember where each term occurs in a text page (its title, its URL from the glossary)
        and what the page says, for the back-links and the unused-forms check."""
        notes = self._notes(text_id, page_html, "")
        # The text as a reader sees it: a correction's recognized form is not part of it.
        self.texts.append(plain_text(_ASR_ORIGINAL.sub("", page_html)))
        for term_id, anchors in notes.occurrences.items():
            self.occurrences.setdefault(term_id, []).extend((title, url, anchor) for anchor in anchors)

    def _notes(self, text_id: str, page_html: str, glossary_href: str) -> PageNotes:
        # Kept by the glossary, the text's annotations and the page (a problem raises: nothing kept).
        inputs = (self._glossary_digest, self._annotations_digest[text_id], page_html, glossary_href)
        return self._cache.remember("page-notes", inputs, lambda: self._find_notes(text_id, page_html, glossary_href))

    def _find_notes(self, text_id: str, page_html: str, glossary_href: str) -> PageNotes:
        annotations, data, shown_as = self.annotations[text_id]
        notes = add_notes(page_html, self.glossary.root, annotations.root, glossary_href, self._matcher)
        verbatim = plain_text(_ASR_ORIGINAL.sub("", page_html))  # with the words the clean view hides
        problems = annotation_problems(
            annotations, data, shown_as, notes.annotation_hits, notes.overlapping, verbatim=verbatim
        )
        if problems:
            raise EditionError(problems)
        return notes

    def glossary_page(self, page_html: str) -> str:
        """Fill every ``<!-- backlinks:ID -->`` with links to the paragraphs the term occurs in."""
        return _BACKLINKS.sub(lambda match: backlinks_html(self.occurrences.get(match.group(1), [])), page_html)

    def final_problems(self) -> list[Problem]:
        """Once every text page has been seen: forms that occur in no text (``GLO002``)."""
        return unused_forms(self.glossary, self._glossary_data, self.texts)
