"""Configuration faults: `pressbot` ends with one line that names the problem, exit status 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.faults import _closed_port

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
# (file content or None, environment, what the one line must name)
FAULTS: dict[str, tuple[str | None, dict[str, str], str]] = {
    "missing token": (None, {}, "TELEGRAM_BOT_TOKEN is not set"),
    "empty token": (None, {"TELEGRAM_BOT_TOKEN": ""}, "TELEGRAM_BOT_TOKEN is not set"),
    "malformed YAML": ("telegram:\n  admins: [1, 2\n", {}, "malformed YAML"),
    "tab-indented YAML": ("telegram:\n\tadmins: []\n", {}, "malformed YAML"),
    "unknown top-level key": ("tokken: x\n", {}, "unknown key 'tokken'"),
    "unknown nested key": ("telegram:\n  admin: [1]\n", {}, "unknown key 'telegram.admin'"),
    "admins with a name": ("telegram:\n  admins: [4242, bob]\n", {}, "'bob' is not a Telegram user id"),
    "admins as a mapping": ("telegram:\n  admins: {root: 1}\n", {}, "admins must be a list"),
    "admins with a float": ("telegram:\n  admins: [12.5]\n", {}, "12.5 is not a Telegram user id"),
    "admins with true": ("telegram:\n  admins: [true]\n", {}, "True is not a Telegram user id"),
    "admins with SQL": ("telegram:\n  admins: \"1; DROP TABLE admins\"\n", {}, "is not a Telegram user id"),
    "PRESSBOT_ADMINS with garbage": (None, {"PRESSBOT_ADMINS": "4242,mallory"},
                                     "PRESSBOT_ADMINS: admins: 'mallory' is not a Telegram user id"),
    "a section that is a list": ("telegram: [a, b]\n", {}, "'telegram' must be a mapping"),
    "a number as text": ("telegram:\n  poll_timeout: soon\n", {}, "telegram.poll_timeout has a bad value"),
    "a negative number": ("answer:\n  max_sources: -1\n", {}, "answer.max_sources must not be negative"),
    "a list instead of a mapping": ("- a\n- b\n", {}, "configuration must be a mapping"),
    "bad log level": ("log_level: LOUD\n", {}, "log_level must be one of"),
    "bad API root": (None, {"PRESSBOT_API_BASE_URL": "ftp://example.org", "TELEGRAM_BOT_TOKEN": TOKEN},
                     "api_base_url must start with http"),
    "not UTF-8": ("\udcff\udcfe", {}, "not UTF-8"),
}


def run(tmp_path: Path, content: str | None, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`pressbot run` with a configuration file (if any) and environment; a Bot API that cannot be reached,
    so that a configuration that passes cannot start a real bot."""
    args = [sys.executable, "-m", "pressbot", "run"]
    if content is not None:
        path = tmp_path / "pressbot.yaml"
        path.write_bytes(content.encode("utf-8", "surrogateescape"))
        args += ["--config", str(path)]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    full = {**clean, "PRESSBOT_API_BASE_URL": f"http://127.0.0.1:{_closed_port()}", **env}
    if content is not None and "TELEGRAM_BOT_TOKEN" not in env:
        full["TELEGRAM_BOT_TOKEN"] = TOKEN
    return subprocess.run(args, cwd=ROOT, env=full, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("fault", FAULTS)
def test_a_configuration_fault_ends_in_one_line_naming_it_with_exit_status_2(tmp_path: Path, fault: str) -> None:
    content, env, named = FAULTS[fault]
    done = run(tmp_path, content, env)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("pressbot: configuration error: ") and named in lines[0]
    assert done.stdout == ""
    assert TOKEN not in done.stderr


def test_a_missing_configuration_file_is_named(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pressbot", "ask", "--config", str(tmp_path / "nope.yaml"), "x"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == (f"pressbot: configuration error: {tmp_path / 'nope.yaml'}: "
                                   "cannot read configuration: No such file or directory")


def test_a_malformed_file_is_located_by_line(tmp_path: Path) -> None:
    done = run(tmp_path, "log_level: INFO\ntelegram:\n  admins: [1, 2\n", {})
    assert f"{tmp_path / 'pressbot.yaml'}:4: malformed YAML" in done.stderr
