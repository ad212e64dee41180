"""Shared fixtures: an isolated cache and a fixed 'today' for every test, and the sample data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onthisday.cli import app

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SAMPLE = FIXTURES / "sample.toml"
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
TODAY = "2026-06-04"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Variables for a run with its own cache, a fixed today, and no user settings leaking in."""
    values = {
        "ONTHISDAY_CACHE_DIR": str(tmp_path / "cache"),
        "ONTHISDAY_TODAY": TODAY,
        "HOME": str(tmp_path / "home"),
        "ONTHISDAY_DATA": "",
        "NO_COLOR": None,
        "FORCE_COLOR": None,
        "COLUMNS": "100",
    }
    return values  # type: ignore[return-value]


@pytest.fixture
def run(env: dict[str, str]):  # type: ignore[no-untyped-def]
    """Invoke the CLI through Typer's CliRunner; stdout and stderr kept apart."""
    runner = CliRunner()

    def invoke(*args: str, extra_env: dict[str, str | None] | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), env={**env, **(extra_env or {})}, catch_exceptions=False)

    return invoke


def installed_command() -> list[str]:
    """The installed `onthisday` of this environment (the README's install puts it beside python)."""
    exe = Path(sys.executable).with_name("onthisday")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("onthisday")
    if found is None:
        pytest.fail("the onthisday command is not installed in this environment")
    return [found]


@pytest.fixture
def command(env: dict[str, str], tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run the installed command in a real subprocess, from a folder outside the checkout."""
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "ONTHISDAY_DATA")}
    work = tmp_path / "elsewhere"
    work.mkdir()

    def call(*args: str, extra_env: dict[str, str] | None = None, **kwargs):  # type: ignore[no-untyped-def]
        variables = {**base, **{k: v for k, v in env.items() if v is not None}, **(extra_env or {})}
        return subprocess.run(
            [*installed_command(), *args],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            env=variables,
            cwd=work,
            timeout=60,
            **kwargs,
        )

    return call


def toml_entry(kind: str, **fields: object) -> str:
    """One [[kind]] table in the dataset's format (strings written as JSON strings, which TOML reads)."""
    import json

    lines = [f"[[{kind}]]"] + [
        f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()
    ]
    return "\n".join(lines) + "\n\n"
