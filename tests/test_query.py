from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onthisday.errors import UsageError
from onthisday.query import Filters, Library, limited

from .conftest import SAMPLE


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open([SAMPLE], {"ONTHISDAY_CACHE_DIR": str(tmp_path)}, dt.date(2026, 6, 4), bundled=False)


def ids(entries) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.id for e in entries]


def test_a_day_in_display_order(library: Library) -> None:
    assert ids(library.day(6, 4, 2026)) == [
        "1944-fixture-rome",  # importance 3 first
        "1919-fixture-markup",
        "1989-fixture-election",
        "bce44-fixture-ides",  # importance 1 last
        "1867-birth-fixture",
        "1941-death-fixture",
        "obs-fixture-tonga",
    ]


def test_filters(library: Library) -> None:
    assert ids(library.day(6, 4, 2026, Filters.parse(kinds=["birth,death"]))) == [
        "1867-birth-fixture",
        "1941-death-fixture",
    ]
    assert ids(library.day(6, 4, 2026, Filters.parse(categories=["law"]))) == ["1919-fixture-markup"]
    assert ids(library.day(6, 4, 2026, Filters.parse(regions=["oceania"]))) == ["obs-fixture-tonga"]
    since = library.day(6, 4, 2026, Filters.parse(since=1900, until=1950))
    assert ids(since) == ["1944-fixture-rome", "1919-fixture-markup", "1941-death-fixture"]
    assert ids(library.day(6, 4, 2026, Filters.parse(until=0))) == ["bce44-fixture-ides"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"kinds": ["holiday"]}, "unknown kind 'holiday'; accepted: event, birth, death, observance"),
        ({"categories": ["cooking"]}, "unknown category 'cooking'"),
        ({"regions": ["mars"]}, "unknown region 'mars'"),
        ({"since": 2000, "until": 1900}, "--since 2000 is after --until 1900"),
    ],
)
def test_bad_filters(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        Filters.parse(**kwargs)  # type: ignore[arg-type]


def test_moveable_observances_resolve_for_the_year(library: Library) -> None:
    assert ids(library.day(5, 24, 2026)) == ["obs-fixture-pentecost"]
    assert library.day(5, 24, 2026)[0].date == "05-24"
    assert ids(library.day(5, 24, 2025)) == []
    assert ids(library.day(6, 8, 2025)) == ["obs-fixture-pentecost"]
    assert ids(library.day(11, 26, 2026)) == ["obs-fixture-thanksgiving"]
    assert ids(library.day(11, 23, 1800)) == []  # outside the precomputed years: resolved on request
    assert ids(library.day(11, 27, 1800)) == ["obs-fixture-thanksgiving"]
    assert ids(library.day(2, 17, 2026)) == ["obs-fixture-lunar"]
    assert ids(library.day(2, 17, 2030)) == []


def test_leap_day(library: Library) -> None:
    assert ids(library.day(2, 29, 2026)) == ["1504-fixture-leap"]
    assert ids(library.day(2, 28, 2026)) == []


def test_days_and_everything(library: Library) -> None:
    found = library.days([(12, 31), (1, 1)], 2026)
    assert list(found) == [(12, 31), (1, 1)]
    assert ids(found[(12, 31)]) == ["2000-fixture-newyear"]
    everything = library.everything(year=2026)
    assert len(everything) == 14
    assert ids(everything)[0] == "2001-fixture-january"


def test_get(library: Library) -> None:
    entry = library.get("1969-fixture-moon")
    assert entry is not None and entry.people == ("Neil Armstrong", "Buzz Aldrin")
    assert library.get("nope") is None


def test_limited_keeps_the_first_of_each_kind_in_order(library: Library) -> None:
    day = library.day(6, 4, 2026)
    assert ids(limited(day, 1)) == [
        "1944-fixture-rome",
        "1867-birth-fixture",
        "1941-death-fixture",
        "obs-fixture-tonga",
    ]
    assert limited(day, None) == day
