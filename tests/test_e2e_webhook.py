"""End to end: `pressbot run --webhook URL` — PTB's webhook server with a secret token.

run_bot() hands bot.app.webhook()'s settings to PTB's run_webhook, which owns the process (signals, event
loop); here the same settings go to Updater.start_webhook, the coroutine run_webhook drives. The emulator
records setWebhook, but it would push updates without Telegram's X-Telegram-Bot-Api-Secret-Token header,
so the test posts the updates itself, as Telegram does: JSON with that header.
"""

from __future__ import annotations

import itertools
import logging
import os
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from telegram import Update
from telegram.ext import Application

from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.bot.telegram.app import Webhook, build_application, webhook
from tests.telegram_emulator import EmulatorCompatRequest, EmulatorProcess, EmulatorUser, recorder

_tokens = itertools.count(1)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def update(update_id: int, text: str, user_id: int = 1001) -> dict[str, Any]:
    person = {"id": user_id, "is_bot": False, "first_name": "Alice"}
    return {"update_id": update_id, "message": {"message_id": update_id, "date": int(time.time()), "text": text,
                                                "from": person, "chat": {"id": user_id, "type": "private"}}}


class WebhookBot:
    def __init__(self, app: Application, hook: Webhook, token: str) -> None:  # type: ignore[type-arg]
        self.app, self.hook, self.token = app, hook, token
        self.url = f"http://127.0.0.1:{hook.port}/{hook.url_path}"


@pytest_asyncio.fixture
async def webhook_bot(emulator: EmulatorProcess, small_corpus: Path) -> AsyncIterator[WebhookBot]:
    token = f"{next(_tokens)}:WEBHOOK-{os.getpid()}"
    config = load_config(None, {"TELEGRAM_BOT_TOKEN": token, "PRESSBOT_API_BASE_URL": emulator.api_url},
                         corpus=small_corpus)
    app = build_application(Service.start(config), request=EmulatorCompatRequest(),
                            get_updates_request=EmulatorCompatRequest())
    port = free_port()
    hook = webhook(f"http://127.0.0.1:{port}/telegram/pressbot", listen="127.0.0.1", port=port)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_webhook(**asdict(hook), allowed_updates=Update.ALL_TYPES)
    try:
        yield WebhookBot(app, hook, token)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


async def test_the_webhook_is_registered_with_a_secret_token(webhook_bot: WebhookBot) -> None:
    (call,) = recorder(webhook_bot.app).parameters("setWebhook")
    assert call["url"] == webhook_bot.url
    assert call["secret_token"] == webhook_bot.hook.secret_token
    assert len(webhook_bot.hook.secret_token) >= 32


async def test_an_update_with_the_secret_token_is_answered(webhook_bot: WebhookBot, emulator: EmulatorProcess,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    async with httpx.AsyncClient(timeout=10) as http:
        response = await http.post(webhook_bot.url, json=update(1, "Who met the IOM Director General in Geneva?"),
                                   headers={SECRET_HEADER: webhook_bot.hook.secret_token})
        assert response.status_code == 200
        user = EmulatorUser(http, emulator.api_url, webhook_bot.token)
        assert "Vitorino" in (await user.next_reply())["message"]["text"]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "not-the-secret"}])
async def test_an_update_without_the_secret_token_is_refused(webhook_bot: WebhookBot, emulator: EmulatorProcess,
                                                             headers: dict[str, str]) -> None:
    async with httpx.AsyncClient(timeout=10) as http:
        response = await http.post(webhook_bot.url, json=update(2, "/start"), headers=headers)
        assert response.status_code == 403
        assert await EmulatorUser(http, emulator.api_url, webhook_bot.token).no_reply(1.0)


def test_webhook_settings_serve_the_urls_path() -> None:
    hook = webhook("https://bot.example.org/hooks/pressbot", port=8443)
    assert (hook.listen, hook.port, hook.url_path) == ("0.0.0.0", 8443, "hooks/pressbot")


def test_every_start_gets_a_fresh_secret_token() -> None:
    assert webhook("https://bot.example.org/").secret_token != webhook("https://bot.example.org/").secret_token


@pytest.mark.parametrize("url", ["bot.example.org/hook", "ftp://bot.example.org/hook", "https:///hook"])
def test_a_webhook_url_that_is_not_http_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="webhook URL"):
        webhook(url)
