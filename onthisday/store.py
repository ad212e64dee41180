"""The only code that knows files on disk: where the data is, and the SQLite index built from it.

The index is a cache. It records a fingerprint of every source file (path, size and modification
time) and of the schema version; a run whose sources have another fingerprint builds a new index, so
no run parses the sources unless they changed. The index is built into a temporary file and renamed
into place, so no reader ever sees it half-written and two first runs at once both succeed. When the
cache directory cannot be written, the index is built in memory for this run.

The shell greeting reads the index through this module, so its imports stay light: paths are
strings handled with os.path (pathlib costs milliseconds to import), and json, the schema and the
entry model are imported only when an index is built.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import zlib

from . import __version__
from .errors import DataError, OnThisDayError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator, Mapping, Sequence
    from os import PathLike
    from typing import TextIO

    from .model import Entry

    StrPath = str | PathLike[str]

SCHEMA_VERSION = 2
# Moveable observances are resolved into the index for these years, so a lookup needs no date
# arithmetic; other years are resolved when asked.
PRECOMPUTED_YEARS = range(1900, 2200)
KEEP_INDEXES = 6

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    md INTEGER NOT NULL,          -- month * 100 + day; 0 for an observance given by a rule
    year INTEGER,
    importance INTEGER NOT NULL,
    headline TEXT NOT NULL,
    categories TEXT NOT NULL,     -- '|war|politics|', for instr() filters
    regions TEXT NOT NULL,
    rule TEXT NOT NULL,
    source TEXT NOT NULL,
    data TEXT NOT NULL            -- the whole entry as JSON
);
CREATE INDEX entries_md ON entries(md);
CREATE TABLE moveable(entry INTEGER NOT NULL REFERENCES entries(rowid), year INTEGER NOT NULL,
                      md INTEGER NOT NULL);
CREATE INDEX moveable_year_md ON moveable(year, md);
"""
_FTS = "CREATE VIRTUAL TABLE search USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')"


def bundled_data_dir() -> str:
    """The dataset shipped with the package: inside it when installed, at the checkout's top otherwise."""
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in (os.path.join(here, "_data"), os.path.join(os.path.dirname(here), "data")):
        if os.path.isdir(candidate):
            return candidate
    raise OnThisDayError("the bundled data is missing; reinstall onthisday")


def cache_dir(environ: Mapping[str, str]) -> str | None:
    """The index's folder: $ONTHISDAY_CACHE_DIR, $XDG_CACHE_HOME/onthisday or ~/.cache/onthisday."""
    if value := environ.get("ONTHISDAY_CACHE_DIR"):
        return value
    xdg = environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "onthisday")
    home = environ.get("HOME", "")
    return os.path.join(home, ".cache", "onthisday") if home and os.path.isabs(home) else None


def extra_sources(option: Sequence[StrPath], environ: Mapping[str, str]) -> list[str]:
    """Users' files: the --data options, then the paths in $ONTHISDAY_DATA (separated by os.pathsep)."""
    paths = [os.fspath(p) for p in option]
    paths += [p for p in environ.get("ONTHISDAY_DATA", "").split(os.pathsep) if p]
    for path in paths:
        if not os.path.exists(path):
            raise OnThisDayError(f"data path {path!r} does not exist")
    return paths


def data_files(paths: Sequence[StrPath]) -> list[str]:
    """The TOML files named, folders expanded (sorted, recursively)."""
    found: list[str] = []
    for path in [os.fspath(p) for p in paths]:
        if os.path.isdir(path):
            inside = []
            for folder, _, names in os.walk(path):
                inside += [os.path.join(folder, n) for n in names if n.endswith(".toml")]
            found += sorted(inside)
        else:
            found.append(path)
    return found


