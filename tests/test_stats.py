from __future__ import annotations

import json

from onthisday.stats import Census, compute, era, month_problems

from .conftest import SAMPLE

DATA = ("--no-bundled", "--data", str(SAMPLE))


def test_compute_counts_and_targets() -> None:
    rows = [Census("event", 6, 4, 1944, ("war",), ("europe",))] * 6 + [
        Census("birth", 6, 4, 1867, ("politics",), ("europe",)),
        Census("death", 6, 4, 1941, ("politics",), ("europe",)),
        Census("observance", 0, 0, None, ("religion",), ("world",)),
    ]
    figures = compute(rows)
    assert figures["kinds"] == {"event": 6, "birth": 1, "death": 1, "observance": 1}
    june_4 = next(d for d in figures["below_target"] if d["date"] == "06-04")
    assert june_4["missing"] == {"birth": 1, "death": 1}
    assert figures["days_below_target"] == 366
    assert figures["events_by_era"]["1900s"] == 6
    assert figures["events_by_region"]["europe"] == 6
    june = figures["months"][5]
    assert (june["events"], june["before_1500"], june["top_region"], june["top_region_share"]) == (
        6,
        0,
        "europe",
        1.0,
    )
    assert month_problems(june)[:2] == ["0 events before 1500", "europe 100%"]


def test_eras() -> None:
    assert [era(y) for y in (-44, 499, 500, 1499, 1500, 1800, 1999, 2000)] == [
        "antiquity (before 500)",
        "antiquity (before 500)",
        "middle ages (500-1499)",
        "middle ages (500-1499)",
        "early modern (1500-1799)",
        "1800s",
        "1900s",
        "2000s",
    ]


def test_stats_command(run) -> None:  # type: ignore[no-untyped-def]
    figures = json.loads(run("stats", "--json", *DATA).stdout)
    assert figures["entries"] == 14 and figures["kinds"]["observance"] == 4
    assert figures["days_below_target"] == 366
    plain = run("stats", *DATA).stdout
    assert plain.startswith("Entries by kind (14 in all)\n  event       ")
    assert "Days below target (366 of 366)" in plain and "Balance by month" in plain
    rich = run("stats", *DATA, extra_env={"FORCE_COLOR": "1"}).stdout
    assert "█" in rich and "Events by era" in rich
