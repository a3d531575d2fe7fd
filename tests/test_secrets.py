"""Secrets and access: the token never reaches any output at any log level, working or failing; admin rights
come from the configuration only and are checked on every call; logs follow one update by its id, keep no
question text at INFO, and at DEBUG at most 200 characters of a masked question."""

from __future__ import annotations

import http.server
import io
import json
import logging
import os
import re
import secrets
import subprocess
import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from pressbot.bot.core.logs import configure_logging
from tests.conftest import ADMIN_ID, ROOT, RunningBot, start_bot
from tests.faults import FaultPlan, FaultyRequest, Network, _closed_port
from tests.html_checker import visible_text
from tests.telegram_emulator import EmulatorProcess

QUESTION = "Who met the IOM Director General in Geneva?"
# A token shaped like Telegram's, and one that is not (only the exact-match redaction can catch it).
TOKENS = {"telegram-shaped": lambda: f"{secrets.randbelow(10**9) + 10**9}:AA{secrets.token_urlsafe(26)[:33]}",
          "odd-shaped": lambda: f"7:odd-{secrets.token_hex(6)}"}


def leaks(output: str, token: str) -> list[str]:
    """Lines holding the token or its secret half."""
    secret = token.split(":", 1)[1]
    return [line for line in output.splitlines() if token in line or secret in line]



# --- the token ------------------------------------------------------------------------------------------
@pytest.mark.e2e
@pytest.mark.parametrize("shape", TOKENS)
async def test_the_token_never_appears_in_debug_output_of_a_working_and_failing_bot(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture,
        capfd: pytest.CaptureFixture[str], restore_logging: None, shape: str) -> None:
    token = TOKENS[shape]()
    log = io.StringIO()
    plan = FaultPlan()
    async with Network() as network:
        requests = (FaultyRequest(plan, network, connection_pool_size=8), FaultyRequest(plan, network))
        async with start_bot(emulator, small_corpus, caplog, requests=requests, token=token,
                             configure=lambda app: configure_logging("DEBUG", [token], stream=log)) as bot:
            bot_user = bot.admin()
            await bot_user.send_text(QUESTION)
            await bot_user.next_reply()
            plan.add("sendMessage", "refused", "timeout")
            plan.add("getUpdates", "refused", "drop")
            await bot_user.send_text(f"my token is {token}")
            await bot_user.send_command("/reload")
            await bot_user.replies(3, timeout=30)
    output = log.getvalue() + "".join(capfd.readouterr())
    assert leaks(output, token) == []
    assert plan.total_injected() == 4
    # the check is not vacuous: request URLs were logged (at DEBUG and INFO), redacted
    assert re.search(r"httpx: HTTP Request: POST http://127.0.0.1:\d+/bot\[REDACTED\]/sendMessage", output)
    assert re.search(r"DEBUG \[[^\]]+\] telegram\.", output)


