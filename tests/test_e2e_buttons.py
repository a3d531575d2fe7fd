"""End to end: the buttons under answers and /latest lists, through the emulator.

Real Telegram answers every answerCallbackQuery with True and shows its text as a toast (or an alert);
the emulator records nothing of it, so the tests read the calls the bot made from the adapter's record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RunningBot, start_bot, write_doc
from tests.html_checker import assert_valid
from tests.telegram_emulator import EmulatorProcess, keyboard, recorder, visible, wait_for_calls

# In the small corpus three press releases answer this, and two more match it: a "More" page exists.
BROAD_QUESTION = "State Migration Service meeting"


def dated_release(corpus: Path) -> None:
    write_doc(corpus, "zanzibar.md", "Mobile consular service in Zanzibar",
              "The embassy provided mobile consular services to compatriots in Zanzibar on 3 May. "
              "Passports of 40 compatriots were renewed.",
              url="https://example.org/news/zanzibar", date="2024-05-03", source="Embassy in Tanzania")


async def test_an_answer_carries_source_more_and_feedback_buttons(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text(BROAD_QUESTION)
    rows = keyboard(await user.next_reply())
    assert [text for text, _ in rows[0]] == ["Source 1", "Source 2", "Source 3"]
    assert [text for text, _ in rows[1]] == ["More", "👍", "👎"]
    assert all(0 < len(data.encode()) <= 64 for row in rows for _, data in row)
    running_bot.assert_clean()


async def test_an_unanswered_question_has_no_buttons(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text("How do I cook plov with saffron rice?")
    assert keyboard(await user.next_reply()) == []
    running_bot.assert_clean()


async def test_source_button_shows_the_cited_passage_as_an_expandable_blockquote(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    dated_release(small_corpus)
    async with start_bot(emulator, small_corpus, caplog) as bot:
        user = bot.user()
        await user.send_text("Where were passports renewed in Zanzibar?")
        answer = await user.next_reply()
        source_1 = keyboard(answer)[0][0][1]
        await user.press_button(answer, source_1)
        shown = (await user.next_reply())["message"]
        assert "<b>[1] Mobile consular service in Zanzibar</b>" in shown["text"]
        assert "2024-05-03 — Embassy in Tanzania" in shown["text"]
        assert ("<blockquote expandable>The embassy provided mobile consular services to compatriots in Zanzibar "
                "on 3 May. Passports of 40 compatriots were renewed.</blockquote>") in shown["text"]
        assert '<a href="https://example.org/news/zanzibar">' in shown["text"]
        assert shown["parse_mode"] == "HTML"
        assert_valid(shown["text"])
        assert [p["callback_query_id"] for p in recorder(bot.app).parameters("answerCallbackQuery")] != []
        bot.assert_clean()


async def test_more_button_quotes_the_next_press_releases_not_yet_cited(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text(BROAD_QUESTION)
    answer = await user.next_reply()
    cited = set(_links(answer["message"]["text"]))
    more_data = keyboard(answer)[1][0][1]
    await user.press_button(answer, more_data)
    more = await user.next_reply()
    text = more["message"]["text"]
    assert visible(text).startswith(f"More on “{BROAD_QUESTION}”")
    assert "«" in text and "[1]" in text
    assert_valid(text)
    assert _links(text) and not set(_links(text)) & cited
    assert [t for t, _ in keyboard(more)[-1]] == ["More", "👍", "👎"]  # the next page has its own buttons
    running_bot.assert_clean()


async def test_more_when_nothing_is_left_answers_with_a_toast_only(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text("Who met the IOM Director General in Geneva?")
    answer = await user.next_reply()
    await user.press_button(answer, keyboard(answer)[1][0][1])
    toast = await _answered(running_bot, 1)
    assert toast[-1]["text"] == "No more press releases match this question."
    assert await user.no_reply()
    running_bot.assert_clean()


async def test_feedback_is_thanked_and_one_vote_per_person_is_counted(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text(BROAD_QUESTION)
    answer = await user.next_reply()
    _, up, down = keyboard(answer)[1]
    await user.press_button(answer, up[1])
    await _answered(running_bot, 1)
    await user.press_button(answer, down[1])
    calls = await _answered(running_bot, 2)
    assert [c["text"] for c in calls] == ["Thank you! Glad it helped.", "Thank you: this shows us what is missing."]
    stats = running_bot.app.bot_data.storage.stats()
    assert (stats.thumbs_up, stats.thumbs_down) == (0, 1)
    running_bot.assert_clean()


@pytest.mark.parametrize("data", ["src:NoSuchK:1", "more:gone1234", "like", "src:abc", "x" * 64])
async def test_a_press_on_an_old_or_unknown_button_gets_a_friendly_notice(running_bot: RunningBot,
                                                                          data: str) -> None:
    user = running_bot.user()
    await user.send_text(BROAD_QUESTION)
    answer = await user.next_reply()
    await user.press_button(answer, data)
    (call,) = await _answered(running_bot, 1)
    assert call["text"].startswith("This button belongs to an older message")
    assert call["show_alert"] is True
    assert await user.no_reply()
    running_bot.assert_clean()


async def test_every_press_is_answered_exactly_once(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text(BROAD_QUESTION)
    answer = await user.next_reply()
    presses = [data for row in keyboard(answer) for _, data in row] + ["unknown"]
    for data in presses:
        await user.press_button(answer, data)
    calls = await _answered(running_bot, len(presses))
    assert len({c["callback_query_id"] for c in calls}) == len(presses)
    running_bot.assert_clean()


async def test_a_press_too_old_to_acknowledge_is_still_served(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    too_old = "Bad Request: query is too old and response timeout expired or query id is invalid"

    def refuse_acknowledgements(app: Any) -> None:
        recorder(app).refusals["answerCallbackQuery"] = too_old  # as Telegram does after about 15 s

    async with start_bot(emulator, small_corpus, caplog, refuse_acknowledgements) as bot:
        user = bot.user()
        await user.send_text(BROAD_QUESTION)
        answer = await user.next_reply()
        await user.press_button(answer, keyboard(answer)[0][0][1])
        assert "<blockquote expandable>" in (await user.next_reply())["message"]["text"]
        bot.assert_clean()


async def test_latest_is_a_dated_list_of_links_with_a_more_button(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    for day in range(1, 8):
        write_doc(small_corpus, f"consular-{day}.md", f"Mobile consular service, round {day}",
                  f"The embassy held mobile consular service round {day} for compatriots.",
                  url=f"https://example.org/news/{day}", date=f"2024-06-0{day}")
    async with start_bot(emulator, small_corpus, caplog) as bot:
        user = bot.user()
        await user.send_command("/latest mobile consular service")
        first = await user.next_reply()
        lines = visible(first["message"]["text"]).splitlines()
        assert lines[0] == "Newest press releases about “mobile consular service”"
        assert lines[2:7] == [f"{i}. Mobile consular service, round {8 - i} — 2024-06-0{8 - i}" for i in range(1, 6)]
        assert '<a href="https://example.org/news/7">' in first["message"]["text"]
        ((more_text, more_data),) = keyboard(first)[0]
        assert more_text == "More"
        await user.press_button(first, more_data)
        second = await user.next_reply()
        later = visible(second["message"]["text"]).splitlines()
        assert "6. Mobile consular service, round 2 — 2024-06-02" in later
        assert "7. Mobile consular service, round 1 — 2024-06-01" in later
        bot.assert_clean()


async def test_a_short_latest_list_has_no_more_button(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_command("/latest consular")
    assert keyboard(await user.next_reply()) == []
    running_bot.assert_clean()


def _links(text: str) -> list[str]:
    return [part.split('"', 1)[0] for part in text.split('<a href="')[1:]]


async def _answered(bot: RunningBot, count: int) -> list[dict[str, Any]]:
    return await wait_for_calls(recorder(bot.app), "answerCallbackQuery", count)
