"""The Typer app: options in, one call out, errors to exit codes. Nothing else."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__, commands
from .env import Env
from .errors import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, OnThisDayError, UsageError
from .query import Filters
from .vocab import CATEGORIES, REGIONS

DEFAULT_COMMAND = "day"
GROUP_FLAGS = {"--help", "-h", "--version", "--install-completion", "--show-completion"}


class DayByDefault(TyperGroup):
    """Any word that is not a command is a date for `day`; every error is one line on stderr."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in COMMANDS and args[0] not in GROUP_FLAGS):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away (`onthisday | head -1`): stop quietly, as `yes | head` does.
            _silence_stdout()
            raise typer.Exit(EXIT_OK) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in argv[: argv.index("--")] if "--" in argv else "--debug" in argv
        debug = debug or bool(os.environ.get("ONTHISDAY_DEBUG"))
        argv = _without_debug(argv)
        if sys.stdout is None or sys.stdout.closed:
            _error("cannot write: standard output is closed")
            code = EXIT_FAILURE
            if standalone_mode:
                sys.exit(code)
            return code
        from .render.text import graceful

        graceful(sys.stdout)
        graceful(sys.stderr)
        try:
            code = super().main(
                argv, prog_name or "onthisday", complete_var, False, windows_expand_args, **extra
            )
        except OnThisDayError as exc:
            if debug:
                raise
            _error(str(exc))
            code = exc.exit_code
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
        except Exception as exc:
            if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # Click's usage errors
                if getattr(exc, "exit_code", 0) == 0:
                    code = EXIT_OK
                else:
                    _error(_click_message(exc))
                    code = EXIT_USAGE
            elif debug:
                raise
            else:
                _error(f"unexpected {type(exc).__name__}: {exc} (run with --debug for the traceback)")
                code = EXIT_FAILURE
        code = code if isinstance(code, int) else EXIT_OK
        if standalone_mode:
            sys.exit(code)
        return code


def _without_debug(argv: list[str]) -> list[str]:
    if "--" in argv:
        cut = argv.index("--")
        return [a for a in argv[:cut] if a != "--debug"] + argv[cut:]
    return [a for a in argv if a != "--debug"]


def _click_message(exc: Any) -> str:
    message = " ".join(str(exc.format_message()).split())
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", "") if ctx is not None else ""
    hint = f" (see '{command} --help')" if command else ""
    return f"{message}{hint}"


def _error(message: str) -> None:
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"onthisday: error: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _version(value: bool) -> None:
    if value:
        typer.echo(f"onthisday {__version__}")
        raise typer.Exit()


def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """What happened on this day in history."""


# Options shared by the commands that read entries.
KindOption = Annotated[
    list[str],
    typer.Option(
        "--kind", "-k", help="Only these kinds: event, birth, death, observance (repeat or comma-separate)."
    ),
]
CategoryOption = Annotated[
    list[str], typer.Option("--category", "-c", help=f"Only these categories: {', '.join(CATEGORIES)}.")
]
RegionOption = Annotated[
    list[str],
    typer.Option(
        "--region",
        "-r",
        help=f"Only these regions: {', '.join(REGIONS)}.",
    ),
]
SinceOption = Annotated[
    int | None, typer.Option("--since", help="Only entries from this year on (negative for BCE).")
]
UntilOption = Annotated[int | None, typer.Option("--until", help="Only entries up to this year.")]
DataOption = Annotated[
    list[Path],
    typer.Option(
        "--data", "-d", help="Add the entries of this TOML file or folder (repeatable; also $ONTHISDAY_DATA)."
    ),
]
NoBundledOption = Annotated[
    bool, typer.Option("--no-bundled", help="Leave out the bundled dataset: only --data and $ONTHISDAY_DATA.")
]
PlainOption = Annotated[
    bool, typer.Option("--plain", help="Plain text, one entry a line (the default when piped).")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="A JSON array of the entries with all their fields.")
]


def _selection(
    kind: list[str] = [],  # noqa: B006
    category: list[str] = [],  # noqa: B006
    region: list[str] = [],  # noqa: B006
    since: int | None = None,
    until: int | None = None,
    data: list[Path] = [],  # noqa: B006
    no_bundled: bool = False,
    limit: int | None = None,
    all_: bool = False,
) -> commands.Selection:
    """The shared selection options, as the commands module takes them."""
    filters = Filters.parse(kind, category, region, since, until)
    return commands.Selection(filters, limit, all_, tuple(data), not no_bundled)


