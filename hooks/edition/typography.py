"""Chinese copywriting conventions, applied by a maintained library rather than by hand.

AutoCorrect (``autocorrect-py``) implements the conventions the edition follows: a space between
Chinese and Latin letters or digits, none around full-width punctuation, full-width punctuation in
Chinese sentences, half-width digits. Its Markdown mode leaves code, links and URLs alone.
"""

from __future__ import annotations

import autocorrect_py

# AutoCorrect is not always idempotent in one pass: its rules overlap, so 和-和-和 becomes
# 和 - 和-和 and only then 和 - 和 - 和 (found by the property test). Passes repeat until nothing
# changes; three have always been enough.
MAX_PASSES = 5


def copywriting(markdown: str) -> str:
    """Apply the Chinese copywriting conventions to a Markdown document (to a fixed point)."""
    for _ in range(MAX_PASSES):
        formatted = str(autocorrect_py.format_for(markdown, "md"))
        if formatted == markdown:
            break
        markdown = formatted
    return markdown


def copywriting_text(text: str) -> str:
    """The same conventions on plain text (a source's words, before they are escaped as Markdown)."""
    for _ in range(MAX_PASSES):
        formatted = str(autocorrect_py.format(text))
        if formatted == text:
            break
        text = formatted
    return text
