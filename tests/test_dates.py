from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onthisday.dates import DayRef, parse
from onthisday.errors import UsageError
from onthisday.vocab import DAYS_IN_MONTH, MONTH_NAMES

TODAY = dt.date(2026, 6, 4)


@pytest.mark.parametrize(
    "words, expected",
    [
        ([], DayRef(6, 4)),
        (["june", "4"], DayRef(6, 4)),
        (["4", "jun"], DayRef(6, 4)),
        (["June", "4th"], DayRef(6, 4)),
        (["4th", "of", "June,", "1944"], DayRef(6, 4, 1944)),
        (["06-04"], DayRef(6, 4)),
        (["6/4"], DayRef(6, 4)),
        (["1944-06-04"], DayRef(6, 4, 1944)),
        (["june", "4", "1944"], DayRef(6, 4, 1944)),
        (["sept", "9"], DayRef(9, 9)),
        (["today"], DayRef(6, 4)),
        (["tomorrow"], DayRef(6, 5)),
        (["yesterday"], DayRef(6, 3)),
        (["+3"], DayRef(6, 7)),
        (["-3"], DayRef(6, 1)),
        (["+365"], DayRef(6, 4)),
        (["feb", "29"], DayRef(2, 29)),
        (["2024-02-29"], DayRef(2, 29, 2024)),
    ],
)
def test_accepted_forms(words: list[str], expected: DayRef) -> None:
    assert parse(words, TODAY) == expected


@pytest.mark.parametrize(
    "words, message",
    [
        (["feb", "30"], "February has no day 30 (it has 29)"),
        (["13/45"], "there is no month 13"),
        (["blursday"], "unrecognised date 'blursday'; accepted forms:"),
        (["2023-02-29"], "2023 is not a leap year"),
        (["june", "4", "19x4"], "unrecognised year '19x4'"),
        (["june", "july", "4"], "unrecognised date"),
        (["0000-01-01"], "years run from 1 to 9999"),
        (["+99999999"], "unrecognised date"),
    ],
)
def test_rejected_forms_name_the_problem(words: list[str], message: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse(words, TODAY)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_offset_crosses_the_year_end() -> None:
    assert parse(["+1"], dt.date(2026, 12, 31)) == DayRef(1, 1)


def test_label() -> None:
    assert DayRef(6, 4).label() == "4 June"
    assert DayRef(6, 4, 1944).label() == "4 June 1944"


month_days = st.integers(1, 12).flatmap(lambda m: st.tuples(st.just(m), st.integers(1, DAYS_IN_MONTH[m - 1])))


@given(month_days)
def test_every_month_day_in_every_form_parses_back(md: tuple[int, int]) -> None:
    month, day = md
    name = MONTH_NAMES[month - 1]
    forms = [
        [name, str(day)],
        [str(day), name[:3]],
        [f"{month:02d}-{day:02d}"],
        [f"{month}/{day}"],
        [name.lower(), f"{day}th"],
        [f"2024-{month:02d}-{day:02d}"],
    ]
    for words in forms:
        parsed = parse(words, TODAY)
        assert (parsed.month, parsed.day) == (month, day), words


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_usage_error(text: str) -> None:
    try:
        result = parse(text.split(), TODAY)
    except UsageError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert 1 <= result.month <= 12 and 1 <= result.day <= DAYS_IN_MONTH[result.month - 1]
