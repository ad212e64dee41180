from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest
import typer.main

from onthisday import greet
from onthisday.cli import app
from onthisday.errors import UsageError
from onthisday.query import Headline, greeting_pick

from .conftest import SAMPLE, installed_command

DATA = ["--no-bundled", "--data", str(SAMPLE)]


def greet_out(env: dict[str, str | None], *args: str, **extra: str) -> str:
    environ = {k: v for k, v in {**env, **extra}.items() if v is not None}
    out = io.StringIO()
    assert greet.run([*DATA, *args], environ=environ, stdout=out) == 0
    return out.getvalue()


def test_one_line_with_year_headline_and_age(env) -> None:  # type: ignore[no-untyped-def]
    text = greet_out(env, "--kind", "event")
    assert text.count("\n") == 1
    assert text.startswith("On this day in ") and text.endswith(" years ago)\n")


def test_stable_within_the_day(env) -> None:  # type: ignore[no-untyped-def]
    assert len({greet_out(env) for _ in range(5)}) == 1


def test_random_varies(env) -> None:  # type: ignore[no-untyped-def]
    assert len({greet_out(env, "--random") for _ in range(40)}) > 1


def test_round_anniversaries_come_first() -> None:
    rows = [
        Headline("a", "event", 1919, "A", 2),
        Headline("b", "event", 1944, "B", 3),
        Headline("c", "event", 1990, "C", 3),
    ]
    picks = {greeting_pick(rows, 2019, seed).id for seed in range(20)}  # type: ignore[union-attr]
    assert picks == {"a", "b"}  # 100th and 75th; the 29th is not round
    picks = {greeting_pick(rows, 2026, seed).id for seed in range(20)}  # type: ignore[union-attr]
    assert picks == {"a", "b", "c"}
    assert greeting_pick([], 2026, 1) is None


def test_filters_and_kinds(env) -> None:  # type: ignore[no-untyped-def]
    assert (
        greet_out(env, "--kind", "birth")
        == "Born on this day in 1867: Carl Fixture, soldier and statesman (159 years ago)\n"
    )
    assert greet_out(env, "--kind", "observance") == "Today: Emancipation Day in Tonga\n"
    assert greet_out(env, "--region", "north-america", COLUMNS="200").startswith(
        "On this day in 1919: Text with [bold]markup[/bold]"
    )


def test_hostile_text_is_made_visible(env) -> None:  # type: ignore[no-untyped-def]
    text = greet_out(env, "--category", "law", COLUMNS="300")
    assert "[link=file:///etc/passwd]a link[/link]" in text and "\x1b" not in text


@pytest.mark.parametrize("width", ["20", "25", "40", "59", "79", "80", "120"])
def test_fits_the_width(env, width: str) -> None:  # type: ignore[no-untyped-def]
    text = greet_out(env, "--category", "law", COLUMNS=width)
    lines = text.splitlines()
    assert 1 <= len(lines) <= (2 if int(width) < 80 else 1)
    assert all(len(line) <= int(width) for line in lines)


