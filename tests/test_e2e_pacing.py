"""End to end: Telegram's pace. At most one message per second in a chat (the emulator stamps each bot
message on arrival, in milliseconds); other chats are not held up meanwhile; "typing…" comes first; an
answer over 4096 characters arrives in parts split between paragraphs, its buttons under the last part.

Real Telegram answers 429 Too Many Requests (retry_after) to a bot that sends faster; the emulator has no
limits, so these tests measure the spacing the bot keeps by itself.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.conftest import RunningBot, start_bot, write_doc
from tests.telegram_emulator import EmulatorProcess, keyboard, visible

PACE_MS = 1000
TOLERANCE_MS = 100  # the emulator stamps arrival; HTTP timing jitters around the limiter's schedule


async def test_messages_to_one_chat_are_at_least_a_second_apart(running_bot: RunningBot) -> None:
    user = running_bot.user()
    for command in ("/start", "/help", "/sources"):
        await user.send_command(command)
    times = [reply["time"] for reply in await user.replies(3)]
    assert all(later - earlier >= PACE_MS - TOLERANCE_MS for earlier, later in itertools.pairwise(times)), times
    running_bot.assert_clean()


async def test_a_busy_chat_does_not_hold_up_another(running_bot: RunningBot) -> None:
    busy, other = running_bot.user(1001, "Busy"), running_bot.user(1002, "Other")
    for command in ("/start", "/help", "/sources"):
        await busy.send_command(command)
    await other.send_command("/start")
    other_time = (await other.next_reply())["time"]
    busy_times = [reply["time"] for reply in await busy.replies(3)]
    assert other_time < busy_times[-1]
    running_bot.assert_clean()


async def test_a_chat_gets_its_replies_in_the_order_it_asked(running_bot: RunningBot) -> None:
    user = running_bot.user()
    for command in ("/help", "/start", "/sources", "/latest"):
        await user.send_command(command)
    firsts = [visible(r["message"]["text"]).splitlines()[0] for r in await user.replies(4)]
    assert firsts == ["How to use me", "Hello, Alice!", "What I know", "Press releases"]  # none dated
    running_bot.assert_clean()


async def test_a_long_answer_is_split_with_its_buttons_under_the_last_part(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    filler = " ".join(f"item{i}" for i in range(320))  # one sentence of about 2,500 characters
    for name in ("a", "b"):
        write_doc(small_corpus, f"long-{name}.md", f"Zanzibar passport renewal {name}",
                  f"Zanzibar passport renewal took place with {filler}.\n\n"
                  f"Zanzibar passport renewal continued with {filler}.")
    async with start_bot(emulator, small_corpus, caplog) as bot:
        user = bot.user()
        await user.send_text("Zanzibar passport renewal")
        first, second = await user.replies(2)
        assert all(len(r["message"]["text"]) <= 4096 for r in (first, second))
        assert keyboard(first) == [] and keyboard(second)[0][0][0] == "Source 1"
        parts = [r["message"]["text"] for r in (first, second)]
        for tag in ("b", "a"):  # no tag is cut: each part opens and closes its own
            assert all(part.count(f"<{tag}>") + part.count(f"<{tag} ") == part.count(f"</{tag}>") for part in parts)
        whole = " ".join(visible(part) for part in parts)
        assert f"«Zanzibar passport renewal took place with {filler}.» «Zanzibar passport renewal continued" in whole
        assert await user.no_reply()
        bot.assert_clean()
