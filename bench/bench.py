#!/usr/bin/env python3
"""Whole-process start-up benchmarks, reported as ratios to `python -c pass` measured side by side.

Usage: python bench/bench.py [--runs N] [--only NAME ...]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="onthisday-bench-")
    env = {**os.environ, "ONTHISDAY_CACHE_DIR": cache, "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
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
    shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
