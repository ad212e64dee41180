"""`onthisday stats` drawn as bar charts: Rich on a terminal, '#' bars in plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from ..stats import month_problems

if TYPE_CHECKING:
    from rich.console import Console

Bars = list[tuple[str, int]]


def sections(figures: dict[str, Any]) -> list[tuple[str, Bars]]:
    below = figures["days_below_target"]
    return [
        (f"Entries by kind ({figures['entries']} in all)", list(figures["kinds"].items())),
        ("Events by era", list(figures["events_by_era"].items())),
        ("Events by main region", list(figures["events_by_region"].items())),
        ("Events by category", sorted(figures["events_by_category"].items(), key=lambda kv: -kv[1])),
        (f"Days below target ({below} of 366)", _below_by_month(figures)),
    ]


def _below_by_month(figures: dict[str, Any]) -> Bars:
    counts: dict[str, int] = {m["month"][:3]: 0 for m in figures["months"]}
    names = list(counts)
    for day in figures["below_target"]:
        counts[names[int(day["date"][:2]) - 1]] += 1
    return list(counts.items())


def _target_line(figures: dict[str, Any]) -> str:
    targets = ", ".join(f"{n} {k}s" for k, n in figures["targets"].items())
    return f"Target per day: {targets}."


def _month_lines(figures: dict[str, Any]) -> list[str]:
    lines = []
    for month in figures["months"]:
        problems = month_problems(month)
        lines.append(
            f"{month['month'][:3]}  {month['events']:>5} events  {month['before_1500']:>4} before 1500  "
            f"top region {month['top_region'] or '-'} {month['top_region_share']:.0%}"
            + (f"  ! {'; '.join(problems)}" if problems else "")
        )
    return lines


def write_plain(figures: dict[str, Any], out: TextIO, width: int = 80) -> None:
    for title, bars in sections(figures):
        out.write(f"{title}\n")
        for line in _bar_lines(bars, width, "#"):
            out.write(f"  {line}\n")
        out.write("\n")
    out.write(_target_line(figures) + "\n")
    first = [d["date"] for d in figures["below_target"][:20]]
    if first:
        more = f" and {len(figures['below_target']) - 20} more" if len(figures["below_target"]) > 20 else ""
        out.write(f"Below target: {', '.join(first)}{more}\n")
    out.write("\nBalance by month\n")
    for line in _month_lines(figures):
        out.write(f"  {line}\n")


def _bar_lines(bars: Bars, width: int, block: str) -> list[str]:
    label_width = max((len(label) for label, _ in bars), default=0)
    top = max((n for _, n in bars), default=0) or 1
    room = max(width - label_width - 12, 10)
    return [f"{label:<{label_width}}  {block * round(n / top * room):<{room}} {n:>6}" for label, n in bars]


def write_rich(con: Console, figures: dict[str, Any]) -> None:
    from rich.rule import Rule
    from rich.text import Text

    for title, bars in sections(figures):
        con.print(Rule(Text(title, style="bold"), style="cyan", align="left"))
        label_width = max((len(label) for label, _ in bars), default=0)
        top = max((n for _, n in bars), default=0) or 1
        room = max(con.width - label_width - 12, 10)
        for label, n in bars:
            line = Text(f"  {label:<{label_width}}  ")
            line.append("█" * round(n / top * room), style="cyan")
            line.append(f" {n}", style="bold")
            con.print(line, overflow="crop", no_wrap=True)
    con.print(Text(_target_line(figures), style="dim"))
    con.print(Rule(Text("Balance by month", style="bold"), style="cyan", align="left"))
    for month in _month_lines(figures):
        con.print(Text("  " + month, style="yellow" if "!" in month else ""), overflow="fold")
