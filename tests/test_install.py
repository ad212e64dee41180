"""The bundled data is found from any working directory in every install mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from onthisday.schema import load

from .conftest import ROOT, installed_command


def bundled_count() -> int:
    entries, problems = load([ROOT / "data"])
    assert problems == []
    return len(entries)


def run_export(argv: list[str], tmp_path: Path, **env: str) -> list[dict[str, object]]:
    variables = {**os.environ, "ONTHISDAY_CACHE_DIR": str(tmp_path / "cache"), **env}
    variables.pop("ONTHISDAY_DATA", None)
    result = subprocess.run(
        [*argv, "export", "--format", "jsonl"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=variables,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_from_the_checkout(tmp_path: Path) -> None:
    entries = run_export([sys.executable, "-m", "onthisday"], tmp_path, PYTHONPATH=str(ROOT))
    assert len(entries) == bundled_count()


def test_installed_command_of_this_environment(tmp_path: Path) -> None:
    # The README's test command installs with `pip install -e`: this is the editable mode.
    assert len(run_export(installed_command(), tmp_path)) == bundled_count()


def test_from_a_built_wheel(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("onthisday-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "onthisday/_data/README.md" in names
    assert len([n for n in names if n.startswith("onthisday/_data/") and n.endswith(".toml")]) == len(
        list((ROOT / "data").glob("*.toml"))
    )
    entries = run_export([sys.executable, "-m", "onthisday"], tmp_path, PYTHONPATH=str(site))
    assert len(entries) == bundled_count()
