"""The one place the current date is read: once per run, or from $ONTHISDAY_TODAY."""

from __future__ import annotations

import datetime as dt

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


def today_from(environ: Mapping[str, str]) -> dt.date:
    """Today's local date, taken once per run; $ONTHISDAY_TODAY (YYYY-MM-DD) replaces it."""
    value = environ.get("ONTHISDAY_TODAY", "")
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from .errors import UsageError

        raise UsageError(f"ONTHISDAY_TODAY={value!r} is not a date; write it as YYYY-MM-DD") from None
