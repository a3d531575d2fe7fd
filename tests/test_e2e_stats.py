"""End to end: /stats, the admins' view of what people ask and how the answers fare."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.html_checker import assert_valid
from tests.telegram_emulator import keyboard, visible


async def test_stats_count_questions_answers_unanswered_questions_and_feedback(running_bot: RunningBot) -> None:
    alice, bob = running_bot.user(1001, "Alice"), running_bot.user(1002, "Bob")
    await alice.send_text("Who met the IOM Director General in Geneva?")
    answer = await alice.next_reply()
    await alice.press_button(answer, keyboard(answer)[-1][1][1])  # 👍
    for person, text in [(alice, "What is the visa fee?"), (bob, "what is the  VISA fee"),
                         (bob, "How do I cook plov?")]:
        await person.send_text(text)
        await person.next_reply()
    admin = running_bot.admin()
    await admin.send_command("/stats")
    text = (await admin.next_reply())["message"]["text"]
    assert_valid(text)
    lines = visible(text).splitlines()
    assert lines[:6] == ["Statistics", "", "Questions: 4 today, 4 in total.", "Answered: 25% of all questions.",
                         "Feedback: 👍 1 · 👎 0", "Subscriptions: 0 topics, 0 subscribers."]
    assert lines[7:] == ["Most frequent unanswered questions (press releases that may be missing):",
                         "1. what is the visa fee — 2", "2. how do i cook plov — 1"]
    running_bot.assert_clean()


async def test_stats_with_no_questions_yet(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.send_command("/stats")
    text = visible((await admin.next_reply())["message"]["text"])
    assert "Answered: — of all questions." in text and text.endswith("None so far.")
    running_bot.assert_clean()


async def test_stats_are_refused_to_a_user_who_is_not_an_admin(running_bot: RunningBot) -> None:
    user = running_bot.user(777)
    await user.send_command("/stats")
    text = visible((await user.next_reply())["message"]["text"])
    assert text == "Sorry, only the bot's administrators can use this command."
    running_bot.assert_clean()


async def test_unanswered_questions_are_escaped_in_stats(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text("<script>alert(1)</script> & plov?")
    await user.next_reply()
    admin = running_bot.admin()
    await admin.send_command("/stats")
    assert "1. &lt;script&gt;alert(1)&lt;/script&gt; &amp; plov — 1" in (await admin.next_reply())["message"]["text"]
    running_bot.assert_clean()
