"""JSON and JSON Lines: every field of every entry, the text exactly as in the data.

Output is ASCII with \\u escapes, so it is valid whatever the stream's encoding and no control or
bidirectional character reaches a terminal raw; any JSON reader gives back the original text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..model import Entry
from ..vocab import is_round_anniversary, years_between

# An entry, and the year that "N years ago" counts from (None: leave the age out).
Row = tuple[Entry, int | None]


def record(entry: Entry, reference_year: int | None = None) -> dict[str, Any]:
    data = entry.to_dict()
    data.pop("origin", None)
    if reference_year is not None:
        age = None if entry.year is None else years_between(entry.year, reference_year)
        data["years_ago"] = age
        data["anniversary"] = age if age is not None and is_round_anniversary(age) else None
    return data


def write_array(rows: Sequence[Row], out: TextIO) -> None:
    json.dump([record(e, year) for e, year in rows], out, ensure_ascii=True, indent=2)
    out.write("\n")


def write_lines(rows: Sequence[Row], out: TextIO) -> None:
    for entry, year in rows:
        out.write(json.dumps(record(entry, year), ensure_ascii=True) + "\n")
