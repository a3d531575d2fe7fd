#!/usr/bin/env sh
# pressbot's test command: installs what the tests need (.venv with the dev extras, the npm Bot API
# emulator), then runs ruff, mypy and the whole pytest suite (unit and end-to-end). Extra arguments go
# to pytest, e.g. ./test.sh -k reload
set -eu
cd "$(dirname "$0")"
PRESSBOT_EXTRAS="[dev]" ./run.sh --help >/dev/null
if [ ! -d tests/emulator/node_modules/telegram-test-api ]; then
  echo "installing the telegram-test-api emulator (npm ci)…" >&2
  (cd tests/emulator && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
echo "== ruff" && .venv/bin/ruff check .
echo "== mypy" && .venv/bin/mypy
# Two workers (pytest-xdist; PYTEST_WORKERS=0 runs in one process): most e2e time is waiting on the emulator.
echo "== pytest" && exec .venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" "$@"
