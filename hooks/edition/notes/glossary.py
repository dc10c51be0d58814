"""The glossary and the annotations: loading with checks, and the glossary page.

Checks (each ``path:line: CODE message``):

- ``GLO001`` duplicate id; ``GLO002`` a form (headword or alias) that occurs in no text;
  ``GLO003`` a form listed under two terms; ``GLO004`` a one-character form (it matches inside words);
- ``NOTE001`` raw HTML in a definition or note (notes are Markdown; HTML is refused, and what is
  rendered is sanitized besides); ``NOTE002`` an image in one (it was dropped silently);
- ``URL001`` a source that is not an http(s) URL; ``SRC010``–``SRC013`` what the sources are worth
  (``edition.notes.sources``);
- ``ANN001`` a quote that matches nowhere (an orphan); ``ANN002`` a quote that matches more than
  once (add a prefix or suffix); ``ANN003`` duplicate annotation id.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from edition.datafile import line_for, load_yaml, validate
from edition.errors import EditionError, Problem
from edition.markup import Mark
from edition.notes.footnotes import checked_html, inline_note_html, later_html, note_html, source_link
from edition.notes.model import Annotations, Glossary, Term
from edition.notes.sources import load_hosts, source_problems
from edition.notes.terms import TermMatcher

GLOSSARY = "data/glossary.yml"
ANNOTATIONS = "data/annotations/{text}.yml"
# More notes than this on one text is no reading edition but a commentary, or a generated file:
# 5,000 ran the PDF into a recursion error after a minute (the seed texts have 11 to 22).
MOST_ANNOTATIONS = 500
_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]|\bon[a-z]+\s*=|javascript:", re.I)
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
# What a note may not hold: raw HTML (notes are Markdown, and sanitized besides) and images (a note
# shows none: the site fetches nothing).
_REFUSED_IN_NOTES = (
    (_RAW_HTML, "NOTE001", "raw HTML or script in {name!r}: notes are Markdown; write links as [text](https://…)"),
    (
        _IMAGE,
        "NOTE002",
        "an image in {name!r}: notes show no images (the site fetches nothing); link to the page instead, "
        "as [text](https://…)",
    ),
)


def _markdown_fields(data: Any, shown_as: str, fields: tuple[str, ...]) -> list[Problem]:
    problems = []
    for index, item in enumerate(data if isinstance(data, list) else []):
        later = item.get("later") if isinstance(item, dict) else None
        places: list[tuple[tuple[int | str, ...], str, Any]] = [
            ((index, name), name, item.get(name) if isinstance(item, dict) else None) for name in fields
        ]
        if isinstance(later, dict):  # a later part's note is Markdown too
            places.append(((index, "later", "note"), "later.note", later.get("note")))
        for where, name, value in places:
            for pattern, code, why in _REFUSED_IN_NOTES:
                if isinstance(value, str) and pattern.search(value):
                    problems.append(Problem(shown_as, line_for(data, where), code, why.format(name=name)))
    return problems


def _duplicate_ids(data: Any, ids: list[str], shown_as: str, code: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(Problem(shown_as, line_for(data, (index, "id")), code, f"duplicate id {item_id!r}"))
        seen.add(item_id)
    return problems


def load_glossary(root: Path) -> tuple[Glossary, Any]:
    """The glossary and its parsed YAML (for line numbers in later checks)."""
    data = load_yaml(root / GLOSSARY, GLOSSARY)
    problems = _markdown_fields(data, GLOSSARY, ("definition", "note"))
    try:
        glossary = validate(Glossary, data, GLOSSARY)
    except EditionError as error:
        raise EditionError(problems + error.problems) from error
    problems += _duplicate_ids(data, [term.id for term in glossary.root], GLOSSARY, "GLO001")
    owner: dict[str, str] = {}
    for index, term in enumerate(glossary.root):
        for form_index, form in enumerate(term.forms):
            key = form.replace(" ", "")
            if key in owner and owner[key] != term.id:
                where = (index, "headword") if form_index == 0 else (index, "aliases", form_index - 1)
                problems.append(
                    Problem(
                        GLOSSARY, line_for(data, where), "GLO003", f"form {form!r} is also a form of {owner[key]!r}"
                    )
                )
            owner.setdefault(key, term.id)
            if len(key) < 2:
                where = (index, "headword") if form_index == 0 else (index, "aliases", form_index - 1)
                problems.append(
                    Problem(
                        GLOSSARY,
                        line_for(data, where),
                        "GLO004",
                        f"form {form!r} is one character: it would match inside other words; use the word it stands in",
                    )
                )
    problems += source_problems(glossary.root, data, GLOSSARY, load_hosts(root))
    if problems:
        raise EditionError(problems)
    return glossary, data


def load_annotations(root: Path, text_id: str) -> tuple[Annotations, Any, str]:
    """A text's annotations, their parsed YAML and the file's path (an absent file means none)."""
    shown_as = ANNOTATIONS.format(text=text_id)
    if not (root / shown_as).exists():
        return Annotations([]), [], shown_as
    data = load_yaml(root / shown_as, shown_as)
    if isinstance(data, list) and len(data) > MOST_ANNOTATIONS:
        raise EditionError(
            [
                Problem(
                    shown_as,
                    line_for(data, (MOST_ANNOTATIONS,)),
                    "ANN005",
                    f"{len(data)} annotations on one text, more than {MOST_ANNOTATIONS}: a page this annotated is "
                    "a commentary (and its PDF cannot be made); keep the notes a reader needs, or move the rest "
                    "into the glossary",
                )
            ]
        )
    problems = _markdown_fields(data, shown_as, ("note",))
    try:
        annotations = validate(Annotations, data, shown_as)
    except EditionError as error:
        raise EditionError(problems + error.problems) from error
    problems += _duplicate_ids(data, [a.id for a in annotations.root], shown_as, "ANN003")
    problems += source_problems(annotations.root, data, shown_as, load_hosts(root))
    if problems:
        raise EditionError(problems)
    return annotations, data, shown_as


def annotation_problems(
    annotations: Annotations,
    data: Any,
    shown_as: str,
    hits: dict[str, int],
    overlapping: list[tuple[str, str]] | None = None,
    verbatim: str = "",
) -> list[Problem]:
    """``ANN001`` / ``ANN002`` for quotes that did not match exactly once on their page; ``ANN004``
    for a quote that overlaps another's without holding it or lying inside it. ``verbatim``, the
    page's text with what the clean view hides: a quote found only there is hidden by a rule of
    data/fillers.yml (or a cut), and the message says so rather than blame the quote alone."""
    problems = []
    index_of = {annotation.id: index for index, annotation in enumerate(annotations.root)}
    for first, second in overlapping or []:
        problems.append(
            Problem(
                shown_as,
                line_for(data, (index_of[second], "quote", "exact")),
                "ANN004",
                f"quote of {second!r} overlaps the quote of {first!r}: both cannot be highlighted; shorten one "
                "so they do not overlap, or so one lies inside the other",
            )
        )
    for index, annotation in enumerate(annotations.root):
        count = hits.get(annotation.id, 0)
        line = line_for(data, (index, "quote", "exact"))
        if count == 0 and annotation.quote.exact in verbatim:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "ANN001",
                    f"quote {annotation.quote.exact!r} is in the verbatim text but not in the clean view: part of it "
                    f"is hidden as a filler (data/fillers.yml) or a cut; quote the words the page shows, or, if "
                    f"many quotes fail so, fix the filler rule that hides ordinary words",
                )
            )
        elif count == 0:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "ANN001",
                    f"quote {annotation.quote.exact!r} matches nowhere in the reading text (orphaned annotation): "
                    "copy the exact text from the page, without fillers or corrections inside",
                )
            )
        elif count > 1:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "ANN002",
                    f"quote {annotation.quote.exact!r} matches {count} times: add a prefix or suffix to say which",
                )
            )
    return problems


def unused_forms(glossary: Glossary, data: Any, texts: list[str]) -> list[Problem]:
    """``GLO002`` for every headword or alias that occurs in none of the texts."""
    problems = []
    for index, term in enumerate(glossary.root):
        for form_index, form in enumerate(term.forms):
            if not any(TermMatcher.form_occurs(form, text) for text in texts):
                where = (index, "headword") if form_index == 0 else (index, "aliases", form_index - 1)
                problems.append(
                    Problem(GLOSSARY, line_for(data, where), "GLO002", f"{form!r} occurs in no text: remove or fix it")
                )
    return problems


def glossary_markdown(terms: list[Term], regions: dict[str, str]) -> str:
    """The glossary page's entries; ``<!-- backlinks:ID -->`` is filled in once every page is built.
    ``regions``: each edition's region name by its id (臺灣), heading the term's regional notes."""
    out: list[str] = []
    for term in terms:
        out += [f"## {term.headword} {{ #{term.id} .{Mark.TERM_HEAD} }}", ""]
        names = [name for name in (term.full_name.en, term.full_name.zh) if name] if term.full_name else []
        body = [f'<p class="term-names">{html.escape(" · ".join(names))}</p>'] if names else []
        body.append(f'<p class="term-definition">{inline_note_html(term.definition)}{checked_html(term.checked)}</p>')
        if term.note:
            body.append(f'<div class="term-note">{note_html(term.note)}</div>')
        if term.later is not None:
            body.append(later_html(term.later))
        if term.aliases:
            body.append(f'<p class="{Mark.TERM_FORMS}">文中写法：{html.escape("、".join(term.forms))}</p>')
        for regional in term.regional:
            region = regions[regional.region]
            body.append(f'<p class="term-regional">{region}：{inline_note_html(regional.note)}</p>')
        sources = "".join(f"<li>{source_link(source)}</li>" for source in term.sources)
        body.append(f'<ul class="{Mark.TERM_SOURCES}" aria-label="来源">{sources}</ul>')
        body.append(f"<!-- backlinks:{term.id} -->")
        out += ["\n".join(body), ""]
    return "\n".join(out)


def backlinks_html(occurrences: list[tuple[str, str, str]]) -> str:
    """Links to every paragraph a term occurs in: (page title, page URL from the glossary, anchor)."""
    if not occurrences:
        return '<p class="term-backlinks">（正文中未出现）</p>'
    by_page: dict[tuple[str, str], list[str]] = {}
    for title, url, anchor in occurrences:
        anchors = by_page.setdefault((title, url), [])
        if anchor not in anchors:
            anchors.append(anchor)
    parts = []
    for (title, url), anchors in by_page.items():
        links = " ".join(f'<a href="{url}#{anchor}">¶{anchor.removeprefix("p")}</a>' for anchor in anchors)
        parts.append(f"{html.escape(title)}：{links}")
    return f'<p class="term-backlinks">出现于　{"；".join(parts)}</p>'
