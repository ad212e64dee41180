"""`onthisday init`: the snippets, and real interactive shells that start with them."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from onthisday.shell import SHELLS, snippet

from .conftest import SAMPLE, installed_command

GREETING = "Died on this day in 1941: Wilhelm Fixture, last German emperor"


def test_snippets(run) -> None:  # type: ignore[no-untyped-def]
    for shell in SHELLS:
        text = run("init", shell).stdout
        assert "onthisday greet --cache" in text and "greeted-" not in text
        assert "greeted-" in run("init", shell, "--once").stdout
    assert snippet("bash", once=False) == run("init", "bash").stdout


def test_unknown_shell_is_a_usage_error(command) -> None:  # type: ignore[no-untyped-def]
    result = command("init", "tcsh")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "onthisday: error: unknown shell 'tcsh'; accepted: bash, zsh, fish\n",
    )
    assert command("init").returncode == 2
    assert command("init", "bash", "--colour").returncode == 2


def shell_env(tmp_path: Path, path_has_onthisday: bool = True) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    bin_dir = str(Path(installed_command()[0]).parent)
    return {
        "HOME": str(home),
        "PATH": (bin_dir + os.pathsep if path_has_onthisday else "") + "/usr/bin:/bin",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "ONTHISDAY_DATA": str(SAMPLE),
        "ONTHISDAY_TODAY": "2026-06-04",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "LANG": "C.UTF-8",
        "COLUMNS": "200",
    }


def install(shell: str, home: Path, once: bool = False, static: bool = False) -> None:
    """The README's line in the shell's start-up file; `static`: the saved snippet itself."""
    line = f'eval "$(onthisday init {shell}{" --once" if once else ""})"\n'
    if static:
        (home / "snippet").write_text(snippet(shell, once))
        line = f"source {home / 'snippet'}\n"
    if shell == "bash":
        (home / ".bashrc").write_text(line)
    elif shell == "zsh":
        (home / ".zshrc").write_text(line)
    else:
        config = home / ".config" / "fish"
        config.mkdir(parents=True, exist_ok=True)
        text = line if static else f"onthisday init fish{' --once' if once else ''} | source\n"
        (config / "config.fish").write_text(text)


def interactive(shell: str, env: dict[str, str], timeout: float = 20) -> str:
    """Start `shell` interactively on a pseudo-terminal, let it read its start-up file, then exit."""
    argv = {"bash": ["bash", "-i"], "zsh": ["zsh", "-i"], "fish": ["fish", "-i"]}[shell]
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the shell
        os.execvpe(argv[0], argv, env)
    output = b""
    deadline = time.monotonic() + timeout
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        elif not sent:
            os.write(fd, b"exit\n")
            sent = True
    os.waitpid(pid, 0)
    return output.decode("utf-8", "replace")


def needs(shell: str) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it)")


@pytest.mark.parametrize("shell", SHELLS)
def test_interactive_shell_greets_then_uses_the_cache(shell: str, tmp_path: Path) -> None:
    needs(shell)
    env = shell_env(tmp_path)
    install(shell, Path(env["HOME"]), static=True)
    first = interactive(shell, env)
    cached = Path(env["XDG_CACHE_HOME"]) / "onthisday" / "greeting-2026-06-04.nocolor.txt"
    assert cached.exists(), first
    greeting = cached.read_text().strip()
    assert greeting.startswith("On this day in ") and greeting in first
    # The next shell reads the cache with built-ins: it greets even with onthisday off the PATH,
    # so no Python starts.
    cached.write_text(GREETING + "\n")
    second = interactive(shell, {**shell_env(tmp_path, path_has_onthisday=False)})
    assert GREETING in second


@pytest.mark.parametrize("shell", SHELLS)
def test_once_a_day(shell: str, tmp_path: Path) -> None:
    needs(shell)
    env = shell_env(tmp_path)
    install(shell, Path(env["HOME"]), once=True)
    first = interactive(shell, env)
    assert "On this day in " in first
    second = interactive(shell, env)
    assert "On this day in " not in second


@pytest.mark.parametrize("shell", SHELLS)
def test_non_interactive_shells_stay_silent(shell: str, tmp_path: Path) -> None:
    needs(shell)
    env = shell_env(tmp_path)
    install(shell, Path(env["HOME"]))
    rc = {"bash": ".bashrc", "zsh": ".zshrc", "fish": ".config/fish/config.fish"}[shell]
    script = f"source {Path(env['HOME']) / rc}; echo done"
    result = subprocess.run([shell, "-c", script], capture_output=True, text=True, env=env, timeout=30)
    assert (result.stdout, result.stderr) == ("done\n", "")
    assert not (Path(env["XDG_CACHE_HOME"]) / "onthisday").exists()
