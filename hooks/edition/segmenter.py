"""Chinese word segmentation: jieba, loaded once and only when a page needs it.

Two passes ask it: the filler pass (is a doubled form such as 深深 a word?) and the heading pass
(where may a heading break?). jieba builds its prefix dictionary on first use (about a second),
so it is imported lazily and initialised once for both.
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType
from typing import cast


@lru_cache(maxsize=1)
def _jieba() -> ModuleType:
    import jieba  # loaded only when a page is built

    jieba.setLogLevel(60)
    jieba.initialize()
    return cast(ModuleType, jieba)  # jieba ships no type hints


def word_frequency(word: str) -> int:
    """How common ``word`` is in jieba's dictionary (0 when it is not a word there)."""
    return int(_jieba().get_FREQ(word) or 0)


def words(text: str) -> list[str]:
    """The text cut into words (jieba, with its guesses at words it does not know: names)."""
    return list(_jieba().cut(text))
