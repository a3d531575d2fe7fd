"""The reply language: the question's when its words show it, else the person's Telegram language."""

from __future__ import annotations

import pytest
from telegram import User

from pressbot.bot.core.language import reply_language, text_language, user_language


def person(code: str | None) -> User:
    return User(id=1, first_name="A", is_bot=False, language_code=code)


@pytest.mark.parametrize(("text", "lang"), [("Who met the IOM Director General?", "en"),
                                             ("Кто встречался с послом?", "ru"),
                                             ("Səyyar xidmət harada olub?", "az"),
                                             ("Vitorino Geneva", None), ("919", None), ("", None)])
def test_text_language_is_none_when_nothing_shows_it(text: str, lang: str | None) -> None:
    assert text_language(text) == lang


@pytest.mark.parametrize(("code", "lang"), [("az", "az"), ("ru-RU", "ru"), ("EN", "en"), ("de", "en"),
                                             (None, "en")])
def test_user_language_is_one_we_speak_else_english(code: str | None, lang: str) -> None:
    assert user_language(person(code)) == lang


def test_the_question_decides_over_the_persons_language() -> None:
    assert reply_language("Кто встречался с послом?", person("az")) == "ru"


def test_the_persons_language_decides_when_the_question_does_not() -> None:
    assert reply_language("Vitorino", person("az")) == "az"
    assert reply_language("Vitorino", None) == "en"
