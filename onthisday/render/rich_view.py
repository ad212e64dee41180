"""The terminal view: Rich, fitted to the width; data only ever enters as Text, never as markup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ..model import Entry
from ..rules import covered_years
from ..vocab import MONTH_NAMES, format_year
from .text import KIND_TITLES, ago, anniversary, safe, safe_line

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
YEAR_STYLE = "bold cyan"
AGO_STYLE = "dim"
BADGE_STYLE = "bold yellow"


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
        con.print(Text("Nothing on this day matches.", style="dim italic"))
        return
    events = [e for e in entries if e.kind == "event"]
    if events and full:
        con.print(_articles(events, reference_year))
    elif events:
        _events(con, events, reference_year)
    others = [e for e in entries if e.kind != "event"]
    if others:
        if events:
            con.print()
        _compact(con, others, reference_year)


YEAR_WIDTH = 6  # "44 BCE"


def _wrapped(
    con: Console, gutter: Text, first: Text, hang: int = 0, tails: Sequence[Text] = ()
) -> list[Text]:
    """`first` wrapped to the width left beside `gutter`, continuation lines indented by `hang`; each
    of `tails` ("82 years ago") follows on the last line if it fits there whole, else on a new one."""
    from rich.text import Text

    room = max(con.width - gutter.cell_len - hang, 10)
    lines = first.wrap(con, room) if first.cell_len > room else [first]
    pad = " " * gutter.cell_len
    out = [Text.assemble(gutter, lines[0])]
    out += [Text.assemble(pad + " " * hang, line) for line in lines[1:]]
    for tail in tails:
        if out[-1].cell_len + 2 + tail.cell_len <= con.width:
            out[-1].append("  ")
            out[-1].append_text(tail)
        else:
            out += _wrapped(con, Text(pad + " " * hang), tail)
    return out


def _tails(entry: Entry, reference_year: int) -> list[Text]:
    """How long ago, and the round anniversary if it is one: kept whole when a line wraps."""
    from rich.text import Text

    tails = []
    if when := ago(entry.year, reference_year):
        tails.append(Text(when, style=AGO_STYLE))
    if badge := anniversary(entry.year, reference_year):
        tails.append(Text(f"★ {badge}", style=BADGE_STYLE))
    return tails


def _events(con: Console, events: Sequence[Entry], reference_year: int) -> None:
    """Each event: the year in a gutter, the headline and how long ago, then the highlight bullets."""
    from rich.text import Text

    for index, entry in enumerate(events):
        if index:
            con.print()
        year = Text(f"{format_year(entry.year):>{YEAR_WIDTH}} ", style=YEAR_STYLE)
        blank = Text(" " * (YEAR_WIDTH + 1))
        head = Text(safe_line(entry.headline), style="bold")
        lines = _wrapped(con, year, head, tails=_tails(entry, reference_year))
        for highlight in entry.highlights:
            bullet = Text("• ", style="cyan")
            bullet.append(safe_line(highlight))
            lines += _wrapped(con, blank, bullet, hang=2)
        for line in lines:
            con.print(line, overflow="crop", no_wrap=True)


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
                subtitle=Text(ago(entry.year, reference_year), style=AGO_STYLE),
                subtitle_align="right",
                border_style="cyan",
            )
        )
    return Group(*panels)


def _compact(con: Console, entries: Sequence[Entry], reference_year: int) -> None:
    """Births, deaths and observances, a line each under a label for the kind."""
    from rich.text import Text

    label_width = max(len(title) for title in KIND_TITLES.values()) + 1
    last_kind = ""
    for entry in entries:
        label = KIND_TITLES[entry.kind] if entry.kind != last_kind else ""
        last_kind = entry.kind
        gutter = Text(f"{label:<{label_width}}", style="bold magenta")
        gutter.append(f"{format_year(entry.year):>{YEAR_WIDTH}} ", style=YEAR_STYLE)
        body = Text(safe_line(entry.headline))
        tails = _tails(entry, reference_year)
        if entry.kind == "observance" and entry.places:
            tails.append(Text(safe_line(", ".join(entry.places)), style="italic"))
        for line in _wrapped(con, gutter, body, tails=tails):
            con.print(line, overflow="crop", no_wrap=True)


def write_list(con: Console, title: str, entries: Sequence[Entry]) -> None:
    """Search results: each with its date and year in a gutter, the headline, and its first highlight."""
    from rich.rule import Rule
    from rich.text import Text

    con.print(Rule(Text(safe_line(title), style="bold"), style="cyan"))
    if not entries:
        con.print(Text("Nothing matches.", style="dim italic"))
        return
    for entry in entries:
        when = (
            f"{entry.day} {MONTH_NAMES[entry.month - 1][:3]} {format_year(entry.year)}".strip()
            if entry.month
            else ""
        )
        gutter = Text(f"{when:>13} ", style=YEAR_STYLE)
        head = Text(safe_line(entry.headline), style="bold")
        if entry.kind != "event":
            head.append(f"  ({entry.kind})", style=AGO_STYLE)
        lines = _wrapped(con, gutter, head)
        if entry.highlights:
            lines += _wrapped(con, Text(" " * 14), Text(safe_line(entry.highlights[0]), style=AGO_STYLE))
        for line in lines:
            con.print(line, overflow="crop", no_wrap=True)


def write_entry(con: Console, entry: Entry, reference_year: int) -> None:
    """One entry in full: the article, then its people, places, subjects and sources."""
    from rich.text import Text

    if entry.kind == "event":
        con.print(_articles([entry], reference_year))
    else:
        con.print(Text(safe_line(entry.headline), style="bold"))
        for highlight in entry.highlights:
            con.print(Text.assemble(("• ", "cyan"), safe_line(highlight)))
    for label, value in entry_facts(entry):
        for line in _wrapped(con, Text(f"{label:>11} ", style="bold magenta"), Text(safe_line(value))):
            con.print(line, overflow="crop", no_wrap=True)


def entry_facts(entry: Entry) -> list[tuple[str, str]]:
    """The labelled facts of an entry that `show` lists under its text (also used by plain output)."""
    when = (
        f"{entry.day} {MONTH_NAMES[entry.month - 1]} {format_year(entry.year)}".strip() if entry.month else ""
    )
    facts = [("id", entry.id), ("kind", entry.kind), ("date", when)]
    if covered := covered_years(entry.rule):
        facts.append(("rule", f"a table of dates, {covered[0]}-{covered[1]}"))
    elif entry.rule:
        facts.append(("rule", entry.rule))
    if entry.calendar != "gregorian":
        facts.append(("calendar", entry.calendar))
    lists = {"people": entry.people, "places": entry.places, "categories": entry.categories}
    for label, values in {**lists, "regions": entry.regions}.items():
        if values:
            facts.append((label, ", ".join(values)))
    facts += [("source", source) for source in entry.sources]
    return facts


def write_timeline(con: Console, title: str, entries: list[Entry]) -> None:
    from rich.rule import Rule
    from rich.text import Text

    from .timeline import YEAR_WIDTH, axis_lines, layout

    con.print(Rule(Text(safe_line(title), style="bold"), style="cyan"))
    plan = layout(entries, con.width)
    if not plan.rows:
        con.print(Text("Nothing with a year on this day matches.", style="dim italic"))
        return
    colours = {"event": "cyan", "birth": "green", "death": "magenta"}
    for row in plan.rows:
        line = Text(f"{row.year:>{YEAR_WIDTH}}  ", style=YEAR_STYLE)
        line.append("·" * row.position, style="dim")
        line.append("●", style=f"bold {colours.get(row.kind, 'white')}")
        line.append("·" * (plan.track - row.position - 1), style="dim")
        line.append(f"  {row.label}")
        con.print(line, overflow="ellipsis", no_wrap=True)
    ruler, labels = axis_lines(plan)
    pad = " " * (YEAR_WIDTH + 2)
    con.print(Text(pad + ruler, style="dim"), overflow="crop", no_wrap=True)
    con.print(Text(pad + labels, style="dim"), overflow="crop", no_wrap=True)
