"""The environment a command runs in, as one object: streams, variables, today's date, the terminal."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from .errors import UsageError


@dataclass
class Env:
    """Read once per run, when a command starts, never at import time."""

    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    today: dt.date = field(default_factory=dt.date.today)

    @classmethod
    def from_process(cls) -> Env:
        environ = dict(os.environ)
        return cls(environ=environ, stdout=sys.stdout, stderr=sys.stderr, today=today_from(environ))

    @property
    def is_terminal(self) -> bool:
        try:
            return self.stdout.isatty()
        except (AttributeError, ValueError):
            return False

    @property
    def force_color(self) -> bool:
        return bool(self.environ.get("FORCE_COLOR")) and "NO_COLOR" not in self.environ

    def width(self, default: int = 80) -> int:
        """The terminal width: $COLUMNS when it is a sane number, else the terminal's, else `default`."""
        value = self.environ.get("COLUMNS", "")
        if value.isdigit() and 20 <= int(value) <= 1000:
            return int(value)
        try:
            columns = os.get_terminal_size(self.stdout.fileno()).columns
        except (AttributeError, ValueError, OSError):
            return default
        return columns if 20 <= columns <= 1000 else default


def today_from(environ: Mapping[str, str]) -> dt.date:
    """Today's local date, taken once per run; $ONTHISDAY_TODAY (YYYY-MM-DD) replaces it."""
    value = environ.get("ONTHISDAY_TODAY", "")
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"ONTHISDAY_TODAY={value!r} is not a date; write it as YYYY-MM-DD") from None
