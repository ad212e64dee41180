"""`onthisday init bash|zsh|fish`: the snippet that greets at shell start-up.

The snippet reads the day's greeting from the cache with shell built-ins only (no process started),
and calls `onthisday greet --cache` only when the day's file is missing. It greets in interactive
shells with a terminal, never in scripts, scp or other non-interactive sessions. With `--once`, only
the first shell of the day greets. Like the greeting, this path avoids Typer: it runs at start-up.
"""

from __future__ import annotations

import sys

SHELLS = ("bash", "zsh", "fish")

_BASH = r"""# onthisday: a line of history when an interactive shell starts (`onthisday init bash`)
__onthisday_greet() {
  [[ $- == *i* && -t 1 ]] || return 0
  local dir="${ONTHISDAY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/onthisday}" day file line
  day=$ONTHISDAY_TODAY
  [[ -n $day ]] || printf -v day '%(%Y-%m-%d)T' -1
  @ONCE_CHECK@
  file="$dir/greeting-$day${NO_COLOR+.nocolor}.txt"
  if [[ -r $file ]]; then
    while IFS= read -r line || [[ -n $line ]]; do printf '%s\n' "$line"; done < "$file"
  else
    command onthisday greet --cache 2>/dev/null
  fi
  @ONCE_MARK@
  return 0
}
__onthisday_greet
unset -f __onthisday_greet
"""

_ZSH = r"""# onthisday: a line of history when an interactive shell starts (`onthisday init zsh`)
__onthisday_greet() {
  [[ -o interactive && -t 1 ]] || return 0
  local dir="${ONTHISDAY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/onthisday}" day file line
  day=${ONTHISDAY_TODAY:-${(%):-%D{%Y-%m-%d}}}
  @ONCE_CHECK@
  file="$dir/greeting-$day${NO_COLOR+.nocolor}.txt"
  if [[ -r $file ]]; then
    while IFS= read -r line || [[ -n $line ]]; do print -r -- "$line"; done < "$file"
  else
    command onthisday greet --cache 2>/dev/null
  fi
  @ONCE_MARK@
  return 0
}
__onthisday_greet
unfunction __onthisday_greet
"""

_FISH = r"""# onthisday: a line of history when an interactive shell starts (`onthisday init fish`)
function __onthisday_greet
    status is-interactive; or return 0
    test -t 1; or return 0
    set -l dir $HOME/.cache/onthisday
    set -q XDG_CACHE_HOME; and set dir $XDG_CACHE_HOME/onthisday
    set -q ONTHISDAY_CACHE_DIR; and set dir $ONTHISDAY_CACHE_DIR
    set -l day $ONTHISDAY_TODAY
    test -n "$day"; or set day (date +%Y-%m-%d)
    @ONCE_CHECK@
    set -l suffix ''
    set -q NO_COLOR; and set suffix .nocolor
    set -l file $dir/greeting-$day$suffix.txt
    if test -r $file
        while read -l line
            printf '%s\n' $line
        end <$file
    else
        command onthisday greet --cache 2>/dev/null
    end
    @ONCE_MARK@
    return 0
end
__onthisday_greet
functions -e __onthisday_greet
"""

_ONCE = {
    "bash": ('[[ -e "$dir/greeted-$day" ]] && return 0', ': 2>/dev/null >"$dir/greeted-$day"'),
    "zsh": ('[[ -e "$dir/greeted-$day" ]] && return 0', ': 2>/dev/null >"$dir/greeted-$day"'),
    "fish": ("test -e $dir/greeted-$day; and return 0", "true 2>/dev/null >$dir/greeted-$day"),
}


def snippet(shell: str, once: bool) -> str:
    """The snippet for `shell`; with `once`, only the first shell of the day greets."""
    from .errors import UsageError

    if shell not in SHELLS:
        raise UsageError(f"unknown shell {shell!r}; accepted: {', '.join(SHELLS)}")
    text = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}[shell]
    check, mark = _ONCE[shell] if once else ("", "")
    lines = [line.replace("@ONCE_CHECK@", check).replace("@ONCE_MARK@", mark) for line in text.splitlines()]
    return "\n".join(line for line in lines if line.strip()) + "\n"


def run_init(args: list[str]) -> int:
    """`onthisday init SHELL [--once]`, without Typer; errors are one line and exit 2."""
    from .errors import OnThisDayError, UsageError

    try:
        words = [a for a in args if a != "--once"]
        unknown = [w for w in words if w.startswith("-")]
        if unknown:
            raise UsageError(f"unknown option {unknown[0]!r} for init; accepted: --once")
        if len(words) != 1:
            raise UsageError(f"init takes one shell: {', '.join(SHELLS)}")
        sys.stdout.write(snippet(words[0], "--once" in args))
    except OnThisDayError as exc:
        sys.stderr.write(f"onthisday: error: {exc}\n")
        return exc.exit_code
    except BrokenPipeError:
        return 0
    return 0
