"""Clean verbatim: fillers, stutters and laughter collapsed by rule, the verbatim text kept.

Each rule turns plain text into HTML in which what it removes is wrapped in
``<span class="filler">``; the page hides those spans unless the reader asks for the verbatim
text, so nothing is lost. Laughter becomes ``（笑）`` (shown only in the clean view).
Rules come from ``data/fillers.yml``; they run in this order: hesitations, laughter, repeats,
restarts (a phrase said again at once: 你给我邀请码之后，你给我邀请码之后). The punctuation left
around what they hide is tidied afterwards, over the whole paragraph (``edition.reading.clean_view``).
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from edition.datafile import load_yaml, validate
from edition.markup import Mark
from edition.segmenter import word_frequency

FILLERS = "data/fillers.yml"
_PAUSE = "，、"


class RepeatRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str]
    min: int = 2
    adjacent_only: bool = False


class StutterRule(BaseModel):
    """Any one Chinese character said twice or more in a row, except reduplicated words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    keep: list[str] = []
    # A doubled form at least this common in jieba's dictionary is a word (深深 1995, 嗷嗷 56), not
    # a stutter (挺挺 3, 对对 3).
    word_frequency: int = 30
    # Words a stutter runs into although the doubled form is a word too (大大大企业 is 大企业 said
    # with a stutter, not 大大; 好好好好做 is 好好做): the run keeps as many of its characters as
    # the word begins with.
    into_words: list[str] = []


