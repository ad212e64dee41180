"""Reading and checking data files: TOML, one array of tables per kind, every problem as `file:line`."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import rules
from .dates import valid_month_day
from .model import Entry
from .vocab import CALENDARS, CATEGORIES, KINDS, REGIONS

MAX_FILE_BYTES = 20 * 1024 * 1024
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^(\d\d)-(\d\d)$")

COMMON = {"id", "date", "highlights", "categories", "regions", "places", "people", "sources", "importance"}
FIELDS = {
    "event": COMMON | {"year", "calendar", "headline", "story"},
    "birth": COMMON | {"year", "calendar", "name", "role"},
    "death": COMMON | {"year", "calendar", "name", "role"},
    "observance": COMMON | {"headline", "rule", "dates"},
}
REQUIRED = {
    "event": ("id", "date", "year", "headline", "highlights"),
    "birth": ("id", "date", "year", "name", "role", "highlights"),
    "death": ("id", "date", "year", "name", "role", "highlights"),
    "observance": ("id", "headline", "highlights"),
}
MAX_CHARS = {"id": 80, "headline": 80, "name": 80, "role": 100}
MAX_ITEM_CHARS = {"highlights": 160, "places": 120, "people": 120, "sources": 300}
MAX_STORY_WORDS = 150
# The dataset guide's content rules, applied to the bundled data and to `validate --strict`.
STRICT_HIGHLIGHTS = {"event": (2, 3), "birth": (1, 1), "death": (1, 1), "observance": (1, 3)}
STRICT_STORY_WORDS = (60, 150)


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it, else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return str(path) if relative.startswith("..") else relative


def load(
    paths: Sequence[str | os.PathLike[str]], *, strict: bool = False, today: dt.date | None = None
) -> tuple[list[Entry], list[Problem]]:
    """Every entry in the files (folders expanded) and every problem, duplicate ids included."""
    from .store import data_files

    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    this_year = (today or dt.date.today()).year
    for name in data_files(paths):
        path = Path(name)
        file_entries, file_problems = load_file(path, strict=strict, this_year=this_year)
        problems.extend(file_problems)
        for entry, line in file_entries:
            where = f"{display_path(path)}:{line}"
            if entry.id in seen:
                problems.append(
                    Problem(
                        display_path(path), line, f"duplicate id {entry.id!r} (first at {seen[entry.id]})"
                    )
                )
                continue
            seen[entry.id] = where
            entries.append(entry)
    return entries, problems


def load_file(path: Path, *, strict: bool, this_year: int) -> tuple[list[tuple[Entry, int]], list[Problem]]:
    shown = display_path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return [], [Problem(shown, 1, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")]
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Problem(shown, 0, f"cannot read file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], [Problem(shown, raw.count(b"\n", 0, exc.start) + 1, "not valid UTF-8 text")]
    document, error = _parse_toml(text)
    if error is not None:
        line, message = error
        return [], [Problem(shown, line, f"not valid TOML: {message}")]
    locator = _Locator(text)
    found: list[tuple[Entry, int]] = []
    problems: list[Problem] = []
    for key, value in document.items():
        if key not in KINDS or not isinstance(value, list):
            problems.append(
                Problem(
                    shown,
                    locator.key_line(key),
                    f"unknown table {key!r}; each entry is a [[kind]] table, kind one of {', '.join(KINDS)}",
                )
            )
            continue
        for index, table in enumerate(value):
            line = locator.table_line(key, index)
            checker = _Checker(shown, line, key, table, locator, index, strict, this_year)
            entry = checker.run()
            problems.extend(checker.problems)
            if entry is not None:
                found.append((entry, line))
    return found, problems


def _parse_toml(text: str) -> tuple[dict[str, Any], tuple[int, str] | None]:
    """The document, or the line and message of the first syntax error."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # the same parser, before it joined the standard library
        import tomli as tomllib
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match[1]) if match else 1
        return {}, (line, re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message))
    except RecursionError:
        return {}, (1, "nested too deeply")


