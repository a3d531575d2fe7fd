"""End to end: answering runs on a worker thread, so one slow question does not hold up the other chats."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

from pressbot.bot.core.service import Service
from tests.conftest import RunningBot

SLOW = 1.5  # seconds one question's answering blocks its thread


async def test_a_slow_answer_does_not_hold_up_another_chat(running_bot: RunningBot,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    service = running_bot.service
    ask = Service.ask
    threads: list[int] = []

    def slow_ask(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        time.sleep(SLOW)  # CPU-bound work blocks like this: the thread holds on until it is done
        return ask(service, *args, **kwargs)

    monkeypatch.setattr(service, "ask", slow_ask)
    asker, other = running_bot.user(1001), running_bot.user(1002, "Bob")
    await asker.send_text("Who met the IOM Director General in Geneva?")
    await asyncio.sleep(0.3)  # the question is being answered
    started = time.monotonic()
    await other.send_command("/start")
    greeting = (await other.next_reply())["message"]
    waited = time.monotonic() - started
    answer = (await asker.next_reply())["message"]
    assert "Bob" in greeting["text"] and "Vitorino" in answer["text"]
    assert waited < SLOW - 0.3  # /start did not wait for the slow answer
    assert threads and threading.get_ident() not in threads  # asked off the event loop's thread
    running_bot.assert_clean()
