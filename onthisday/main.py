"""The `onthisday` entry point: the shell greeting takes a short path; everything else goes to Typer."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # The two paths a shell takes at start-up skip Typer (see greet.py and shell.py).
    if args[:1] == ["greet"] and not {"--help", "-h"} & set(args):
        from .greet import run

        return run(args[1:])
    if args[:1] == ["init"] and not {"--help", "-h"} & set(args):
        from .shell import run_init

        return run_init(args[1:])
    from .cli import command_for

    return int(command_for(args).main(args, prog_name="onthisday", standalone_mode=False) or 0)


def run() -> None:
    """Run, then leave at once: every file is closed by now, and tearing the interpreter down
    (thousands of objects from Typer and Click) would cost a tenth of the whole run."""
    import os

    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe: the output has nowhere to go, and that is no error of ours
    os._exit(code)


if __name__ == "__main__":
    run()
