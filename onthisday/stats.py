"""`onthisday stats`: where the dataset is thin. Pure counting over light rows from the index."""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

from .vocab import CATEGORIES, DAYS_IN_MONTH, KINDS, MONTH_NAMES, REGIONS

# What every day should have (the full-year dataset's target).
TARGETS = {"event": 6, "birth": 2, "death": 2}
ERAS = (
    ("antiquity (before 500)", None, 499),
    ("middle ages (500-1499)", 500, 1499),
    ("early modern (1500-1799)", 1500, 1799),
    ("1800s", 1800, 1899),
    ("1900s", 1900, 1999),
    ("2000s", 2000, None),
)
# The balance the data guide asks of each month.
MONTH_MIN_BEFORE_1500 = 3
MONTH_MAX_REGION_SHARE = 0.45


class Census(NamedTuple):
    """One entry as stats sees it."""

    kind: str
    month: int
    day: int
    year: int | None
    categories: tuple[str, ...]
    regions: tuple[str, ...]


def era(year: int) -> str:
    for name, low, high in ERAS:
        if (low is None or year >= low) and (high is None or year <= high):
            return name
    raise ValueError(year)  # pragma: no cover - the eras cover every year


def compute(rows: list[Census]) -> dict[str, Any]:
    """Every figure `stats` shows, JSON-ready."""
    kinds = Counter(r.kind for r in rows)
    per_day: Counter[tuple[int, int, str]] = Counter((r.month, r.day, r.kind) for r in rows if r.month)
    below = []
    for month in range(1, 13):
        for day in range(1, DAYS_IN_MONTH[month - 1] + 1):
            missing = {
                k: n - per_day[(month, day, k)] for k, n in TARGETS.items() if per_day[(month, day, k)] < n
            }
            if missing:
                below.append({"date": f"{month:02d}-{day:02d}", "missing": missing})
    events = [r for r in rows if r.kind == "event" and r.year is not None]
    months = []
    for month in range(1, 13):
        these = [r for r in events if r.month == month]
        regions = Counter(r.regions[0] for r in these if r.regions)
        top, top_count = regions.most_common(1)[0] if regions else ("", 0)
        covered = {c for r in these for c in r.categories}
        months.append({
            "month": MONTH_NAMES[month - 1],
            "events": len(these),
            "before_1500": sum(1 for r in these if (r.year or 0) < 1500),
            "top_region": top,
            "top_region_share": round(top_count / len(these), 3) if these else 0.0,
            "missing_categories": [c for c in CATEGORIES if c not in covered],
        })  # fmt: skip
    return {
        "entries": len(rows),
        "kinds": {k: kinds[k] for k in KINDS},
        "targets": TARGETS,
        "days_below_target": len(below),
        "below_target": below,
        "events_by_era": {name: sum(1 for r in events if era(r.year or 0) == name) for name, _, _ in ERAS},
        "events_by_region": {g: sum(1 for r in events if r.regions and r.regions[0] == g) for g in REGIONS},
        "events_by_category": {c: sum(1 for r in events if c in r.categories) for c in CATEGORIES},
        "months": months,
    }


def month_problems(month: dict[str, Any]) -> list[str]:
    """What keeps a month from the guide's balance: few early events, one region too big, subjects missing."""
    problems = []
    if month["before_1500"] < MONTH_MIN_BEFORE_1500:
        problems.append(f"{month['before_1500']} events before 1500")
    if month["top_region_share"] > MONTH_MAX_REGION_SHARE:
        problems.append(f"{month['top_region']} {month['top_region_share']:.0%}")
    if month["missing_categories"]:
        problems.append("no " + ", ".join(month["missing_categories"]))
    return problems