def run_pressbot(api_url: str, token: str) -> subprocess.CompletedProcess[str]:
    """`pressbot run` at DEBUG against a Bot API root; everything it prints."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    env.update(TELEGRAM_BOT_TOKEN=token, PRESSBOT_API_BASE_URL=api_url, PRESSBOT_LOG_LEVEL="DEBUG")
    return subprocess.run([sys.executable, "-m", "pressbot", "run"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_token_never_appears_when_the_bot_api_cannot_be_reached() -> None:
    token = TOKENS["telegram-shaped"]()
    done = run_pressbot(f"http://127.0.0.1:{_closed_port()}", token)
    assert done.returncode == 1
    problem, hint = done.stderr.strip().splitlines()[-2:]
    assert problem.startswith("pressbot: cannot reach the Bot API at http://127.0.0.1:")
    assert hint.startswith("hint: ") and "PRESSBOT_API_BASE_URL" in hint
    assert leaks(done.stdout + done.stderr, token) == []
    assert "DEBUG" in done.stderr and "Traceback" in done.stderr  # the details are kept for DEBUG, redacted


class Unauthorized(http.server.BaseHTTPRequestHandler):
    """A Bot API that rejects every token, as api.telegram.org does a revoked one; counts the calls."""

    calls: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.calls.append(self.path)
        self.rfile.read(int(self.headers.get("content-length") or 0))
        body = json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"}).encode()
        self.send_response(401)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def run_against_unauthorized(token: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """`pressbot run` against a Bot API that answers 401; its output and the paths it was asked."""
    handler = type("Counting", (Unauthorized,), {"calls": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        done = run_pressbot(f"http://127.0.0.1:{server.server_address[1]}", token)
    finally:
        server.shutdown()
        server.server_close()
    return done, handler.calls


def test_a_rejected_token_is_named_without_showing_it_after_one_call() -> None:
    token = TOKENS["telegram-shaped"]()
    done, calls = run_against_unauthorized(token)
    assert done.returncode == 2
    problem, hint = done.stderr.strip().splitlines()[-2:]
    assert problem == "pressbot: Telegram rejected the token (TELEGRAM_BOT_TOKEN): 401 Unauthorized"
    assert hint.startswith("hint: check the token with @BotFather")
    assert len(calls) == 1 and calls[0].endswith("/getMe")  # no retries of a refusal
    assert leaks(done.stdout + done.stderr, token) == []


def test_a_token_of_the_wrong_shape_is_refused_before_any_call_without_showing_it() -> None:
    token = TOKENS["odd-shaped"]()
    done, calls = run_against_unauthorized(token)
    assert done.returncode == 2
    assert calls == []
    assert done.stderr.strip().splitlines()[-1].startswith(
        "pressbot: configuration error: TELEGRAM_BOT_TOKEN does not look like a bot token")
    assert leaks(done.stdout + done.stderr, token) == []


# --- admins -----------------------------------------------------------------------------------------------
@pytest.mark.e2e
async def test_admin_rights_are_checked_on_every_call(running_bot: RunningBot) -> None:
    stranger, admin = running_bot.user(user_id=777), running_bot.admin()
    for user in (stranger, admin, stranger):
        await user.send_command("/reload")
    refused = visible_text((await stranger.next_reply())["message"]["text"])
    assert "only the bot's administrators" in refused
    await admin.replies(2)
    assert "only the bot's administrators" in visible_text((await stranger.next_reply())["message"]["text"])
    running_bot.assert_clean()


@pytest.mark.e2e
async def test_looking_like_the_admin_grants_nothing(running_bot: RunningBot) -> None:
    impostor = running_bot.user(user_id=778, first_name="Admin")
    impostor.user["username"] = "admin"
    await impostor.send_raw({"text": "/reload", "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
                             "forward_origin": {"type": "user", "date": 1, "sender_user": {
                                 "id": ADMIN_ID, "is_bot": False, "first_name": "Admin"}}})
    assert "only the bot's administrators" in visible_text((await impostor.next_reply())["message"]["text"])
    running_bot.assert_clean()


@pytest.mark.e2e
async def test_admin_ids_come_from_the_configuration_not_the_live_environment(
        running_bot: RunningBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSBOT_ADMINS", "779")
    user = running_bot.user(user_id=779)
    await user.send_command("/reload")
    assert "only the bot's administrators" in visible_text((await user.next_reply())["message"]["text"])
    assert running_bot.service.config.telegram.admins == frozenset({ADMIN_ID})
    running_bot.assert_clean()


# --- what the logs keep -------------------------------------------------------------------------------------
@pytest.mark.e2e
async def test_each_question_is_logged_under_its_own_update_id(running_bot: RunningBot) -> None:
    running_bot.caplog.set_level(logging.INFO, logger="pressbot")
    users = [running_bot.user(user_id=900 + i) for i in range(3)]
    for user in users:
        await user.send_text(QUESTION)
    for user in users:
        await user.next_reply()
    lines = [r.getMessage() for r in running_bot.caplog.records if r.name.startswith("pressbot.")]
    asked = [m.group(1) for line in lines if (m := re.match(r"(u\d+): question lang=en answered=True ", line))]
    assert len(asked) == 3 and len(set(asked)) == 3


@pytest.mark.e2e
async def test_no_question_text_is_logged_at_info(running_bot: RunningBot) -> None:
    running_bot.caplog.set_level(logging.INFO)
    user = running_bot.user()
    await user.send_text("Zanzibar " * 10 + QUESTION)
    await user.next_reply()
    logged = "\n".join(r.getMessage() for r in running_bot.caplog.records)
    assert "question lang=en" in logged  # the question's line is there, without its text
    assert "Zanzibar" not in logged and "Geneva" not in logged


@pytest.mark.e2e
async def test_a_question_is_logged_at_debug_masked_and_cut_to_200_characters(running_bot: RunningBot) -> None:
    running_bot.caplog.set_level(logging.DEBUG, logger="pressbot")
    user = running_bot.user()
    await user.send_text("AA1234567 " + "a" * 150 + "Z" * 19_850)
    await user.next_reply()
    logged = "\n".join(r.getMessage() for r in running_bot.caplog.records if r.name.startswith("pressbot"))
    assert "[passport] " + "a" * 150 + "Z" * 39 in logged
    assert "Z" * 40 not in logged and "AA1234567" not in logged


@pytest.mark.e2e
async def test_every_line_logged_while_a_question_is_handled_names_its_update(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture,
        restore_logging: None) -> None:
    log = io.StringIO()
    plan = FaultPlan()
    plan.add("sendMessage", "500")  # so that a retry, deep below the handler, logs a line too
    async with Network() as network:
        requests = (FaultyRequest(plan, network, connection_pool_size=8), FaultyRequest(plan, network))
        async with start_bot(emulator, small_corpus, caplog, requests=requests,
                             configure=lambda app: configure_logging("INFO", [], stream=log)) as bot:
            user = bot.user()
            await user.send_text(QUESTION)
            await user.next_reply(30)
    lines = log.getvalue().splitlines()
    asked = next(line for line in lines if ": question lang=" in line)
    update = re.search(r"\[(u\d+)\] pressbot\.bot\.telegram\.handlers: \1: question", asked)
    assert update, asked
    retried = [line for line in lines if "sendMessage failed" in line]
    assert retried and all(f"[{update.group(1)}]" in line for line in retried)
