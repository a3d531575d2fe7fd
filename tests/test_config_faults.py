"""Configuration faults: `pressbot` ends with one line that names the problem, exit status 2, no traceback; a
failed start (token refused, Bot API out of reach) ends with that line and a hint."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressbot.bot.core.config import TelegramConfig
from pressbot.bot.telegram.app import StartError, get_me
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


# --- start-up faults: one line and a hint, no traceback below DEBUG ---------------------------------------
def start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    return subprocess.run([sys.executable, "-m", "pressbot", "run"], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=60)


def test_a_bot_api_that_cannot_be_reached_ends_in_one_line_and_a_hint() -> None:
    done = start({"TELEGRAM_BOT_TOKEN": TOKEN, "PRESSBOT_API_BASE_URL": f"http://127.0.0.1:{_closed_port()}"})
    assert done.returncode == 1
    problem, hint = done.stderr.splitlines()
    assert problem.startswith("pressbot: cannot reach the Bot API at http://127.0.0.1:")
    assert hint == ("hint: check the network, and PRESSBOT_API_BASE_URL (the Bot API server root, default "
                    "https://api.telegram.org)")
    assert done.stdout == ""


def test_an_unknown_host_ends_in_one_line_and_a_hint() -> None:
    done = start({"TELEGRAM_BOT_TOKEN": TOKEN, "PRESSBOT_API_BASE_URL": "http://no-such-host.invalid"})
    assert done.returncode == 1
    assert [line.split(":", 1)[0] for line in done.stderr.splitlines()] == ["pressbot", "hint"]
    assert "http://no-such-host.invalid" in done.stderr


def test_a_failed_start_keeps_its_traceback_for_debug() -> None:
    done = start({"TELEGRAM_BOT_TOKEN": TOKEN, "PRESSBOT_API_BASE_URL": f"http://127.0.0.1:{_closed_port()}",
                  "PRESSBOT_LOG_LEVEL": "DEBUG"})
    assert done.returncode == 1
    assert "Traceback (most recent call last)" in done.stderr and "getMe failed" in done.stderr
    assert done.stderr.splitlines()[-1].startswith("hint: ")
    assert TOKEN not in done.stderr


@pytest.mark.parametrize("token", ["123456789", "123456789:short", "bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
                                   "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PAL saw", " 123456789:AAHdqTcvCH1v"])
def test_a_token_of_the_wrong_shape_is_one_configuration_line_naming_the_variable(token: str) -> None:
    done = start({"TELEGRAM_BOT_TOKEN": token, "PRESSBOT_API_BASE_URL": f"http://127.0.0.1:{_closed_port()}"})
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("pressbot: configuration error: TELEGRAM_BOT_TOKEN does not look like a bot token")
    assert "@BotFather" in line and token.strip() not in line


async def test_a_bot_api_that_knows_the_token_lets_the_bot_start() -> None:
    me = {"ok": True, "result": {"id": 123456789, "is_bot": True, "first_name": "Press", "username": "pressbot"}}

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        body = json.dumps(me).encode()
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                     + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n" + body)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await get_me(TelegramConfig(token=TOKEN, api_base_url=f"http://127.0.0.1:{port}"))  # no StartError
    finally:
        server.close()
        await server.wait_closed()


async def test_a_404_names_the_api_root_and_both_hints() -> None:
    body = b'{"ok": false, "error_code": 404, "description": "Not Found"}'
    failed = await start_error_from("404 Not Found", "application/json", body)
    assert failed.status == 2
    assert failed.problem.startswith("the Bot API at http://127.0.0.1:")
    assert failed.problem.endswith(" does not know the token (TELEGRAM_BOT_TOKEN): Not Found")
    assert "@BotFather" in failed.hint and "PRESSBOT_API_BASE_URL" in failed.hint


async def start_error_from(status: str, content_type: str, body: bytes) -> StartError:
    """The StartError of get_me against a local server answering every request with `body`."""
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {len(body)}\r\n"
                     "connection: close\r\n\r\n".encode() + body)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    root = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    try:
        with pytest.raises(StartError) as failed:
            await get_me(TelegramConfig(token=TOKEN, api_base_url=root))
    finally:
        server.close()
        await server.wait_closed()
    return failed.value


async def test_a_server_whose_get_me_lacks_is_bot_is_one_line_naming_it_not_a_traceback() -> None:
    # telegram-test-api answers getMe so: PTB cannot build its User and raised a TypeError through `run`.
    me = b'{"ok": true, "result": {"id": 666, "username": "TestNameBot", "first_name": "Test"}}'
    failed = await start_error_from("200 OK", "application/json", me)
    assert failed.status == 1 and "PRESSBOT_API_BASE_URL" in failed.hint
    assert failed.problem.startswith("the server at http://127.0.0.1:")
    assert failed.problem.endswith("is not a Bot API server: its answer to getMe could not be read (TypeError)")


async def test_a_web_page_instead_of_the_bot_api_is_one_line_naming_the_server() -> None:
    failed = await start_error_from("200 OK", "text/html", b"<html><body>Welcome to nginx!</body></html>")
    assert failed.status == 1 and "is not a Bot API server" in failed.problem


def test_run_without_a_token_points_to_botfather_and_to_the_console_chat() -> None:
    done = start({"PRESSBOT_API_BASE_URL": f"http://127.0.0.1:{_closed_port()}"})
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert "TELEGRAM_BOT_TOKEN is not set" in line and "@BotFather" in line and "`pressbot chat`" in line