def day_command(
    date: Annotated[
        list[str] | None,
        typer.Argument(
            help="The date: june 4, 4 jun, 06-04, 6/4, 1944-06-04, today, tomorrow, yesterday, +3, -3. "
            "Default: today.",
            show_default=False,
        ),
    ] = None,
    kind: KindOption = [],  # noqa: B006 - Typer reads the default, never mutates it
    category: CategoryOption = [],  # noqa: B006
    region: RegionOption = [],  # noqa: B006
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", help="At most N entries of each kind.")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", "-a", help="Every entry, with no limit.")] = False,
    full: Annotated[
        bool, typer.Option("--full", "-f", help="Each event in full, as an 'on this day' article.")
    ] = False,
    days: Annotated[int | None, typer.Option("--days", help="A range: N days from the date.")] = None,
    week: Annotated[bool, typer.Option("--week", "-w", help="A range: seven days from the date.")] = False,
    anniversaries: Annotated[
        bool,
        typer.Option(
            "--anniversaries", help="Only entries with a round anniversary (10th, 25th, 50th, ...)."
        ),
    ] = False,
    one: Annotated[
        bool, typer.Option("--random", "--one", help="One entry, picked at random from the selection.")
    ] = False,
    seed: Annotated[int | None, typer.Option("--seed", help="Make --random reproducible.")] = None,
    plain: PlainOption = False,
    json: JsonOption = False,
    data: DataOption = [],  # noqa: B006
    no_bundled: NoBundledOption = False,
) -> None:
    """Show a day in history (the default command: `onthisday june 4` is `onthisday day june 4`).

    A range: `june 1..june 7`, `june 1 --days 7`, `--week`."""
    selection = _selection(kind, category, region, since, until, data, no_bundled, limit, all_)
    if seed is not None and not one:
        raise UsageError("--seed goes with --random")
    options = commands.DayOptions(days, week, anniversaries, one, seed)
    commands.day(
        date or [], selection, commands.OutputOptions(plain, json, full), Env.from_process(), options
    )


def search_command(
    query: Annotated[list[str], typer.Argument(help='Words, "a phrase", or a prefix*.', show_default=False)],
    kind: KindOption = [],  # noqa: B006
    category: CategoryOption = [],  # noqa: B006
    region: RegionOption = [],  # noqa: B006
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N results.")] = 20,
    plain: PlainOption = False,
    json: JsonOption = False,
    data: DataOption = [],  # noqa: B006
    no_bundled: NoBundledOption = False,
) -> None:
    """Search headlines, highlights, stories, people and places; best matches first."""
    selection = _selection(kind, category, region, since, until, data, no_bundled, limit)
    commands.search(" ".join(query), selection, commands.OutputOptions(plain, json), Env.from_process())


def show_command(
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="The entry's id (shown by --json).", show_default=False)
    ],
    plain: PlainOption = False,
    json: JsonOption = False,
    data: DataOption = [],  # noqa: B006
    no_bundled: NoBundledOption = False,
) -> None:
    """One entry in full: date, headline, highlights, story, people, places, categories, sources."""
    selection = _selection(data=data, no_bundled=no_bundled)
    commands.show(entry_id, selection, commands.OutputOptions(plain, json), Env.from_process())


def timeline_command(
    date: Annotated[
        list[str] | None,
        typer.Argument(help="The date, as for the day view. Default: today.", show_default=False),
    ] = None,
    kind: KindOption = [],  # noqa: B006
    category: CategoryOption = [],  # noqa: B006
    region: RegionOption = [],  # noqa: B006
    since: SinceOption = None,
    until: UntilOption = None,
    plain: PlainOption = False,
    data: DataOption = [],  # noqa: B006
    no_bundled: NoBundledOption = False,
) -> None:
    """The day's entries on a time axis across the centuries."""
    selection = _selection(kind, category, region, since, until, data, no_bundled)
    commands.timeline(date or [], selection, commands.OutputOptions(plain), Env.from_process())


