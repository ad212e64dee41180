"""Questions over the index: a day, a run of days, everything; filters and ordering.

The shell greeting imports this module, so it keeps its imports light: no dataclasses, no pathlib,
no json until an entry is decoded.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple

from . import store
from .errors import UsageError
from .vocab import CATEGORIES, DAYS_IN_MONTH, KINDS, REGIONS, is_round_anniversary, years_between

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping, Sequence
    from os import PathLike
    from typing import Any

    from .model import Entry

KIND_ORDER = {kind: rank for rank, kind in enumerate(KINDS)}


class Filters:
    """What to keep. Empty tuples keep everything; a year bound leaves out observances (they have none)."""

    __slots__ = ("categories", "kinds", "regions", "since", "until")

    def __init__(
        self,
        kinds: tuple[str, ...] = (),
        categories: tuple[str, ...] = (),
        regions: tuple[str, ...] = (),
        since: int | None = None,
        until: int | None = None,
    ) -> None:
        self.kinds, self.categories, self.regions = kinds, categories, regions
        self.since, self.until = since, until

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

    def key(self) -> tuple[object, ...]:
        return (self.kinds, self.categories, self.regions, self.since, self.until)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filters) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def __repr__(self) -> str:
        return "Filters(kinds={!r}, categories={!r}, regions={!r}, since={!r}, until={!r})".format(
            *self.key()
        )

    @property
    def dated_only(self) -> bool:
        return self.since is not None or self.until is not None

    def sql(self) -> tuple[str, list[object]]:
        """An SQL condition on the entries table `e` (starting with AND), and its parameters."""
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
        if self.dated_only:
            clauses.append("e.kind != 'observance'")
        return (" AND " + " AND ".join(clauses) if clauses else ""), params


NO_FILTERS = Filters()


def _words(what: str, given: Iterable[str], allowed: Sequence[str]) -> tuple[str, ...]:
    words = tuple(dict.fromkeys(w.strip().lower() for item in given for w in item.split(",") if w.strip()))
    for word in words:
        if word not in allowed:
            raise UsageError(f"unknown {what} {word!r}; accepted: {', '.join(allowed)}")
    return words


def ordered(entries: Iterable[Entry]) -> list[Entry]:
    """By kind (events first), then importance (major first), then year (oldest first)."""
    return sorted(entries, key=lambda e: (KIND_ORDER[e.kind], -e.importance, e.year or 0, e.id))


def round_anniversary(year: int | None, reference_year: int) -> int | None:
    """The anniversary in `reference_year` if it is a round one (100 for a centenary), else None."""
    if year is None:
        return None
    age = years_between(year, reference_year)
    return age if is_round_anniversary(age) else None


def anniversary_first(entries: Sequence[Entry], reference_year: int) -> list[Entry]:
    """Within each kind, entries with a round anniversary first; the order is kept otherwise."""
    return sorted(
        entries, key=lambda e: (KIND_ORDER[e.kind], round_anniversary(e.year, reference_year) is None)
    )


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


def fts_query(text: str) -> str:
    """User text as an FTS5 query that cannot fail: every word quoted, "phrases" kept, word* prefixes.

    Characters that mean something to FTS5 (quotes, parentheses, colons, minus, ^, NEAR, AND, OR)
    are searched as text, never read as syntax.
    """
    import re

    terms = []
    for match in re.finditer(r'"([^"]*)"?|(\S+)', text):
        phrase, word = match.group(1), match.group(2)
        raw = phrase if phrase is not None else word
        prefix = word is not None and word.endswith("*")
        tokens = re.findall(r"\w+", raw)
        if not tokens:
            continue
        body = " ".join(tokens)
        terms.append(f'"{body}"*' if prefix else f'"{body}"')
    if not terms:
        raise UsageError(f'nothing to search for in {text!r}; give a word, a "phrase" or a prefix*')
    return " ".join(terms)


# What the greeting needs of an entry, read without decoding the entry's JSON.
Headline = namedtuple("Headline", "id kind year headline importance")


def greeting_pick(
    entries: Sequence[Headline], reference_year: int, seed: int, *, explicit_kinds: bool = False
) -> Headline | None:
    """One entry for the greeting: events unless kinds were asked for; round anniversaries first,
    then the notable ones; `seed` picks among them (the day's date, so every shell agrees)."""
    pool = list(entries) if explicit_kinds else [e for e in entries if e.kind == "event"] or list(entries)
    pool.sort(key=lambda e: e.id)
    round_ = [
        e for e in pool if e.year is not None and is_round_anniversary(years_between(e.year, reference_year))
    ]
    choice = round_ or [e for e in pool if e.importance >= 2] or pool
    return choice[seed % len(choice)] if choice else None


class Library:
    """The dataset, as a small API: open it, then ask for days. The CLI uses nothing else."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    @classmethod
    def open(
        cls,
        extra: Sequence[str | PathLike[str]] = (),
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
        if today is None:
            from .clock import today_from

            today = today_from(env)
        return cls(store.open_index(sources, env, today))

    def day(self, month: int, day: int, year: int, filters: Filters = NO_FILTERS) -> list[Entry]:
        """The entries of one day, moveable observances resolved for `year`, in display order."""
        return self.days([(month, day)], year, filters)[(month, day)]

    def days(
        self, days: Sequence[tuple[int, int]], year: int, filters: Filters = NO_FILTERS
    ) -> dict[tuple[int, int], list[Entry]]:
        """The entries of each (month, day), moveable observances resolved for `year`."""
        import json

        from .model import Entry

        found: dict[tuple[int, int], list[Entry]] = {(m, d): [] for m, d in days}
        for md, data in self._rows(days, year, filters, "e.data"):
            entry = Entry.from_dict(json.loads(data))
            if entry.rule:
                entry = entry._replace(month=md // 100, day=md % 100)
            found[(md // 100, md % 100)].append(entry)
        return {key: ordered(value) for key, value in found.items()}

    def headlines(self, month: int, day: int, year: int, filters: Filters = NO_FILTERS) -> list[Headline]:
        """The day's entries, only as much as a one-line greeting shows."""
        columns = "e.id, e.kind, e.year, e.headline, e.importance"
        return [Headline(*row[1:]) for row in self._rows([(month, day)], year, filters, columns)]

    def _rows(
        self, days: Sequence[tuple[int, int]], year: int, filters: Filters, columns: str
    ) -> list[tuple[Any, ...]]:
        """(md, *columns) for the fixed-date entries of `days`, then the moveable ones that fall on them."""
        wanted = {m * 100 + d for m, d in days}
        where, params = filters.sql()
        marks = ", ".join("?" * len(wanted))
        rows = self.connection.execute(
            f"SELECT e.md, {columns} FROM entries e WHERE e.md IN ({marks}){where}", [*wanted, *params]
        ).fetchall()
        if year in store.PRECOMPUTED_YEARS:
            return (
                rows
                + self.connection.execute(
                    f"SELECT m.md, {columns} FROM moveable m JOIN entries e ON e.rowid = m.entry"
                    f" WHERE m.year = ? AND m.md IN ({marks}){where}",
                    [year, *wanted, *params],
                ).fetchall()
            )
        from . import rules

        for rule, *rest in self.connection.execute(
            f"SELECT e.rule, {columns} FROM entries e WHERE e.md = 0{where}", params
        ):
            when = rules.resolve(rule, year)
            if when is not None and when.month * 100 + when.day in wanted:
                rows.append((when.month * 100 + when.day, *rest))
        return rows

    def search(
        self, text: str, filters: Filters = NO_FILTERS, limit: int | None = 20, year: int = 2000
    ) -> list[Entry]:
        """Entries matching `text`, best first (bm25; headlines weigh most); moveable ones dated in `year`."""
        import json

        from .model import Entry

        query = fts_query(text)
        where, params = filters.sql()
        fts = self.connection.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone()
        if fts and fts[0] == "1":
            sql = (
                "SELECT e.data FROM search JOIN entries e ON e.rowid = search.rowid"
                f" WHERE search MATCH ?{where} ORDER BY bm25(search, 5.0, 1.0), e.importance DESC, e.year"
            )
            args: list[object] = [query, *params]
        else:  # no FTS5 in this SQLite: every word must appear somewhere in the entry
            words = [w.strip('"*') for w in query.split()]
            sql = "SELECT e.data FROM entries e WHERE 1" + " AND e.data LIKE ?" * len(words) + where
            sql += " ORDER BY e.importance DESC, e.year"
            args = [*(f"%{w}%" for w in words), *params]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        found = [Entry.from_dict(json.loads(data)) for (data,) in self.connection.execute(sql, args)]
        return [self.dated(e, year) for e in found]

    def dated(self, entry: Entry, year: int) -> Entry:
        """A moveable observance with its date in `year` (left at 00-00 where its table has no date)."""
        if not entry.rule:
            return entry
        from . import rules

        when = rules.resolve(entry.rule, year)
        return entry._replace(month=when.month, day=when.day) if when else entry

    def everything(self, year: int, filters: Filters = NO_FILTERS) -> list[Entry]:
        """Every entry, by date; moveable observances dated for `year`."""
        import json

        from .model import Entry

        all_days = [(m, d) for m in range(1, 13) for d in range(1, DAYS_IN_MONTH[m - 1] + 1)]
        by_day = self.days(all_days, year, filters)
        entries = [e for day in all_days for e in by_day[day]]
        if not filters.dated_only:
            # Moveable observances with no date in that year (a table that does not cover it).
            where, params = filters.sql()
            rows = self.connection.execute(f"SELECT e.data FROM entries e WHERE e.md = 0{where}", params)
            seen = {e.id for e in entries}
            entries += [e for e in (Entry.from_dict(json.loads(d)) for (d,) in rows) if e.id not in seen]
        return entries

    def census(self) -> list[tuple[str, int, int | None, str, str]]:
        """Every entry as (kind, md, year, categories, regions), without decoding; md is 0 for a rule."""
        return self.connection.execute("SELECT kind, md, year, categories, regions FROM entries").fetchall()

    def get(self, ident: str) -> Entry | None:
        import json

        from .model import Entry

        row = self.connection.execute("SELECT data FROM entries WHERE id = ?", (ident,)).fetchone()
        return Entry.from_dict(json.loads(row[0])) if row else None
