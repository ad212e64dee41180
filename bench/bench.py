#!/usr/bin/env python3
"""Whole-process start-up benchmarks, reported as ratios to `python -c pass` measured side by side.

Usage: python bench/bench.py [--runs N] [--only NAME ...] [--shells]
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
        "onthisday 06-04 (Rich, FORCE_COLOR)": [*cmd, "06-04"],
        "onthisday --json": [*cmd, "06-04", "--json"],
        "onthisday greet": [*cmd, "greet"],
        "onthisday init bash": [*cmd, "init", "bash"],
    }


def measure(argv: list[str], env: dict[str, str], tty: bool) -> float:
    start = time.perf_counter()
    if tty:
        subprocess.run(
            ["script", "-qec", " ".join(argv), "/dev/null"], env=env, stdout=subprocess.DEVNULL, check=True
        )
    else:
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def shell_start(shell: str, home: str, env: dict[str, str]) -> float:
    """Seconds for an interactive `shell` on a pseudo-terminal to read its start-up file and exit."""
    import pty

    argv = [shell, "-i", "-c", "exit"]
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(shell, argv, {**env, "HOME": home})
    while True:
        try:
            if not os.read(fd, 4096):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return time.perf_counter() - start


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--shells", action="store_true", help="also time shell start-up with the snippet")
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
            run_env = {**env, "FORCE_COLOR": "1"} if "Rich" in name else env
            times[name].append(measure(argv, run_env, tty=False))
    base = statistics.median(times["python -c pass"])
    print(f"{'case':45} {'median ms':>10} {'ratio':>7}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:45} {median * 1000:10.1f} {median / base:7.2f}x")
    if args.shells:
        bench_shells(args.runs, env)
    shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
