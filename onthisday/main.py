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
    from typer.main import get_command

    from .cli import app

    return int(get_command(app).main(args, prog_name="onthisday", standalone_mode=False) or 0)


if __name__ == "__main__":
    sys.exit(main())
