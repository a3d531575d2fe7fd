"""End to end: /privacy in three languages, /forget with its confirmation button, retention at start-up and
on PTB's JobQueue, expired buttons, and questions full of identifiers leaving none in the state or the logs
(INFO and DEBUG, PTB's and httpx's own lines included)."""

from __future__ import annotations

import io
import sqlite3
import time
from pathlib import Path

import pytest

from pressbot.bot.core.logs import configure_logging
from pressbot.bot.core.storage import Storage
from pressbot.bot.telegram.privacy import FORGET_NO, FORGET_YES, RETENTION_JOB
from tests.conftest import RunningBot, start_bot
from tests.telegram_emulator import EmulatorProcess, keyboard, recorder, visible, wait_for_calls
from tests.test_privacy import rows_holding

pytestmark = pytest.mark.e2e
QUESTION = "Who met the IOM Director General in Geneva?"
DAY = 86_400.0


def state_of(bot: RunningBot) -> Path:
    return bot.service.config.state_path


@pytest.mark.parametrize(("lang", "heading"), [("en", "What I keep about you"),
                                               ("az", "Sizin haqqınızda nə saxlayıram"),
                                               ("ru", "Что я храню о вас")])
async def test_privacy_says_what_is_kept_for_how_long_in_the_persons_language(
        running_bot: RunningBot, lang: str, heading: str) -> None:
    user = running_bot.user(language_code=lang)
    await user.send_command("/privacy")
    text = visible((await user.next_reply())["message"]["text"])
    assert text.startswith(heading) and "90" in text and "/forget" in text
    running_bot.assert_clean()


async def test_forget_asks_first_and_no_deletes_nothing(running_bot: RunningBot) -> None:
    user = running_bot.user(user_id=3131)
    await user.send_command("/subscribe consular")
    await user.next_reply()
    await user.send_command("/forget")
    confirm = await user.next_reply()
    assert [data for row in keyboard(confirm) for _, data in row] == [FORGET_YES, FORGET_NO]
    await user.press_button(confirm, FORGET_NO)
    assert "Nothing was deleted" in (await user.next_reply())["message"]["text"]
    assert Storage.open(state_of(running_bot)).subscriptions(3131) != []
    running_bot.assert_clean()


async def test_forget_leaves_no_row_with_the_persons_id(running_bot: RunningBot) -> None:
    user, other = running_bot.user(user_id=3132), running_bot.user(user_id=3133)
    for person in (user, other):
        await person.send_command("/subscribe consular")
        await person.next_reply()
        await person.send_text(QUESTION)
        answer = await person.next_reply()
        await person.press_button(answer, keyboard(answer)[1][1][1])  # 👍
    await wait_for_calls(recorder(running_bot.app), "answerCallbackQuery", 2)
    assert rows_holding(state_of(running_bot), 3132)
    await user.send_command("/forget")
    await user.press_button(await user.next_reply(), FORGET_YES)
    done = (await user.next_reply())["message"]["text"]
    assert "everything I kept about you is deleted (3 records)" in done  # button, vote, subscription
    assert rows_holding(state_of(running_bot), 3132) == []
    assert len(rows_holding(state_of(running_bot), 3133)) == 3
    running_bot.assert_clean()


