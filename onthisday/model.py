"""The entry type and the controlled vocabularies that the data and the filters share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated entry: an event, a birth, a death or an observance."""

    id: str
    kind: str
    month: int
    day: int
    year: int | None
    headline: str
    highlights: tuple[str, ...] = ()
    story: str = ""
    name: str = ""
    role: str = ""
    categories: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    calendar: str = "gregorian"
    importance: int = 2
    rule: str = ""
    origin: str = field(default="", compare=False)

    @property
    def date(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"

    def to_dict(self) -> dict[str, Any]:
        """All fields, JSON-ready, in a stable order."""
        data = asdict(self)
        data["date"] = self.date
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = list(value)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key, value in fields.items():
            if isinstance(value, list):
                fields[key] = tuple(value)
        return cls(**fields)


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
