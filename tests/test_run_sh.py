"""./run.sh's choice of command: none given (nothing, or options only) means the console chat, or the bot when
TELEGRAM_BOT_TOKEN is set; anything else goes to `pressbot` as it is. Run on a copy of run.sh beside a stand-in
.venv whose `pressbot` prints its arguments, so that nothing is installed."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pressbot.bot.cli.main import _parser

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "run.sh", tmp_path / "run.sh")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, body in (("python", "exit 0"), ("pressbot", 'printf "%s|" "$@"')):
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    stamp = subprocess.run("cksum < pyproject.toml", shell=True, cwd=tmp_path, capture_output=True, text=True,
                           check=True).stdout.strip()
    (tmp_path / ".venv" / ".pressbot-installed").write_text(f"{stamp}-\n", encoding="utf-8")
    return tmp_path


def run_sh(project: Path, *args: str, token: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "PRESSBOT_EXTRAS")}
    if token is not None:
        env["TELEGRAM_BOT_TOKEN"] = token
    done = subprocess.run(["sh", str(project / "run.sh"), *args], env=env, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout


def test_no_arguments_start_the_chat(project: Path) -> None:
    assert run_sh(project) == "chat|"


def test_options_without_a_command_start_the_chat_with_them(project: Path) -> None:
    assert run_sh(project, "--corpus", "/some/dir") == "chat|--corpus|/some/dir|"


def test_options_without_a_command_start_the_bot_when_a_token_is_set(project: Path) -> None:
    assert run_sh(project, "--config", "c.yaml", token="123:abc") == "run|--config|c.yaml|"


def test_a_command_is_passed_as_given(project: Path) -> None:
    assert run_sh(project, "ask", "--json", "hi") == "ask|--json|hi|"


def test_help_stays_pressbots_own(project: Path) -> None:
    assert run_sh(project, "--help") == "--help|"


def test_version_stays_pressbots_own(project: Path) -> None:
    assert run_sh(project, "--version") == "--version|"


def test_the_header_comment_names_every_pressbot_command() -> None:
    [commands] = [a.choices for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    header = "".join(line for line in (ROOT / "run.sh").read_text(encoding="utf-8").splitlines(keepends=True)
                      if line.startswith("#"))
    assert all(f" {name}," in header or f" {name} (" in header for name in commands), header
