#!/usr/bin/env python3
"""Whole-process start-up benchmarks, reported as ratios to `python -c pass` measured side by side.

Usage: python bench/bench.py [--runs N] [--only NAME ...] [--shells] [--growth [N]]
Run it with the project's virtual environment's python; the machine is noisy, so the commands are
interleaved run by run and the medians compared, never absolute times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def onthisday() -> list[str]:
    exe = Path(sys.executable).with_name("onthisday")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "onthisday"]


def cases() -> dict[str, list[str]]:
    cmd = onthisday()
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "onthisday 06-04 --plain": [*cmd, "06-04", "--plain"],
        "onthisday 06-04 (Rich, on a terminal)": [*cmd, "06-04"],
        "onthisday --json": [*cmd, "06-04", "--json"],
        "onthisday search 'moon landing' --plain": [*cmd, "search", "moon landing", "--plain"],
        "onthisday greet": [*cmd, "greet"],
        "onthisday init bash": [*cmd, "init", "bash"],
    }


def measure(argv: list[str], env: dict[str, str], tty: bool) -> float:
    """Seconds for one run; with `tty`, on a pseudo-terminal, as a person at a terminal runs it."""
    if tty:
        return on_pty(argv, env)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def on_pty(argv: list[str], env: dict[str, str]) -> float:
    """Run `argv` with a pseudo-terminal as its terminal, read all it prints, and time it."""
    import pty

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return time.perf_counter() - start


def shell_start(shell: str, home: str, env: dict[str, str]) -> float:
    """Seconds for an interactive `shell` on a pseudo-terminal to read its start-up file and exit."""
    return on_pty([shell, "-i", "-c", "exit"], {**env, "HOME": home})


def bench_shells(runs: int, env: dict[str, str]) -> None:
    """A shell start with the `init` snippet and the day's greeting cached, against one without it."""
    sys.path.insert(0, str(HERE.parent))
    from onthisday.shell import snippet

    print(f"\n{'shell start (greeting cached)':45} {'without':>10} {'with':>10} {'extra ms':>9}")
    for shell in ("bash", "zsh", "fish"):
        if shutil.which(shell) is None:
            continue
        homes = {}
        for name, text in (("without", ""), ("with", snippet(shell, once=False))):
            home = tempfile.mkdtemp(prefix=f"onthisday-{shell}-{name}-")
            rc = {"bash": ".bashrc", "zsh": ".zshrc", "fish": ".config/fish/config.fish"}[shell]
            Path(home, rc).parent.mkdir(parents=True, exist_ok=True)
            Path(home, rc).write_text(text)
            homes[name] = home
        cache = tempfile.mkdtemp(prefix="onthisday-greeting-")
        day = time.strftime("%Y-%m-%d")
        Path(cache, f"greeting-{day}.nocolor.txt").write_text(
            "On this day in 1944: a cached greeting (82 years ago)\n"
        )
        shell_env = {**env, "ONTHISDAY_CACHE_DIR": cache, "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
        shell_env.pop("ONTHISDAY_TODAY", None)
        times: dict[str, list[float]] = {"without": [], "with": []}
        for _ in range(runs):
            for name, home in homes.items():
                times[name].append(shell_start(shell, home, shell_env))
        without, with_ = (statistics.median(times[k]) * 1000 for k in ("without", "with"))
        print(f"{shell:45} {without:10.1f} {with_:10.1f} {with_ - without:9.2f}")
        for path in (*homes.values(), cache):
            shutil.rmtree(path, ignore_errors=True)


WORDS = [
    *"treaty river army king queen empire republic council harbour fleet bridge railway comet".split(),
    *"eclipse vaccine telescope orbit satellite election strike festival cathedral earthquake".split(),
    *"flood drought university library newspaper symphony opera novel painting museum stadium".split(),
    *"marathon olympic charter parliament revolution independence colony trade market bank".split(),
]


def synthetic(folder: Path, count: int) -> None:
    """`count` made-up entries in the dataset's format, spread over the year, one file a month."""
    import random

    rng = random.Random(1)
    per_month: dict[int, list[str]] = {m: [] for m in range(1, 13)}
    for index in range(count):
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        year = rng.randint(-500, 2020) or 1
        words = rng.sample(WORDS, 8)
        if index % 5000 == 0:
            words[:2] = ["moon", "landing"]
        kind = rng.choice(("event", "event", "event", "birth", "death"))
        lines = [
            f"[[{kind}]]",
            f'id = "synthetic-{index}"',
            f'date = "{month:02d}-{day:02d}"',
            f"year = {year}",
        ]
        if year < 1582:
            lines.append('calendar = "julian"')
        if kind == "event":
            lines.append(f'headline = "{" ".join(words[:6]).capitalize()}"')
            lines.append(f'story = "{" ".join(rng.sample(WORDS, 40))}"')
        else:
            lines += [f'name = "Person {index}"', f'role = "{words[6]} maker"']
        lines.append(f'highlights = ["{" ".join(words)}"]')
        lines.append(f'categories = ["{rng.choice(("politics", "science", "arts", "sport"))}"]')
        lines += ['regions = ["world"]', f"importance = {rng.randint(1, 3)}", ""]
        per_month[month].append("\n".join(lines))
    for month, tables in per_month.items():
        (folder / f"{month:02d}.toml").write_text("\n".join(tables), encoding="utf-8")


def bench_growth(runs: int, count: int, env: dict[str, str]) -> None:
    """A day lookup and a search on `count` synthetic entries, against the same on the bundled data."""
    cmd = onthisday()
    folder = Path(tempfile.mkdtemp(prefix="onthisday-synthetic-"))
    synthetic(folder, count)
    big = ["--no-bundled", "--data", str(folder)]
    cases = {
        "day, bundled": [*cmd, "06-04", "--plain"],
        f"day, {count} entries": [*cmd, "06-04", "--plain", *big],
        "search, bundled": [*cmd, "search", "moon landing", "--plain"],
        f"search, {count} entries": [*cmd, "search", "moon landing", "--plain", *big],
    }
    start = time.perf_counter()
    subprocess.run(cases[f"day, {count} entries"], env=env, stdout=subprocess.DEVNULL, check=True)
    print(f"\nbuilding the index of {count} entries took {time.perf_counter() - start:.1f} s (once)")
    for argv in cases.values():
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, argv in cases.items():
            times[name].append(measure(argv, env, tty=False))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{'growth':45} {'median ms':>10} {'vs bundled':>10}")
    for name, median in medians.items():
        base = medians["day, bundled"] if name.startswith("day") else medians["search, bundled"]
        print(f"{name:45} {median * 1000:10.1f} {median / base:9.2f}x")
    shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--shells", action="store_true", help="also time shell start-up with the snippet")
    parser.add_argument(
        "--growth",
        type=int,
        nargs="?",
        const=200_000,
        default=None,
        help="also time a day and a search on N synthetic entries (default 200000)",
    )
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="onthisday-bench-")
    # A day the bundled data covers, so every case does its full work.
    env = {**os.environ, "ONTHISDAY_CACHE_DIR": cache, "COLUMNS": "100", "ONTHISDAY_TODAY": "2026-06-04"}
    env.pop("NO_COLOR", None)
    # An installed package has its bytecode compiled; make sure the warm-up run writes it here too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    chosen = {
        k: v for k, v in cases().items() if args.only is None or k == "python -c pass" or k in args.only
    }
    for argv in chosen.values():  # warm up: builds the index, fills the OS cache
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    times: dict[str, list[float]] = {name: [] for name in chosen}
    for _ in range(args.runs):
        for name, argv in chosen.items():
            times[name].append(measure(argv, env, tty="terminal" in name))
    base = statistics.median(times["python -c pass"])
    print(f"{'case':45} {'median ms':>10} {'ratio':>7}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:45} {median * 1000:10.1f} {median / base:7.2f}x")
    if args.shells:
        bench_shells(args.runs, env)
    if args.growth:
        bench_growth(args.runs, args.growth, env)
    shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
