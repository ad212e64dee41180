"""The shell greeting: one line of history, fast, and never a reason for a shell to fail.

This path does not import Typer or Rich: `onthisday greet` is parsed here (the Typer command of the
same name exists for --help and the docs, and a test keeps the two option lists equal). Whatever
goes wrong, the greeting prints nothing and exits 0; `--debug` shows why.
"""

from __future__ import annotations

import os
import sys

from .errors import OnThisDayError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from .query import Headline

OPTIONS = {
    "--random",
    "--kind",
    "-k",
    "--category",
    "-c",
    "--region",
    "-r",
    "--data",
    "-d",
    "--no-bundled",
    "--cache",
    "--debug",
}
BOLD_CYAN, DIM, RESET = "\x1b[1;36m", "\x1b[2m", "\x1b[0m"
ELLIPSIS = "…"
NARROW = 80  # below this width the greeting may take two lines


class GreetOptions:
    """The greeting's options (a plain class: dataclasses cost this path milliseconds to import)."""

    def __init__(self) -> None:
        self.random = self.cache = self.debug = self.no_bundled = False
        self.data: list[str] = []
        self.kinds: list[str] = []
        self.categories: list[str] = []
        self.regions: list[str] = []


def parse(args: list[str]) -> GreetOptions:
    options = GreetOptions()
    values = {"--kind": options.kinds, "-k": options.kinds, "--category": options.categories,
              "-c": options.categories, "--region": options.regions, "-r": options.regions,
              "--data": options.data, "-d": options.data}  # fmt: skip
    words = iter(args)
    for word in words:
        name, _, inline = word.partition("=")
        if name in values:
            value = inline or next(words, "")
            if not value:
                raise UsageError(f"{name} needs a value")
            values[name].append(value)
        elif word == "--random":
            options.random = True
        elif word == "--cache":
            options.cache = True
        elif word == "--no-bundled":
            options.no_bundled = True
        elif word == "--debug":
            options.debug = True
        else:
            raise UsageError(f"unknown option {word!r} for greet; accepted: {', '.join(sorted(OPTIONS))}")
    return options


def run(args: list[str], environ: dict[str, str] | None = None, stdout: TextIO | None = None) -> int:
    """The whole greeting; returns 0 whatever happens."""
    env = dict(os.environ) if environ is None else environ
    out = sys.stdout if stdout is None else stdout
    debug = "--debug" in args or bool(env.get("ONTHISDAY_DEBUG"))
    try:
        options = parse(args)
        text = greeting(options, env, out)
        if text:
            _write(out, text)
    except BaseException as exc:  # a greeting must never break a shell
        if debug and isinstance(exc, OnThisDayError):
            sys.stderr.write(f"onthisday greet: {exc}\n")
        elif debug and not isinstance(exc, SystemExit):
            import traceback

            traceback.print_exc(file=sys.stderr)
    return 0


def greeting(options: GreetOptions, environ: dict[str, str], out: TextIO) -> str:
    """The greeting text for today (with a newline), or '' when there is nothing to say."""
    from .clock import today_from
    from .query import Filters, Library, greeting_pick

    today = today_from(environ)
    color = _wants_color(out, environ)
    # Only the plain greeting is cached: the shell snippet knows nothing of options.
    plain = not (options.random or options.data or options.no_bundled or options.kinds or options.categories
                 or options.regions)  # fmt: skip
    cached = _cache_file(environ, today.isoformat(), color) if options.cache and plain else None
    if cached is not None:
        try:
            with open(cached, encoding="utf-8") as handle:
                return handle.read()
        except OSError:
            pass
    filters = Filters.parse(options.kinds, options.categories, options.regions)
    library = Library.open(options.data, environ, today, bundled=not options.no_bundled)
    entries = library.headlines(today.month, today.day, today.year, filters)
    seed = (
        int.from_bytes(os.urandom(4), "big")
        if options.random
        else _daily_seed(today.isoformat(), args=filters)
    )
    entry = greeting_pick(entries, today.year, seed, explicit_kinds=bool(filters.kinds))
    if entry is None:
        return ""
    from .env import terminal_width

    text = render(entry, today.year, terminal_width(out, environ), color)
    if cached is not None:
        _store(cached, text)
    return text


