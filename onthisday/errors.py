"""The project's exceptions; the CLI turns them into exit codes in one place."""

from __future__ import annotations

# Named exit codes, as the README documents them.
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class OnThisDayError(Exception):
    """A failure the user can act on: its message is one line, shown without a traceback."""

    exit_code = EXIT_FAILURE


class UsageError(OnThisDayError):
    """The command line asked for something impossible or unknown."""

    exit_code = EXIT_USAGE


class DataError(OnThisDayError):
    """A data file is malformed or breaks the schema; `problems` lists each `file:line: message`."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = (
            f" (and {len(problems) - 1} more problem(s); run `onthisday validate`)"
            if len(problems) > 1
            else ""
        )
        super().__init__(f"{problems[0]}{more}" if problems else "invalid data")
