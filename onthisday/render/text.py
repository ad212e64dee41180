"""Text helpers every renderer shares: making data safe for a terminal, and the year labels."""

from __future__ import annotations

import contextlib
import re

from ..vocab import is_round_anniversary, years_between

TYPE_CHECKING = False
if TYPE_CHECKING:
    pass

# C0 and C1 controls (ESC, BEL, backspace, carriage return, ...) and bidirectional formatting
# characters would let data move the cursor, retitle the terminal or reorder what is shown.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """`text` with control and bidi characters made visible (as \\x1b, \\u202e), tabs and newlines kept."""
    return _UNSAFE.sub(_visible, text) if _UNSAFE.search(text) else text


def safe_line(text: str) -> str:
    """`safe`, on one line: newlines and tabs become spaces."""
    return safe(" ".join(text.split()))


def _visible(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def ago(year: int | None, reference_year: int) -> str:
    """'82 years ago', 'this year', '3 years later' (for a date in the past, an entry after it)."""
    if year is None:
        return ""
    span = years_between(year, reference_year)
    if span == 0:
        return "this year"
    if span < 0:
        return f"{-span} year{'s' if span != -1 else ''} later"
    return f"{span} year{'s' if span != 1 else ''} ago"


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def anniversary(year: int | None, reference_year: int) -> str:
    """'100th anniversary' when the anniversary in `reference_year` is a round one, else ''."""
    if year is None:
        return ""
    span = years_between(year, reference_year)
    return f"{ordinal(span)} anniversary" if span > 0 and is_round_anniversary(span) else ""


KIND_TITLES = {"event": "Events", "birth": "Births", "death": "Deaths", "observance": "Observances"}


# Characters the views use, and what they become on a terminal that cannot show them.
_ASCII = str.maketrans({
    "—": "-", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "*", "★": "*",
    "●": "*", "·": ".", "█": "#", "─": "-", "│": "|", "╭": "+", "╮": "+", "╰": "+", "╯": "+",
})  # fmt: skip


def _degrade(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: a character the stream cannot encode becomes its closest ASCII."""
    import unicodedata

    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end].translate(_ASCII)
    plain = "".join(c for c in unicodedata.normalize("NFKD", chunk) if not unicodedata.combining(c))
    return plain.encode("ascii", "replace").decode("ascii"), error.end


def graceful(stream: object) -> None:
    """Let `stream` write any text: on a stream whose encoding is not UTF-8 (LANG=C, PYTHONIOENCODING=
    ascii), characters it cannot encode degrade to ASCII ('Keïta' to 'Keita') instead of raising."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding.startswith("utf") or reconfigure is None:
        return
    import codecs

    try:
        codecs.lookup_error("onthisday-degrade")
    except LookupError:
        codecs.register_error("onthisday-degrade", _degrade)
    with contextlib.suppress(ValueError, OSError):
        reconfigure(errors="onthisday-degrade")
