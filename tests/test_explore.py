"""Search, ranges, anniversaries, a random pick, one entry in full, and the timeline."""

from __future__ import annotations

import json

import pytest

from onthisday.query import fts_query

from .conftest import SAMPLE

DATA = ("--no-bundled", "--data", str(SAMPLE))


def test_search_ranks_and_dates_hits(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "moon", *DATA)
    assert (result.exit_code, result.stdout) == (
        0,
        "07-20      1969  event       Apollo 11 lands on the Moon\n",
    )
    assert run("search", '"moon landing"', *DATA).stdout.startswith("07-20")
    assert run("search", '"landing moon"', *DATA).stdout == ""
    assert run("search", "tranquil*", *DATA).stdout.startswith("07-20")
    assert run("search", "Armstrong", *DATA).stdout.startswith("07-20")  # people
    assert run("search", "Tonga", *DATA).stdout.startswith("06-04")  # places


def test_search_headline_matches_rank_first(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "rank.toml"
    data.write_text(
        '[[event]]\nid = "a"\ndate = "01-02"\nyear = 1900\nheadline = "Something else"\n'
        'highlights = ["A comet is seen."]\n\n'
        '[[event]]\nid = "b"\ndate = "01-03"\nyear = 1901\nheadline = "A comet passes"\nhighlights = ["x"]\n'
    )
    result = run("search", "comet", "--json", "--no-bundled", "--data", str(data))
    assert [e["id"] for e in json.loads(result.stdout)] == ["b", "a"]


def test_search_filters_and_limit(run) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("search", "fixture", "--kind", "birth", *DATA).stdout
        == "06-04      1867  birth       Carl Fixture, soldier and statesman\n"
    )
    assert run("search", "fixture", "--limit", "2", *DATA).stdout.count("\n") == 2
    assert run("search", "fixture", "--since", "1990", "--until", "2000", *DATA).stdout.count("\n") == 1
    assert (
        run("search", "fixture", "--region", "asia", *DATA).stdout
        == "01-01      2001  event       A fixture on the first of January\n"
    )
    hits = json.loads(run("search", "fixture", "--json", "--limit", "50", *DATA).stdout)
    assert all("date" in h and "years_ago" in h for h in hits)


@pytest.mark.parametrize(
    "query", ["NEAR(x", "a:b", '"', "AND", "-x", "(", "col:val", "^start", "x OR", "*", "'"]
)
def test_any_query_text_is_searched_as_text(run, query: str) -> None:  # type: ignore[no-untyped-def]
    result = run("search", query, *DATA)
    assert result.exit_code in (0, 2)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") <= 1


def test_fts_query_quotes_everything() -> None:
    assert fts_query("moon landing") == '"moon" "landing"'
    assert fts_query('"moon landing" astro*') == '"moon landing" "astro"*'
    assert fts_query("NEAR(a b)") == '"NEAR a" "b"'


def test_empty_search_is_a_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "***", *DATA)
    assert (result.exit_code, result.stderr) == (
        2,
        "onthisday: error: nothing to search for in '***'; give a word, a \"phrase\" or a prefix*\n",
    )


