"""What each command does, given plain values and an Env; the Typer layer only gathers options."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from . import dates
from .env import Env
from .errors import OnThisDayError, UsageError
from .model import Entry
from .query import NO_FILTERS, Filters, Library, limited

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.console import Console

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


def _console(env: Env) -> Console:
    """The Rich console for a view: the terminal's width, no colour under NO_COLOR."""
    from .render import rich_view

    return rich_view.console(env.stdout, env.width(), no_color="NO_COLOR" in env.environ)


def pick(entries: Sequence[Entry], per_kind: dict[str, int | None]) -> list[Entry]:
    kept: list[Entry] = []
    for kind, limit in per_kind.items():
        kept += limited([e for e in entries if e.kind == kind], limit)
    return kept


class DayOptions(NamedTuple):
    """How the day view picks its days and entries, beyond the filters."""

    days: int | None = None
    week: bool = False
    anniversaries: bool = False
    one: bool = False
    seed: int | None = None


DAY_DEFAULTS = DayOptions()


def day(
    words: Sequence[str],
    selection: Selection,
    output: OutputOptions,
    env: Env,
    options: DayOptions = DAY_DEFAULTS,
) -> None:
    """The day view: today, the date the words name, or a range of days, grouped by day."""
    from .query import anniversary_first, round_anniversary

    mode = output.mode(env)
    per_kind = selection.per_kind()
    words = list(words)
    ranged = options.days is not None or options.week or ".." in " ".join(words)
    refs = (
        dates.parse_range(words, env.today, options.days, options.week)
        if ranged
        else [dates.parse(words, env.today)]
    )
    library = selection.open(env)
    groups: list[DayGroup] = []
    year = env.today.year
    for index, ref in enumerate(refs):
        if ref.year is not None:
            year = ref.year
        elif index and (ref.month, ref.day) < (refs[index - 1].month, refs[index - 1].day):
            year += 1  # a range without a year that crosses the year's end
        entries = anniversary_first(library.day(ref.month, ref.day, year, selection.filters), year)
        if options.anniversaries:
            entries = [e for e in entries if round_anniversary(e.year, year)]
        groups.append(DayGroup(ref.month, ref.day, year, entries if options.one else pick(entries, per_kind)))
    if options.one:
        groups = _one(groups, options.seed)
    _show_days(groups, mode, output.full, ranged and not options.one, env)


class DayGroup(NamedTuple):
    """One day's entries as shown, with the year that "N years ago" counts from."""

    month: int
    day: int
    year: int
    entries: list[Entry]


def _one(groups: list[DayGroup], seed: int | None) -> list[DayGroup]:
    import random

    chooser = random.Random(seed)
    pool = [(group, entry) for group in groups for entry in group.entries]
    if not pool:
        return groups[:1]
    group, entry = chooser.choice(pool)
    return [group._replace(entries=[entry])]


def _show_days(groups: list[DayGroup], mode: str, full: bool, with_date: bool, env: Env) -> None:
    if mode == "json":
        from .render import jsonout

        jsonout.write_array([(e, g.year) for g in groups for e in g.entries], env.stdout)
    elif mode == "plain":
        from .render import plain

        for group in groups:
            plain.write(group.entries, env.stdout, full=full, with_date=with_date)
    else:
        from .render import rich_view

        con = _console(env)
        for index, group in enumerate(groups):
            if index:
                con.print()
            title = rich_view.day_title(group.month, group.day, group.year)
            rich_view.write_day(con, title, group.entries, group.year, full=full)


def search(text: str, selection: Selection, output: OutputOptions, env: Env) -> None:
    """Ranked full-text search; each hit with its date and year."""
    from .query import fts_query

    mode = output.mode(env)
    if selection.limit is not None and selection.limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {selection.limit}")
    fts_query(text)  # a query with no words is a usage error before any data is read
    hits = selection.open(env).search(text, selection.filters, selection.limit, env.today.year)
    if mode == "json":
        from .render import jsonout

        jsonout.write_array([(e, env.today.year) for e in hits], env.stdout)
    elif mode == "plain":
        from .render import plain

        plain.write(hits, env.stdout, with_date=True)
    else:
        from .render import rich_view

        con = _console(env)
        rich_view.write_list(con, f"Search: {text}  ({len(hits)} found)", hits)


def show(ident: str, selection: Selection, output: OutputOptions, env: Env) -> None:
    """One entry in full."""
    mode = output.mode(env)
    library = selection.open(env)
    entry = library.get(ident)
    if entry is None:
        raise OnThisDayError(f"no entry has the id {ident!r}; ids are shown by --json and `onthisday search`")
    entry = library.dated(entry, env.today.year)
    if mode == "json":
        import json

        from .render import jsonout

        json.dump(jsonout.record(entry, env.today.year), env.stdout, ensure_ascii=True, indent=2)
        env.stdout.write("\n")
    elif mode == "plain":
        from .render import plain
        from .render.rich_view import entry_facts

        plain.write([entry], env.stdout, full=True)
        for label, value in entry_facts(entry):
            env.stdout.write(f"    {label}: {plain.safe_line(value)}\n")
    else:
        from .render import rich_view

        con = _console(env)
        rich_view.write_entry(con, entry, env.today.year)


def timeline(words: Sequence[str], selection: Selection, output: OutputOptions, env: Env) -> None:
    """The day's dated entries on a time axis."""
    mode = output.mode(env)
    if mode == "json":
        raise UsageError("the timeline is a picture; for data use `onthisday DATE --json`")
    when = dates.parse(list(words), env.today)
    year = when.year if when.year is not None else env.today.year
    entries = selection.open(env).day(when.month, when.day, year, selection.filters)
    title = f"Timeline of {when.label()}"
    if mode == "plain":
        from .render import timeline as tl

        plan = tl.layout(entries, env.width(100))
        env.stdout.write(title + "\n" + "".join(line + "\n" for line in tl.plain_lines(plan)))
    else:
        from .render import rich_view

        con = _console(env)
        rich_view.write_timeline(con, title, entries)


def stats(selection: Selection, output: OutputOptions, env: Env) -> None:
    """Counts that show where the dataset is thin: per kind, per day against the target, by era,
    region and category, and each month's balance."""
    from .stats import Census, compute

    mode = output.mode(env)
    rows = [
        Census(kind, md // 100, md % 100, year, tuple(cats.strip("|").split("|")) if cats else (),
               tuple(regs.strip("|").split("|")) if regs else ())
        for kind, md, year, cats, regs in selection.open(env).census()
    ]  # fmt: skip
    figures = compute(rows)
    if mode == "json":
        import json

        json.dump(figures, env.stdout, indent=2)
        env.stdout.write("\n")
    elif mode == "plain":
        from .render import stats_view

        stats_view.write_plain(figures, env.stdout, env.width())
    else:
        from .render import stats_view

        con = _console(env)
        stats_view.write_rich(con, figures)


def export(fmt: str, selection: Selection, output_path: Path | None, env: Env) -> None:
    """Every entry, with all its fields, as JSON or JSON Lines."""
    from .render import jsonout

    if fmt not in ("json", "jsonl"):
        raise UsageError(f"unknown format {fmt!r}; accepted: json, jsonl")
    library = selection.open(env)
    entries = library.everything(env.today.year, selection.filters)
    write = jsonout.write_array if fmt == "json" else jsonout.write_lines
    rows = [(e, None) for e in entries]
    if output_path is None:
        write(rows, env.stdout)
        return
    from .store import atomic_write

    with atomic_write(output_path) as out:
        write(rows, out)


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
