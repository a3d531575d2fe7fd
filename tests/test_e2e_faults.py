"""Bot API faults end to end: the bot retries what Telegram says to retry, gives up cleanly on 403, never
crashes, and once the faults stop every question has exactly one answer."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from telegram.error import BadRequest, NetworkError

from pressbot.responses.render import locale
from pressbot.retrieval import corpus
from tests.conftest import RunningBot, start_bot, write_doc
from tests.faults import RETRY_AFTER, FaultPlan, FaultyRequest, Kind, Network
from tests.html_checker import problems, visible_text
from tests.telegram_emulator import EmulatorProcess, EmulatorUser

pytestmark = pytest.mark.e2e
QUESTION = "Who met the IOM Director General in Geneva?"
POLLING_REPORTS: tuple[Kind, ...] = ("500", "502", "drop", "refused")  # what PTB's polling loop reports


@asynccontextmanager
async def faulty_bot(emulator: EmulatorProcess, corpus: Path, caplog: pytest.LogCaptureFixture,
                     plan: FaultPlan) -> AsyncIterator[RunningBot]:
    """pressbot on the emulator with the plan's faults injected into every Bot API call."""
    async with Network() as network:
        requests = (FaultyRequest(plan, network, connection_pool_size=16), FaultyRequest(plan, network))
        async with start_bot(emulator, corpus, caplog, requests=requests) as bot:
            yield bot


async def exactly_one_answer(user: EmulatorUser, question: str = QUESTION, timeout: float = 30) -> str:
    """Ask, wait for the reply, and check nothing else follows; the reply's HTML."""
    await user.send_text(question)
    reply = (await user.next_reply(timeout))["message"]["text"]
    assert await user.no_reply(1.0), "a second reply arrived"
    return str(reply)


def assert_nothing_but_injected(bot: RunningBot, plan: FaultPlan) -> None:
    """No handler raised and nothing was logged at ERROR; the polling loop reported only our getUpdates faults."""
    assert bot.errors == [], bot.errors
    polled = bot.polling_errors
    assert all(isinstance(e, NetworkError) and not isinstance(e, BadRequest) for e in polled), polled
    assert len(polled) == sum(plan.injected[f"getUpdates:{k}"] for k in POLLING_REPORTS)
    logged = [r.getMessage() for r in bot.caplog.records if r.levelno >= logging.ERROR]
    assert logged == [], logged


@pytest.mark.parametrize("kind", ["500", "502", "timeout", "drop", "refused"])
async def test_a_transient_failure_of_send_message_is_retried_and_answered_once(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture, kind: Kind) -> None:
    plan = FaultPlan()
    plan.add("sendMessage", kind, kind)
    async with faulty_bot(emulator, small_corpus, caplog, plan) as bot:
        reply = await exactly_one_answer(bot.user())
        assert "Vitorino" in reply
        assert plan.injected[f"sendMessage:{kind}"] == 2
        assert_nothing_but_injected(bot, plan)


