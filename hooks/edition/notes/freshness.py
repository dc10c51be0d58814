"""Whether a note can still be trusted: the date its sources were last checked, and how old that is.

Every glossary term and annotation says when it was last checked (``checked: 2026-12-04``); the
page shows it (截至 2026 年 12 月). What was true on the day of a recording stays true of that day,
but a note also says what a thing *is*, and things change: a note not checked for a while is
listed, and one not checked for much longer stops the build. The two periods are data
(``data/note-review.yml``). Checks (each ``path:line: CODE message``):

- ``NOTE003`` (a warning: ``make check`` lists it and passes) a note last checked more than
  ``warn_after_months`` ago;
- ``NOTE004`` a note last checked more than ``fail_after_months`` ago: check it again, or cut what
  may no longer hold;
- ``NOTE005`` a date that cannot be: ``checked`` after today, or a ``later`` part dated after its
  note was checked (what happened later is told as of the check).

Today is the machine's date, or ``EDITION_TODAY`` (``YYYY-MM-DD``) when set, so that an old
checkout is judged as of its own day and a test can fix the day it judges.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from edition.datafile import line_for, load_yaml, validate
from edition.errors import Problem, fail

REVIEW = "data/note-review.yml"
TODAY = "EDITION_TODAY"


class ReviewPolicy(BaseModel):
    """How long a note may go unchecked: listed after one period, refused after the other."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    warn_after_months: int = Field(default=12, ge=1)
    fail_after_months: int = Field(default=24, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> ReviewPolicy:
        if self.fail_after_months < self.warn_after_months:
            raise ValueError("fail_after_months must not be shorter than warn_after_months")
        return self


def load_policy(root: Any) -> ReviewPolicy:
    """The review periods (the defaults when the file is absent)."""
    if not (root / REVIEW).exists():
        return ReviewPolicy()
    return validate(ReviewPolicy, load_yaml(root / REVIEW, REVIEW) or {}, REVIEW)


def today() -> date:
    """The day notes are judged on: ``EDITION_TODAY`` if set, else the machine's date."""
    value = os.environ.get(TODAY, "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(TODAY, 1, "NOTE005", f"{TODAY}={value!r} is not a date: write YYYY-MM-DD") from None


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, last)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class Freshness:
    """What the dates of these notes say: warnings to list, problems that stop the build."""

    warnings: list[Problem]
    problems: list[Problem]


def freshness(items: list[Any], data: Any, shown_as: str, policy: ReviewPolicy, on: date) -> Freshness:
    """Judge each term's or annotation's ``checked`` date (and its ``later`` part's) as of ``on``."""
    result = Freshness([], [])
    for index, item in enumerate(items):
        line = line_for(data, (index, "checked"))
        checked: date = item.checked
        if checked > on:
            result.problems.append(
                Problem(shown_as, line, "NOTE005", f"{item.id}: checked {checked} is after today ({on})")
            )
        elif months_after(checked, policy.fail_after_months) < on:
            result.problems.append(
                Problem(
                    shown_as,
                    line,
                    "NOTE004",
                    f"{item.id}: last checked {checked}, more than {policy.fail_after_months} months ago: "
                    f"read its sources again and set checked: to that day, or cut what may no longer hold",
                )
            )
        elif months_after(checked, policy.warn_after_months) < on:
            result.warnings.append(
                Problem(
                    shown_as,
                    line,
                    "NOTE003",
                    f"{item.id}: last checked {checked}, more than {policy.warn_after_months} months ago: "
                    "due for a new check",
                )
            )
        if item.later is not None and item.later.date > checked:
            result.problems.append(
                Problem(
                    shown_as,
                    line_for(data, (index, "later", "date")),
                    "NOTE005",
                    f"{item.id}: its later part is dated {item.later.date}, after the note was checked "
                    f"({checked}): tell what happened as of the check, and set checked: to the day you checked it",
                )
            )
    return result


def month_label(day: date) -> str:
    """2026 年 12 月: how a note's date is shown (the edition's prose, converted per edition)."""
    return f"{day.year} 年 {day.month} 月"
