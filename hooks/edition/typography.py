"""Chinese copywriting conventions, applied by a maintained library rather than by hand.

AutoCorrect (``autocorrect-py``) implements the conventions the edition follows: a space between
Chinese and Latin letters or digits, none around full-width punctuation, full-width punctuation in
Chinese sentences, half-width digits. Its Markdown mode leaves code, links and URLs alone.
"""

from __future__ import annotations

import autocorrect_py


def copywriting(markdown: str) -> str:
    """Apply the Chinese copywriting conventions to a Markdown document."""
    return str(autocorrect_py.format_for(markdown, "md"))
