"""Every way a person writes a date on the command line, to a month, a day and maybe a year."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .errors import UsageError
from .vocab import DAYS_IN_MONTH, MONTH_NAMES

ACCEPTED = "june 4, 4 jun, 06-04, 6/4, 1944-06-04, today, tomorrow, yesterday, +3, -3"

_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_RELATIVE = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}

_ISO = re.compile(r"^(\d{1,4})-(\d{1,2})-(\d{1,2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})[-/](\d{1,2})$")
_OFFSET = re.compile(r"^([+-])(\d{1,6})$")
_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_YEAR = re.compile(r"^\d{1,4}$")


class DayRef(NamedTuple):
    """A day of the year, with the year when the user named one."""

    month: int
    day: int
    year: int | None = None

    def label(self) -> str:
        text = f"{self.day} {MONTH_NAMES[self.month - 1]}"
        return f"{text} {self.year}" if self.year is not None else text


def parse(words: list[str] | str, today: dt.date) -> DayRef:
    """Read the words of a date; raise UsageError naming the problem and the accepted forms."""
    text = words if isinstance(words, str) else " ".join(words)
    original = " ".join(text.split())
    cleaned = original.lower().replace(",", " ")
    tokens = [t for t in cleaned.split() if t != "of"]
    if not tokens:
        return DayRef(today.month, today.day)
    if len(tokens) == 1:
        token = tokens[0]
        if token in _RELATIVE:
            return _shift(today, _RELATIVE[token])
        if match := _OFFSET.match(token):
            sign = 1 if match[1] == "+" else -1
            return _shift(today, sign * int(match[2]))
        if match := _ISO.match(token):
            return _checked(original, int(match[2]), int(match[3]), int(match[1]))
        if match := _MONTH_DAY.match(token):
            return _checked(original, int(match[1]), int(match[2]), None)
    return _named(original, tokens)


def _shift(today: dt.date, days: int) -> DayRef:
    try:
        moved = today + dt.timedelta(days=days)
    except OverflowError:
        raise UsageError(f"a shift of {days:+d} days leaves the calendar; use a smaller number") from None
    return DayRef(moved.month, moved.day)


def _named(original: str, tokens: list[str]) -> DayRef:
    """`june 4`, `4 june`, `june 4th 1944`, `4th of june, 1944`."""
    months = [t for t in tokens if t.rstrip(".") in _MONTHS]
    rest = [t for t in tokens if t.rstrip(".") not in _MONTHS]
    if len(months) != 1 or not 1 <= len(rest) <= 2:
        raise UsageError(f"unrecognised date {original!r}; accepted forms: {ACCEPTED}")
    month = _MONTHS[months[0].rstrip(".")]
    day_match = _DAY.match(rest[0])
    year: int | None = None
    if len(rest) == 2:
        if not _YEAR.match(rest[1]):
            raise UsageError(
                f"unrecognised year {rest[1]!r} in {original!r}; write it as digits, as in june 4 1944"
            )
        year = int(rest[1])
    if day_match is None:
        raise UsageError(f"unrecognised day {rest[0]!r} in {original!r}; accepted forms: {ACCEPTED}")
    return _checked(original, month, int(day_match[1]), year)


def _checked(original: str, month: int, day: int, year: int | None) -> DayRef:
    if not 1 <= month <= 12:
        raise UsageError(
            f"invalid date {original!r}: there is no month {month} (months run 1-12, month first)"
        )
    name = MONTH_NAMES[month - 1]
    if not 1 <= day <= DAYS_IN_MONTH[month - 1]:
        limit = DAYS_IN_MONTH[month - 1]
        raise UsageError(f"invalid date {original!r}: {name} has no day {day} (it has {limit})")
    if year is not None:
        if year < 1:
            raise UsageError(f"invalid date {original!r}: years run from 1 to 9999")
        try:
            dt.date(year, month, day)
        except ValueError:
            raise UsageError(f"invalid date {original!r}: {year} is not a leap year") from None
    return DayRef(month, day, year)


def valid_month_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= DAYS_IN_MONTH[month - 1]


def parse_range(
    words: list[str], today: dt.date, days: int | None = None, week: bool = False
) -> list[DayRef]:
    """The days of a range: `june 1..june 7`, or a date with `days` (or a `week`) from it, in order.

    A range may cross the year's end; the days after it belong to the next year (that matters for
    moveable observances and, with a full date, for "N years ago").
    """
    text = " ".join(words)
    if ".." in text:
        if days is not None or week:
            raise UsageError("a range (a..b) and --days or --week cannot be used together")
        left, _, right = text.partition("..")
        start = parse(left.split(), today)
        if right.strip().isdigit():  # june 1..7: the same month
            end = _checked(text, start.month, int(right), start.year)
        else:
            end = parse(right.split(), today)
        if start.year is not None and end.year is not None:
            span = (
                dt.date(end.year, end.month, end.day) - dt.date(start.year, start.month, start.day)
            ).days + 1
            if span < 1:
                raise UsageError(f"the range {text!r} ends before it starts")
        else:
            span = _days_from(start, end)
    else:
        if days is not None and week:
            raise UsageError("--days and --week cannot be used together")
        start = parse(words, today)
        span = 7 if week else days if days is not None else 1
        if not 1 <= span <= 366:
            raise UsageError(f"--days must be between 1 and 366, not {span}")
    return _run(start, span)


def _days_from(start: DayRef, end: DayRef) -> int:
    """Days from `start` to `end` inclusive, through the year's end when `end` comes earlier."""
    leap = 2024  # a leap year, so that 29 February counts
    first = dt.date(leap, start.month, start.day)
    last = dt.date(leap, end.month, end.day)
    span = (last - first).days + 1
    return span if span >= 1 else span + 366


def _run(start: DayRef, span: int) -> list[DayRef]:
    # Without a year, the days are counted in a leap year, so a range that spans the end of
    # February shows 29 February too.
    first = dt.date(start.year if start.year is not None else 2024, start.month, start.day)
    try:
        days = [first + dt.timedelta(days=offset) for offset in range(span)]
    except OverflowError:
        raise UsageError("the range runs past the year 9999") from None
    return [DayRef(d.month, d.day, d.year if start.year is not None else None) for d in days]
