"""End to end: with ingest.sync_minutes set, the running bot (real PTB Application, JobQueue, emulator)
reads a feed served on 127.0.0.1, imports the new page, reloads and notifies the topic's subscribers,
and the release becomes answerable; a broken feed changes nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressbot.bot.core.config import IngestConfig
from pressbot.bot.telegram.sync import schedule_sync
from tests.conftest import start_bot
from tests.local_http import LocalServer, Route
from tests.telegram_emulator import EmulatorProcess, visible

pytestmark = pytest.mark.e2e
PAGES = Path(__file__).resolve().parent / "data" / "pages"
RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
       '<item><title>t</title><link>{link}</link></item></channel></rss>')


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        running.routes["/news/21450"] = Route(body=(PAGES / "migration-en-mobile-service.html").read_bytes())
        yield running


def every_second(server: LocalServer) -> IngestConfig:
    return IngestConfig(feeds=(server.url("/rss"),), sync_minutes=1 / 60, fetch_timeout=5)


async def test_a_new_feed_entry_is_imported_announced_and_answerable(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture, server: LocalServer) -> None:
    server.routes["/rss"] = Route(body=RSS.format(link="/news/21450").encode(), content_type="application/rss+xml")
    async with start_bot(emulator, small_corpus, caplog,
                         configure=lambda app: schedule_sync(app, every_second(server))) as bot:
        follower = bot.user(1001, "Aysel")
        await follower.send_command("/subscribe mobile service Zagatala")
        await follower.next_reply()
        notice = visible((await follower.next_reply(timeout=20))["message"]["text"])
        assert notice.splitlines()[0] == "New press releases on “mobile service Zagatala”"
        assert "State Migration Service organized mobile service in Zagatala — 2026-11-20" in notice
        assert (small_corpus / "migration-en-21450.md").is_file()
        await follower.send_text("How many persons used the mobile service in Zagatala?")
        answer = visible((await follower.next_reply())["message"]["text"])
        assert "A total of 17 persons used the opportunities of the mobile service." in answer
        await asyncio.sleep(1.5)  # later syncs find nothing new: no second notice
        assert await follower.no_reply()
        bot.assert_clean()


async def test_a_broken_feed_leaves_corpus_and_index_as_they_were(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture, server: LocalServer) -> None:
    server.routes["/rss"] = Route(body=b"<rss><channel><item><link>/news/21450</li", content_type="text/xml")
    before = {p.name: p.read_bytes() for p in small_corpus.glob("*.md")}
    async with start_bot(emulator, small_corpus, caplog,
                         configure=lambda app: schedule_sync(app, every_second(server))) as bot:
        documents = frozenset(bot.service.index.documents)
        for _ in range(100):
            if server.hits.get("/rss", 0) >= 2:
                break
            await asyncio.sleep(0.1)
        assert server.hits.get("/rss", 0) >= 2
        assert {p.name: p.read_bytes() for p in small_corpus.glob("*.md")} == before
        assert frozenset(bot.service.index.documents) == documents
        assert any("broken XML" in r.getMessage() for r in caplog.records)
        bot.assert_clean()
