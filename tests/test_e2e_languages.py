"""End to end in Telegram: Azerbaijani and Russian questions answered from press releases in those languages,
in the question's language, through the real PTB Application on the emulator."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.test_e2e_core import visible


async def ask_html(bot: RunningBot, question: str, language_code: str = "en") -> str:
    user = bot.user(language_code=language_code)
    await user.send_text(question)
    html: str = (await user.next_reply())["message"]["text"]
    return html


async def ask(bot: RunningBot, question: str, language_code: str = "en") -> str:
    return visible(await ask_html(bot, question, language_code))


async def test_an_azerbaijani_question_is_answered_in_azerbaijani_with_the_figure(running_bot: RunningBot) -> None:
    html = await ask_html(running_bot, "Daimi yaşama icazəsi ilə bağlı neçə zəng daxil olub?")
    assert "693 zəng" in visible(html)
    assert "Mənbələr" in visible(html) and "[1]" in visible(html)
    assert '<a href="https://migration.gov.az/az/news_detail/13344">' in html
    running_bot.assert_clean()


async def test_azerbaijani_typed_without_its_letters_is_still_answered_in_azerbaijani(
        running_bot: RunningBot) -> None:
    text = await ask(running_bot, "Rus dilinde nece zenge cavab verilib?")
    assert "739-i rus dilində" in text
    assert "Mənbələr" in text
    running_bot.assert_clean()


async def test_a_russian_question_is_answered_in_russian_with_the_figure(running_bot: RunningBot) -> None:
    text = await ask(running_bot, "Сколько ходатайств о предоставлении статуса беженца зарегистрировала "
                                  "миграционная служба?")
    assert "зарегистрировано 52" in text
    assert "Источники" in text and "[1]" in text
    running_bot.assert_clean()


async def test_a_russian_question_gets_a_russian_answer_whatever_the_telegram_language(
        running_bot: RunningBot) -> None:
    text = await ask(running_bot, "Сколько ходатайств о предоставлении статуса беженца зарегистрировала "
                                  "миграционная служба?", language_code="az")
    assert "Источники" in text and "Mənbələr" not in text
    running_bot.assert_clean()


async def test_an_azerbaijani_question_outside_the_corpus_is_declined_in_azerbaijani(
        running_bot: RunningBot) -> None:
    text = await ask(running_bot, "Dolma necə bişirilir?")
    assert "bu suala cavab vermir" in text and "919" in text
    assert "[1]" not in text
    running_bot.assert_clean()


async def test_a_russian_question_outside_the_corpus_is_declined_in_russian(running_bot: RunningBot) -> None:
    text = await ask(running_bot, "Плов с шафраном: как его приготовить?")
    assert "нет ответа на этот вопрос" in text and "919" in text
    assert "[1]" not in text
    running_bot.assert_clean()
