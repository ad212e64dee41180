from __future__ import annotations

import json
import subprocess
import sys

import pytest

from onthisday import __version__

from .conftest import SAMPLE, installed_command

DATA = ("--no-bundled", "--data", str(SAMPLE))

JUNE_4_PLAIN = """\
    1944  event       Allied troops enter Rome
    1919  event       Text with [bold]markup[/bold] and [link=file:///etc/passwd]a link[/link]
    1989  event       Poland holds a partly free election
  44 BCE  event       A fixture event in 44 BCE
    1867  birth       Carl Fixture, soldier and statesman
    1941  death       Wilhelm Fixture, last German emperor
       -  observance  Emancipation Day in Tonga
"""


def test_today_plain_when_piped(run) -> None:  # type: ignore[no-untyped-def]
    result = run(*DATA)
    assert (result.exit_code, result.stdout, result.stderr) == (0, JUNE_4_PLAIN, "")


@pytest.mark.parametrize(
    "words",
    [["june", "4"], ["4", "jun"], ["06-04"], ["6/4"], ["2026-06-04"], ["today"], ["day", "june", "4"]],
)
def test_every_date_form(run, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = run(*words, *DATA)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == JUNE_4_PLAIN


def test_relative_days(run) -> None:  # type: ignore[no-untyped-def]
    assert run("+1", *DATA).stdout == ""
    assert run(*DATA, "--", "-155").stdout == "    1999  event       The world greets the year 2000\n"
    assert run("yesterday", *DATA).exit_code == 0


def test_filters_and_limits(run) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("06-04", "--kind", "birth", *DATA).stdout
        == "    1867  birth       Carl Fixture, soldier and statesman\n"
    )
    assert run("06-04", "-k", "death,observance", "--limit", "1", *DATA).stdout.count("\n") == 2
    assert (
        run("06-04", "--since", "1900", "--until", "1950", "--kind", "event", *DATA).stdout.count("\n") == 2
    )
    assert run("06-04", "--region", "north-america", *DATA).stdout.startswith("    1919  event")
    assert run("06-04", "--category", "politics", "--kind", "event", *DATA).stdout.count("\n") == 2
    assert (
        run("06-04", "--limit", "1", "--kind", "event", *DATA).stdout
        == "    1944  event       Allied troops enter Rome\n"
    )
    assert run("06-04", "--all", *DATA).stdout == JUNE_4_PLAIN


def test_full_plain_adds_highlights_and_story(run) -> None:  # type: ignore[no-untyped-def]
    result = run("07-20", "--full", *DATA)
    assert result.stdout == (
        "    1969  event       Apollo 11 lands on the Moon\n"
        "    - Neil Armstrong and Buzz Aldrin walk on the surface.\n"
        "    The moon landing fixture: astronauts land in the Sea of Tranquility.\n"
    )


def test_json_has_every_field(run) -> None:  # type: ignore[no-untyped-def]
    result = run("1944-06-04", "--json", *DATA)
    entries = json.loads(result.stdout)
    # From 1944, 1919 was 25 years back: a round anniversary, so it comes first.
    assert [e["id"] for e in entries][:2] == ["1919-fixture-markup", "1944-fixture-rome"]
    assert entries[0]["anniversary"] == 25
    rome = entries[1]
    assert rome["years_ago"] == 0 and rome["date"] == "06-04" and rome["people"] == ["Mark W. Clark"]
    assert set(rome) >= {
        "id",
        "kind",
        "month",
        "day",
        "year",
        "calendar",
        "headline",
        "highlights",
        "story",
        "categories",
        "regions",
        "places",
        "people",
        "sources",
        "importance",
    }
    hostile = entries[0]
    assert "\x1b]0;pwned\x07" in hostile["highlights"][0]
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    bce = next(e for e in entries if e["year"] == -44)
    assert bce["years_ago"] == 1944 + 44 - 1


def test_hostile_text_is_inert_in_plain_output(run) -> None:  # type: ignore[no-untyped-def]
    result = run("06-04", "--full", "--category", "law", *DATA)
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert "\r" not in result.stdout and "\b" not in result.stdout
    assert "\\x1b]0;pwned\\x07" in result.stdout and "abc\\u202edcba" in result.stdout
    assert "[bold]markup[/bold]" in result.stdout