async def test_a_429_is_waited_out_as_long_as_telegram_asks_then_answered_once(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    plan = FaultPlan()
    plan.add("sendMessage", "429")
    async with faulty_bot(emulator, small_corpus, caplog, plan) as bot:
        started = time.monotonic()
        reply = await exactly_one_answer(bot.user())
        assert "Vitorino" in reply
        assert time.monotonic() - started >= RETRY_AFTER.total_seconds()  # it waited, as told, instead of hammering
        assert plan.calls["sendMessage"] == 2
        assert_nothing_but_injected(bot, plan)


async def test_a_failing_typing_indicator_does_not_cost_the_answer(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    plan = FaultPlan()
    plan.add("sendChatAction", "500", "timeout", "drop")
    async with faulty_bot(emulator, small_corpus, caplog, plan) as bot:
        for _ in range(3):
            assert "Vitorino" in await exactly_one_answer(bot.user())
        assert plan.injected.total() == 3
        assert_nothing_but_injected(bot, plan)


async def test_faults_on_get_updates_lose_no_question(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    plan = FaultPlan()
    async with faulty_bot(emulator, small_corpus, caplog, plan) as bot:
        plan.add("getUpdates", "500", "timeout", "drop", "timeout", "refused", "429", "502")
        users = [bot.user(user_id=2000 + i) for i in range(6)]
        for user in users:
            await user.send_text(QUESTION)
        for user in users:
            assert "Vitorino" in (await user.next_reply(30))["message"]["text"]
        for user in users:
            assert await user.no_reply(0.2)
        assert plan.pending() == 0
        assert_nothing_but_injected(bot, plan)


async def test_a_user_who_blocked_the_bot_costs_one_attempt_and_no_error(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    plan = FaultPlan()
    async with faulty_bot(emulator, small_corpus, caplog, plan) as bot:
        blocked = bot.user(user_id=3001)
        plan.block(3001)
        await blocked.send_text(QUESTION)
        await exactly_one_answer(bot.user(user_id=3002))  # the others are still answered
        for _ in range(100):
            if plan.to_blocked["sendMessage"]:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
        assert plan.to_blocked["sendMessage"] == 1  # and no retry against a 403
        assert await blocked.no_reply(0.5)
        assert [type(e).__name__ for e in bot.errors] == ["Forbidden"]
        bot.errors.clear()
        assert_nothing_but_injected(bot, plan)


async def test_a_storm_of_faults_leaves_every_question_answered_exactly_once(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    plan = FaultPlan()
    async with faulty_bot(emulator, small_corpus, caplog, plan) as bot:
        plan.add("sendMessage", "500", "timeout", "429", "drop", "502", "refused", "timeout", "500", "drop", "502")
        plan.add("sendChatAction", "timeout", "500", "drop", "refused", "429", "502")
        plan.add("getUpdates", "drop", "timeout", "500", "timeout", "refused", "timeout", "502", "timeout")
        users = [bot.user(user_id=4000 + i) for i in range(12)]
        questions = [QUESTION, "How do I cook plov with saffron rice?"]
        for question in questions:
            for user in users:
                await user.send_text(question)
        error_text = locale("en")["error"]
        for user in users:
            replies = [r["message"]["text"] for r in await user.replies(len(questions), timeout=60)]
            assert "Vitorino" in replies[0] and "919" in replies[1]
            assert all(problems(r) == [] and error_text not in r for r in replies)
        for user in users:
            assert await user.no_reply(0.1)
        assert plan.pending() == 0 and plan.total_injected() == 24
        assert_nothing_but_injected(bot, plan)


# --- corpus faults on /reload ------------------------------------------------------------------------------
def make_unreadable(path: Path) -> None:
    """A corpus file that cannot be read: mode 000, or, for root (who reads anything), a link to
    /proc/self/mem, whose first page is never mapped (reading it fails with EIO)."""
    path.chmod(0)
    try:
        path.read_bytes()
    except OSError:
        return
    if not Path("/proc/self/mem").exists():
        pytest.skip("running as root without /proc: no way to make a file unreadable")
    path.unlink()
    path.symlink_to("/proc/self/mem")


async def reload_report(bot: RunningBot) -> str:
    """An admin's /reload: the visible text of the final report, checked for valid HTML."""
    admin = bot.admin()
    await admin.send_command("/reload")
    _started, report = [r["message"]["text"] for r in await admin.replies(2, timeout=30)]
    assert problems(report) == []
    return visible_text(report)


async def assert_old_index_serves(bot: RunningBot, documents: int) -> None:
    assert len(bot.service.index.documents) == documents
    assert "Vitorino" in await exactly_one_answer(bot.user(user_id=6001))
    bot.assert_clean()


async def test_a_reload_with_a_malformed_file_keeps_the_old_index_and_names_the_line(
        running_bot: RunningBot) -> None:
    before = len(running_bot.service.index.documents)
    bad = running_bot.corpus / "malformed.md"
    bad.write_text("---\ntitle: Fine\ndate: [2024, 13\n---\nText.\n", encoding="utf-8")
    report = await reload_report(running_bot)
    assert f"{bad}:3: bad YAML" in report and "keep being served" in report
    await assert_old_index_serves(running_bot, before)


async def test_a_reload_with_an_unreadable_file_keeps_the_old_index_and_names_it(running_bot: RunningBot) -> None:
    before = len(running_bot.service.index.documents)
    locked = write_doc(running_bot.corpus, "locked.md", "Locked", "Nobody can read this.")
    make_unreadable(locked)
    report = await reload_report(running_bot)
    assert f"{locked}:1: cannot read" in report
    await assert_old_index_serves(running_bot, before)


async def test_a_reload_of_an_emptied_corpus_keeps_the_old_index(running_bot: RunningBot) -> None:
    before = len(running_bot.service.index.documents)
    for path in running_bot.corpus.glob("*.md"):
        path.unlink()
    report = await reload_report(running_bot)
    assert f"{running_bot.corpus}:0: no press releases" in report
    await assert_old_index_serves(running_bot, before)


async def test_a_file_that_disappears_during_the_reload_keeps_the_old_index_and_is_named(
        running_bot: RunningBot, monkeypatch: pytest.MonkeyPatch) -> None:
    before = len(running_bot.service.index.documents)
    write_doc(running_bot.corpus, "new.md", "Zanzibar consular day", "The embassy visited Zanzibar.")
    victim = sorted(running_bot.corpus.glob("*.md"))[0]
    listed = corpus.corpus_files

    def list_then_lose_one(directory: Path) -> list[Path]:  # the race, made to happen every time
        files = listed(directory)
        victim.unlink(missing_ok=True)
        return files

    monkeypatch.setattr(corpus, "corpus_files", list_then_lose_one)
    report = await reload_report(running_bot)
    assert f"{victim}:1: cannot read: No such file or directory" in report
    await assert_old_index_serves(running_bot, before)
