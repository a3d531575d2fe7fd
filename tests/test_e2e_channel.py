"""The agency's channel (`ingest.channel`): every post becomes a press release answerable without a restart,
an edited post replaces its release, other channels and posts without text are ignored. Through the real
bot on the emulator.

telegram-test-api cannot deliver channel_post / edited_channel_post updates: `EmulatorUser.post_in_channel`
smuggles them through the emulator and the adapter (tests/telegram_emulator.py) unwraps them into the Bot
API's shape before PTB sees them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from pressbot.bot.core.service import Service
from tests.conftest import RunningBot, start_bot
from tests.telegram_emulator import EmulatorProcess, EmulatorUser

pytestmark = pytest.mark.e2e
CHANNEL = {"id": -1001555000111, "type": "channel", "title": "State Migration Service", "username": "SMSnews"}
OTHER = {"id": -1009999999999, "type": "channel", "title": "Someone else", "username": "elsewhere"}
POST = ("Mobile consular service in Zanzibar\n"
        "The embassy provided mobile consular services to compatriots in Zanzibar on 3 May.")
EDITED = ("Mobile consular service in Zanzibar\n"
          "The embassy provided mobile consular services to 40 compatriots in Zanzibar on 4 May.")
QUESTION = "Where did the embassy provide mobile consular services in Zanzibar?"
POSTED_AT = 1_777_777_777  # 2026-05-03 03:09:37 UTC


def config_file(directory: Path, channel: str) -> Path:
    path = directory / "pressbot.yaml"
    path.write_text(f"ingest:\n  channel: {channel!r}\n", encoding="utf-8")
    return path


@pytest_asyncio.fixture
async def channel_bot(emulator: EmulatorProcess, small_corpus: Path, tmp_path: Path,
                      caplog: pytest.LogCaptureFixture) -> AsyncIterator[RunningBot]:
    """The bot with ingest.channel = @smsnews (the case of a username does not matter)."""
    async with start_bot(emulator, small_corpus, caplog, config_file=config_file(tmp_path, "@smsnews")) as bot:
        caplog.set_level(logging.INFO, logger="pressbot.bot.telegram.channel")
        yield bot


def channel(bot: RunningBot, chat: dict[str, Any] = CHANNEL) -> EmulatorUser:
    return EmulatorUser(bot.http, bot.api_url, bot.token, chat=chat)


async def served(service: Service, check: Callable[[Service], bool], timeout: float = 20.0) -> None:
    """Wait until the served index satisfies `check`."""
    deadline = time.monotonic() + timeout
    while not check(service):
        if time.monotonic() > deadline:
            raise AssertionError(f"the index never changed as expected within {timeout}s")
        await asyncio.sleep(0.05)


def releases(corpus: Path) -> set[str]:
    """The corpus's files; fails if a temporary file of a write is left behind."""
    names = {p.name for p in corpus.iterdir() if p.name != ".index"}
    assert [n for n in names if n.startswith(".") or n.endswith(".tmp")] == []
    return names


async def test_a_channel_post_becomes_an_answerable_release(channel_bot: RunningBot) -> None:
    await channel(channel_bot).post_in_channel(501, POST, date=POSTED_AT)
    await served(channel_bot.service, lambda s: "t-en-501" in s.index.documents)
    doc = channel_bot.service.index.documents["t-en-501"]
    assert (doc.title, doc.url, doc.date, doc.lang, doc.source) == (
        "Mobile consular service in Zanzibar", "https://t.me/SMSnews/501", "2026-05-03", "en",
        "State Migration Service")
    user = channel_bot.user()
    await user.send_text(QUESTION)
    assert "compatriots in Zanzibar on 3 May" in (await user.next_reply())["message"]["text"]
    channel_bot.assert_clean()


