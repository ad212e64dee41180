from __future__ import annotations

import datetime as dt

import pytest

from onthisday import rules


@pytest.mark.parametrize(
    "rule, year, expected",
    [
        ("easter", 2024, dt.date(2024, 3, 31)),
        ("easter", 2025, dt.date(2025, 4, 20)),
        ("easter", 2026, dt.date(2026, 4, 5)),
        ("easter-2", 2026, dt.date(2026, 4, 3)),
        ("easter-46", 2026, dt.date(2026, 2, 18)),
        ("easter+39", 2026, dt.date(2026, 5, 14)),
        ("easter+49", 2026, dt.date(2026, 5, 24)),
        ("orthodox-easter", 2024, dt.date(2024, 5, 5)),
        ("orthodox-easter", 2026, dt.date(2026, 4, 12)),
        ("4th thu nov", 2026, dt.date(2026, 11, 26)),
        ("4th thu nov", 2024, dt.date(2024, 11, 28)),
        ("last mon may", 2026, dt.date(2026, 5, 25)),
        ("1st mon sep", 2026, dt.date(2026, 9, 7)),
        ("2nd mon oct", 2026, dt.date(2026, 10, 12)),
        ("2nd sun may", 2026, dt.date(2026, 5, 10)),
        ("mon before 05-25", 2026, dt.date(2026, 5, 18)),
        ("mon before 05-25", 2020, dt.date(2020, 5, 18)),
        ("fri on-or-after 06-19", 2026, dt.date(2026, 6, 19)),
        ("sat after 06-19", 2026, dt.date(2026, 6, 20)),
        ("dates 2025-01-29 2026-02-17", 2026, dt.date(2026, 2, 17)),
        ("dates 2025-01-29 2026-02-17", 2027, None),
    ],
)
def test_resolve(rule: str, year: int, expected: dt.date | None) -> None:
    rules.check(rule)
    assert rules.resolve(rule, year) == expected


@pytest.mark.parametrize("rule", ["easter+", "5th mon may", "1st mon foo", "mon before 02-30", "whenever"])
def test_check_rejects(rule: str) -> None:
    with pytest.raises(rules.RuleError):
        rules.check(rule)


def test_covered_years() -> None:
    assert rules.covered_years("dates 2025-01-29 2026-02-17") == (2025, 2026)
    assert rules.covered_years("easter") is None


# A published table of movable feasts (religioustolerance.org): Ash Wednesday, Western Easter,
# Orthodox Easter, Ascension, Pentecost.
TABLE = {
    2000: ("03-08", "04-23", "04-30", "06-01", "06-11"),
    2002: ("02-13", "03-31", "05-05", "05-09", "05-19"),
    2005: ("02-09", "03-27", "05-01", "05-05", "05-15"),
    2008: ("02-06", "03-23", "04-27", "05-01", "05-11"),
}


@pytest.mark.parametrize("year", sorted(TABLE))
def test_easter_rules_match_a_published_table(year: int) -> None:
    rules_in_order = ("easter-46", "easter", "orthodox-easter", "easter+39", "easter+49")
    found = tuple(f"{rules.resolve(rule, year):%m-%d}" for rule in rules_in_order)  # type: ignore[str-format]
    assert found == TABLE[year]
