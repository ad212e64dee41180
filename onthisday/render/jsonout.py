"""JSON and JSON Lines: every field of every entry, the text exactly as in the data.

Output is ASCII with \\u escapes, so it is valid whatever the stream's encoding and no control or
bidirectional character reaches a terminal raw; any JSON reader gives back the original text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..model import Entry
from ..vocab import years_between


def record(entry: Entry, reference_year: int | None = None) -> dict[str, Any]:
    data = entry.to_dict()
    data.pop("origin", None)
    if reference_year is not None:
        data["years_ago"] = None if entry.year is None else years_between(entry.year, reference_year)
    return data


def write_array(entries: Sequence[Entry], out: TextIO, reference_year: int | None = None) -> None:
    json.dump([record(e, reference_year) for e in entries], out, ensure_ascii=True, indent=2)
    out.write("\n")


def write_lines(entries: Sequence[Entry], out: TextIO, reference_year: int | None = None) -> None:
    for entry in entries:
        out.write(json.dumps(record(entry, reference_year), ensure_ascii=True) + "\n")
