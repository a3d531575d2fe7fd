"""End to end: the language of a reply is the question's when its words show it, else the person's
Telegram language (language_code), else English; the buttons follow the reply."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.telegram_emulator import keyboard, visible

RUSSIAN = "Сколько иностранцев въехало в Азербайджан в 2020 году?"
AZERBAIJANI = "Dövlət Miqrasiya Xidmətinə aprel ayında neçə zəng daxil olub?"
NO_LANGUAGE = "Vitorino Geneva"


async def ask(bot: RunningBot, text: str, language_code: str) -> tuple[str, list[str]]:
    user = bot.user(language_code=language_code)
    await user.send_text(text)
    reply = await user.next_reply()
    return visible(reply["message"]["text"]), [label for row in keyboard(reply) for label, _ in row]


async def test_a_russian_question_from_an_english_speaker_is_answered_in_russian(running_bot: RunningBot) -> None:
    text, labels = await ask(running_bot, RUSSIAN, "en")
    assert "795 761" in text and "\nИсточники\n" in text
    assert labels[0] == "Источник 1" and "Ещё" in labels
    running_bot.assert_clean()


async def test_an_azerbaijani_question_from_a_russian_speaker_is_answered_in_azerbaijani(
        running_bot: RunningBot) -> None:
    text, labels = await ask(running_bot, AZERBAIJANI, "ru")
    assert "\nMənbələr\n" in text
    assert labels[0] == "Mənbə 1" and "Daha çox" in labels
    running_bot.assert_clean()


async def test_a_question_that_shows_no_language_is_answered_in_the_persons_language(
        running_bot: RunningBot) -> None:
    text, labels = await ask(running_bot, NO_LANGUAGE, "az")
    assert "Vitorino" in text and "\nMənbələr\n" in text
    assert labels[0] == "Mənbə 1"
    running_bot.assert_clean()


async def test_a_question_that_shows_no_language_from_a_speaker_of_another_language_gets_english(
        running_bot: RunningBot) -> None:
    text, labels = await ask(running_bot, NO_LANGUAGE, "de")
    assert "\nSources\n" in text and labels[0] == "Source 1"
    running_bot.assert_clean()


async def test_an_unanswered_question_is_declined_in_the_persons_language(running_bot: RunningBot) -> None:
    text, _ = await ask(running_bot, "Plov", "ru")
    assert text.startswith("В моих пресс-релизах нет ответа на этот вопрос")
    running_bot.assert_clean()
