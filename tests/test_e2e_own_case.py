"""End to end in Telegram: a question about the person's own application gets, in its language, the reply that
the bot cannot see individual applications, with the agency's contacts: not quotes, no answer buttons."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.test_e2e_core import visible


async def test_a_russian_question_about_ones_own_permit_gets_the_own_case_reply(running_bot: RunningBot) -> None:
    user = running_bot.user(language_code="en")
    await user.send_text("подал на ВНЖ месяц назад, когда будет готов?")
    message = (await user.next_reply())["message"]
    text = visible(message["text"])
    assert text.startswith("Я не вижу заявлений отдельных людей") and "Источники" not in text
    assert "reply_markup" not in message  # no Source / More / 👍 buttons: nothing was quoted
    running_bot.assert_clean()
