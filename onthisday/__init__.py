"""onthisday: what happened on this day in history."""

__version__ = "0.1.0"
