"""What each command does, given plain values and an Env; the Typer layer only gathers options."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from . import dates
from .env import Env
from .errors import UsageError
from .model import Entry
from .query import NO_FILTERS, Filters, Library, limited

# How many entries of each kind the day view shows unless --limit or --all says otherwise.
DEFAULT_LIMITS = {"event": 6, "birth": 3, "death": 3, "observance": 6}


class OutputOptions(NamedTuple):
    """The output switches every read command shares."""

    plain: bool = False
    json: bool = False
    full: bool = False

    def mode(self, env: Env) -> str:
        """'json', 'plain' or 'rich': Rich only on a terminal (or with FORCE_COLOR), unless asked."""
        if self.plain and self.json:
            raise UsageError("--plain and --json cannot be used together")
        if self.json:
            return "json"
        if self.plain or not (env.is_terminal or env.force_color):
            return "plain"
        return "rich"


class Selection(NamedTuple):
    """Which entries: the filters, how many of each kind, and users' extra data."""

    filters: Filters = NO_FILTERS
    limit: int | None = None
    show_all: bool = False
    data: tuple[Path, ...] = ()
    bundled: bool = True

    def per_kind(self) -> dict[str, int | None]:
        if self.show_all and self.limit is not None:
            raise UsageError("--all and --limit cannot be used together")
        if self.limit is not None and self.limit < 1:
            raise UsageError(f"--limit must be 1 or more, not {self.limit}")
        if self.show_all:
            return dict.fromkeys(DEFAULT_LIMITS, None)
        if self.limit is not None:
            return dict.fromkeys(DEFAULT_LIMITS, self.limit)
        return dict(DEFAULT_LIMITS)

    def open(self, env: Env) -> Library:
        if not self.bundled and not self.data and not env.environ.get("ONTHISDAY_DATA"):
            raise UsageError("--no-bundled leaves no data: add --data PATH")
        return Library.open(self.data, env.environ, env.today, bundled=self.bundled)


def pick(entries: Sequence[Entry], per_kind: dict[str, int | None]) -> list[Entry]:
    kept: list[Entry] = []
    for kind, limit in per_kind.items():
        kept += limited([e for e in entries if e.kind == kind], limit)
    return kept


def day(words: Sequence[str], selection: Selection, output: OutputOptions, env: Env) -> None:
    """The day view: today, or the date the words name."""
    mode = output.mode(env)
    per_kind = selection.per_kind()
    when = dates.parse(list(words), env.today)
    year = when.year if when.year is not None else env.today.year
    library = selection.open(env)
    entries = pick(library.day(when.month, when.day, year, selection.filters), per_kind)
    if mode == "json":
        from .render import jsonout

        jsonout.write_array(entries, env.stdout, year)
    elif mode == "plain":
        from .render import plain

        plain.write(entries, env.stdout, full=output.full)
    else:
        from .render import rich_view

        con = rich_view.console(env.stdout, env.width(), no_color="NO_COLOR" in env.environ)
        rich_view.write_day(
            con, rich_view.day_title(when.month, when.day, year), entries, year, full=output.full
        )


def export(fmt: str, selection: Selection, output_path: Path | None, env: Env) -> None:
    """Every entry, with all its fields, as JSON or JSON Lines."""
    from .render import jsonout

    if fmt not in ("json", "jsonl"):
        raise UsageError(f"unknown format {fmt!r}; accepted: json, jsonl")
    library = selection.open(env)
    entries = library.everything(selection.filters, env.today.year)
    write = jsonout.write_array if fmt == "json" else jsonout.write_lines
    if output_path is None:
        write(entries, env.stdout)
        return
    with atomic_write(output_path) as out:
        write(entries, out)


def validate(paths: Sequence[Path], strict: bool, env: Env) -> int:
    """Check data files; print every problem as file:line: message; return the exit status."""
    from .schema import load
    from .store import bundled_data_dir, data_files

    if not paths:
        paths, strict = [Path(bundled_data_dir())], True
    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {str(path)!r}")
    files = data_files(paths)
    entries, problems = load(files, strict=strict, today=env.today)
    for problem in problems:
        env.stdout.write(f"{problem}\n")
    summary = f"{len(files)} file(s), {len(entries)} valid entries, {len(problems)} problem(s)"
    (env.stderr if problems else env.stdout).write(summary + "\n")
    return 1 if problems else 0


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[TextIO]:
    """Write to a temporary file beside `path` and rename it into place only when all is written."""
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
