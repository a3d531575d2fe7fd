"""End to end: the bot's state lives in SQLite and survives a restart of the Application on the same database.

A restarted bot keeps its token in real life; the emulator keys its message store by token, so the second
run here gets a new one, and the person presses a button of the first run's message with its callback_data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import start_bot, write_doc
from tests.telegram_emulator import EmulatorProcess, keyboard, recorder, visible, wait_for_calls


async def test_buttons_subscriptions_votes_and_statistics_survive_a_restart(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with start_bot(emulator, small_corpus, caplog) as first:
        user = first.user()
        await user.send_text("State Migration Service meeting")
        answer = await user.next_reply()
        await user.press_button(answer, keyboard(answer)[1][1][1])  # 👍
        await wait_for_calls(recorder(first.app), "answerCallbackQuery", 1)
        await user.send_command("/subscribe mobile consular")
        await user.next_reply()
        first.assert_clean()
    assert (small_corpus.parent / ".pressbot-state" / "pressbot.sqlite3").is_file()  # beside the corpus

    async with start_bot(emulator, small_corpus, caplog) as second:
        user = second.user()
        await user.press_button(answer, keyboard(answer)[0][0][1])  # Source 1, pressed after the restart
        assert "<blockquote expandable>" in (await user.next_reply())["message"]["text"]
        await user.press_button(answer, keyboard(answer)[1][0][1])  # More
        assert visible((await user.next_reply())["message"]["text"]).startswith("More on")

        await user.send_command("/subscriptions")
        assert "• mobile consular" in visible((await user.next_reply())["message"]["text"])
        admin = second.admin()
        await admin.send_command("/stats")
        stats = visible((await admin.next_reply())["message"]["text"])
        assert "Questions: 1 today, 1 in total." in stats and "👍 1 · 👎 0" in stats

        write_doc(small_corpus, "zanzibar.md", "Mobile consular service in Zanzibar",
                  "The embassy provided mobile consular services in Zanzibar.")
        await admin.send_command("/reload")
        await admin.replies(2)
        assert "Mobile consular service in Zanzibar" in visible((await user.next_reply())["message"]["text"])
        second.assert_clean()


async def test_a_bot_on_another_database_does_not_know_the_buttons(
        emulator: EmulatorProcess, small_corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with start_bot(emulator, small_corpus, caplog) as first:
        user = first.user()
        await user.send_text("State Migration Service meeting")
        answer = await user.next_reply()
    other_corpus = tmp_path / "elsewhere" / "corpus"
    other_corpus.mkdir(parents=True)
    for path in small_corpus.glob("*.md"):
        (other_corpus / path.name).write_bytes(path.read_bytes())
    async with start_bot(emulator, other_corpus, caplog) as second:
        user = second.user()
        await user.press_button(answer, keyboard(answer)[0][0][1])
        (call,) = await wait_for_calls(recorder(second.app), "answerCallbackQuery", 1)
        assert call["text"].startswith("This button belongs to an older message")
        second.assert_clean()
