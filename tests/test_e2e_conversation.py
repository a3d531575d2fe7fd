"""End to end in Telegram: conversation words get a greeting with example questions, in their language, through
the real PTB Application on the emulator; not quotes, not the abstention, no answer buttons."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.test_e2e_core import visible


async def test_salam_gets_an_azerbaijani_greeting_with_example_questions(running_bot: RunningBot) -> None:
    user = running_bot.user(language_code="en")
    await user.send_text("salam")
    message = (await user.next_reply())["message"]
    text = visible(message["text"])
    assert text.startswith("Salam!") and "Məsələn, soruşun:" in text
    assert "bu suala cavab vermir" not in text and "Mənbələr" not in text
    assert "reply_markup" not in message  # no Source / More / 👍 buttons under a greeting
    running_bot.assert_clean()


async def test_thanks_in_russian_gets_a_russian_reply(running_bot: RunningBot) -> None:
    user = running_bot.user(language_code="az")
    await user.send_text("спасибо!")
    text = visible((await user.next_reply())["message"]["text"])
    assert text.startswith("Пожалуйста!") and "Источники" not in text
    running_bot.assert_clean()