def test_colour_only_when_asked_or_on_a_terminal(env) -> None:  # type: ignore[no-untyped-def]
    assert "\x1b[" in greet_out(env, FORCE_COLOR="1")
    assert "\x1b[" not in greet_out(env, FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b[" not in greet_out(env, FORCE_COLOR="1", TERM="dumb")
    assert "\x1b[" not in greet_out(env)


def test_cache_is_written_once_and_read_back(env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    environ = {k: v for k, v in env.items() if v is not None}
    environ["ONTHISDAY_DATA"] = str(SAMPLE)
    out = io.StringIO()
    greet.run(["--cache"], environ=environ, stdout=out)
    cache = Path(env["ONTHISDAY_CACHE_DIR"]) / "greeting-2026-06-04.nocolor.txt"
    assert cache.read_text() == out.getvalue() != ""
    cache.write_text("from the cache\n")
    again = io.StringIO()
    greet.run(["--cache"], environ=environ, stdout=again)
    assert again.getvalue() == "from the cache\n"
    (cache.parent / "greeting-2026-06-03.txt").write_text("old")
    cache.unlink()
    greet.run(["--cache"], environ=environ, stdout=io.StringIO())
    assert sorted(p.name for p in cache.parent.glob("greet*")) == ["greeting-2026-06-04.nocolor.txt"]


@pytest.mark.parametrize(
    "args, extra",
    [
        (["--bogus"], {}),
        (["--kind"], {}),
        (["--kind", "holiday"], {}),
        (["--data", "/nonexistent.toml"], {}),
        ([], {"ONTHISDAY_TODAY": "not-a-date"}),
        ([], {"HOME": None, "ONTHISDAY_CACHE_DIR": None}),
        ([], {"ONTHISDAY_CACHE_DIR": "/proc/no/such/place"}),
    ],
)
def test_never_fails(env, args: list[str], extra: dict[str, str | None]) -> None:  # type: ignore[no-untyped-def]
    environ = {k: v for k, v in {**env, **extra}.items() if v is not None}
    out = io.StringIO()
    assert greet.run([*DATA, *args], environ=environ, stdout=out) == 0


def test_invalid_user_data_prints_nothing(env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text("[[event]\n")
    environ = {k: v for k, v in env.items() if v is not None}
    out = io.StringIO()
    assert greet.run(["--data", str(bad)], environ=environ, stdout=out) == 0
    assert out.getvalue() == ""


def test_parse() -> None:
    options = greet.parse(["--random", "-k", "birth", "--region=asia", "--cache"])
    assert (options.random, options.kinds, options.regions, options.cache) == (
        True,
        ["birth"],
        ["asia"],
        True,
    )
    with pytest.raises(UsageError):
        greet.parse(["--nope"])


def test_fast_parser_and_typer_command_take_the_same_options() -> None:
    command = typer.main.get_command(app).commands["greet"]  # type: ignore[attr-defined]
    typer_flags = {flag for param in command.params for flag in param.opts if flag.startswith("-")}
    assert typer_flags | {"--debug"} == greet.OPTIONS


def test_through_cli_runner(run) -> None:  # type: ignore[no-untyped-def]
    result = run("greet", "--kind", "death", *DATA)
    assert (result.exit_code, result.stdout) == (
        0,
        "Died on this day in 1941: Wilhelm Fixture, last German emperor (85 years ago)\n",
    )
    assert "--random" in run("greet", "--help").stdout


def test_installed_command_never_fails(command) -> None:  # type: ignore[no-untyped-def]
    good = command("greet", "--kind", "death", *DATA)
    assert (good.returncode, good.stdout, good.stderr) == (
        0,
        "Died on this day in 1941: Wilhelm Fixture, last German emperor (85 years ago)\n",
        "",
    )
    bad = command("greet", "--kind", "holiday", *DATA)
    assert (bad.returncode, bad.stdout, bad.stderr) == (0, "", "")
    debug = command("greet", "--kind", "holiday", "--debug", *DATA)
    assert (debug.returncode, debug.stderr) == (
        0,
        "onthisday greet: unknown kind 'holiday'; accepted: event, birth, death, observance\n",
    )


@pytest.mark.parametrize(
    "extra",
    [
        {"LANG": "C", "LC_ALL": "C"},
        {"PYTHONIOENCODING": "ascii"},
        {"TERM": "dumb"},
        {"COLUMNS": "0"},
        {"COLUMNS": "-5"},
        {"COLUMNS": "abc"},
        {"COLUMNS": "500"},
    ],
)
def test_odd_environments(command, extra: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    result = command("greet", "--kind", "birth", *DATA, extra_env=extra)
    assert result.returncode == 0 and result.stderr == ""
    assert "Carl Fixture" in result.stdout


def test_ascii_stdout_degrades_gracefully(command, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "accents.toml"
    data.write_text(
        '[[birth]]\nid = "b"\ndate = "06-04"\nyear = 1900\nname = "Zoë Émile"\n'
        'role = "café owner"\nhighlights = ["x"]\n'
    )
    result = command("greet", "--no-bundled", "--data", str(data), extra_env={"PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stdout) == (
        0,
        "Born on this day in 1900: Zoe Emile, cafe owner (126 years ago)\n",
    )


def test_closed_stdout_and_broken_pipe(env) -> None:  # type: ignore[no-untyped-def]
    variables = {**os.environ, **{k: v for k, v in env.items() if v is not None}}
    exe = " ".join(installed_command())
    for redirect in (">&-", "| true"):
        result = subprocess.run(
            f"{exe} greet {' '.join(DATA)} {redirect}", shell=True, capture_output=True, text=True,
            env=variables, timeout=60,
        )  # fmt: skip
        assert (result.returncode, result.stderr) == (0, ""), redirect
