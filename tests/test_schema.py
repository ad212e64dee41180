from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onthisday.schema import load

from .conftest import SAMPLE

TODAY = dt.date(2026, 6, 4)
GOOD = """
[[event]]
id = "1944-a"
date = "06-04"
year = 1944
headline = "Something happens"
highlights = ["One fact.", "Another fact."]
categories = ["war"]
regions = ["europe"]
"""


def problems_of(tmp_path: Path, text: str, *, strict: bool = False) -> list[str]:
    path = tmp_path / "data.toml"
    path.write_text(text, encoding="utf-8")
    return [p.message and f"{p.line}: {p.message}" for p in load([path], strict=strict, today=TODAY)[1]]


def test_sample_fixture_is_valid() -> None:
    entries, problems = load([SAMPLE], today=TODAY)
    assert problems == []
    assert len(entries) == 14
    assert {e.kind for e in entries} == {"event", "birth", "death", "observance"}


def test_good_entry(tmp_path: Path) -> None:
    assert problems_of(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    "change, line, message",
    [
        (('date = "06-04"', 'date = "02-30"'), 4, "impossible date '02-30'"),
        (('date = "06-04"', 'date = "6-4"'), 4, 'date must be a string "MM-DD"'),
        (("year = 1944", "year = 0"), 5, "there is no year 0"),
        (("year = 1944", "year = 3000"), 5, "year 3000 is in the future"),
        (("year = 1944", 'year = "1944"'), 5, "year must be a whole number"),
        (('headline = "Something happens"', 'headline = "' + "x" * 81 + '"'), 6, "the limit is 80"),
        (('highlights = ["One fact.", "Another fact."]', "highlights = []"), 7, "highlights is empty"),
        (
            ('highlights = ["One fact.", "Another fact."]', 'highlights = ["", "x"]'),
            7,
            "highlights has an empty item",
        ),
        (('categories = ["war"]', 'categories = ["wars"]'), 8, "unknown category 'wars'; accepted: politics"),
        (('regions = ["europe"]', 'regions = ["mars"]'), 9, "unknown region 'mars'"),
        (('headline = "Something happens"', 'hedline = "x"'), 6, "unknown field 'hedline'"),
        (('headline = "Something happens"', ""), 2, "missing the required field 'headline'"),
        (('id = "1944-a"', 'id = "Bad Id"'), 3, "id 'Bad Id' must be lower-case"),
        (("[[event]]", "[[happening]]"), 2, "unknown table 'happening'"),
        (("year = 1944", "year = 1944\nimportance = 5"), 6, "importance must be 1, 2 or 3"),
        (("year = 1944", 'year = 1944\ncalendar = "mayan"'), 6, "unknown calendar 'mayan'"),
    ],
)
def test_each_problem_is_reported_at_its_line(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    found = problems_of(tmp_path, GOOD.replace(*change))
    assert any(p.startswith(f"{line}: ") and message in p for p in found), found


def test_leap_day_is_valid(tmp_path: Path) -> None:
    assert problems_of(tmp_path, GOOD.replace('"06-04"', '"02-29"')) == []


def test_malformed_toml_names_the_line(tmp_path: Path) -> None:
    found = problems_of(tmp_path, GOOD + '\n[[event]]\nid = "unclosed\n')
    assert len(found) == 1 and found[0].startswith("12: not valid TOML")


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(GOOD.encode() + b"\n# caf\xe9\n")
    problems = load([path], today=TODAY)[1]
    assert [(p.line, p.message) for p in problems] == [(11, "not valid UTF-8 text")]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.toml").write_text(GOOD, encoding="utf-8")
    entries, problems = load([tmp_path], today=TODAY)
    assert len(entries) == 1
    assert [(p.path, p.line, p.message) for p in problems] == [
        (str(tmp_path / "b.toml"), 2, f"duplicate id '1944-a' (first at {tmp_path / 'a.toml'}:2)")
    ]


def test_people_take_name_and_role(tmp_path: Path) -> None:
    text = GOOD.replace("[[event]]", "[[birth]]").replace(
        'headline = "Something happens"', 'name = "A"\nrole = "b"'
    )
    entries, problems = load([_write(tmp_path, text)], today=TODAY)
    assert problems == [] and entries[0].headline == "A, b"
    found = problems_of(tmp_path, GOOD.replace("[[event]]", "[[birth]]"))
    assert any("births and deaths take name and role" in p for p in found)


def test_observance_needs_one_date_form(tmp_path: Path) -> None:
    text = '[[observance]]\nid = "obs-a"\nheadline = "A day"\nhighlights = ["x"]\n'
    assert any("exactly one of date" in p for p in problems_of(tmp_path, text))
    assert problems_of(tmp_path, text + 'rule = "4th thu nov"\n') == []
    assert any("unknown rule" in p for p in problems_of(tmp_path, text + 'rule = "someday"\n'))
    assert any("impossible date" in p for p in problems_of(tmp_path, text + 'dates = ["2025-02-30"]\n'))


def test_strict_applies_the_guide(tmp_path: Path) -> None:
    found = problems_of(tmp_path, GOOD, strict=True)
    assert any("story is 60-150 words" in p for p in found)
    assert any("missing sources" in p for p in found)
    old = GOOD.replace("year = 1944", "year = 1066").replace('"06-04"', '"10-14"')
    assert any('add calendar = "julian"' in p for p in problems_of(tmp_path, old, strict=True))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    return path
