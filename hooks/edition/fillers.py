"""Clean verbatim: fillers, stutters and laughter collapsed by rule, the verbatim text kept.

Each rule turns plain text into HTML in which what it removes is wrapped in
``<span class="filler">``; the page hides those spans unless the reader asks for the verbatim
text, so nothing is lost. Laughter becomes ``（笑）`` (shown only in the clean view).
Rules come from ``data/fillers.yml``; they run in this order: hesitations, laughter, repeats.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from edition.datafile import load_yaml, validate

FILLERS = "data/fillers.yml"
_PAUSE = "，、"


class RepeatRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str]
    min: int = 2
    adjacent_only: bool = False


class FillerRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    laughter: str
    hesitations: list[str]
    repeats: list[RepeatRule]


def load_filler_rules(root: Path) -> FillerRules:
    return validate(FillerRules, load_yaml(root / FILLERS, FILLERS), FILLERS)


def hidden(text: str) -> str:
    """Text shown only in the verbatim view."""
    return f'<span class="filler">{text}</span>'


# Text an earlier rule already hid: a repeat is still a repeat across it (我呃我 is 我我).
_HIDDEN = r'<span class="filler">[^<]*</span>'


def _hide_all(text: str) -> str:
    """Hide ``text``, leaving the spans already hidden in it as they are (no nesting)."""
    return "".join(
        part if part.startswith("<span") else hidden(part) for part in re.split(f"({_HIDDEN})", text) if part
    )


def mark_laughter(text: str, rules: FillerRules) -> str:
    """哈哈哈 → （笑）: the laughter itself stays, for the verbatim view (哈呃哈 is laughter too)."""
    ha = re.escape(rules.laughter)
    run = re.compile(f"{ha}(?:(?:{_HIDDEN})*{ha})+")
    return run.sub(lambda m: _hide_all(m.group()) + '<span class="laugh">（笑）</span>', text)


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


def clean_verbatim(text: str, rules: FillerRules) -> str:
    """All rules, in order, on a piece of plain text: hesitations go first, so that laughter and
    repeats are found across them (the result is the same when it is cleaned again)."""
    return collapse_repeats(mark_laughter(drop_hesitations(text, rules), rules), rules)
