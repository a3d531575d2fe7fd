#!/usr/bin/env sh
# pressbot's run command (README, "The two commands"). Creates .venv/ with $PYTHON (default python3) and
# installs pressbot into it on first use, again when pyproject.toml or PRESSBOT_EXTRAS (e.g. "[dev]") changes;
# set-up messages go to stderr. Then:
#   ./run.sh                 console chat over the bundled corpus, or the real bot if TELEGRAM_BOT_TOKEN is set
#   ./run.sh --corpus DIR    the same on another corpus (options without a command go to chat / run)
#   ./run.sh --help          pressbot's own help, listing every command (--version: the installed version)
#   ./run.sh COMMAND ...     any pressbot command: ask, chat, check, eval, import, sync, init, run, stats,
#                            forget, backup (docs/commands.md)
set -eu
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
stamp=.venv/.pressbot-installed
sum="$(cksum < pyproject.toml)"
have="$(cat "$stamp" 2>/dev/null || true)"
want="$sum-${PRESSBOT_EXTRAS:-}"
# Up to date when installed from this pyproject.toml with the wanted extras (or with [dev], a superset).
if [ ! -x .venv/bin/python ] || { [ "$have" != "$want" ] && [ "$have" != "$sum-[dev]" ]; }; then
  echo "setting up .venv (one time)…" >&2
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${PRESSBOT_EXTRAS:-}" >&2
  echo "$want" > "$stamp"
fi
# No command (nothing, or options only, e.g. `./run.sh --corpus DIR`): the chat, or the bot with a token.
# --help, -h and --version stay pressbot's own.
case "${1:-}" in
  -h|--help|--version) ;;
  ""|-*) if [ -n "${TELEGRAM_BOT_TOKEN:-}" ]; then set -- run "$@"; else set -- chat "$@"; fi ;;
esac
exec .venv/bin/pressbot "$@"