def export_command(
    format_: Annotated[
        str, typer.Option("--format", help="json (one array) or jsonl (one entry a line).")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")
    ] = None,
    kind: KindOption = [],  # noqa: B006
    category: CategoryOption = [],  # noqa: B006
    region: RegionOption = [],  # noqa: B006
    since: SinceOption = None,
    until: UntilOption = None,
    data: DataOption = [],  # noqa: B006
    no_bundled: NoBundledOption = False,
) -> None:
    """Write every entry with all its fields, by date (filters apply)."""
    selection = _selection(kind, category, region, since, until, data, no_bundled)
    commands.export(format_, selection, output, Env.from_process())


def validate_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to check. Default: the bundled data, with --strict.", show_default=False
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also apply the dataset guide's content rules.")
    ] = False,
) -> None:
    """Check data files; report every problem as file:line: message."""
    code = commands.validate(paths or [], strict, Env.from_process())
    if code:
        raise typer.Exit(code)


def stats_command(
    plain: PlainOption = False,
    json: JsonOption = False,
    data: DataOption = [],  # noqa: B006
    no_bundled: NoBundledOption = False,
) -> None:
    """Where the dataset is thin: entries per kind, days below target, events by era, region, category."""
    selection = _selection(data=data, no_bundled=no_bundled)
    commands.stats(selection, commands.OutputOptions(plain, json), Env.from_process())


def greet_command(
    random: Annotated[bool, typer.Option("--random", help="A new entry each time, not the day's.")] = False,
    kind: KindOption = [],  # noqa: B006
    category: CategoryOption = [],  # noqa: B006
    region: RegionOption = [],  # noqa: B006
    data: DataOption = [],  # noqa: B006
    no_bundled: NoBundledOption = False,
    cache: Annotated[
        bool, typer.Option("--cache", help="Keep the day's greeting in the cache for the shell snippet.")
    ] = False,
) -> None:
    """One line for a shell's start-up: the year, a headline and how long ago. Never fails."""
    from . import greet

    args = [
        flag for flag, on in (("--random", random), ("--no-bundled", no_bundled), ("--cache", cache)) if on
    ]
    for flag, values in (("--kind", kind), ("--category", category), ("--region", region), ("--data", data)):
        for value in values:
            args += [flag, str(value)]
    greet.run(args)


def init_command(
    shell: Annotated[str, typer.Argument(help="bash, zsh or fish.", show_default=False)],
    once: Annotated[bool, typer.Option("--once", help="Greet only in the first shell of the day.")] = False,
) -> None:
    """Print the start-up snippet: eval "$(onthisday init bash)", or `onthisday init fish | source`."""
    from .shell import snippet

    sys.stdout.write(snippet(shell, once))


COMMANDS: dict[str, Callable[..., None]] = {
    "day": day_command,
    "search": search_command,
    "show": show_command,
    "timeline": timeline_command,
    "greet": greet_command,
    "init": init_command,
    "export": export_command,
    "validate": validate_command,
    "stats": stats_command,
}


def build(names: Sequence[str] | None = None) -> typer.Typer:
    """The app with the commands named (default: all). Typer turns every registered command into a
    Click command at start-up, so a run registers only the one it will run."""
    app = typer.Typer(
        cls=DayByDefault,
        name="onthisday",
        help=(
            "What happened on this day in history.\n\n"
            "`onthisday` shows today; `onthisday june 4` (or 4 jun, 06-04, 6/4, 1944-06-04, tomorrow, +3,"
            " -- -3) shows that day: any words that are not a command are the date for the `day` command.\n\n"
            "Add --debug to any command to see a traceback on errors."
        ),
        add_completion=False,
        no_args_is_help=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["--help", "-h"]},
    )
    app.callback()(main_options)
    for name in COMMANDS if names is None else names:
        app.command(name)(COMMANDS[name])
    return app


def command_for(args: Sequence[str]) -> Any:
    """The Click command that will run `args`: the group with just the command they name."""
    from typer.main import get_command

    first = args[0] if args else DEFAULT_COMMAND
    if first in GROUP_FLAGS:
        return get_command(build())
    return get_command(build([first if first in COMMANDS else DEFAULT_COMMAND]))


app = build()
