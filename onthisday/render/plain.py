"""Plain text: one entry a line (year, kind, headline), no escape codes, stable for grep and cut."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..model import Entry
from ..vocab import format_year
from .text import safe_line

__all__ = ["line", "safe_line", "write"]


def line(entry: Entry, *, with_date: bool = False) -> str:
    year = format_year(entry.year) or "-"
    text = f"{year:>8}  {entry.kind:<10}  {safe_line(entry.headline)}"
    return f"{entry.date}  {text}" if with_date else text


def write(entries: Sequence[Entry], out: TextIO, *, full: bool = False, with_date: bool = False) -> None:
    for entry in entries:
        out.write(line(entry, with_date=with_date) + "\n")
        if full:
            for highlight in entry.highlights:
                out.write(f"    - {safe_line(highlight)}\n")
            if entry.story:
                out.write(f"    {safe_line(entry.story)}\n")
