"""More of what people send that is not a question (conversation.py's _MORE_PHRASES): asking for help without a
question, checking that someone is there, thanks that say what for — in three languages — while a question
that starts the same way is still a question."""

from __future__ import annotations

import pytest

from pressbot.responses.conversation import recognize


@pytest.mark.parametrize(("message", "act", "lang"), [
    ("hello, can you help me?", "help", "en"),
    ("mənə kömək edin", "help", "az"),
    ("мне нужна помощь", "help", "ru"),
    ("are you there?", "greeting", "en"),
    ("salam, burdasiz?", "greeting", "az"),
    ("ты тут?", "greeting", "ru"),
    ("thanks for the info", "thanks", "en"),
    ("məlumat üçün təşəkkür", "thanks", "az"),
    ("спасибо большое за информацию", "thanks", "ru"),
    ("in more detail please", "more", "en"),
    ("daha etrafli yaz", "more", "az"),
    ("расскажите подробнее", "more", "ru"),
])
def test_a_message_that_asks_nothing_of_the_releases_is_conversation(message: str, act: str, lang: str) -> None:
    turn = recognize(message)
    assert turn is not None and (turn.act, turn.lang) == (act, lang)


@pytest.mark.parametrize(("message", "act"), [
    ("are u a bot?", "about"), ("thx", "thanks"), ("can u help me", "help"), ("how r u", "greeting"),
])
def test_english_chat_shorthand_reads_as_the_words_it_stands_for(message: str, act: str) -> None:
    turn = recognize(message)
    assert turn is not None and turn.act == act


@pytest.mark.parametrize(("message", "lang"), [
    ("are u a bot or a real person?", "en"), ("is this a bot or a human", "en"),
    ("sən botsan yoxsa insan?", "az"), ("ты бот или человек?", "ru"),
])
def test_asking_whether_the_bot_is_a_bot_or_a_person_is_conversation(message: str, lang: str) -> None:
    turn = recognize(message)
    assert turn is not None and (turn.act, turn.lang) == ("about", lang)


def test_an_azerbaijani_word_spelt_like_english_shorthand_is_not_read_as_english() -> None:
    turn = recognize("ya sağ ol")  # "ya": Azerbaijani "oh", not "you"
    assert turn is None or turn.lang != "en"


@pytest.mark.parametrize("message", [
    "can you help me get a work permit",
    "mənə kömək edin, pasport necə alınır",
    "вы можете помочь с внж",
    "thanks for the info, and what about the fee?",
    "ты тут работаешь?",
])
def test_a_question_after_the_same_words_is_still_a_question(message: str) -> None:
    assert recognize(message) is None
