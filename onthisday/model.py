"""The entry type; the vocabularies it uses live in vocab.py."""

from __future__ import annotations

from typing import Any, NamedTuple


class Entry(NamedTuple):
    """One dated entry: an event, a birth, a death or an observance.

    A NamedTuple rather than a dataclass: immutable all the same, and quicker to create at import,
    which every run pays for.
    """

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
    origin: str = ""  # the file it came from

    @property
    def date(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"

    def to_dict(self) -> dict[str, Any]:
        """All fields, JSON-ready, in a stable order."""
        data = self._asdict()
        data["date"] = self.date
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = list(value)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        fields = {k: v for k, v in data.items() if k in cls._fields}
        for key, value in fields.items():
            if isinstance(value, list):
                fields[key] = tuple(value)
        return cls(**fields)
