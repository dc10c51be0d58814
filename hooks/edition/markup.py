"""The markup the pipeline writes and reads: one vocabulary of class names, and what each means.

A page's HTML carries the edition's structure in class names: which words are the speakers' or
the author's own, which are the reader's aids beside them, where notes may go. The modules that
write them (the transcript, fillers, notes, pages) and those that read them (editions, search,
notes, the PDF) take them from here, so a renamed class cannot leave one reader behind.
"""

from __future__ import annotations

from enum import StrEnum


class Mark(StrEnum):
    """A class name the pipeline writes into a page."""

    # The texts' own words.
    TURN = "turn"  # one speaker's paragraph in a transcript
    SOURCE_TEXT = "source-text"  # an article's text, built from its raw source
    APPARATUS = "apparatus"  # the list of corrections: the recognizer's and the editor's readings
    TERM_FORMS = "term-forms"  # a glossary term's forms as the texts write them
    TERM_HEAD = "term-head"  # a glossary entry's heading: its headword, as the texts write it
    NOTE_SOURCES = "note-sources"  # the titles of a note's sources
    TERM_SOURCES = "term-sources"  # the titles of a glossary entry's sources
    SOURCE_KIND = "source-kind"  # the edition's label of a source's kind (（新闻报道）) among them
    # Beside the reading text: the reader's aids.
    FILLER = "filler"  # a filler or stutter the clean verbatim hides
    EDIT_CUT = "edit-cut"  # words the edited view (精编) leaves out; the other views show them
    EDITED_OUT = "turn--edited-out"  # a whole turn the edited view leaves out (its label too)
    LAUGH = "laugh"  # （笑）
    ASR = "asr"  # the recognizer's original beside a correction
    CORRECTION = "corr"  # a correction: the original and the editor's reading
    PARAGRAPH_NUMBER = "pnum"
    SPEAKER = "speaker"
    SPEAKER_MARK = "speaker-mark"  # the voice's shape (◆ ● ■), for readers who do not see colour
    SPEAKER_QUERY = "speaker-query"  # the ？ of an uncertain attribution, with its reason
    SPEAKER_COLON = "speaker-colon"  # hidden: the colon the stylesheet draws, as text for search
    RECURS = "recurs"  # a cold-open clip's link to where it recurs
    TIME = "turn-time"  # when a paragraph's first words are spoken (a link to the audio there)
    READING_HEAD = "reading-head"  # a transcript page's head: cast, facts, switches, map
    # Notes.
    GLOSS_REF = "gloss-ref"  # a glossary footnote's number
    ANNO_REF = "anno-ref"  # an annotation's number
    FOOTNOTE = "footnote"  # the notes at the end of a page
    NOTE_CHECKED = "note-checked"  # when a note's sources were last checked: 截至 2026 年 12 月
    NOTE_LATER = "note-later"  # what happened after the recording (后来), apart from what was true then
    ADMONITION_TITLE = "admonition-title"
    # Raw sources (edition.sources.raw_view).
    RAW_VIEW = "raw-view"  # a text page's link to its raw source's page
    RAW_SOURCE = "raw-source"  # the raw source's whole text on that page


# The speakers' and the author's words, and what quotes them: converted in characters, never in
# vocabulary (the editions' regional words are for the edition's own prose).
SOURCE_WORDS = frozenset(
    {
        Mark.TURN,
        Mark.SOURCE_TEXT,
        Mark.APPARATUS,
        Mark.TERM_HEAD,
        Mark.TERM_FORMS,
        Mark.NOTE_SOURCES,
        Mark.TERM_SOURCES,
    }
)
# Aids beside the reading text, not part of it: a search reads the text without them.
READING_AIDS = frozenset(
    {
        Mark.FILLER,
        Mark.ASR,
        Mark.PARAGRAPH_NUMBER,
        Mark.SPEAKER_MARK,
        Mark.SPEAKER_QUERY,
        Mark.GLOSS_REF,
        Mark.ANNO_REF,
        Mark.RECURS,
    }
)
# Elements whose tooltip quotes the texts (a correction's recognized form, an attribution's reason
# with the speakers' words): characters converted, never vocabulary. Every other tooltip in a page
# (a paragraph number's, a permalink's) is the edition's own prose.
QUOTING_TOOLTIPS = frozenset({Mark.CORRECTION, Mark.SPEAKER_QUERY})
# Where no glossary footnote or annotation goes: hidden words, labels, the notes themselves.
NOT_NOTED = frozenset(
    {
        Mark.FILLER,
        Mark.EDIT_CUT,  # a note's number there would vanish from the edited view
        Mark.LAUGH,
        Mark.SPEAKER,
        Mark.PARAGRAPH_NUMBER,
        Mark.READING_HEAD,
        Mark.CORRECTION,
        Mark.FOOTNOTE,
        Mark.ADMONITION_TITLE,
    }
)