class RestartRule(BaseModel):
    """A phrase of ``min_length``–``max_length`` Chinese characters said again at once; with a
    pause mark between, only from ``min_length_across_pause`` characters (上传，上传完之后 is a
    chain, not a restart)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_length: int = 2
    min_length_across_pause: int = 3
    max_length: int = 8
    between: list[str] = []
    keep: list[str] = []


class FillerRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    laughter: str
    hesitations: list[str]
    repeats: list[RepeatRule]
    stutters: StutterRule | None = None
    restarts: RestartRule | None = None


def load_filler_rules(root: Path) -> FillerRules:
    return validate(FillerRules, load_yaml(root / FILLERS, FILLERS), FILLERS)


def hidden(text: str) -> str:
    """Text shown only in the verbatim view."""
    return f'<span class="{Mark.FILLER}">{text}</span>'


# Text an earlier rule already hid: a repeat is still a repeat across it (我呃我 is 我我).
_HIDDEN = rf'<span class="{Mark.FILLER}">[^<]*</span>'


def _hide_all(text: str) -> str:
    """Hide ``text``, leaving the spans already hidden in it as they are (no nesting)."""
    return "".join(
        part if part.startswith("<span") else hidden(part) for part in re.split(f"({_HIDDEN})", text) if part
    )


def mark_laughter(text: str, rules: FillerRules) -> str:
    """哈哈哈 → （笑）: the laughter itself stays, for the verbatim view (哈呃哈 is laughter too)."""
    ha = re.escape(rules.laughter)
    run = re.compile(f"{ha}(?:(?:{_HIDDEN})*{ha})+")
    return run.sub(lambda m: _hide_all(m.group()) + f'<span class="{Mark.LAUGH}">（笑）</span>', text)


def drop_hesitations(text: str, rules: FillerRules) -> str:
    """呃， → (nothing): a hesitation sound and the pause mark after it."""
    if not rules.hesitations:
        return text
    sound = "|".join(re.escape(word) for word in rules.hesitations)
    return re.sub(f"(?:{sound})[{_PAUSE}]?", lambda m: hidden(m.group()), text)


def collapse_repeats(text: str, rules: FillerRules) -> str:
    """对对对对 → 对, 那个，那个 → 那个, 我我我 → 我: the first occurrence stays."""
    for rule in rules.repeats:
        for word in sorted(rule.words, key=len, reverse=True):
            between = f"(?:{_HIDDEN})*" if rule.adjacent_only else f"(?:{_HIDDEN}|[{_PAUSE}])*?"
            pattern = re.compile(f"({re.escape(word)})((?:{between}{re.escape(word)}){{{rule.min - 1},}})")
            text = pattern.sub(lambda m: m.group(1) + _hide_all(m.group(2)), text)
    return text


def _hidden_spans(text: str) -> list[tuple[int, int]]:
    return [span.span() for span in re.finditer(_HIDDEN, text)]


def _is_word(word: str, rule: StutterRule) -> bool:
    return word in rule.keep or word_frequency(word) >= rule.word_frequency


def _visible_before(text: str, index: int) -> str:
    """The last character before ``index`` that is not markup (as if every ``<…>`` before it were
    removed), found by walking back over the tags instead of stripping the whole text before it:
    the stutter pass asks this for every doubled character of a long transcript."""
    while index > 0:
        if text[index - 1] != ">":
            return text[index - 1]
        # The tag this ">" closes opens at the first "<" after the ">" before it.
        opening = text.find("<", text.rfind(">", 0, index - 1) + 1, index - 1)
        if opening == -1:
            return ">"  # a ">" that closes nothing is text
        index = opening
    return ""


def _into_word(char: str, after: str, rule: StutterRule) -> int | None:
    """How many of a run of ``char`` a listed word begins with, when the run runs into it."""
    for word in sorted(rule.into_words, key=len, reverse=True):
        leading = len(word) - len(word.lstrip(char))
        if leading and (word[leading:] and after.startswith(word[leading:])):
            return leading
    return None


def _keep_first(run: str, count: int) -> str:
    """The first ``count`` characters of a run (its markup aside) shown, the rest hidden."""
    pieces = re.split(f"({_HIDDEN})", run)
    shown, out = 0, []
    for piece in pieces:
        if not piece or piece.startswith("<span"):
            out.append(piece)
            continue
        for char in piece:
            out.append(char if shown < count else hidden(char))
            shown += 1
    # Adjacent hidden characters as one span (as the rule always wrote them).
    return re.sub(f'</span><span class="{Mark.FILLER}">', "", "".join(out))


def collapse_stutters(text: str, rules: FillerRules) -> str:
    """挺挺好玩 → 挺好玩, 我呃我觉得 → 我觉得: one character said again at once is kept once.

    Not when the doubled form is a word (深深, 等等, 看看: in jieba's dictionary or ``keep``), nor
    when the first of them ends the word before (直接接的 is 直接 接的, 然后后面 is 然后 后面).
    """
    rule = rules.stutters
    if rule is None:
        return text
    inside = _hidden_spans(text)

    def collapse(match: re.Match[str]) -> str:
        run = re.sub(_HIDDEN, "", match.group())
        before = _visible_before(text, match.start())
        earlier = _visible_before(text, match.start() - 1) + before if before and match.start() > 0 else before
        if any(start < match.start() < end for start, end in inside) or run in rule.keep:
            return match.group()
        kept = _into_word(run[0], re.sub("<[^>]+>", "", text[match.end() : match.end() + 40]), rule)
        if kept is not None:
            return _keep_first(match.group(), kept) if kept < len(run) else match.group()
        if (
            _is_word(run[:2], rule)
            # The first of them ends the word before: 直接接的, 比如说说白了 (比如说 说白了).
            or (before and _is_word(before + run[0], rule))
            or (len(earlier) == 2 and _is_word(earlier + run[0], rule))
        ):
            return match.group()
        return _keep_first(match.group(), 1)

    # Across text an earlier rule hid: 我呃我 is a stutter too.
    return re.sub(f"([\\u4e00-\\u9fff])(?:(?:{_HIDDEN})*\\1)+", collapse, text)


def collapse_restarts(text: str, rules: FillerRules) -> str:
    """你给我邀请码之后，你给我邀请码之后 → 你给我邀请码之后: a false start said again is kept once.

    Only Chinese phrases, only when the second saying follows at once (a pause mark from
    ``between`` may stand between); reduplicated words that mean something (一个一个) are in ``keep``.
    """
    rule = rules.restarts
    if rule is None:
        return text
    pause = "|".join(re.escape(mark) for mark in sorted(rule.between, key=len, reverse=True)) or "(?!)"
    hidden_only = f"(?:{_HIDDEN})*"
    pattern = re.compile(
        f"(?P<phrase>[\\u4e00-\\u9fff]{{{rule.min_length},{rule.max_length}}})"
        f"(?P<again>(?:{hidden_only}(?P<pause>{pause})?{hidden_only}(?P=phrase))+)"
    )
    inside = _hidden_spans(text)

    def collapse(match: re.Match[str]) -> str:
        already_hidden = any(start < match.start() < end for start, end in inside)
        short_across_pause = match["pause"] is not None and len(match["phrase"]) < rule.min_length_across_pause
        one_character = len(set(match["phrase"])) == 1  # 噔噔噔噔: the stutter rule's
        if (
            already_hidden
            or short_across_pause
            or one_character
            or match.group() in rule.keep
            or match["phrase"] * 2 in rule.keep
        ):
            return match.group()
        return match["phrase"] + _hide_all(match["again"])

    text = pattern.sub(collapse, text)
    # A Latin word said again at once (ToC ToC): the same, with only a space between.
    return _LATIN_AGAIN.sub(lambda match: match["word"] + hidden(match["again"]), text)


_LATIN_AGAIN = re.compile(
    r"(?<![A-Za-z0-9<\"=/-])(?P<word>[A-Za-z][A-Za-z0-9.-]*)(?P<again>(?: (?P=word))+)(?![A-Za-z0-9])"
)


def clean_verbatim(text: str, rules: FillerRules) -> str:
    """All rules, in order, on a piece of plain text: hesitations go first, so that laughter and
    repeats are found across them (the result is the same when it is cleaned again)."""
    text = collapse_repeats(mark_laughter(drop_hesitations(text, rules), rules), rules)
    return collapse_restarts(collapse_stutters(text, rules), rules)
