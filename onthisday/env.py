"""The environment a command runs in, as one object: streams, variables, today's date, the terminal."""

from __future__ import annotations

import datetime as dt
import os
import sys

from .clock import today_from

TYPE_CHECKING = False
if TYPE_CHECKING:  # the greeting imports this module: keep typing out of its path
    from collections.abc import Mapping
    from typing import TextIO


class Env:
    """Read once per run, when a command starts, never at import time."""

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.environ = dict(os.environ) if environ is None else environ
        self.stdout = sys.stdout if stdout is None else stdout
        self.stderr = sys.stderr if stderr is None else stderr
        self.today = dt.date.today() if today is None else today

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
        return terminal_width(self.stdout, self.environ, default)


def terminal_width(stream: object, environ: Mapping[str, str], default: int = 80) -> int:
    """$COLUMNS when it is a sane number, else the terminal's width, else `default`."""
    value = environ.get("COLUMNS", "")
    if value.isdigit() and 20 <= int(value) <= 1000:
        return int(value)
    try:
        columns = os.get_terminal_size(stream.fileno()).columns  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return default
    return columns if 20 <= columns <= 1000 else default