async def test_a_question_that_is_only_a_phone_number_gets_the_normal_reply_and_is_not_kept(
        running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text("+994 50 123 45 67")
    reply = visible((await user.next_reply())["message"]["text"])
    # A message with no word to search gets the request for words, as any such message does (never quotes).
    assert "Please write it in words" in reply
    assert Storage.open(state_of(running_bot)).stats().unanswered == ()  # not a question: nothing stored
    await user.send_text("my passport AA1234567 expired, who met the IOM Director General in Geneva?")
    await user.next_reply()
    assert Storage.open(state_of(running_bot)).stats().questions_total == 1  # a real question is counted
    dump = state_of(running_bot).read_bytes()
    assert b"AA1234567" not in dump and b"123 45 67" not in dump
    running_bot.assert_clean()


async def test_expired_rows_are_deleted_at_start_and_the_purge_is_scheduled_daily(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    state = small_corpus.parent / ".pressbot-state" / "pressbot.sqlite3"
    before = Storage.open(state)
    now = time.time()
    for age in (1, 100):
        before.record_question(f"asked {age} days ago", answered=False, now=now - age * DAY)
        before.put_button("answer", {"question": "q"}, now=now - age * DAY, user_id=1)
    before.subscribe(1, "visa", "en", now=now - 400 * DAY)
    before.close()
    async with start_bot(emulator, small_corpus, caplog) as bot:
        assert bot.service.config.state_path == state
        db = sqlite3.connect(state)
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (1,)
        assert db.execute("SELECT COUNT(*) FROM buttons").fetchone() == (1,)
        assert db.execute("SELECT COUNT(*) FROM subscriptions").fetchone() == (1,)
        db.close()
        assert bot.app.job_queue is not None
        (job,) = bot.app.job_queue.get_jobs_by_name(RETENTION_JOB)
        assert job.trigger.interval.total_seconds() == DAY
        with Storage.open(state) as storage:  # a day later, one more question has expired
            storage.record_question("asked long ago", answered=False, now=time.time() - 91 * DAY)
        await job.run(bot.app)  # what the JobQueue does once a day
        with Storage.open(state) as storage:
            assert [q for q, _ in storage.stats().unanswered] == ["asked 1 days ago"]
        bot.assert_clean()


async def test_a_button_older_than_the_retention_period_says_it_expired(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text(QUESTION)
    answer = await user.next_reply()
    db = sqlite3.connect(state_of(running_bot))
    db.execute("UPDATE buttons SET created = created - ?", (91 * DAY,))
    db.commit()
    db.close()
    await user.press_button(answer, keyboard(answer)[0][0][1])
    (call,) = await wait_for_calls(recorder(running_bot.app), "answerCallbackQuery", 1)
    assert "no longer remember" in call["text"] and call["show_alert"] is True
    running_bot.assert_clean()


SAMPLE = ["my passport AA1234567 expired, call me +994 50 123 45 67",
          "pasportum AZE12345678 itib, e-poctum leyla.m@mail.az, FIN 5ZRT4KL",
          "паспорт С01234567, телефон +7 (495) 123-45-67, карта 4111 1111 1111 1111",
          "erize 2024123456 ne vaxt hazir olacaq? 050 987 65 43",
          "Who met the IOM Director General? ring 00994 55 765 43 21"]
RAW = ["AA1234567", "+994 50 123 45 67", "AZE12345678", "leyla.m@mail.az", "5ZRT4KL", "С01234567",
       "+7 (495) 123-45-67", "4111 1111 1111 1111", "2024123456", "050 987 65 43", "00994 55 765 43 21"]


async def test_questions_full_of_identifiers_leave_none_in_the_state_or_the_debug_log(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture,
        restore_logging: None) -> None:
    log = io.StringIO()
    async with start_bot(emulator, small_corpus, caplog,
                         configure=lambda app: configure_logging("DEBUG", [], stream=log)) as bot:
        user = bot.user(user_id=4545)
        for text in SAMPLE:
            await user.send_text(text)
            answer = await user.next_reply()
            if keyboard(answer):
                await user.press_button(answer, keyboard(answer)[1][0][1])  # More: the stored question
                await user.next_reply()
        state = bot.service.config.state_path
    output = log.getvalue()
    assert "telegram.ext.ExtBot" in output and "sendMessage" in output  # PTB's DEBUG lines were written
    dump = "\n".join(repr(row) for table in ("questions", "buttons", "votes", "subscriptions", "notices")
                     for row in sqlite3.connect(state).execute(f"SELECT * FROM {table}"))
    assert "[passport]" in dump and "[phone]" in dump
    leaked = [raw for raw in RAW if raw in output or raw in dump]
    assert leaked == []
    asked = [line for line in output.splitlines() if " INFO " in line and ": question " in line]
    assert len(asked) == len(SAMPLE)
    assert not any(marker in line for line in asked for marker in ("[phone]", "[passport]", "[e-mail]", "[FIN]"))
