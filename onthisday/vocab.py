"""The controlled vocabularies and the small facts about years that every path shares.

This module imports nothing, so the shell greeting can use it without paying for dataclasses.
"""

from __future__ import annotations

KINDS = ("event", "birth", "death", "observance")

CATEGORIES = (
    "politics",
    "war",
    "science",
    "technology",
    "space",
    "medicine",
    "exploration",
    "arts",
    "literature",
    "music",
    "film",
    "sport",
    "religion",
    "law",
    "economy",
    "disaster",
    "environment",
    "society",
)

REGIONS = (
    "africa",
    "asia",
    "europe",
    "middle-east",
    "north-america",
    "latin-america",
    "oceania",
    "world",
)

CALENDARS = ("gregorian", "julian")

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29 February is a real day


def years_between(year: int, reference_year: int) -> int:
    """Whole years from `year` to `reference_year`, counting across 1 BCE to 1 CE without a year 0."""
    span = reference_year - year
    if year < 0 < reference_year:
        span -= 1
    return span


def format_year(year: int | None) -> str:
    if year is None:
        return ""
    return f"{-year} BCE" if year < 0 else str(year)


def is_round_anniversary(years: int) -> bool:
    """10th, 25th, 50th, 75th, 100th, then every 50th: 150th, 200th, 250th, ... 1000th and on."""
    return years in (10, 25, 50, 75) or (years >= 100 and years % 50 == 0)