async def test_a_post_late_in_the_evening_utc_is_dated_by_the_press_offices_calendar(channel_bot: RunningBot) -> None:
    late = 1_777_761_000  # 2026-05-02 22:30 UTC, 02:30 on 3 May in Baku (the bundled profile's time_zone)
    await channel(channel_bot).post_in_channel(506, POST, date=late)
    await served(channel_bot.service, lambda s: "t-en-506" in s.index.documents)
    assert channel_bot.service.index.documents["t-en-506"].date == "2026-05-03"
    channel_bot.assert_clean()


async def test_an_edited_post_replaces_its_release(channel_bot: RunningBot) -> None:
    poster = channel(channel_bot)
    await poster.post_in_channel(502, POST, date=POSTED_AT)
    await served(channel_bot.service, lambda s: "t-en-502" in s.index.documents)
    files = releases(channel_bot.corpus)
    await poster.post_in_channel(502, EDITED, date=POSTED_AT, edit_date=POSTED_AT + 60)
    await served(channel_bot.service, lambda s: any("40 compatriots" in p.text for p in s.index.passages
                                                  if p.doc_id == "t-en-502"))
    assert releases(channel_bot.corpus) == files
    user = channel_bot.user()
    await user.send_text(QUESTION)
    answer = (await user.next_reply())["message"]["text"]
    assert "40 compatriots in Zanzibar on 4 May" in answer and "on 3 May" not in answer
    channel_bot.assert_clean()


async def test_a_post_of_another_channel_is_ignored(channel_bot: RunningBot) -> None:
    before = releases(channel_bot.corpus)
    other = channel(channel_bot, OTHER)
    await other.post_in_channel(503, POST)
    assert await other.no_reply(1.0)
    assert releases(channel_bot.corpus) == before
    assert len(channel_bot.service.index.documents) == 7
    assert "not ingest.channel: ignored" in channel_bot.caplog.text
    channel_bot.assert_clean()


async def test_a_sticker_only_post_is_ignored_with_a_log_line(channel_bot: RunningBot) -> None:
    before, served = releases(channel_bot.corpus), channel_bot.service.served
    poster = channel(channel_bot)
    sticker = {"file_id": "CAADAgAD", "file_unique_id": "AgAD", "width": 512, "height": 512,
               "is_animated": False, "is_video": False, "type": "regular", "emoji": "🎉"}
    await poster.post_in_channel(504, None, sticker=sticker)
    assert await poster.no_reply(1.0)
    assert "channel post 504 has no text (a sticker, a photo …): ignored" in channel_bot.caplog.text
    assert releases(channel_bot.corpus) == before
    assert channel_bot.service.served is served
    channel_bot.assert_clean()


async def test_a_photo_with_a_caption_becomes_a_release(channel_bot: RunningBot) -> None:
    photo = [{"file_id": "AgADBAAD", "file_unique_id": "AQADBAAD", "width": 90, "height": 90}]
    await channel(channel_bot).post_in_channel(505, None, photo=photo, caption=POST)
    await served(channel_bot.service, lambda s: "t-en-505" in s.index.documents)
    channel_bot.assert_clean()


async def test_a_channel_named_by_its_numeric_id_works_without_a_username(
        emulator: EmulatorProcess, small_corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    private_channel = {"id": -1001555000222, "type": "channel", "title": "SMS (private)"}
    config = config_file(tmp_path, "-1001555000222")
    async with start_bot(emulator, small_corpus, caplog, config_file=config) as bot:
        await channel(bot, private_channel).post_in_channel(506, POST)
        await served(bot.service, lambda s: "t-en-506" in s.index.documents)
        assert bot.service.index.documents["t-en-506"].url == "https://t.me/c/1555000222/506"
        bot.assert_clean()


async def test_without_a_channel_configured_posts_are_ignored(running_bot: RunningBot) -> None:
    before = releases(running_bot.corpus)
    poster = channel(running_bot)
    await poster.post_in_channel(507, POST)
    assert await poster.no_reply(1.0)
    assert releases(running_bot.corpus) == before
    running_bot.assert_clean()