def test_export(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = run("export", "--format", "jsonl", *DATA).stdout.splitlines()
    assert len(lines) == 14 and json.loads(lines[0])["id"] == "2001-fixture-january"
    assert len(json.loads(run("export", "--kind", "observance", *DATA).stdout)) == 4
    target = tmp_path / "out.json"
    result = run("export", "-o", str(target), *DATA)
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(target.read_text())) == 14
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_validate(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(SAMPLE))
    assert (result.exit_code, result.stdout) == (0, "1 file(s), 14 valid entries, 0 problem(s)\n")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[event]]\nid = "x"\ndate = "02-30"\nyear = 1\nheadline = "h"\nhighlights = ["a"]\n')
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert result.stdout == f"{bad}:3: impossible date '02-30'\n"
    assert result.stderr == "1 file(s), 0 valid entries, 1 problem(s)\n"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["feb", "30"], 2, "onthisday: error: invalid date 'feb 30': February has no day 30 (it has 29)\n"),
        (
            ["13/45"],
            2,
            "onthisday: error: invalid date '13/45': there is no month 13 (months run 1-12, month first)\n",
        ),
        (
            ["blursday"],
            2,
            "onthisday: error: unrecognised date 'blursday'; accepted forms: june 4, 4 jun, 06-04, "
            "6/4, 1944-06-04, today, tomorrow, yesterday, +3, -3\n",
        ),
        (
            ["--kind", "holiday"],
            2,
            "onthisday: error: unknown kind 'holiday'; accepted: event, birth, death, observance\n",
        ),
        (
            ["--category", "x"],
            2,
            "onthisday: error: unknown category 'x'; accepted: politics, war, science, "
            "technology, space, medicine, exploration, arts, literature, music, film, sport, "
            "religion, law, economy, disaster, environment, society\n",
        ),
        (["--plain", "--json"], 2, "onthisday: error: --plain and --json cannot be used together\n"),
        (["--all", "--limit", "3"], 2, "onthisday: error: --all and --limit cannot be used together\n"),
        (["--limit", "0"], 2, "onthisday: error: --limit must be 1 or more, not 0\n"),
        (
            ["--since", "x"],
            2,
            "onthisday: error: Invalid value for '--since': 'x' is not a valid int. "
            "(see 'onthisday day --help')\n",
        ),
        (["--bogus"], 2, "onthisday: error: No such option: --bogus (see 'onthisday day --help')\n"),
        (["export", "--format", "xml"], 2, "onthisday: error: unknown format 'xml'; accepted: json, jsonl\n"),
    ],
)
def test_bad_input_is_one_line_on_stderr(run, args: list[str], code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    result = run(*args, *DATA)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", message)


def test_malformed_user_data_fails_with_exit_1(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "mine.toml"
    bad.write_text("[[event]\n")
    result = run("--data", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"onthisday: error: {bad}:1: not valid TOML")
    assert result.stderr.count("\n") == 1
    missing = run("--data", str(tmp_path / "none.toml"))
    assert (missing.exit_code, missing.stderr) == (
        1,
        f"onthisday: error: data path {str(tmp_path / 'none.toml')!r} does not exist\n",
    )


def test_no_bundled_needs_data(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--no-bundled")
    assert (result.exit_code, result.stderr) == (
        2,
        "onthisday: error: --no-bundled leaves no data: add --data PATH\n",
    )


def test_data_from_the_environment(run) -> None:  # type: ignore[no-untyped-def]
    result = run("07-20", "--no-bundled", extra_env={"ONTHISDAY_DATA": str(SAMPLE)})
    assert result.stdout == "    1969  event       Apollo 11 lands on the Moon\n"


def test_bad_today_variable(run) -> None:  # type: ignore[no-untyped-def]
    result = run(*DATA, extra_env={"ONTHISDAY_TODAY": "someday"})
    assert (result.exit_code, result.stderr) == (
        2,
        "onthisday: error: ONTHISDAY_TODAY='someday' is not a date; write it as YYYY-MM-DD\n",
    )


def test_version_and_help(run) -> None:  # type: ignore[no-untyped-def]
    assert run("--version").stdout == f"onthisday {__version__}\n"
    help_text = run("--help").stdout
    assert "day" in help_text and "export" in help_text and "validate" in help_text
    assert "--full" in run("day", "--help").stdout


def test_debug_shows_the_traceback(run) -> None:  # type: ignore[no-untyped-def]
    from onthisday.errors import UsageError

    with pytest.raises(UsageError):
        run("blursday", "--debug", *DATA)


# Through a real subprocess of the installed command.


def test_installed_command_plain(command) -> None:  # type: ignore[no-untyped-def]
    result = command("06-04", "--plain", *DATA)
    assert (result.returncode, result.stdout, result.stderr) == (0, JUNE_4_PLAIN, "")


def test_installed_command_error(command) -> None:  # type: ignore[no-untyped-def]
    result = command("feb", "30", *DATA)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "onthisday: error: invalid date 'feb 30': February has no day 30 (it has 29)\n"


def test_python_dash_m(command, env) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [sys.executable, "-m", "onthisday", "06-04", *DATA],
        capture_output=True,
        text=True,
        env={**{k: v for k, v in env.items() if v is not None}, "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, JUNE_4_PLAIN)


def test_closed_pipe_ends_quietly(env, tmp_path) -> None:  # type: ignore[no-untyped-def]
    variables = {k: v for k, v in env.items() if v is not None}
    exe = " ".join(installed_command())
    result = subprocess.run(
        f"{exe} export --format jsonl {' '.join(DATA)} | head -c 10; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env=variables,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert len(result.stdout) == 10


def test_sigint_exits_130_without_traceback(env) -> None:  # type: ignore[no-untyped-def]
    import signal
    import time

    variables = {k: v for k, v in env.items() if v is not None}
    code = "import time, sys; from onthisday import cli; cli.commands.day = lambda *a: time.sleep(30); "
    code += "from onthisday.main import main; sys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "06-04"],
        env=variables,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (130, "")


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_run_builds_only_the_command_it_runs() -> None:
    from onthisday.cli import COMMANDS, command_for

    assert set(command_for(["06-04"]).commands) == {"day"}
    assert set(command_for([]).commands) == {"day"}
    assert set(command_for(["search", "moon"]).commands) == {"search"}
    assert set(command_for(["--help"]).commands) == set(COMMANDS)
