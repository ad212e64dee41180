"""The bundled dataset: valid by the guide's rules, balanced, and checked against the reference.

The reference checks need ../shared (the project's guides and tools); a user's clone has none, and
those tests skip there.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from onthisday.model import Entry
from onthisday.render.jsonout import write_lines
from onthisday.schema import load
from onthisday.stats import MONTH_MAX_REGION_SHARE, MONTH_MIN_BEFORE_1500
from onthisday.vocab import CATEGORIES, DAYS_IN_MONTH

from .conftest import ROOT, SHARED

DATA = ROOT / "data"
TOOLS = SHARED / "tools"


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    found, problems = load([DATA], strict=True, today=dt.date.today())
    assert [str(p) for p in problems] == []
    return found


def test_bundled_data_is_valid_by_the_guide(entries: list[Entry]) -> None:
    assert entries, "the bundled dataset is empty"


def test_one_file_a_month_ordered_by_day() -> None:
    for path in sorted(DATA.glob("[01][0-9]-*.toml")):
        month = int(path.name[:2])
        found = re.findall(r'^date = "(\d\d)-(\d\d)"', path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        dates = [(int(m), int(d)) for m, d in found]
        assert all(m == month for m, _ in dates), f"{path.name} holds entries of another month"
        assert dates == sorted(dates), f"{path.name} is not ordered by day"


def complete_months(entries: list[Entry]) -> list[int]:
    days = {(e.month, e.day) for e in entries if e.kind == "event"}
    return [m for m in range(1, 13) if all((m, d) in days for d in range(1, DAYS_IN_MONTH[m - 1] + 1))]


def test_every_written_month_is_balanced(entries: list[Entry]) -> None:
    for month in complete_months(entries):
        events = [e for e in entries if e.kind == "event" and e.month == month]
        early = sum(1 for e in events if (e.year or 0) < 1500)
        assert early >= MONTH_MIN_BEFORE_1500, f"month {month}: {early} events before 1500"
        region, count = Counter(e.regions[0] for e in events).most_common(1)[0]
        assert count / len(events) <= MONTH_MAX_REGION_SHARE, (
            f"month {month}: {region} has {count / len(events):.0%}"
        )
        missing = set(CATEGORIES) - {c for e in events for c in e.categories}
        assert not missing, f"month {month} has no events in {sorted(missing)}"


def test_people_are_women_and_men_from_every_continent(entries: list[Entry]) -> None:
    people = [e for e in entries if e.kind in ("birth", "death")]
    if len(people) < 100:
        pytest.skip("too few births and deaths yet to judge their spread")
    regions = Counter(e.regions[0] for e in people)
    for region in ("africa", "asia", "europe", "north-america", "latin-america", "oceania", "middle-east"):
        assert regions[region] > 0, f"no births or deaths from {region}"


def shared_tool(name: str) -> Path:
    tool = TOOLS / name
    if not tool.exists():
        pytest.skip(f"{tool} is not here (it is not part of a user's clone)")
    return tool


def test_no_event_conflicts_with_the_reference(entries: list[Entry], tmp_path: Path) -> None:
    tool = shared_tool("crosscheck.py")
    exported = tmp_path / "entries.jsonl"
    with exported.open("w", encoding="utf-8") as out:
        write_lines([(e, None) for e in entries], out)
    result = subprocess.run(
        [sys.executable, str(tool), str(exported)], capture_output=True, text=True, timeout=600
    )
    conflicts = [line for line in result.stdout.splitlines() if line.startswith(("CONFLICT", "   "))]
    assert result.returncode == 0 and not conflicts, "\n".join(conflicts[:40])


def test_no_text_is_copied_from_the_reference() -> None:
    tool = shared_tool("copycheck.py")
    result = subprocess.run(
        [sys.executable, str(tool), str(DATA)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[:4000]
