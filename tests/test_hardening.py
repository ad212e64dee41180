"""Hostile input, hostile text and odd environments: nothing crashes, nothing is lost."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onthisday import clock
from onthisday.schema import MAX_FILE_BYTES, load

from .conftest import SAMPLE, installed_command, toml_entry

DATA = ("--no-bundled", "--data", str(SAMPLE))
TODAY = dt.date(2026, 6, 4)


# The date parser, through the command line.


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_date_text_is_a_day_or_a_one_line_usage_error(run, text: str) -> None:  # type: ignore[no-untyped-def]
    result = run("day", *DATA, "--", *text.split())
    if result.exit_code == 0:
        assert result.stderr == ""
    else:
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith("onthisday: error: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "words", [["feb", "29"], ["29", "feb"], ["02-29"], ["2/29"], ["2024-02-29"], ["february", "29th"]]
)
def test_leap_day_in_every_form(run, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert run(*words, *DATA).stdout == "    1504  event       A leap-day fixture event\n"


# The data-file readers.


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_entries_or_file_line_problems(tmp_path_factory, raw: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / "f.toml"
    path.write_bytes(raw)
    _, problems = load([path], today=TODAY)
    for problem in problems:
        assert problem.path.endswith("f.toml") and problem.line >= 0 and "\n" not in problem.message


toml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["event", "birth", "death", "observance", "other"]),
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "date",
                "year",
                "headline",
                "highlights",
                "name",
                "role",
                "story",
                "rule",
                "dates",
                "categories",
                "regions",
                "calendar",
                "importance",
                "places",
                "sources",
                "x",
            ]
        ),
        toml_values,
        max_size=10,
    ),
)
def test_wrong_types_are_problems_not_crashes(tmp_path_factory, kind: str, table: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    tomli_w = pytest.importorskip("tomli_w")
    path = tmp_path_factory.mktemp("types") / "t.toml"
    clean = {k: v for k, v in table.items() if v is not None}
    try:
        path.write_text(tomli_w.dumps({kind: [clean]}), encoding="utf-8")
    except (TypeError, ValueError):
        return
    entries, problems = load([path], today=TODAY)
    assert entries or problems


def test_huge_deep_and_invalid_files(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as out:
        out.truncate(MAX_FILE_BYTES * 2 + 10 * 1024 * 1024)  # a 50 MB file, sparse on disk
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    long = tmp_path / "long.toml"
    long.write_text(
        f'[[event]]\nid = "x"\ndate = "01-01"\nyear = 1\nheadline = "{"x" * 5_000_000}"\nhighlights = ["a"]\n'
    )
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'[[event]]\nid = "\xff\xfe"\n')
    start = time.monotonic()
    messages = {
        p.path.rsplit("/", 1)[-1]: (p.line, p.message) for p in load([big, deep, long, bad], today=TODAY)[1]
    }
    assert time.monotonic() - start < 20
    assert messages["big.toml"] == (1, "file is larger than 20 MB")
    assert messages["deep.toml"][1].startswith("not valid TOML")
    assert messages["long.toml"] == (5, "headline is 5000000 characters long; the limit is 80")
    assert messages["bad.toml"] == (2, "not valid UTF-8 text")


# Hostile text.


def test_a_long_unbroken_string_renders_in_bounded_time(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "long.toml"
    word = "x" * 16_384
    data.write_text(
        toml_entry("event", id="x", date="06-04", year=1, headline="h", highlights=["s"], story=word)
    )
    start = time.monotonic()
    result = run("06-04", "--full", "--no-bundled", "--data", str(data), extra_env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0 and time.monotonic() - start < 10
    assert result.stdout.count("x") >= 16_384


def test_json_round_trips_hostile_text(run) -> None:  # type: ignore[no-untyped-def]
    entry = next(
        e for e in json.loads(run("06-04", "--json", *DATA).stdout) if e["id"] == "1919-fixture-markup"
    )
    assert entry["highlights"] == [
        "Escapes: \x1b]0;pwned\x07 bell \x07 clear \x1b[2J back\bspace cr\rreturn",
        "Bidi: abc\u202edcba",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["06-04", "--plain", "--full"],
        ["06-04", "--full"],
        ["greet", "--category", "law"],
        ["show", "1919-fixture-markup"],
        ["search", "escapes"],
        ["timeline", "06-04"],
    ],
)
def test_no_control_character_reaches_the_terminal(run, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    for force in ("", "1"):
        result = run(*args, *DATA, extra_env={"FORCE_COLOR": force or None, "COLUMNS": "400"})
        text = result.stdout.replace("\x1b[", "")  # Rich's own colour codes (CSI) are the only escapes left
        assert "\x1b" not in text and "\x07" not in text and "\b" not in text and "\u202e" not in text, args
        assert "\x1b]8;" not in result.stdout  # no hyperlink was made from [link=...] in the data


# Environments.


@pytest.mark.parametrize(
    "extra",
    [
        {"LANG": "C", "LC_ALL": "C"},
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"TERM": "dumb"},
        {"NO_COLOR": "1"},
        {"FORCE_COLOR": "1"},
        {"COLUMNS": "0"},
        {"COLUMNS": "-4"},
        {"COLUMNS": "abc"},
        {"COLUMNS": "500"},
        {"LINES": "0", "TERMINAL_WIDTH": "abc"},
        {"LINES": "-1", "TERMINAL_WIDTH": "0"},
        {"TERMINAL_WIDTH": "500", "LINES": "x"},
    ],
)
@pytest.mark.parametrize(
    "args", [["06-04"], ["06-04", "--full", "--plain"], ["06-04", "--json"], ["--help"], ["stats"]]
)
def test_odd_environments_work(command, extra: dict[str, str], args: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = tmp_path / "names.toml"
    person = {
        "date": "06-04",
        "year": 1915,
        "name": "Modibo Keïta — “Zoë”",
        "role": "président",
        "highlights": ["…"],
    }
    names.write_text(toml_entry("birth", id="b", **person))
    result = (
        command(*args, "--data", str(names), *DATA[:1], *DATA[1:], extra_env=extra)
        if args != ["--help"]
        else command("--help", extra_env=extra)
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    if args == ["06-04"] and "PYTHONIOENCODING" in extra and extra["PYTHONIOENCODING"] == "ascii":
        assert 'Modibo Keita - "Zoe", president' in result.stdout


def test_no_home_and_unwritable_caches(command, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("")
    for extra in (
        {"HOME": "", "ONTHISDAY_CACHE_DIR": "", "XDG_CACHE_HOME": ""},
        {"ONTHISDAY_CACHE_DIR": str(blocker / "cache")},
        {"ONTHISDAY_CACHE_DIR": "/proc/onthisday"},
    ):
        result = command("06-04", *DATA, extra_env=extra)
        assert (result.returncode, result.stderr) == (0, ""), extra
        assert "Allied troops enter Rome" in result.stdout


def _limit_file_size() -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def test_a_full_disk_falls_back_to_memory_and_leaves_nothing(command, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache = Path(env["ONTHISDAY_CACHE_DIR"])
    result = command("06-04", *DATA, preexec_fn=_limit_file_size)
    assert (result.returncode, result.stderr) == (0, "")
    assert "Allied troops enter Rome" in result.stdout
    assert not [p for p in cache.glob("*") if p.stat().st_size > 0 or p.suffix == ".tmp"]


def test_an_index_from_an_older_schema_is_replaced(command, env) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from onthisday import store

    assert command("06-04", *DATA).returncode == 0
    cache = Path(env["ONTHISDAY_CACHE_DIR"])
    (index,) = cache.glob("index-*.sqlite")
    with sqlite3.connect(index) as old:  # what schema 1 looked like: no headline column
        old.execute("DROP TABLE entries")
        old.execute("CREATE TABLE entries(id TEXT, kind TEXT, md INTEGER, data TEXT)")
        old.execute("UPDATE meta SET value = 'schema 1 onthisday 0.0.1' WHERE key = 'fingerprint'")
    result = command("06-04", *DATA)
    assert (result.returncode, result.stderr) == (0, "") and "Allied troops enter Rome" in result.stdout
    assert store.SCHEMA_VERSION > 1


def test_the_date_is_read_once_per_run(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = []

    class Clock(dt.date):
        @classmethod
        def today(cls) -> dt.date:  # 23:59:59 on 3 June, then midnight passes mid-run
            calls.append(1)
            return dt.date(2026, 6, 3) if len(calls) == 1 else dt.date(2026, 6, 4)

    monkeypatch.setattr(clock.dt, "date", Clock)
    result = run("--json", *DATA, extra_env={"ONTHISDAY_TODAY": None})
    assert result.exit_code == 0 and json.loads(result.stdout) == []  # 3 June: no fixture entries
    assert len(calls) == 1


@pytest.mark.parametrize("zone, hours", [("Etc/GMT-14", 14), ("Etc/GMT+12", -12)])
def test_the_local_date_in_time_zones_east_and_west(command, tmp_path: Path, zone: str, hours: int) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime.now(dt.timezone.utc)
    days = [(now + dt.timedelta(days=d)).date() for d in (-1, 0, 1)]
    data = tmp_path / "days.toml"
    data.write_text(
        "".join(
            toml_entry(
                "event",
                id=f"d{d:%m%d}",
                date=f"{d:%m-%d}",
                year=2000,
                headline=f"It is {d:%m-%d}",
                highlights=["x"],
            )
            for d in days
        )
    )
    local = (now + dt.timedelta(hours=hours)).date()
    result = command(
        "--plain", "--no-bundled", "--data", str(data), extra_env={"TZ": zone, "ONTHISDAY_TODAY": ""}
    )
    if (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=hours)).date() != local:
        pytest.skip("midnight passed in that zone during the test")
    assert result.stdout == f"    2000  event       It is {local:%m-%d}\n"


def test_stdout_closed_and_stdin_not_a_terminal(env) -> None:  # type: ignore[no-untyped-def]
    variables = {**os.environ, **{k: v for k, v in env.items() if v is not None}}
    exe = " ".join(installed_command())
    closed = subprocess.run(
        f"{exe} 06-04 {' '.join(DATA)} >&-", shell=True, capture_output=True, text=True, env=variables
    )
    assert (closed.returncode, closed.stderr) == (
        1,
        "onthisday: error: cannot write: standard output is closed\n",
    )
    for stdin in (subprocess.DEVNULL, None):
        result = subprocess.run(
            [*installed_command(), "06-04", *DATA], stdin=stdin, capture_output=True, text=True, env=variables
        )
        assert result.returncode == 0 and "Allied troops" in result.stdout
    no_stdin = subprocess.run(
        f"{exe} 06-04 {' '.join(DATA)} <&-", shell=True, capture_output=True, text=True, env=variables
    )
    assert no_stdin.returncode == 0 and "Allied troops" in no_stdin.stdout


def test_sigint_during_an_index_build_leaves_no_partial_file(env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "many.toml"
    data.write_text(
        "".join(
            toml_entry(
                "event",
                id=f"e{i}",
                date=f"{1 + i % 12:02d}-{1 + i % 28:02d}",
                year=1 + i % 2000,
                calendar="julian",
                headline=f"Event number {i}",
                highlights=["x"],
            )
            for i in range(60_000)
        )
    )
    cache = Path(env["ONTHISDAY_CACHE_DIR"])
    variables = {**os.environ, **{k: v for k, v in env.items() if v is not None}}
    process = subprocess.Popen(
        [*installed_command(), "--no-bundled", "--data", str(data)],
        env=variables,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not list(cache.glob(".index-*.tmp")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (130, "")
    assert list(cache.glob("*")) == []
