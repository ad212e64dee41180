"""The README documents every command and every option, and its commands stay true."""

from __future__ import annotations

import re

import typer.main

from onthisday.cli import COMMANDS, app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    for name in COMMANDS:
        assert re.search(rf"`onthisday {name}\b", README), f"command {name!r} is not in the README"


def test_every_option_is_documented() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            for flag in param.opts:
                if flag.startswith("-"):
                    assert f"`{flag}" in README, f"option {flag} of {name} is not in the README"


def test_every_environment_variable_is_documented() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "onthisday").rglob("*.py"))
    for variable in set(re.findall(r"environ(?:\.get)?\(\s*\"([A-Z_]+)\"|\"([A-Z_]{4,})\" in ", source)):
        for name in variable:
            if name:
                assert f"`{name}`" in README, f"environment variable {name} is not in the README"


def test_the_two_commands_are_there() -> None:
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/onthisday" in README
    marker = README.index("<!-- test-command")
    assert (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest" in README[marker:]
    )