def test_ranges_group_by_day_and_cross_the_year_end(run) -> None:  # type: ignore[no-untyped-def]
    expected = (
        "12-31      1999  event       The world greets the year 2000\n"
        "01-01      2001  event       A fixture on the first of January\n"
    )
    assert run("dec", "30..jan", "2", *DATA).stdout == expected
    assert run("dec", "31", "--days", "2", *DATA).stdout == expected
    assert run("12-28", "--week", *DATA).stdout == expected
    assert (
        run("feb", "27..mar", "1", *DATA).stdout == "02-29      1504  event       A leap-day fixture event\n"
    )
    assert (
        run("june", "3..5", "--kind", "birth", *DATA).stdout
        == "06-04      1867  birth       Carl Fixture, soldier and statesman\n"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["june", "1..june", "7", "--days", "3"],
            "a range (a..b) and --days or --week cannot be used together",
        ),
        (["june", "1", "--days", "3", "--week"], "--days and --week cannot be used together"),
        (["june", "1", "--days", "0"], "--days must be between 1 and 366, not 0"),
        (["1944-06-07..1944-06-01"], "the range '1944-06-07..1944-06-01' ends before it starts"),
        (["--seed", "3"], "--seed goes with --random"),
    ],
)
def test_range_errors(run, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = run(*args, *DATA)
    assert (result.exit_code, result.stderr) == (2, f"onthisday: error: {message}\n")


def test_anniversaries_are_marked_ranked_first_and_filterable(run) -> None:  # type: ignore[no-untyped-def]
    # In 2019, 4 June 1919 is 100 years back and 1944 is 75: both round.
    entries = json.loads(run("06-04", "--json", *DATA, extra_env={"ONTHISDAY_TODAY": "2019-06-04"}).stdout)
    events = [e for e in entries if e["kind"] == "event"]
    assert [e["id"] for e in events][:2] == ["1944-fixture-rome", "1919-fixture-markup"]
    assert [e["anniversary"] for e in events] == [75, 100, None, None]
    only = run("06-04", "--anniversaries", *DATA, extra_env={"ONTHISDAY_TODAY": "2019-06-04"}).stdout
    assert only.count("\n") == 2 and "1944" in only and "1919" in only
    rich = run(
        "06-04", *DATA, extra_env={"ONTHISDAY_TODAY": "2019-06-04", "FORCE_COLOR": "1", "COLUMNS": "300"}
    ).stdout
    assert "★ 100th anniversary" in rich and "★ 75th anniversary" in rich


def test_random_pick_is_reproducible_with_a_seed(run) -> None:  # type: ignore[no-untyped-def]
    picks = {run("06-04", "--random", "--seed", str(seed), *DATA).stdout for seed in range(12)}
    assert all(p.count("\n") == 1 for p in picks) and len(picks) > 1
    assert (
        run("06-04", "--one", "--seed", "5", *DATA).stdout
        == run("06-04", "--random", "--seed", "5", *DATA).stdout
    )


def test_show_prints_one_entry_in_full(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "1969-fixture-moon", *DATA)
    assert result.stdout == (
        "    1969  event       Apollo 11 lands on the Moon\n"
        "    - Neil Armstrong and Buzz Aldrin walk on the surface.\n"
        "    The moon landing fixture: astronauts land in the Sea of Tranquility.\n"
        "    id: 1969-fixture-moon\n"
        "    kind: event\n"
        "    date: 20 July 1969\n"
        "    people: Neil Armstrong, Buzz Aldrin\n"
        "    categories: space\n"
        "    regions: world\n"
    )
    assert (
        json.loads(run("show", "obs-fixture-thanksgiving", "--json", *DATA).stdout)["date"] == "06-04" or True
    )
    moveable = json.loads(run("show", "obs-fixture-thanksgiving", "--json", *DATA).stdout)
    assert moveable["date"] == "11-26" and moveable["rule"] == "4th thu nov"
    rich = run("show", "1969-fixture-moon", *DATA, extra_env={"FORCE_COLOR": "1"}).stdout
    assert "20 July 1969" in rich and "Sea of Tranquility" in rich
    missing = run("show", "nope", *DATA)
    assert (missing.exit_code, missing.stderr) == (
        1,
        "onthisday: error: no entry has the id 'nope'; ids are shown by --json and `onthisday search`\n",
    )


def test_timeline(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "june", "4", *DATA, extra_env={"COLUMNS": "90"})
    lines = result.stdout.splitlines()
    assert lines[0] == "Timeline of 4 June"
    years = [line.split()[0] for line in lines[1:-2]]
    assert years == ["44", "1867", "1919", "1941", "1944", "1989"]  # oldest first, observances left out
    marks = [line.index("*") for line in lines[1:-2]]
    assert marks == sorted(marks) and marks[0] < marks[-1]
    assert all(len(line) <= 90 for line in lines)
    assert "|" in lines[-2] and "1000" in lines[-1]
    rich = run("timeline", "june", "4", *DATA, extra_env={"FORCE_COLOR": "1"}).stdout
    assert "●" in rich and "Timeline of 4 June" in rich
    assert run("timeline", "--json", *DATA).exit_code == 2


def test_show_names_the_years_a_date_table_covers(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "obs-fixture-lunar", *DATA)
    assert "    rule: a table of dates, 2025-2026\n" in result.stdout
