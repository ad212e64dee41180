"""The timeline: a day's entries placed on a horizontal axis across the centuries.

The layout is computed here as plain rows (year, track, label) so that the plain and Rich forms
draw the same picture; Rich only adds colour.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Entry
from ..vocab import format_year
from .text import safe_line

STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
YEAR_WIDTH = 8  # "1000 BCE"


class Row(NamedTuple):
    year: str
    position: int  # the marker's column in the track
    label: str
    kind: str


class Layout(NamedTuple):
    rows: list[Row]
    track: int  # the track's width in columns
    ticks: list[tuple[int, str]]  # (column, label) along the axis


def layout(entries: list[Entry], width: int) -> Layout:
    dated = sorted((e for e in entries if e.year is not None), key=lambda e: (e.year or 0, e.id))
    track = max(min(width // 3, 48), 12)
    if not dated:
        return Layout([], track, [])
    first, last = dated[0].year or 0, dated[-1].year or 0
    if last - first < 10:
        first, last = first - 5, last + 5
    span = last - first

    def column(year: int) -> int:
        return round((year - first) / span * (track - 1))

    label_room = max(width - YEAR_WIDTH - 2 - track - 2, 10)
    rows = []
    for entry in dated:
        label = safe_line(entry.headline)
        if entry.kind in ("birth", "death"):
            label = f"{'born' if entry.kind == 'birth' else 'died'}: {label}"
        if len(label) > label_room:
            label = label[: label_room - 1].rstrip() + "…"
        rows.append(Row(format_year(entry.year), column(entry.year or 0), label, entry.kind))
    step = next((s for s in STEPS if span / s <= track / 5), STEPS[-1])
    ticks = []
    tick = -(-first // step) * step  # the first multiple of step at or after `first`
    while tick <= last:
        ticks.append((column(tick), format_year(tick) if tick != 0 else "1 CE"))
        tick += step
    return Layout(rows, track, ticks)


def axis_lines(plan: Layout) -> tuple[str, str]:
    """The axis ruler with a mark at each tick, and the tick labels under it, without overlaps."""
    ruler = ["-"] * plan.track
    labels = [" "] * (plan.track + 12)
    free = 0
    for col, text in plan.ticks:
        ruler[col] = "|"
        if col >= free and col + len(text) <= len(labels):
            labels[col : col + len(text)] = list(text)
            free = col + len(text) + 1
    return "".join(ruler), "".join(labels).rstrip()


def plain_lines(plan: Layout, marker: str = "*", track_char: str = ".") -> list[str]:
    out = []
    for row in plan.rows:
        track = [track_char] * plan.track
        track[row.position] = marker
        out.append(f"{row.year:>{YEAR_WIDTH}}  {''.join(track)}  {row.label}")
    if plan.rows:
        ruler, labels = axis_lines(plan)
        pad = " " * (YEAR_WIDTH + 2)
        out += [pad + ruler, pad + labels]
    return out