def fingerprint(files: Sequence[str]) -> str:
    """Every source's path, size and modification time, with the schema and package versions."""
    parts = [f"schema {SCHEMA_VERSION} onthisday {__version__}"]
    for path in files:
        try:
            stat = os.stat(path)
        except OSError:
            raise OnThisDayError(f"cannot read data file {path!r}") from None
        parts.append(f"{os.path.realpath(path)}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return "\n".join(parts)


def index_name(key: str) -> str:
    # The file name only spreads indexes apart; the full fingerprint inside the file decides reuse.
    return f"index-{zlib.crc32(key.encode()):08x}-{len(key):x}.sqlite"


def open_index(sources: Sequence[StrPath], environ: Mapping[str, str], today: dt.date) -> sqlite3.Connection:
    """A read-only connection to an up-to-date index of `sources`, building it if needed."""
    files = data_files(sources)
    key = fingerprint(files)
    directory = cache_dir(environ)
    if directory is not None:
        path = os.path.join(directory, index_name(key))
        connection = _open_existing(path, key)
        if connection is not None:
            return connection
        with contextlib.suppress(OSError, sqlite3.Error):
            _build_file(path, files, key, today)
            connection = _open_existing(path, key)
            if connection is not None:
                _prune(directory, keep=path)
                return connection
    connection = sqlite3.connect(":memory:")
    _fill(connection, files, key, today)
    return connection


def _open_existing(path: str, key: str) -> sqlite3.Connection | None:
    if not os.path.isfile(path):
        return None
    connection = None
    uri = "file:" + os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        if row and row[0] == key:
            return connection
    except sqlite3.Error:
        pass  # corrupt, truncated or from another schema: rebuild
    if connection is not None:
        connection.close()
    return None


@contextlib.contextmanager
def atomic_write(path: StrPath) -> Iterator[TextIO]:
    """Write to a temporary file beside `path` and rename it into place only when all is written."""
    import tempfile

    target = os.fspath(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=os.path.dirname(target) or "."
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        mask = os.umask(0)  # mkstemp makes the file private; give it the mode a plain open() would
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _build_file(path: str, files: Sequence[str], key: str, today: dt.date) -> None:
    import tempfile

    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=os.path.dirname(path)
    )
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            _fill(connection, files, key, today)
        finally:
            connection.close()
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _fill(connection: sqlite3.Connection, files: Sequence[str], key: str, today: dt.date) -> None:
    import datetime as dt
    from pathlib import Path

    from . import rules
    from .schema import load

    entries, problems = load([Path(f) for f in files], today=today)
    if problems:
        raise DataError([str(p) for p in problems])
    connection.executescript(_SCHEMA)
    try:
        connection.execute(_FTS)
        has_fts = True
    except sqlite3.OperationalError:  # an SQLite built without FTS5: search falls back to LIKE
        has_fts = False
    with connection:
        for entry in entries:
            rowid = _insert(connection, entry)
            if has_fts:
                connection.execute(
                    "INSERT INTO search(rowid, headline, body) VALUES (?, ?, ?)",
                    (rowid, entry.headline, search_body(entry)),
                )
            if entry.rule:
                rows = []
                for year in PRECOMPUTED_YEARS:
                    when = rules.resolve(entry.rule, year)
                    if when is not None:
                        rows.append((rowid, year, when.month * 100 + when.day))
                connection.executemany("INSERT INTO moveable VALUES (?, ?, ?)", rows)
        meta = {
            "fingerprint": key,
            "schema": str(SCHEMA_VERSION),
            "fts": "1" if has_fts else "0",
            "built": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _insert(connection: sqlite3.Connection, entry: Entry) -> int:
    import json

    cursor = connection.execute(
        "INSERT INTO entries(id, kind, md, year, importance, headline, categories, regions, rule, source,"
        " data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.id,
            entry.kind,
            0 if entry.rule else entry.month * 100 + entry.day,
            entry.year,
            entry.importance,
            entry.headline,
            _tags(entry.categories),
            _tags(entry.regions),
            entry.rule,
            entry.origin,
            json.dumps(entry.to_dict(), ensure_ascii=False),
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def search_body(entry: Entry) -> str:
    return "\n".join([*entry.highlights, entry.story, *entry.people, *entry.places, entry.name, entry.role])


def _tags(values: Sequence[str]) -> str:
    return "|" + "|".join(values) + "|" if values else ""


def _prune(directory: str, keep: str) -> None:
    """Remove all but the newest few index files (each source change leaves one behind)."""
    with contextlib.suppress(OSError):
        names = [os.path.join(directory, n) for n in os.listdir(directory) if n.startswith("index-")]
        for old in sorted(names, key=os.path.getmtime, reverse=True)[KEEP_INDEXES:]:
            if old != keep:
                os.unlink(old)