class _Locator:
    """Line numbers for tables and their fields; tomllib gives values, not positions."""

    _HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")

    def __init__(self, text: str) -> None:
        self.tables: dict[str, list[int]] = {}
        self.lines = text.splitlines()
        in_string = False
        for number, line in enumerate(self.lines, 1):
            if not in_string and (match := self._HEADER.match(line)):
                self.tables.setdefault(match[1], []).append(number)
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_string = not in_string

    def table_line(self, kind: str, index: int) -> int:
        lines = self.tables.get(kind, [])
        return lines[index] if index < len(lines) else 1

    def key_line(self, key: str) -> int:
        for number, line in enumerate(self.lines, 1):
            if (match := self._KEY.match(line)) and match[1] == key:
                return number
            if (match := self._HEADER.match(line)) and match[1] == key:
                return number
        return 1

    def field_line(self, kind: str, index: int, field: str) -> int:
        start = self.table_line(kind, index)
        for number in range(start + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if self._HEADER.match(line) or line.lstrip().startswith("["):
                break
            if (match := self._KEY.match(line)) and match[1] == field:
                return number
        return start


class _Checker:
    """Checks one table and builds its Entry, collecting every problem rather than stopping at one."""

    def __init__(
        self,
        path: str,
        line: int,
        kind: str,
        table: Any,
        locator: _Locator,
        index: int,
        strict: bool,
        this_year: int,
    ) -> None:
        self.path, self.line, self.kind, self.table = path, line, kind, table
        self.locator, self.index, self.strict, self.this_year = locator, index, strict, this_year
        self.problems: list[Problem] = []

    def fail(self, field: str | None, message: str) -> None:
        line = self.locator.field_line(self.kind, self.index, field) if field else self.line
        self.problems.append(Problem(self.path, line, message))

    def run(self) -> Entry | None:
        if not isinstance(self.table, dict):
            self.fail(None, f"[[{self.kind}]] must be a table of fields")
            return None
        table, kind = self.table, self.kind
        for field in table:
            if field not in FIELDS[kind]:
                hint = " (births and deaths take name and role)" if field == "headline" else ""
                self.fail(
                    field,
                    f"unknown field {field!r} in a {kind}{hint}; accepted: {', '.join(sorted(FIELDS[kind]))}",
                )
        for field in REQUIRED[kind]:
            if field not in table:
                self.fail(None, f"{kind} is missing the required field {field!r}")
        before = len(self.problems)
        ident = self.text("id")
        if ident and not ID_PATTERN.match(ident):
            self.fail("id", f"id {ident!r} must be lower-case letters, digits and single hyphens")
        month, day, rule = self.when()
        year = self.year()
        headline = self.text("headline")
        name, role = self.text("name"), self.text("role")
        if kind in ("birth", "death"):
            headline = f"{name}, {role}" if name and role else name
        highlights = self.texts("highlights", required=True)
        story = self.story()
        categories = self.vocabulary("categories", CATEGORIES)
        regions = self.vocabulary("regions", REGIONS)
        places, people, sources = self.texts("places"), self.texts("people"), self.texts("sources")
        calendar = self.choice("calendar", CALENDARS, "gregorian")
        importance = self.importance()
        self.strict_checks(highlights, story, sources, categories, regions, year)
        if len(self.problems) > before or not ident or month is None:
            return None
        return Entry(
            id=ident,
            kind=kind,
            month=month,
            day=day or 0,
            year=year,
            headline=headline,
            highlights=highlights,
            story=story,
            name=name,
            role=role,
            categories=categories,
            regions=regions,
            places=places,
            people=people,
            sources=sources,
            calendar=calendar,
            importance=importance,
            rule=rule,
            origin=self.path,
        )

    def text(self, field: str) -> str:
        value = self.table.get(field)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(field, f"{field} must be a string, not {_type_name(value)}")
            return ""
        value = value.strip()
        if not value:
            self.fail(field, f"{field} is empty")
        elif field in MAX_CHARS and len(value) > MAX_CHARS[field]:
            self.fail(field, f"{field} is {len(value)} characters long; the limit is {MAX_CHARS[field]}")
        elif "\n" in value:
            self.fail(field, f"{field} must be one line")
        return value

    def texts(self, field: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.table.get(field)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(field, f"{field} must be a list of strings")
            return ()
        items = tuple(v.strip() for v in value)
        if required and not items:
            self.fail(field, f"{field} is empty; give at least one")
        limit = MAX_ITEM_CHARS.get(field, 120)
        for item in items:
            if not item:
                self.fail(field, f"{field} has an empty item")
            elif len(item) > limit:
                self.fail(
                    field,
                    f"an item of {field} is {len(item)} characters long; the limit is {limit}",
                )
            elif "\n" in item:
                self.fail(field, f"an item of {field} must be one line")
        return items

    def vocabulary(self, field: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        items = self.texts(field)
        for item in items:
            if item not in allowed:
                self.fail(
                    field, f"unknown {field[:-1].replace('ie', 'y')} {item!r}; accepted: {', '.join(allowed)}"
                )
        return items

    def choice(self, field: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.text(field) or default
        if value not in allowed:
            self.fail(field, f"unknown {field} {value!r}; accepted: {', '.join(allowed)}")
        return value

    def when(self) -> tuple[int | None, int | None, str]:
        kind, table = self.kind, self.table
        given = [f for f in ("date", "rule", "dates") if f in table]
        if kind == "observance" and len(given) != 1:
            self.fail(None, "an observance needs exactly one of date (MM-DD), rule or dates")
            return None, None, ""
        if "rule" in table:
            rule = self.text("rule").lower()
            try:
                rules.check(rule)
            except rules.RuleError as exc:
                self.fail("rule", str(exc))
                return None, None, ""
            return 0, 0, rule
        if "dates" in table:
            listed = self.texts("dates")
            try:
                rules.check("dates " + " ".join(listed))
            except rules.RuleError as exc:
                self.fail("dates", f"{exc}; dates is a list of YYYY-MM-DD" if listed else "dates is empty")
                return None, None, ""
            return 0, 0, "dates " + " ".join(sorted(listed))
        value = self.table.get("date")
        if value is None:
            return None, None, ""
        match = DATE_PATTERN.match(value) if isinstance(value, str) else None
        if match is None:
            self.fail("date", f'date must be a string "MM-DD", as "06-04"; got {value!r}')
            return None, None, ""
        month, day = int(match[1]), int(match[2])
        if not valid_month_day(month, day):
            self.fail("date", f"impossible date {value!r}")
            return None, None, ""
        return month, day, ""

    def year(self) -> int | None:
        value = self.table.get("year")
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail("year", f"year must be a whole number (negative for BCE), not {_type_name(value)}")
            return None
        if value == 0:
            self.fail("year", "there is no year 0: 1 BCE (-1) is followed by 1 CE (1)")
        elif not -10000 <= value <= 9999:
            self.fail("year", f"year {value} is out of range (-10000 to 9999)")
        elif value > self.this_year:
            self.fail("year", f"year {value} is in the future")
        return value

    def story(self) -> str:
        value = self.table.get("story")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail("story", f"story must be a string, not {_type_name(value)}")
            return ""
        story = " ".join(value.split())
        words = len(story.split())
        if words > MAX_STORY_WORDS:
            self.fail("story", f"story is {words} words long; the limit is {MAX_STORY_WORDS}")
        return story

    def importance(self) -> int:
        value = self.table.get("importance", 2)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 3:
            self.fail("importance", f"importance must be 1, 2 or 3 (3 = major); got {value!r}")
            return 2
        return value

    def strict_checks(
        self,
        highlights: tuple[str, ...],
        story: str,
        sources: tuple[str, ...],
        categories: tuple[str, ...],
        regions: tuple[str, ...],
        year: int | None,
    ) -> None:
        if not self.strict:
            return
        low, high = STRICT_HIGHLIGHTS[self.kind]
        if highlights and not low <= len(highlights) <= high:
            want = str(low) if low == high else f"{low}-{high}"
            self.fail("highlights", f"a {self.kind} has {want} highlight(s); this one has {len(highlights)}")
        if self.kind == "event":
            words = len(story.split())
            if not STRICT_STORY_WORDS[0] <= words <= STRICT_STORY_WORDS[1]:
                self.fail(
                    "story" if story else None, f"an event's story is 60-150 words; this one has {words}"
                )
        for field, items in (("sources", sources), ("categories", categories), ("regions", regions)):
            if not items and field not in self.table:
                self.fail(None, f"{self.kind} is missing {field}")
        if self.kind != "observance" and year is not None and year < 1582 and "calendar" not in self.table:
            self.fail(None, 'a date before 15 October 1582 is Julian: add calendar = "julian"')


def _type_name(value: Any) -> str:
    return {
        dict: "a table",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)
