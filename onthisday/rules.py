"""Moveable observances: a rule gives the date in any year.

Rule forms (documented in data/README.md):
    easter, easter+49, easter-2           Western Easter Sunday plus or minus N days
    orthodox-easter, orthodox-easter+1     Orthodox Easter (its Gregorian date) plus or minus N days
    4th thu nov, last mon may, 2nd sun may the nth or last weekday of a month
    mon before 05-25, fri on-or-after 06-19  the weekday nearest a fixed date, on the side named
    dates 2025-01-29 2026-02-17           a table of the years it covers (lunar calendars), from
                                          the data file's `dates` list; other years have no date
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import valid_month_day

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1}

_EASTER = re.compile(r"^(easter|orthodox-easter)(?:([+-])(\d{1,3}))?$")
_NTH = re.compile(r"^(1st|2nd|3rd|4th|5th|last) (mon|tue|wed|thu|fri|sat|sun) ([a-z]{3})$")
_TABLE = re.compile(r"^dates( \d{4}-\d\d-\d\d)+$")
_NEAR = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun) (before|after|on-or-before|on-or-after) (\d\d)-(\d\d)$")

FORMS = "easter[+-N], orthodox-easter[+-N], '4th thu nov', 'last mon may', 'mon before 05-25'"


class RuleError(ValueError):
    """The text is not a rule this module understands."""


def check(rule: str) -> None:
    """Raise RuleError if `rule` is not a valid rule, or one that cannot fall in every year."""
    if _EASTER.match(rule):
        return
    if _TABLE.match(rule):
        for text in rule.split()[1:]:
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise RuleError(f"impossible date {text!r} in the dates table") from None
        return
    if match := _NTH.match(rule):
        if match[3] not in MONTHS:
            raise RuleError(f"unknown month {match[3]!r} in rule {rule!r}; months are {', '.join(MONTHS)}")
        if match[1] == "5th":
            raise RuleError(f"rule {rule!r}: a 5th weekday does not occur in every month; use 'last'")
        return
    if match := _NEAR.match(rule):
        if not valid_month_day(int(match[3]), int(match[4])):
            raise RuleError(f"rule {rule!r} names an impossible date")
        return
    raise RuleError(f"unknown rule {rule!r}; rules look like {FORMS}")


def resolve(rule: str, year: int) -> dt.date | None:
    """The date on which `rule` falls in `year` (Gregorian); None where a table does not cover it."""
    if _TABLE.match(rule):
        prefix = f"{year:04d}-"
        return next((dt.date.fromisoformat(d) for d in rule.split()[1:] if d.startswith(prefix)), None)
    if match := _EASTER.match(rule):
        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        method = EASTER_WESTERN if match[1] == "easter" else EASTER_ORTHODOX
        shift = int(match[3] or 0) * (-1 if match[2] == "-" else 1)
        return easter(year, method) + dt.timedelta(days=shift)  # type: ignore[no-any-return]

    from dateutil.relativedelta import relativedelta, weekday

    if match := _NTH.match(rule):
        wd = weekday(WEEKDAYS.index(match[2]))
        month = MONTHS.index(match[3]) + 1
        nth = ORDINALS[match[1]]
        if nth == -1:
            return dt.date(year, month, 1) + relativedelta(day=31, weekday=wd(-1))  # type: ignore[no-any-return]
        return dt.date(year, month, 1) + relativedelta(weekday=wd(nth))  # type: ignore[no-any-return]
    if match := _NEAR.match(rule):
        wd = weekday(WEEKDAYS.index(match[1]))
        anchor = _anchor(year, int(match[3]), int(match[4]))
        side = match[2]
        if side == "before":
            return anchor + relativedelta(days=-1, weekday=wd(-1))  # type: ignore[no-any-return]
        if side == "after":
            return anchor + relativedelta(days=+1, weekday=wd(+1))  # type: ignore[no-any-return]
        if side == "on-or-before":
            return anchor + relativedelta(weekday=wd(-1))  # type: ignore[no-any-return]
        return anchor + relativedelta(weekday=wd(+1))  # type: ignore[no-any-return]
    raise RuleError(f"unknown rule {rule!r}; rules look like {FORMS}")


def covered_years(rule: str) -> tuple[int, int] | None:
    """For a dates table, the first and last year it covers; None for a rule that covers every year."""
    if not _TABLE.match(rule):
        return None
    years = [int(d[:4]) for d in rule.split()[1:]]
    return min(years), max(years)


def _anchor(year: int, month: int, day: int) -> dt.date:
    # 29 February as an anchor falls back to 28 February in common years.
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)
