from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from onthisday import store
from onthisday.errors import DataError, OnThisDayError

from .conftest import ROOT, SAMPLE

TODAY = dt.date(2026, 6, 4)


def count(connection) -> int:  # type: ignore[no-untyped-def]
    return int(connection.execute("SELECT count(*) FROM entries").fetchone()[0])


def test_builds_once_then_reuses(tmp_path: Path) -> None:
    environ = {"ONTHISDAY_CACHE_DIR": str(tmp_path)}
    assert count(store.open_index([SAMPLE], environ, TODAY)) == 14
    (index,) = tmp_path.glob("index-*.sqlite")
    before = index.stat()
    assert count(store.open_index([SAMPLE], environ, TODAY)) == 14
    after = index.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert not list(tmp_path.glob("*.tmp"))


def test_rebuilds_when_a_source_changes(tmp_path: Path) -> None:
    data = tmp_path / "data.toml"
    data.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    environ = {"ONTHISDAY_CACHE_DIR": str(tmp_path / "cache")}
    store.open_index([data], environ, TODAY)
    data.write_text(data.read_text(encoding="utf-8").replace('id = "obs-fixture-lunar"', 'id = "obs-other"'))
    os.utime(data, ns=(1, 1))
    connection = store.open_index([data], environ, TODAY)
    assert connection.execute("SELECT count(*) FROM entries WHERE id = 'obs-other'").fetchone()[0] == 1
    assert len(list((tmp_path / "cache").glob("index-*.sqlite"))) == 2


def test_unwritable_cache_builds_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    environ = {"ONTHISDAY_CACHE_DIR": str(blocker / "cache")}
    assert count(store.open_index([SAMPLE], environ, TODAY)) == 14


def test_no_home_builds_in_memory() -> None:
    assert store.cache_dir({}) is None
    assert count(store.open_index([SAMPLE], {}, TODAY)) == 14


def test_cache_dir_order(tmp_path: Path) -> None:
    assert store.cache_dir({"HOME": "/h"}) == "/h/.cache/onthisday"
    assert store.cache_dir({"HOME": "/h", "XDG_CACHE_HOME": "/x"}) == "/x/onthisday"
    assert store.cache_dir({"HOME": "/h", "XDG_CACHE_HOME": "relative"}) == "/h/.cache/onthisday"
    assert store.cache_dir({"HOME": "relative"}) is None
    assert store.cache_dir({"ONTHISDAY_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"}) == "/c"


@pytest.mark.parametrize(
    "garbage", [b"", b"SQLite format 3\x00" + b"\xff" * 100, b"not a database at all" * 50]
)
def test_corrupt_index_is_rebuilt(tmp_path: Path, garbage: bytes) -> None:
    environ = {"ONTHISDAY_CACHE_DIR": str(tmp_path)}
    store.open_index([SAMPLE], environ, TODAY).close()
    (index,) = tmp_path.glob("index-*.sqlite")
    index.write_bytes(garbage)
    assert count(store.open_index([SAMPLE], environ, TODAY)) == 14


def test_invalid_user_data_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text('[[event]]\nid = "x"\ndate = "02-30"\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        store.open_index([bad], {"ONTHISDAY_CACHE_DIR": str(tmp_path)}, TODAY)
    assert str(caught.value).startswith(f"{bad}:1: event is missing the required field 'year'")
    assert not list(tmp_path.glob("index-*"))


def test_missing_extra_source_is_reported(tmp_path: Path) -> None:
    with pytest.raises(OnThisDayError, match="does not exist"):
        store.extra_sources([tmp_path / "nope.toml"], {})


def test_bundled_data_is_found_from_the_checkout() -> None:
    assert Path(store.bundled_data_dir()) in (ROOT / "data", Path(store.__file__).parent / "_data")


def test_ten_first_runs_at_once_all_succeed(tmp_path: Path) -> None:
    code = (
        "import datetime, sys; from pathlib import Path; from onthisday import store;"
        f"c = store.open_index([Path({str(SAMPLE)!r})], {{'ONTHISDAY_CACHE_DIR': {str(tmp_path)!r}}},"
        " datetime.date(2026, 6, 4)); print(c.execute('select count(*) from entries').fetchone()[0])"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(10)
    ]
    outputs = [run.communicate(timeout=60)[0].strip() for run in runs]
    assert [run.returncode for run in runs] == [0] * 10
    assert outputs == ["14"] * 10
    assert len(list(tmp_path.glob("index-*.sqlite"))) == 1
    assert not list(tmp_path.glob("*.tmp"))