def render(entry: Headline, reference_year: int, width: int, color: bool) -> str:
    """'On this day in 1944: headline (82 years ago)', fitted to `width` (two lines when narrow)."""
    from .render.text import ago, safe_line
    from .vocab import format_year

    headline = safe_line(entry.headline)
    year = format_year(entry.year)
    if entry.kind == "observance":
        leads, tail = ("Today:", "Today:"), ""
    else:
        verb = {"birth": "Born", "death": "Died"}.get(entry.kind)
        leads = (
            (f"{verb} on this day in {year}:", f"{verb} {year}:")
            if verb
            else (f"On this day in {year}:", f"{year}:")
        )
        tail = f" ({ago(entry.year, reference_year)})"
    lead, lines = fit(leads, headline, tail, width)
    if color:
        lines[0] = lines[0].replace(lead, f"{BOLD_CYAN}{lead}{RESET}", 1)
        if tail and lines[-1].endswith(tail):
            lines[-1] = lines[-1][: -len(tail)] + f"{DIM}{tail}{RESET}"
    return "\n".join(lines) + "\n"


def fit(leads: tuple[str, str], headline: str, tail: str, width: int) -> tuple[str, list[str]]:
    """The lead used and the lines: the long lead if all fits, else the short one; two lines only
    below NARROW columns; the headline cut at a word, with an ellipsis, when even that is too long."""
    long_lead, short = leads
    for lead in (long_lead, short):
        if len(f"{lead} {headline}{tail}") <= width:
            return lead, [f"{lead} {headline}{tail}"]
    if width >= NARROW:
        return short, [f"{short} {_cut(headline, width - len(short) - len(tail) - 1)}{tail}"]
    first, words = short, headline.split(" ")
    while words and len(first) + 1 + len(words[0]) <= width:
        first += " " + words.pop(0)
    second = " ".join(words) + tail
    if len(second) > width:
        room = width - len(tail)
        second = (_cut(" ".join(words), room) + tail) if room >= 12 else _cut(" ".join(words), width)
    return short, [first, second.strip()] if second.strip() else [first]


def _cut(text: str, room: int) -> str:
    room = max(room, 4)
    if len(text) <= room:
        return text
    head = text[: room - 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;:") + ELLIPSIS


def _daily_seed(day: str, args: object) -> int:
    import zlib

    return zlib.crc32(f"{day}|{args!r}".encode())


def _wants_color(out: TextIO, environ: dict[str, str]) -> bool:
    if "NO_COLOR" in environ or environ.get("TERM") == "dumb":
        return False
    if environ.get("FORCE_COLOR"):
        return True
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _cache_file(environ: dict[str, str], day: str, color: bool) -> str | None:
    from .store import cache_dir

    directory = cache_dir(environ)
    if directory is None:
        return None
    return os.path.join(directory, f"greeting-{day}{'' if color else '.nocolor'}.txt")


def _store(path: str, text: str) -> None:
    """Keep the day's greeting (written atomically) and remove earlier days' files; a failure is no matter."""
    import contextlib

    from .store import atomic_write

    with contextlib.suppress(OSError):
        directory = os.path.dirname(path)
        os.makedirs(directory, exist_ok=True)
        with atomic_write(path) as out:
            out.write(text)
        day = os.path.basename(path)[len("greeting-") : len("greeting-") + 10]
        for name in os.listdir(directory):
            if name.startswith(("greeting-", "greeted-")) and day not in name:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(directory, name))


def _write(out: TextIO | None, text: str) -> None:
    if out is None:  # started with stdout closed
        return
    from .render.text import graceful

    graceful(out)
    try:
        out.write(text)
        out.flush()
    except (BrokenPipeError, ValueError, OSError):
        pass
