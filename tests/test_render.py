from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from onthisday.model import Entry
from onthisday.query import Library
from onthisday.render import rich_view
from onthisday.render.text import ago, safe, safe_line

from .conftest import SAMPLE

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def june_4(tmp_path: Path) -> list[Entry]:
    library = Library.open([SAMPLE], {"ONTHISDAY_CACHE_DIR": str(tmp_path)}, bundled=False)
    return library.day(6, 4, 2026)


def render(entries: list[Entry], *, full: bool, width: int = 80) -> str:
    out = io.StringIO()
    con = Console(
        file=out, width=width, color_system=None, force_terminal=False, highlight=False, markup=False
    )
    rich_view.write_day(con, rich_view.day_title(6, 4, 2026), entries, 2026, full=full)
    return out.getvalue()


@pytest.mark.parametrize("full, name", [(False, "day-06-04.txt"), (True, "day-06-04-full.txt")])
def test_rich_view_matches_golden_file(june_4: list[Entry], full: bool, name: str) -> None:
    text = render(june_4, full=full)
    golden = GOLDEN / name
    if os.environ.get("ONTHISDAY_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [20, 40, 200])
def test_rich_view_fits_the_width(june_4: list[Entry], width: int) -> None:
    for line in render(june_4, full=True, width=width).splitlines():
        assert len(line) <= width


def test_markup_and_escapes_stay_data(june_4: list[Entry]) -> None:
    out = io.StringIO()
    con = rich_view.console(out, 100, no_color=False)
    rich_view.write_day(con, "title [bold]x[/bold]", june_4, 2026, full=True)
    text = out.getvalue()
    assert "[bold]markup[/bold]" in text and "[link=file:///etc/passwd]a link[/link]" in text
    assert "\x1b]8;" not in text  # no hyperlink escape was made from the data
    assert "\x1b]0;" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\x1b]0;pwned\\x07" in text


def test_safe() -> None:
    assert safe("a\x1b[2Jb\tc\nd") == "a\\x1b[2Jb\tc\nd"
    assert safe("x\u202ey\u2066z\x9b") == "x\\u202ey\\u2066z\\x9b"
    assert safe_line("a\n b\tc\x07") == "a b c\\x07"
    assert safe("naïve Zürich 東京") == "naïve Zürich 東京"


def test_ago() -> None:
    event = Entry(id="a", kind="event", month=1, day=1, year=1944, headline="h")
    assert ago(event.year, 2026) == "82 years ago"
    assert ago(event.year, 1945) == "1 year ago"
    assert ago(event.year, 1944) == "this year"
    assert ago(event.year, 1900) == "44 years later"
    bce = Entry(id="b", kind="event", month=1, day=1, year=-1, headline="h")
    assert ago(bce.year, 1) == "1 year ago"


def test_title_for_a_leap_day_outside_a_leap_year() -> None:
    assert rich_view.day_title(2, 29, 2026) == "29 February"
    assert rich_view.day_title(2, 29, 2024) == "Thursday 29 February 2024"


def test_cli_rich_view_with_force_color(run) -> None:  # type: ignore[no-untyped-def]
    result = run("06-04", "--no-bundled", "--data", str(SAMPLE), extra_env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout and "Thursday 4 June 2026" in result.stdout
    assert "[bold]markup[/bold]" in result.stdout


def test_cli_no_color_wins(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "06-04", "--no-bundled", "--data", str(SAMPLE), extra_env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert "\x1b[" not in result.stdout
