"""Questions over the index: a day, a run of days, everything; filters and ordering."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import store
from .errors import UsageError
from .model import CATEGORIES, KINDS, REGIONS, Entry

KIND_ORDER = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True, slots=True)
class Filters:
    """What to keep. Empty tuples keep everything; a year bound leaves out observances (they have none)."""

    kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None

    @classmethod
    def parse(
        cls,
        kinds: Iterable[str] = (),
        categories: Iterable[str] = (),
        regions: Iterable[str] = (),
        since: int | None = None,
        until: int | None = None,
    ) -> Filters:
        """Filters from user words (repeated or comma-separated); UsageError for an unknown word."""
        if since is not None and until is not None and since > until:
            raise UsageError(f"--since {since} is after --until {until}")
        return cls(
            kinds=_words("kind", kinds, KINDS),
            categories=_words("category", categories, CATEGORIES),
            regions=_words("region", regions, REGIONS),
            since=since,
            until=until,
        )

    def sql(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.kinds:
            clauses.append(f"e.kind IN ({', '.join('?' * len(self.kinds))})")
            params += self.kinds
        for column, values in (("categories", self.categories), ("regions", self.regions)):
            if values:
                clauses.append("(" + " OR ".join(f"instr(e.{column}, ?)" for _ in values) + ")")
                params += [f"|{v}|" for v in values]
        if self.since is not None:
            clauses.append("e.year >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("e.year <= ?")
            params.append(self.until)
        return (" AND " + " AND ".join(clauses) if clauses else ""), params


def _words(what: str, given: Iterable[str], allowed: Sequence[str]) -> tuple[str, ...]:
    words = tuple(dict.fromkeys(w.strip().lower() for item in given for w in item.split(",") if w.strip()))
    for word in words:
        if word not in allowed:
            raise UsageError(f"unknown {what} {word!r}; accepted: {', '.join(allowed)}")
    return words


def ordered(entries: Iterable[Entry]) -> list[Entry]:
    """By kind (events first), then importance (major first), then year (oldest first)."""
    return sorted(entries, key=lambda e: (KIND_ORDER[e.kind], -e.importance, e.year or 0, e.id))


def limited(entries: Sequence[Entry], per_kind: int | None) -> list[Entry]:
    """The first `per_kind` entries of each kind, keeping the order."""
    if per_kind is None:
        return list(entries)
    counts: dict[str, int] = {}
    kept = []
    for entry in entries:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
        if counts[entry.kind] <= per_kind:
            kept.append(entry)
    return kept


class Library:
    """The dataset, as a small API: open it, then ask for days. The CLI uses nothing else."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    @classmethod
    def open(
        cls,
        extra: Sequence[Path] = (),
        environ: Mapping[str, str] | None = None,
        today: dt.date | None = None,
        *,
        bundled: bool = True,
    ) -> Library:
        """The bundled data (unless `bundled` is false) plus `extra` files or folders in the same format."""
        import os

        env = os.environ if environ is None else environ
        sources = [store.bundled_data_dir()] if bundled else []
        sources += store.extra_sources(extra, env)
        return cls(store.open_index(sources, env, today or dt.date.today()))

    def day(self, month: int, day: int, year: int, filters: Filters = Filters()) -> list[Entry]:
        """The entries of one day, moveable observances resolved for `year`, in display order."""
        return self.days([(month, day)], year, filters)[(month, day)]

    def days(
        self, days: Sequence[tuple[int, int]], year: int, filters: Filters = Filters()
    ) -> dict[tuple[int, int], list[Entry]]:
        """The entries of each (month, day), moveable observances resolved for `year`."""
        wanted = {m * 100 + d for m, d in days}
        where, params = filters.sql()
        if filters.since is not None or filters.until is not None:
            where += " AND e.kind != 'observance'"
        marks = ", ".join("?" * len(wanted))
        rows = self.connection.execute(
            f"SELECT e.md, e.data FROM entries e WHERE e.md IN ({marks}){where}", [*wanted, *params]
        ).fetchall()
        rows += self._moveable(wanted, year, where, params)
        found: dict[tuple[int, int], list[Entry]] = {(m, d): [] for m, d in days}
        for md, data in rows:
            entry = Entry.from_dict(json.loads(data))
            if entry.rule:
                entry = replace(entry, month=md // 100, day=md % 100)
            found[(md // 100, md % 100)].append(entry)
        return {key: ordered(value) for key, value in found.items()}

    def _moveable(
        self, wanted: set[int], year: int, where: str, params: list[object]
    ) -> list[tuple[int, str]]:
        marks = ", ".join("?" * len(wanted))
        if year in store.PRECOMPUTED_YEARS:
            return self.connection.execute(
                f"SELECT m.md, e.data FROM moveable m JOIN entries e ON e.rowid = m.entry"
                f" WHERE m.year = ? AND m.md IN ({marks}){where}",
                [year, *wanted, *params],
            ).fetchall()
        from . import rules

        rows = self.connection.execute(f"SELECT e.rule, e.data FROM entries e WHERE e.md = 0{where}", params)
        found = []
        for rule, data in rows:
            when = rules.resolve(rule, year)
            if when is not None and when.month * 100 + when.day in wanted:
                found.append((when.month * 100 + when.day, data))
        return found

    def everything(self, filters: Filters = Filters(), year: int | None = None) -> list[Entry]:
        """Every entry, by date; moveable observances dated for `year` (default: this year)."""
        resolved_year = year or dt.date.today().year
        all_days = [(m, d) for m in range(1, 13) for d in range(1, 32) if _real(m, d)]
        by_day = self.days(all_days, resolved_year, filters)
        entries = [e for day in all_days for e in by_day[day]]
        if filters.since is None and filters.until is None:
            # Moveable observances with no date in that year (a table that does not cover it).
            where, params = filters.sql()
            rows = self.connection.execute(f"SELECT e.data FROM entries e WHERE e.md = 0{where}", params)
            seen = {e.id for e in entries}
            entries += [e for e in (Entry.from_dict(json.loads(d)) for (d,) in rows) if e.id not in seen]
        return entries

    def get(self, ident: str) -> Entry | None:
        row = self.connection.execute("SELECT data FROM entries WHERE id = ?", (ident,)).fetchone()
        return Entry.from_dict(json.loads(row[0])) if row else None


def _real(month: int, day: int) -> bool:
    from .dates import valid_month_day

    return valid_month_day(month, day)
