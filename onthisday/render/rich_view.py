"""The terminal view: Rich, fitted to the width; data only ever enters as Text, never as markup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ..model import MONTH_NAMES, Entry, format_year
from .text import KIND_TITLES, ago, safe, safe_line

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
YEAR_STYLE = "bold cyan"
AGO_STYLE = "dim"


def console(out: TextIO, width: int, *, no_color: bool) -> Console:
    from rich.console import Console

    return Console(
        file=out,
        width=width,
        force_terminal=True,
        no_color=no_color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def day_title(month: int, day: int, year: int) -> str:
    """'Thursday 4 June 2026'; a 29 February outside a leap year has no weekday."""
    try:
        weekday = WEEKDAYS[dt.date(year, month, day).weekday()] + " "
    except ValueError:
        return f"{day} {MONTH_NAMES[month - 1]}"
    return f"{weekday}{day} {MONTH_NAMES[month - 1]} {format_year(year)}"


def write_day(con: Console, title: str, entries: Sequence[Entry], reference_year: int, *, full: bool) -> None:
    from rich.rule import Rule
    from rich.text import Text

    con.print(Rule(Text(safe_line(title), style="bold"), style="cyan"))
    if not entries:
        con.print(_text("Nothing on this day matches.", "dim italic"))
        return
    events = [e for e in entries if e.kind == "event"]
    if events:
        con.print(_articles(events, reference_year) if full else _events(events, reference_year))
    others = [e for e in entries if e.kind != "event"]
    if others:
        if events:
            con.print()
        con.print(_compact(others, reference_year))


def _text(text: str, style: str = "") -> RenderableType:
    from rich.text import Text

    return Text(safe_line(text), style=style)


def _events(events: Sequence[Entry], reference_year: int) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1), expand=False)
    grid.add_column(justify="right", style=YEAR_STYLE, no_wrap=True)
    grid.add_column(ratio=1)
    for index, entry in enumerate(events):
        body = Text()
        body.append(safe_line(entry.headline), style="bold")
        body.append(f"  {ago(entry, reference_year)}", style=AGO_STYLE)
        for highlight in entry.highlights:
            body.append("\n• ", style="cyan")
            body.append(safe_line(highlight))
        if index < len(events) - 1:
            body.append("\n")
        grid.add_row(format_year(entry.year), body)
    return grid


def _articles(events: Sequence[Entry], reference_year: int) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    panels = []
    for entry in events:
        body = Text()
        body.append(safe_line(entry.headline), style="bold")
        for highlight in entry.highlights:
            body.append("\n• ", style="cyan")
            body.append(safe_line(highlight))
        if entry.story:
            body.append("\n\n" + safe(entry.story))
        dateline = f"{entry.day} {MONTH_NAMES[entry.month - 1]} {format_year(entry.year)}"
        panels.append(
            Panel(
                body,
                title=Text(dateline, style=YEAR_STYLE),
                title_align="left",
                subtitle=Text(ago(entry, reference_year), style=AGO_STYLE),
                subtitle_align="right",
                border_style="cyan",
            )
        )
    return Group(*panels)


def _compact(entries: Sequence[Entry], reference_year: int) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold magenta", no_wrap=True)
    grid.add_column(justify="right", style=YEAR_STYLE, no_wrap=True)
    grid.add_column(ratio=1)
    last_kind = ""
    for entry in entries:
        label = KIND_TITLES[entry.kind] if entry.kind != last_kind else ""
        last_kind = entry.kind
        body = Text(safe_line(entry.headline))
        when = ago(entry, reference_year)
        if when:
            body.append(f"  {when}", style=AGO_STYLE)
        if entry.kind == "observance" and entry.places:
            body.append("  " + safe_line(", ".join(entry.places)), style="italic")
        grid.add_row(label, format_year(entry.year), body)
    return grid
